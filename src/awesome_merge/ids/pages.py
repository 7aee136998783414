"""Page keys: OpenReview forums, GitHub repositories, proceedings pages, and one comparison key per URL."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode

from .identifiers import _identifiers_from_parts
from .urls import _AI, _HTTP_URL_RE, _parse, _Url

_OPENREVIEW_PATHS = frozenset({"/forum", "/pdf", "/attachment"})
_OPENREVIEW_ID_RE = re.compile(r"(?:^|[&;])id=(?P<id>[A-Za-z0-9_-]+)", re.ASCII)


def _openreview_from_parts(p: _Url) -> str:
    """Only forum/pdf/attachment take a forum id; group?id= and others name venues, not papers."""
    if not (p.host == "openreview.net" or p.host.endswith(".openreview.net")):
        return ""
    if p.path.rstrip("/") not in _OPENREVIEW_PATHS:
        return ""
    m = _OPENREVIEW_ID_RE.search(p.query)
    return m["id"] if m else ""


def openreview_id(url: str) -> str:
    """Forum id of an OpenReview forum/pdf/attachment URL (case kept: ids are case-sensitive), else ""."""
    p = _parse(url)
    return _openreview_from_parts(p) if p else ""


_GH_NAME = r"(?P<owner>[a-z0-9][a-z0-9-]{0,38})/(?P<repo>[a-z0-9._-]+)"
_GH_PATH_RE = re.compile(r"/" + _GH_NAME, _AI)
_SHIELDS_RE = re.compile(
    r"/github/(?:(?:v|commit-activity|languages|release-date|actions/workflow)/[a-z-]+/|[a-z-]+/)" + _GH_NAME,
    _AI,
)
_GH_RESERVED = frozenset(
    {
        "about",
        "account",
        "apps",
        "blog",
        "codespaces",
        "collections",
        "contact",
        "copilot",
        "customer-stories",
        "dashboard",
        "enterprise",
        "events",
        "explore",
        "features",
        "home",
        "issues",
        "join",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "organizations",
        "pricing",
        "pulls",
        "readme",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "stars",
        "topics",
        "trending",
        "users",
    }
)
_BADGE_HOSTS = frozenset({"img.shields.io", "shields.io", "badgen.net", "flat.badgen.net"})


def _github_from_parts(p: _Url) -> str:
    """Repo from a github.com path or a GitHub badge; reserved first segments are site pages."""
    if p.host == "github.com":
        m = _GH_PATH_RE.match(p.path)
    elif p.host in _BADGE_HOSTS:
        m = _SHIELDS_RE.match(p.path)
    else:
        return ""
    if m is None or m["owner"].lower() in _GH_RESERVED:
        return ""
    repo = m["repo"]
    for suffix in (".git", ".svg", ".png", ".json"):
        if repo.lower().endswith(suffix):
            repo = repo[: -len(suffix)]
            break
    if repo in ("", ".", ".."):
        return ""
    return f"https://github.com/{m['owner']}/{repo}"


def github_repo(url: str) -> str:
    """``https://github.com/<owner>/<repo>`` for repo pages and GitHub badges, else ""."""
    p = _parse(url)
    return _github_from_parts(p) if p else ""


_TRACKING_PARAMS = frozenset(
    {
        "ref",
        "ref_src",
        "source",
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "spm",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
    }
)
_PROCEEDINGS_HASH_RE = re.compile(
    r"/(?:paper_files/)?paper/[0-9]{4}/(?:file|hash)/(?P<hash>[0-9a-f]{32})-(?:Paper|Abstract)"
    r"(?:-[a-z_]+)?\.(?:pdf|html)",
    _AI,
)
_PMLR_RE = re.compile(r"/(?P<vol>v[0-9]+)/(?P<pid>[a-z0-9_-]+)(?:\.html|\.pdf|/(?P=pid)\.pdf)?/?", _AI)
_ACL_RE = re.compile(
    r"/(?:anthology/)?(?P<id>[0-9]{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.[0-9]+|[a-z][0-9]{2}-[0-9]{4})"
    r"(?:v[0-9]+)?(?:\.pdf|\.bib|\.xml)?/?",
    _AI,
)
_IEEE_PATH_RE = re.compile(r"/(?:abstract/)?document/(?P<n>[0-9]+)(?![0-9])", _AI)
_IEEE_QUERY_RE = re.compile(r"(?:^|[&;])arnumber=(?P<n>[0-9]+)", _AI)
_AAAI_OJS_RE = re.compile(r"/index\.php/AAAI/article/view/(?P<n>[0-9]+)(?:/[0-9]+)?/?", _AI)
_AAAI_DOI_RE = re.compile(r"10\.1609/aaai\.v[0-9]+i[0-9]+\.(?P<n>[0-9]+)")
_INDEX_RE = re.compile(r"/index\.html?$", _AI)
_PATH_SAFE = "/:@!$&'()*+,;=~"


