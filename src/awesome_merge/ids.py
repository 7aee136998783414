"""Identifier parsing: arXiv ids, DOIs, OpenReview ids, GitHub repos and URL comparison keys.

Awesome lists cite one paper through many spellings (abs vs pdf links, DOI vs publisher pages,
badges, prose such as ``arXiv:2409.15723``).  Identifiers are far more reliable than fuzzy title
matching, so this module reduces every spelling to a canonical form.  Everything here is pure and
driven by regexes compiled at import time, because it runs on every URL of every list (millions of
calls); no function raises on malformed input, they return "" / None / False instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

__all__ = [
    "Identifiers",
    "arxiv_id_from_url",
    "arxiv_ids_in_text",
    "canonical_url",
    "doi_from_url",
    "github_repo",
    "identifiers_from_url",
    "is_http_url",
    "normalize_arxiv_id",
    "normalize_doi",
    "openreview_id",
    "year_from_arxiv_id",
    "year_in_text",
]

# ASCII-only classes: under re.IGNORECASE in Unicode mode [a-z] also matches e.g. the Kelvin sign,
# and \d matches non-ASCII digits; neither may leak into an identifier.
_AI = re.ASCII | re.IGNORECASE

# ---------------------------------------------------------------------------------------------- arXiv

# Archives that used old-style ids (before 2007-04), including the ones later merged into others.
_OLD_ARCHIVES = frozenset(
    {
        "acc-phys",
        "adap-org",
        "alg-geom",
        "ao-sci",
        "astro-ph",
        "atom-ph",
        "bayes-an",
        "chao-dyn",
        "chem-ph",
        "cmp-lg",
        "comp-gas",
        "cond-mat",
        "cs",
        "dg-ga",
        "funct-an",
        "gr-qc",
        "hep-ex",
        "hep-lat",
        "hep-ph",
        "hep-th",
        "math",
        "math-ph",
        "mtrl-th",
        "nlin",
        "nucl-ex",
        "nucl-th",
        "patt-sol",
        "physics",
        "plasm-ph",
        "q-alg",
        "q-bio",
        "q-fin",
        "quant-ph",
        "solv-int",
        "stat",
        "supr-con",
    }
)

_NEW_ID = r"[0-9]{4}\.[0-9]{4,5}"
# archive, optional subject class (math.GT, physics.acc-ph), then YYMMNNN
_OLD_ID = r"[a-z]+(?:-[a-z]+)?(?:\.[a-z]+(?:-[a-z]+)?)?/[0-9]{7}"
_ID = rf"(?:{_NEW_ID}|{_OLD_ID})"
# Id then optional version; the id must not continue with more digits (2409.157231 is not 2409.15723).
_ID_TAIL = r"(?:v[0-9]+)?(?![0-9])"

_ARXIV_ID_RE = re.compile(
    r"(?:arxiv\s*:\s*)?"
    r"(?:(?P<yymm>[0-9]{4})\.(?P<num>[0-9]{4,5})"
    r"|(?P<arch>[a-z]+(?:-[a-z]+)?)(?:\.[a-z]+(?:-[a-z]+)?)?/(?P<old>[0-9]{7}))"
    r"(?:v[0-9]+)?",
    _AI,
)
_ARXIV_PATH_RE = re.compile(
    rf"/(?:abs|pdf|html|format|ps|src|e-print)/(?:arxiv:)?(?P<id>{_ID}){_ID_TAIL}",
    _AI,
)
_ARXIV_FTP_RE = re.compile(
    r"/ftp/(?P<arch>[a-z]+(?:-[a-z]+)?)/papers/[0-9]{4}/(?P<num>[0-9]{4}\.[0-9]{4,5}|[0-9]{7})" + _ID_TAIL,
    _AI,
)
_HF_PAPERS_RE = re.compile(rf"/papers/(?P<id>{_NEW_ID}){_ID_TAIL}", _AI)
# NASA ADS bibcode: YYYY arXiv YYMM then NNNNN (2015+) or .NNNN (2007-2014), then an initial or '.'.
_ADS_RE = re.compile(
    r"(?:^|[/#])(?:abs|link_gateway)/[0-9]{4}arXiv(?P<yymm>[0-9]{4})(?P<num>[0-9]{5}|\.[0-9]{4})[a-z.](?![a-z0-9])",
    _AI,
)
# Prose: "arXiv:2409.15723", "arXiv 2409.15723v2", "arXiv.2409.15723" (DOI form), "arxiv.org/abs/...".
# The prefix is mandatory: a bare 2409.15723 could be any number.
_ARXIV_TEXT_RE = re.compile(
    r"(?<![a-z0-9])arxiv(?:\s*:\s*|\.|\s+|\.org/(?:abs|pdf|html)/)"
    rf"(?P<id>[0-9]{{4}}\.[0-9]{{4,5}}|{_OLD_ID}){_ID_TAIL}",
    re.IGNORECASE,
)
_ARXIV_DOI_PREFIX = "10.48550/arxiv."


def _valid_new(yymm: str, num: str) -> bool:
    """New-style ids began 2007-04 with 4-digit numbers and switched to 5 digits in 2015."""
    yy, mm = int(yymm[:2]), int(yymm[2:])
    if not 1 <= mm <= 12 or (yy, mm) < (7, 4):
        return False
    return len(num) == (4 if yy < 15 else 5)


def _valid_old(arch: str, num: str) -> bool:
    """Old-style ids ran 1991..2007 in a known set of archives."""
    yy, mm = int(num[:2]), int(num[2:4])
    return arch in _OLD_ARCHIVES and 1 <= mm <= 12 and (yy >= 91 or yy <= 7)


def normalize_arxiv_id(text: str) -> str:
    """Canonical arXiv id (no version, no subject class, lowercase archive) or "" if not one.

    An ``arXiv:`` prefix and surrounding whitespace are tolerated so that ids copied from prose work.
    """
    m = _ARXIV_ID_RE.fullmatch(text.strip())
    if m is None:
        return ""
    if m["yymm"] is not None:
        return f"{m['yymm']}.{m['num']}" if _valid_new(m["yymm"], m["num"]) else ""
    arch = m["arch"].lower()
    return f"{arch}/{m['old']}" if _valid_old(arch, m["old"]) else ""


def year_from_arxiv_id(arxiv_id: str) -> int | None:
    """Submission year encoded in the id (YYMM), the best year guess for an unpublished preprint."""
    norm = normalize_arxiv_id(arxiv_id)
    if not norm:
        return None
    if "/" not in norm:  # new style: 2007 onwards, so always 20YY
        return 2000 + int(norm[:2])
    yy = int(norm.split("/", 1)[1][:2])  # old style: 1991..2007
    return 1900 + yy if yy >= 91 else 2000 + yy


def arxiv_ids_in_text(text: str) -> list[str]:
    """arXiv ids written in prose, in order of appearance and de-duplicated."""
    found: list[str] = []
    if "arx" not in text.lower():  # cheap reject: most titles mention no arXiv id
        return found
    for m in _ARXIV_TEXT_RE.finditer(text):
        norm = normalize_arxiv_id(m["id"])
        if norm and norm not in found:
            found.append(norm)
    return found


# ------------------------------------------------------------------------------------------------ URLs


class _Url(NamedTuple):
    """A URL split once, so that every extractor below reuses the same parse."""

    scheme: str  # "http", "https" or "" when the input had no scheme
    host: str  # lowercased, without trailing dot and without a leading "www."
    port: str
    path: str
    query: str
    fragment: str


# One pass over the URL.  Scheme-less "arxiv.org/abs/..." is accepted (lists contain it), but any
# other scheme (javascript:, mailto:, data:) fails to match because ':' is only allowed before digits.
_URL_RE = re.compile(
    r"(?:(?:(?P<scheme>https?):)?//(?:[^@/?#\s]*@)?)?"
    r"(?P<host>\[[0-9a-f:.]*\]|[^/?#:@\s\[\]]+)"
    r"(?::(?P<port>[0-9]*))?"
    r"(?P<path>/[^?#]*)?"
    r"(?:\?(?P<query>[^#]*))?"
    r"(?:#(?P<fragment>.*))?",
    _AI | re.DOTALL,
)
_HTTP_URL_RE = re.compile(
    r"https?://(?:[^@/?#\s]*@)?(?:\[[0-9a-f:.]+\]|[^/?#:@\s\[\]]*[a-z0-9][^/?#:@\s\[\]]*)"
    r"(?::[0-9]*)?(?:[/?#].*)?",
    _AI | re.DOTALL,
)


def _parse(url: str) -> _Url | None:
    """Split a URL (http, https or scheme-less) into parts; None for anything else."""
    m = _URL_RE.fullmatch(url.strip())
    if m is None:
        return None
    host = m["host"].lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return _Url(
        (m["scheme"] or "").lower(),
        host,
        m["port"] or "",
        m["path"] or "",
        m["query"] or "",
        m["fragment"] or "",
    )


def is_http_url(url: str) -> bool:
    """True only for absolute http(s) URLs with a host: the only links worth following or comparing."""
    return _HTTP_URL_RE.fullmatch(url.strip()) is not None


def _is_arxiv_host(host: str) -> bool:
    """arxiv.org and its subdomains (export., www., old mirrors like de.arxiv.org) serve the same ids."""
    return host == "arxiv.org" or host.endswith(".arxiv.org") or host == "xxx.lanl.gov"


def _arxiv_from_parts(p: _Url, doi: str | None = None) -> str:
    """arXiv id from parsed parts; ``doi`` is passed when the caller already extracted it."""
    host = p.host
    if _is_arxiv_host(host):
        path = unquote(p.path) if "%" in p.path else p.path
        path = re.sub(r"/{2,}", "/", path)  # `arxiv.org/abs//2401.01234`: a list's doubled slash
        m = _ARXIV_PATH_RE.match(path)
        if m:
            return normalize_arxiv_id(m["id"])
        m = _ARXIV_FTP_RE.match(path)
        if m:
            arch = m["arch"].lower()
            return normalize_arxiv_id(m["num"] if arch == "arxiv" else f"{arch}/{m['num']}")
        return ""
    if host in ("huggingface.co", "hf.co"):
        m = _HF_PAPERS_RE.match(p.path)
        return normalize_arxiv_id(m["id"]) if m else ""
    if host == "adsabs.harvard.edu" or host.endswith(".adsabs.harvard.edu"):
        m = _ADS_RE.search(p.path) or _ADS_RE.search("#" + p.fragment)
        return normalize_arxiv_id(f"{m['yymm']}.{m['num'].lstrip('.')}") if m else ""
    if doi is None:
        doi = _doi_from_parts(p)
    if doi.startswith(_ARXIV_DOI_PREFIX):
        return normalize_arxiv_id(doi[len(_ARXIV_DOI_PREFIX) :])
    return ""


def arxiv_id_from_url(url: str) -> str:
    """The arXiv id an arXiv, arXiv-DOI, NASA ADS or Hugging Face papers URL points to, else ""."""
    p = _parse(url)
    return _arxiv_from_parts(p) if p else ""


# ------------------------------------------------------------------------------------------------ DOIs

# Registrant "10.NNNN" with optional subdivisions ("10.1000.10"), then any non-blank suffix.
_DOI_REG = r"10\.[0-9]{4,9}(?:\.[0-9]+)*"
_DOI_CORE_RE = re.compile(_DOI_REG + r"/\S+")
_DOI_URL_PREFIX_RE = re.compile(r"(?:(?:https?:)?//)?(?:www\.|dx\.)?doi\.org/+", _AI)
_DOI_LABEL_PREFIX_RE = re.compile(r"(?:info:doi/|urn:doi:|doi\b\s*:?\s*)", _AI)
_LEADING_JUNK = " \t\r\n\"'“”‘’«»<([{"
_TRAILING_JUNK = ".,;:!?\"'“”‘’«»`/"
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}


def normalize_doi(text: str) -> str:
    """Lowercased bare DOI (``10.NNNN/...``) or "".

    DOIs are case-insensitive, and copies from prose and URLs carry prefixes, percent-encoding and
    trailing punctuation; all of that must go for two spellings to compare equal.
    """
    s = text.strip().lstrip(_LEADING_JUNK)
    for _ in range(3):  # "https://doi.org/doi:10..." needs two rounds; bounded for safety
        m = _DOI_URL_PREFIX_RE.match(s)
        if m:
            s = s[m.end() :]
            cut = min((i for i in (s.find("?"), s.find("#")) if i >= 0), default=len(s))
            s = s[:cut]
        else:
            m = _DOI_LABEL_PREFIX_RE.match(s)
            if m is None:
                break
            s = s[m.end() :]
        s = s.lstrip(_LEADING_JUNK)
    while "%" in s:  # until stable, so that normalising a normalised DOI changes nothing
        decoded = unquote(s)
        if decoded == s:
            break
        s = decoded
    s = _strip_trailing(s.strip())
    if _DOI_CORE_RE.fullmatch(s) is None:
        return ""
    return s.lower()


def _strip_trailing(s: str) -> str:
    """Drop punctuation that prose glued to the end; closing brackets only when unbalanced."""
    while s:
        last = s[-1]
        unbalanced = last in _CLOSERS and s.count(last) > s.count(_CLOSERS[last])
        if not (unbalanced or last in _TRAILING_JUNK):
            break
        s = s[:-1]
    return s


# Atypon-style "/doi/[view/]10.x/y" (ACM, Wiley, T&F, SAGE, ACS, Science, SIAM, INFORMS ...).
_DOI_PATH_RE = re.compile(
    r"/doi/(?:(?:abs|full|pdf|epdf|epub|fullhtml|reader|book|suppl|ref|figure|proceedings|pdfdirect"
    rf"|pdfplus|media|citedby)/)?(?P<doi>{_DOI_REG}/.+?)"
    r"(?:/(?:abstract|full|pdf|epdf|summary|meta|references|suppinfo|citedby))?/?",
    _AI,
)
_SPRINGER_RE = re.compile(
    r"/(?:(?:chapter|article|book|referenceworkentry|protocol|content/pdf)/)?"
    rf"(?P<doi>{_DOI_REG}/.+?)(?:\.pdf)?/?",
    _AI,
)
_IOP_RE = re.compile(rf"/article/(?P<doi>{_DOI_REG}/.+?)(?:/(?:pdf|meta|ampdf|data))?/?", _AI)
_FRONTIERS_RE = re.compile(rf"/articles?/(?P<doi>{_DOI_REG}/.+?)(?:/(?:full|pdf|abstract))?/?", _AI)
_BIORXIV_RE = re.compile(
    r"/content/(?P<doi>10\.1101/(?:[0-9]{4}\.[0-9]{2}\.[0-9]{2}\.)?[0-9]{6,})(?![0-9])", _AI
)
_NATURE_RE = re.compile(r"/articles/(?P<id>[a-z0-9][a-z0-9.-]*?)(?:\.pdf)?/?", _AI)
_QUERY_DOI_RE = re.compile(rf"(?:^|[&;])(?:id|doi)=(?P<doi>{_DOI_REG}(?:/|%2F)[^&#]+)", _AI)


def _doi_from_parts(p: _Url) -> str:
    """DOI by host: each publisher puts it in a different place of the URL."""
    host = p.host
    path = unquote(p.path) if "%" in p.path else p.path
    if host in ("doi.org", "dx.doi.org"):
        return normalize_doi(path.lstrip("/"))
    if host == "link.springer.com":
        m = _SPRINGER_RE.fullmatch(path)
    elif host == "iopscience.iop.org":
        m = _IOP_RE.fullmatch(path)
    elif host == "frontiersin.org" or host.endswith(".frontiersin.org"):
        m = _FRONTIERS_RE.fullmatch(path)
    elif host in ("biorxiv.org", "medrxiv.org"):
        m = _BIORXIV_RE.match(path)
    elif host == "nature.com":
        m = _NATURE_RE.fullmatch(path)
        return normalize_doi("10.1038/" + m["id"]) if m else ""
    elif host == "journals.plos.org":
        m = _QUERY_DOI_RE.search(p.query)
        return normalize_doi(m["doi"]) if m else ""
    else:
        m = _DOI_PATH_RE.fullmatch(path) if "/doi/" in path else None
    return normalize_doi(m["doi"]) if m else ""


def doi_from_url(url: str) -> str:
    """The DOI a doi.org or publisher URL carries (arXiv DOIs included), else ""."""
    p = _parse(url)
    return _doi_from_parts(p) if p else ""


@dataclass(frozen=True)
class Identifiers:
    """What a URL identifies: an arXiv id and/or a publisher DOI ("" when absent)."""

    arxiv_id: str = ""
    doi: str = ""


def _identifiers_from_parts(p: _Url) -> Identifiers:
    """Both identifiers from one parse; the DOI is extracted once and reused for the arXiv check."""
    doi = _doi_from_parts(p)
    if doi.startswith(_ARXIV_DOI_PREFIX):
        # The arXiv DOI is the arXiv id in another form: reporting it as a DOI would make a preprint
        # look like a published version.
        return Identifiers(arxiv_id=normalize_arxiv_id(doi[len(_ARXIV_DOI_PREFIX) :]))
    return Identifiers(arxiv_id=_arxiv_from_parts(p, doi), doi=doi)


def identifiers_from_url(url: str) -> Identifiers:
    """arXiv id and publisher DOI of a URL; an arXiv DOI is reported as ``arxiv_id``, never as ``doi``."""
    p = _parse(url)
    return _identifiers_from_parts(p) if p else Identifiers()


# ------------------------------------------------------------------------------------ pictures

IMAGE_BADGE_HOSTS = ("shields.io", "badgen.net", "badge.fury.io")
IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico")


@lru_cache(maxsize=65536)
def is_image_url(url: str) -> bool:
    """A badge image, a badge service's URL or an image file: something shown, never a paper's page."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in IMAGE_BADGE_HOSTS):
        return True
    return parts.path.lower().rstrip("/").endswith(IMAGE_SUFFIXES)


