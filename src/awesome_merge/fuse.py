"""One canonical record per cluster. Conflicting values are settled by stated rules, never by row order:

- title: the full title most entries agree on (a short label like "FooNet" only when nothing longer exists);
- url: a published venue page, else the arXiv abstract page, else any other page; a PDF only as last resort;
- venue/year: the published venue most entries name, with its year, else the one a proceedings link of
  the paper shows (`venues.LINK_VENUE_RULES`), else the config's `[list] venue`; "arXiv" only when no
  venue exists;
- authors: the longest list given (lists abbreviate, rarely invent); code: the repository most entries name;
- a link the lists dispute (other entries use it for another paper) is linked last and named in `doubt`;
- a paper's record (`resolve/`) titles a label and gives the authors, venue and year the lists leave out,
  but never replaces a venue a list gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

import pandas as pd

from .frame import ALT_URL_SEP, AUTHOR_SEP
from .ids import canonical_url, github_repo, is_http_url, page_aliases
from .match.keys import is_full_title
from .parse.venue import venue_words
from .preprints import is_preprint_venue
from .text import title_key
from .topics import Topics, paper_topics
from .venues import canonical_venue, venue_from_links

if TYPE_CHECKING:
    from .resolve import Record, Resolution

T = TypeVar("T")
_canonical = lru_cache(maxsize=262144)(canonical_url)
_repo = lru_cache(maxsize=262144)(github_repo)
_aliases = lru_cache(maxsize=262144)(page_aliases)

PAPER_COLUMNS = [
    "cluster_id",
    "title",
    "url",
    "arxiv_id",
    "doi",
    "venue",
    "year",
    "authors",
    "code_url",
    "topics",
    "sources",
    "n_entries",
    "alt_urls",
    "sections",
    "kind",
    "doubt",
]
MAX_DOUBTS_SHOWN = 3


def _tally(values: Iterable[T]) -> dict[T, int]:
    """How often each value occurs; a plain dict, as clusters are small and Counter's set-up dominates."""
    counts: dict[T, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _most_common(values: Iterable[str]) -> str:
    counts = _tally(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def _title(titles: list[str]) -> str:
    if len(titles) == 1:
        return titles[0]
    full = [t for t in titles if is_full_title(title_key(t))]
    pool = full or titles
    keys = _tally(title_key(t) for t in pool)
    best_key = min(keys, key=lambda k: (-keys[k], -len(k), k))
    spellings = _tally(t for t in pool if title_key(t) == best_key)
    if len(spellings) == 1:
        return next(iter(spellings))
    # Among spellings of one title prefer the most common, then Title Case: the most capitals, but not a
    # title shouted in capitals, which a list's styling gives rather than the paper.
    return min(spellings, key=lambda t: (-spellings[t], t.isupper(), -sum(map(str.isupper, t)), t))


# Keys of pages a publisher or proceedings site keeps for one paper: its landing page is the page to link.
_VENUE_KEYS = ("doi:", "openreview:", "neurips:", "iclr:", "pmlr:", "acl:", "ieee:", "aaai:")


def _is_pdf(url: str) -> bool:
    lowered = url.lower().split("#")[0]
    return lowered.split("?")[0].endswith(".pdf") or "/pdf?" in lowered or "/pdf/" in lowered


def _landing_page(key: str, spellings: list[str]) -> str:
    """The abstract page for a key whose pages we can spell (arXiv, OpenReview, ACL), else the best spelling.

    Why: a PDF link downloads a file instead of showing the title, authors and versions a reader wants.
    """
    kind, _, ident = key.partition(":")
    if kind == "arxiv":
        return f"https://arxiv.org/abs/{ident}"
    pages = [u for u in spellings if not _is_pdf(u)]
    if not pages and kind == "openreview":
        return f"https://openreview.net/forum?id={ident}"
    if not pages and kind == "acl":
        return f"https://aclanthology.org/{ident}/"
    counts = _tally(pages or spellings)
    return min(counts, key=lambda u: (-counts[u], u))


def _url_rank(url: str) -> int:
    """0 a venue page, 1 the arXiv abstract, 2 any other page, 3 a PDF."""
    key = _canonical(url)
    if key.startswith("arxiv:"):
        return 1
    if _is_pdf(url):
        return 3
    return 0 if key.startswith(_VENUE_KEYS) else 2


def _best_url(
    urls: list[str], arxiv_id: str, disputed: frozenset[str] = frozenset()
) -> tuple[str, list[str]]:
    """The page to link, and the other versions (one per distinct page); a disputed page comes last, as
    it may open another paper."""
    candidates = [u for u in urls if is_http_url(u)]
    if arxiv_id:
        candidates.append(f"https://arxiv.org/abs/{arxiv_id}")
    by_key: dict[str, list[str]] = {}
    for url in candidates:
        key = _canonical(url) or url
        # One page under two names (AAAI's DOI is its OJS article) is one version, not two.
        by_key.setdefault(next(iter(_aliases(key)), key), []).append(url)
    chosen = {key: _landing_page(key, spellings) for key, spellings in by_key.items()}
    ranked = sorted(chosen, key=lambda k: (k in disputed, _url_rank(chosen[k]), -len(by_key[k]), chosen[k]))
    if not ranked:
        return "", []
    return chosen[ranked[0]], [chosen[k] for k in ranked[1:]]


def _code_url(urls: Iterable[str]) -> str:
    """The repository most entries name; `github.com/O/R/tree/main` and `github.com/o/r` count as one."""
    by_repo: dict[str, list[str]] = {}
    for url in urls:
        if url:
            by_repo.setdefault(_canonical(_repo(url) or url) or url, []).append(url)
    if not by_repo:
        return ""
    best = min(by_repo, key=lambda k: (-len(by_repo[k]), k))
    repos = _tally(_repo(u) or u for u in by_repo[best])
    return min(repos, key=lambda u: (-repos[u], u))


def _venue_year(venues: list[str], years: list[int | None], arxiv_id: str) -> tuple[str, int | None]:
    published = [(v, y) for v, y in zip(venues, years, strict=True) if not is_preprint_venue(v)]
    if published:
        counts = _tally(v for v, _ in published)
        venue = min(counts, key=lambda v: (-counts[v], v))
        venue_years = _tally(y for v, y in published if v == venue and y)
        year = min(venue_years, key=lambda y: (-venue_years[y], -y)) if venue_years else None
        return venue, year or _mode_year(years)
    venue = "arXiv" if arxiv_id else _most_common(venues)
    return venue, _mode_year(years)


def _kind(kinds: list[str]) -> str:
    """The kind most entries give; a paper on a tie, as lists file papers under tool headings often."""
    counts = _tally(k for k in kinds if k)
    return min(counts, key=lambda k: (-counts[k], k != "paper", k)) if counts else "paper"


def _mode_year(years: list[int | None]) -> int | None:
    counts = _tally(y for y in years if y)
    return min(counts, key=lambda y: (-counts[y], y)) if counts else None


def _authors(author_lists: list[str]) -> str:
    lists = [a for a in author_lists if a]
    if not lists:
        return ""
    counts = _tally(lists)
    return min(counts, key=lambda a: (-len(a.split(AUTHOR_SEP)), -counts[a], a))


_FUSED_COLUMNS = (
    "title",
    "url",
    "alt_urls",
    "arxiv_id",
    "doi",
    "venue",
    "authors",
    "code_url",
    "source",
    "section",
    "kind",
)


@dataclass
class _FuseInput:
    """What every cluster's record is made from, as plain lists aligned with the entries."""

    cols: dict[str, list[str]]
    years: list[int | None]
    taxonomy: Topics
    cluster_ids: list[str]
    disputes: dict[int, list[int]]
    lines: list[int]
    conflicts: dict[int, list[int]]
    identifiers: Mapping[str, tuple[str, str]]
    default_venue: tuple[str, int | None] = ("", None)
    records: Mapping[int, Record] | None = None  # per entry, the record that agrees with it


def _page_keys(data: _FuseInput, i: int) -> set[str]:
    urls = [data.cols["url"][i], *data.cols["alt_urls"][i].split(ALT_URL_SEP)]
    keys = {_canonical(u) for u in urls if u}
    if data.cols["arxiv_id"][i]:
        keys.add("arxiv:" + data.cols["arxiv_id"][i])
    if data.cols["doi"][i]:
        keys.add("doi:" + data.cols["doi"][i].lower())
    return keys - {""}


def _others(data: _FuseInput, cid: str, m: list[int], links: dict[int, list[int]]) -> list[int]:
    """One entry per other cluster that `links` ties to this cluster's members, in a stable order."""
    others: dict[str, int] = {}
    for i in m:
        for j in links.get(i, ()):
            if data.cluster_ids[j] != cid:
                others.setdefault(data.cluster_ids[j], j)
    return sorted(others.values(), key=lambda j: (data.cols["title"][j], j))


def _named(data: _FuseInput, shown: list[int]) -> str:
    named = [
        f"“{data.cols['title'][j]}” ({data.cols['source'][j]}:{data.lines[j]})"
        for j in shown[:MAX_DOUBTS_SHOWN]
    ]
    more = len(shown) - MAX_DOUBTS_SHOWN
    return ", ".join(named) + (f" and {more} more" if more > 0 else "")


def _doubt(data: _FuseInput, cid: str, m: list[int]) -> tuple[str, frozenset[str]]:
    """What a reader should know before following this paper's link: the other papers the lists link to
    it, the entries of its title that carry another identifier, and the disputed pages themselves."""
    parts = []
    disputed = _others(data, cid, m, data.disputes)
    pages: set[str] = set()
    if disputed:
        parts.append("link also used for " + _named(data, disputed))
        for i in m:
            for j in data.disputes.get(i, ()):
                pages |= _page_keys(data, i) & _page_keys(data, j)
    conflicting = _others(data, cid, m, data.conflicts)
    if conflicting:
        parts.append("also listed with another identifier as " + _named(data, conflicting))
    return "; ".join(parts), frozenset(pages)


def _record(data: _FuseInput, cid: str, m: list[int]) -> tuple:
    cols = data.cols
    arxiv_id, doi = data.identifiers.get(cid, ("", ""))
    if arxiv_id or not doi:  # beside an arXiv id, the DOI most of the cluster's entries give
        doi = _most_common(cols["doi"][i] for i in m)
    urls = [u for i in m for u in [cols["url"][i], *cols["alt_urls"][i].split(ALT_URL_SEP)] if u]
    doubt, disputed = _doubt(data, cid, m)
    url, others = _best_url(urls, arxiv_id, disputed)
    venues = [canonical_venue(cols["venue"][i]) for i in m]  # "NIPS" and "NeurIPS" vote together
    venue, year = _venue_year(venues, [data.years[i] for i in m], arxiv_id)
    if is_preprint_venue(venue):  # a proceedings page among the paper's links names where it appeared
        linked, linked_year = venue_from_links(urls, doi)
        venue, year = (linked, linked_year or year) if linked else (venue, year)
    if is_preprint_venue(venue) and data.default_venue[0]:  # `[list] venue`: a list of one venue
        venue, year = data.default_venue[0], data.default_venue[1] or year
    authors = _authors([cols["authors"][i] for i in m])
    if data.records:
        venue, year, authors = _filled(data.records, m, venue, year, authors)
    places = {(cols["source"][i], cols["section"][i]) for i in m}
    sections = sorted(f"{source}: {section}" for source, section in places if section)
    titles = [cols["title"][i] for i in m]
    return (
        cid,
        _title(titles),
        url,
        arxiv_id,
        doi,
        venue,
        year,
        authors,
        _code_url(cols["code_url"][i] for i in m),
        "; ".join(paper_topics([cols["section"][i] for i in m], titles, data.taxonomy)),
        ";".join(sorted({cols["source"][i] for i in m})),
        len(m),
        ALT_URL_SEP.join(others),
        " | ".join(sections),
        _kind([cols["kind"][i] for i in m]),
        doubt,
    )


def _filled(
    records: Mapping[int, Record], m: list[int], venue: str, year: int | None, authors: str
) -> tuple[str, int | None, str]:
    """The venue, year and authors the cluster's records give where its entries give none (a published
    venue first: a journal reference or a container, never "arXiv" over a list's venue)."""
    found = sorted({records[i] for i in m if i in records}, key=lambda r: (r.service != "crossref", r.key))
    if not found:
        return venue, year, authors
    if is_preprint_venue(venue) or not venue:
        # A journal reference or container names its venue among pages and dates: `WWW 2024`, `Proc. ...`
        named = next((canonical_venue(venue_words(r.venue)) for r in found if r.venue), "")
        if named and not is_preprint_venue(named):
            venue = named
            year = next((r.year for r in found if r.venue and r.year), year)
    if year is None:
        year = next((r.year for r in found if r.year), None)
    if not authors:
        authors = next((AUTHOR_SEP.join(r.authors) for r in found if r.authors), "")
    return venue, year, authors


def fuse(
    entries: pd.DataFrame,
    cluster_ids: list[str],
    taxonomy: Topics,
    disputes: dict[int, list[int]] | None = None,
    conflicts: dict[int, list[int]] | None = None,
    identifiers: Mapping[str, tuple[str, str]] | None = None,
    default_venue: tuple[str, int | None] = ("", None),
    resolution: Resolution | None = None,
) -> pd.DataFrame:
    """Papers sorted by cluster id; one row per cluster. From matching, per entry: `disputes`, the entries
    that are another paper but share its link; `conflicts`, those its title matches under another id; per
    cluster, `identifiers`: the arXiv id and DOI it holds. `default_venue` (the config's `[list] venue`
    and `year`) is the venue of a paper nothing else gives a published venue; `resolution`, what the
    papers' records say (a label's title, the fields the lists leave out)."""
    by_cluster: dict[str, list[int]] = {}
    for index, cid in enumerate(cluster_ids):
        by_cluster.setdefault(cid, []).append(index)
    cols = {c: entries[c].astype(str).tolist() for c in _FUSED_COLUMNS}
    if resolution is not None:  # a label shows its paper's title
        for i, title in resolution.titles.items():
            cols["title"][i] = title
    years = [None if pd.isna(y) else int(y) for y in entries["year"]]
    lines = entries["line"].tolist()
    data = _FuseInput(
        cols,
        years,
        taxonomy,
        list(cluster_ids),
        disputes or {},
        lines,
        conflicts or {},
        identifiers or {},
        (canonical_venue(default_venue[0]), default_venue[1]),
        resolution.records if resolution is not None else None,
    )
    rows = [_record(data, cid, by_cluster[cid]) for cid in sorted(by_cluster)]
    papers = pd.DataFrame(rows, columns=PAPER_COLUMNS)
    dtypes = {c: "string" for c in PAPER_COLUMNS}
    dtypes.update({"year": "Int64", "n_entries": "int64"})
    return papers.astype(dtypes)
