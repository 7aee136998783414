"""Drafts to entries: which drafts are entries, then one ordered finish for each (identifiers from every
line, venue and year, kind, the name and author split)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..frame import Entry
from ..ids import Identifiers, arxiv_ids_in_text, identifiers_from_url, year_from_arxiv_id
from ..text import squash
from . import links as L
from .draft import Draft, ItemContext
from .kind import entry_kind
from .title import description_head, split_by_author
from .venue import is_venue_label, venue_and_year

_TITLE_PAREN = re.compile(r"\(([^()]{2,40})\)\s*$")
_SPACE = re.compile(r"\s")

_identifiers = lru_cache(maxsize=65536)(identifiers_from_url)


def titled(drafts: list[Draft]) -> list[Draft]:
    """Drafts that are entries: a link to the thing and a title (the link names it when nothing else does).
    A line with a title and no link is a group or a topic, not an entry; a name whose only link is its
    repository (`FATE [[Github]](https://github.com/o/fate)`) is an entry found at that repository."""
    for d in drafts:
        if d.title and not (d.url or d.extra_urls) and d.code_url and L.is_repository_root(d.code_url):
            d.url = d.code_url
    return [d for d in drafts if d.title and (d.url or d.extra_urls or d.venue_link or _cited(d))]


def _cited(draft: Draft) -> bool:
    """A citation without a link (`A. Author, "Title", Venue, 2012.`): a quoted or bold title of three
    words or more, with names or a venue, and a year."""
    if draft.source not in ("quote", "strong") or len(draft.title.split()) < 3 or draft.prose:
        return False
    venue, year = venue_and_year(draft.marked, draft.loose)
    return year is not None and bool(draft.authors or venue)


def _no_spaces(url: str) -> str:
    """Whitespace in a URL percent-encoded: `alt_urls` are joined by spaces, so a space would split one."""
    return _SPACE.sub(lambda m: "%" + format(ord(m.group()), "02X") if ord(m.group()) < 128 else "%20", url)


@lru_cache(maxsize=4096)
def _heading_venue_year(section: str) -> tuple[str, int | None]:
    """The venue and year the nearest headings state when they are nothing but that (`2024`, `ICML`)."""
    venue, year = "", None
    for part in reversed(section.split(" > ")):
        if is_venue_label(part) or re.fullmatch(r"\W*(?:19|20)\d\d\W*", part):
            found_venue, found_year = venue_and_year([part])
            venue, year = venue or found_venue, year or found_year
    return venue, year


def build_entry(draft: Draft, line: int, ctx: ItemContext, **extra: object) -> Entry:
    """Resolve identifiers, venue, year and kind for a draft; `extra` carries what a table column said."""
    if not draft.url and draft.extra_urls:
        draft.url = draft.extra_urls[0]
    paper = next((u for u in draft.alt_urls if L.is_paper_url(u)), "")
    if draft.url and paper and L.is_repository_root(draft.url):  # titled link to the code, paper beside it
        draft.code_url = draft.code_url or L.code_repo(draft.url)
        draft.alt_urls = [u for u in draft.alt_urls if u != paper]
        draft.url = paper
    draft.url, draft.code_url = _no_spaces(draft.url.strip()), _no_spaces(draft.code_url.strip())
    draft.alt_urls = list(dict.fromkeys(_no_spaces(u.strip()) for u in draft.alt_urls if u.strip()))
    ids: Identifiers | None = _identifiers(draft.url) if draft.url else None
    arxiv_id = ids.arxiv_id if ids else ""
    doi = ids.doi if ids else ""
    for alt in draft.alt_urls:
        alt_ids = _identifiers(alt)
        arxiv_id = arxiv_id or alt_ids.arxiv_id
        doi = doi or alt_ids.doi
    if not arxiv_id:
        found = arxiv_ids_in_text(" ".join([draft.title, *draft.loose, *draft.marked]))
        arxiv_id = found[0] if found else ""
    paren = _TITLE_PAREN.search(draft.title)
    title_venue = [paren.group(1)] if paren and is_venue_label(paren.group(1)) else []
    # `Agent Bench (AB): ...`: a bracket inside the title is part of it, not a venue
    marked = [m for m in draft.marked if is_venue_label(m) or squash(m) not in draft.title]
    venue, year = venue_and_year([*title_venue, *marked], [*draft.loose, *draft.label_venues])
    venue = str(extra.get("venue") or "") or venue
    year = extra.get("year") or year  # type: ignore[assignment]
    if not venue or year is None:  # headings such as `### 2024` or `### ICML 2023` hold what rows omit
        heading_venue, heading_year = _heading_venue_year(ctx.section)
        venue, year = venue or heading_venue, year or heading_year
    if year is None and arxiv_id and not extra.get("no_id_year"):
        year = year_from_arxiv_id(arxiv_id)
    if venue == "" and arxiv_id and not doi and draft.url and "arxiv" in draft.url.lower():
        venue = "arXiv"
    authors = list(extra.get("authors") or []) or draft.authors  # type: ignore[call-overload]
    kind = entry_kind(draft.title, draft.url, ctx.section, ctx.kind, docs=draft.docs)
    title, by = draft.title, []
    if kind == "tool":  # a tool's name comes first, then what it does: `Theano: Mathematical library ...`
        title = description_head(title, colon=draft.source == "lead")
    # `Talk title by Speaker`; a paper's own title splits only at initials (`Training tricks by YB`)
    title, by = split_by_author(title, strict=kind != "tool" and L.is_paper_url(draft.url))
    authors = authors or by
    return Entry(
        source=ctx.source,
        line=draft.line or line,
        section=ctx.section,
        title=title or draft.url,
        url=draft.url,
        alt_urls=draft.alt_urls,
        code_url=_no_spaces(str(extra.get("code_url") or "")) or draft.code_url,
        arxiv_id=arxiv_id,
        doi=doi,
        venue=venue,
        year=year if isinstance(year, int) else None,
        authors=authors,
        kind=kind,
    )