# ---------------------------------------------------------------------------------------- OpenReview

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


# -------------------------------------------------------------------------------------------- GitHub

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


# ----------------------------------------------------------------------------------------- canonical

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


def canonical_url(url: str) -> str:
    """Comparison key under which two spellings of the same page are equal; "" for non-http(s) input.

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


# -------------------------------------------------------------------------------------------- years

# A 4-digit year not embedded in a longer digit run nor in an arXiv-like id (2001.01234, 1412.2024),
# or a 2-digit year after an apostrophe (AAAI'24).
# A year as lists write it: `2024`, `'24`. Public so that readers strip exactly what `year_in_text` reads.
YEAR_RE = _YEAR_RE = re.compile(
    r"(?<![0-9])(?<![0-9]{4}\.)(?P<y4>19[5-9][0-9]|20[0-9]{2})(?![0-9])(?!\.[0-9]{4})"
    r"|(?<![0-9])['’‘](?P<y2>[0-9]{2})(?![0-9])"
)


def year_in_text(text: str) -> int | None:
    """First plausible publication year (1950..2099) in free text such as "NeurIPS 2024" or "AAAI'24"."""
    m = _YEAR_RE.search(text)
    if m is None:
        return None
    if m["y4"] is not None:
        return int(m["y4"])
    yy = int(m["y2"])
    return 1900 + yy if yy >= 50 else 2000 + yy
