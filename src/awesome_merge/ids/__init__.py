"""Identifier parsing: arXiv ids, DOIs, OpenReview ids, GitHub repos and URL comparison keys.

Awesome lists cite one paper through many spellings (abs vs pdf links, DOI vs publisher pages,
badges, prose such as ``arXiv:2409.15723``). Identifiers are far more reliable than fuzzy title
matching, so this package reduces every spelling to a canonical form, one module per identifier:
`urls` (the one URL split), `arxiv`, `doi`, `identifiers` (both from one parse), `pages` (OpenReview,
GitHub, proceedings pages, `canonical_url`), `pictures` (badges and images), `years`. Everything is pure;
no function raises on malformed input, they return "" / None / False instead.
"""

from __future__ import annotations

from .arxiv import arxiv_id_from_url, arxiv_ids_in_text, normalize_arxiv_id, year_from_arxiv_id
from .doi import doi_from_url, is_preprint_doi, normalize_doi
from .identifiers import Identifiers, identifiers_from_url
from .pages import canonical_url, github_repo, openreview_id, page_aliases
from .pictures import IMAGE_BADGE_HOSTS, IMAGE_SUFFIXES, is_image_url
from .urls import is_http_url
from .years import COMPACT_DATE, YEAR_RE, year_in_text

__all__ = [
    "COMPACT_DATE",
    "IMAGE_BADGE_HOSTS",
    "IMAGE_SUFFIXES",
    "YEAR_RE",
    "Identifiers",
    "arxiv_id_from_url",
    "arxiv_ids_in_text",
    "canonical_url",
    "doi_from_url",
    "github_repo",
    "identifiers_from_url",
    "is_http_url",
    "is_image_url",
    "is_preprint_doi",
    "normalize_arxiv_id",
    "normalize_doi",
    "openreview_id",
    "page_aliases",
    "year_from_arxiv_id",
    "year_in_text",
]
