"""Both identifiers of one URL from a single parse."""

from __future__ import annotations

from dataclasses import dataclass

from .arxiv import _ARXIV_DOI_PREFIX, _arxiv_from_parts, normalize_arxiv_id
from .doi import _doi_from_parts
from .urls import _parse, _Url


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
