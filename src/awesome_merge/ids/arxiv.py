"""arXiv ids: in prose, in abs/pdf/ftp URLs, mirrors, Hugging Face papers, NASA ADS, the arXiv DOI."""

from __future__ import annotations

import re
from urllib.parse import unquote

from .doi import _doi_from_parts
from .urls import _AI, _parse, _Url

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


def _is_arxiv_host(host: str) -> bool:
    """arxiv.org and its subdomains (export., www., old mirrors like de.arxiv.org) serve the same ids."""
    return host == "arxiv.org" or host.endswith(".arxiv.org") or host == "xxx.lanl.gov"


_IPV4_HOST = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")


def _is_arxiv_mirror(p: _Url) -> bool:
    """A server named by its address that serves an arXiv path (`/pdf/2103.01234`): a mirror lists
    copied before the name, the path's shape is what says it is arXiv."""
    return _IPV4_HOST.fullmatch(p.host) is not None and _ARXIV_PATH_RE.match(p.path) is not None


_DOUBLED_SLASHES = re.compile(r"/{2,}")


def _arxiv_from_parts(p: _Url, doi: str | None = None) -> str:
    """arXiv id from parsed parts; ``doi`` is passed when the caller already extracted it."""
    host = p.host
    if _is_arxiv_host(host) or _is_arxiv_mirror(p):
        path = unquote(p.path) if "%" in p.path else p.path
        path = _DOUBLED_SLASHES.sub("/", path)  # `arxiv.org/abs//2401.01234`: a list's doubled slash
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