def _paper_key(p: _Url) -> str:
    """Key for proceedings pages whose pdf and abstract URLs differ: ``neurips:<hash>`` etc."""
    host = p.host
    if host in ("proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc", "proceedings.iclr.cc"):
        m = _PROCEEDINGS_HASH_RE.fullmatch(p.path)
        if m:
            return ("iclr:" if host == "proceedings.iclr.cc" else "neurips:") + m["hash"].lower()
    elif host == "proceedings.mlr.press":
        m = _PMLR_RE.fullmatch(p.path)
        if m:
            return f"pmlr:{m['vol'].lower()}/{m['pid']}"
    elif host in ("aclanthology.org", "aclweb.org"):
        m = _ACL_RE.fullmatch(p.path)
        if m and (host == "aclanthology.org" or p.path.startswith("/anthology/")):
            acl = m["id"]
            return "acl:" + (acl.upper() if acl[0].isalpha() else acl.lower())
    elif host == "ojs.aaai.org":
        m = _AAAI_OJS_RE.fullmatch(p.path)
        if m:
            return "aaai:" + m["n"]
    elif host == "ieeexplore.ieee.org":
        m = _IEEE_PATH_RE.match(p.path) or _IEEE_QUERY_RE.search(p.query)
        if m:
            return "ieee:" + m["n"]
    return ""


def page_aliases(key: str) -> list[str]:
    """Other keys of the same page: AAAI's DOI `10.1609/aaai.v38i10.29007` is its OJS article 29007."""
    m = _AAAI_DOI_RE.fullmatch(key.removeprefix("doi:"))
    return ["aaai:" + m["n"]] if m else []


@lru_cache(maxsize=1 << 17)
def canonical_url(url: str) -> str:
    """Comparison key under which two spellings of the same page are equal; "" for non-http(s) input.

    Memoised: the reader, the matcher, the fuser and the writers each ask it of the same URLs.

    Identifier-bearing URLs become ``arxiv:<id>``, ``doi:<doi>``, ``openreview:<id>``,
    ``neurips:<hash>``, ``iclr:<hash>``, ``pmlr:<vol>/<id>``, ``acl:<id>`` or ``ieee:<n>``; anything
    else becomes host + path + sorted meaningful query, without scheme, www./m., fragment and
    tracking parameters.
    """
    if _HTTP_URL_RE.fullmatch(url.strip()) is None:  # same acceptance as is_http_url, by construction
        return ""
    p = _parse(url)
    if p is None or not p.scheme:
        return ""
    ids = _identifiers_from_parts(p)
    if ids.arxiv_id:
        return "arxiv:" + ids.arxiv_id
    if ids.doi:
        return "doi:" + ids.doi
    forum = _openreview_from_parts(p)
    if forum:
        return "openreview:" + forum
    key = _paper_key(p)
    if key:
        return key

    host = p.host
    if host.startswith("m.") and "." in host[2:]:
        host = host[2:]
    if host.startswith("www.") and "." in host[4:]:
        host = host[4:]
    if p.port and p.port not in ("80", "443"):
        host = f"{host}:{p.port}"
    path = p.path
    if "%" in path or not path.isascii():
        path = quote(unquote(path), safe=_PATH_SAFE)
    path = _INDEX_RE.sub("", path.rstrip("/")).rstrip("/")
    if host == "github.com":  # owner and repo names are case-insensitive on GitHub
        parts = path.split("/", 3)
        parts[1:3] = [part.lower() for part in parts[1:3]]
        if len(parts) == 3:
            parts[2] = parts[2].removesuffix(".git")
        path = "/".join(parts)
    query = ""
    if p.query:
        pairs = [
            (k, v)
            for k, v in parse_qsl(p.query.replace("&amp;", "&"), keep_blank_values=True)
            if not (k.lower() in _TRACKING_PARAMS or k.lower().startswith("utm_"))
        ]
        if pairs:
            query = "?" + urlencode(sorted(pairs))
    return host + path + query
