"""DOIs: normalised from labels, resolver URLs and the publisher pages that carry one in their path."""

from __future__ import annotations

import re
from urllib.parse import unquote

from .urls import _AI, _parse, _Url

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


# Registrants whose DOIs name preprints (bioRxiv and medRxiv, Research Square, ChemRxiv, SSRN, Preprints.org,
# OSF and its servers, TechRxiv, Authorea): a paper's preprint DOI, as an arXiv id is, beside the DOI of
# its published version. bioRxiv shares its registrant with journals, so only its dated or numbered form.
_PREPRINT_DOI = re.compile(
    r"10\.1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}|10\.(?:21203|26434|2139|20944|31219|31234|31235|36227|22541)/"
)


def is_preprint_doi(doi: str) -> bool:
    """A DOI a preprint server registered: not a published version's DOI."""
    return _PREPRINT_DOI.match(doi) is not None
