"""Tables (Markdown or HTML) to entries, read by their header and by what their cells hold.

The header names the columns (`Title`, `Venue`, `Year`, `Code`, `Authors`...), but the title column is
chosen by evidence: among the columns a header could mean (`Name`, `Paper`, `Title`), the one whose cells
read as titles. A table with no such column has every cell read as a container of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..frame import Entry
from ..text import clean_section, squash
from . import links as L
from .authors import parse_authors
from .item import (
    Draft,
    ItemContext,
    build_entry,
    classify,
    code_link,
    lost_entry_message,
    read_entries,
    titled,
    warn_refused_schemes,
    with_bare_links,
)
from .kind import section_kind
from .list_evidence import current_evidence
from .pieces import Block, Piece, plain_text
from .title import clean_decorated_title, is_title_like
from .venue import is_venue_label, is_venue_tag, year_of
from .vocabulary import CITING_HEADER_WORDS, COLUMN_HEADER_WORDS


@dataclass(frozen=True)
class ColumnRule:
    name: str
    role: Callable[[list[str], dict[str, int]], str]  # (header words, roles taken so far) -> role or ""


def _role_header(words: list[str], roles: dict[str, int]) -> str:
    """`Authors`, `Code`, `Venue`, `Link`: a short header naming a role no earlier column took."""
    for role in ("authors", "code", "venue", "link"):
        if role not in roles and any(w in COLUMN_HEADER_WORDS[role] for w in words) and len(words) <= 3:
            if role == "venue" and "paper" in words:
                continue  # `Paper Venue`... names the paper first
            return role
    return ""


# What each header says its column holds; the first rule that applies decides the column. `title`
# columns are candidates, decided among by the cells (`column_roles`).
COLUMN_RULES: tuple[ColumnRule, ...] = (
    ColumnRule("a title header", lambda w, r: "title" if "title" in w else ""),
    # `Related Paper`, `Reference`: a paper the entry cites, not its name
    ColumnRule(
        "a header of a paper the row cites", lambda w, r: "cited" if w[0] in CITING_HEADER_WORDS else ""
    ),
    # `Earliest publication time`, `Date`
    ColumnRule(
        "a date header",
        lambda w, r: "year" if len(w) <= 3 and w[-1] in COLUMN_HEADER_WORDS["year"] else "",
    ),
    ColumnRule("a role header", _role_header),
    ColumnRule(
        "a header that may name the work",
        lambda w, r: "name" if any(x in COLUMN_HEADER_WORDS["title"] for x in w) else "",
    ),
)


def header_role(name: str, roles: dict[str, int]) -> tuple[str, str]:
    """A header's role by `COLUMN_RULES` and the rule that decided it; ("", "") when none applies."""
    words = _header_words(name)
    if words:
        for rule in COLUMN_RULES:
            role = rule.role(words, roles)
            if role:
                return role, rule.name
    return "", ""


def _header_words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", name.lower())


def column_roles(header: list[str], rows: list[Block]) -> dict[str, int]:
    """Which column holds what, in order: each header by `COLUMN_RULES`; candidate title columns whose
    cells repeat dropped; the title column among the rest by its cells, or, when no header names one, the
    column whose cells read as titles (`by_content`: then only rows with a link are entries)."""
    roles: dict[str, int] = {}
    title_candidates: list[int] = []
    for index, name in enumerate(header):
        role, _ = header_role(name, roles)
        if role == "title":
            title_candidates.insert(0, index)
        elif role == "name":
            title_candidates.append(index)
        elif role:
            roles.setdefault(role, index)
    title_candidates = [i for i in title_candidates if not _repeats(rows, i)]
    if not title_candidates:  # no header names it: the column whose cells read as titles, if one does
        taken = set(roles.values())
        title_candidates = [i for i in range(len(header)) if i not in taken]
        title = _best_title_column(title_candidates, rows, header, least=3.0)
        if title is not None:
            roles["by_content"] = title  # a guessed column: only rows with a link are entries
    else:
        title = _best_title_column(title_candidates, rows, header)
    if title is not None:
        roles["title"] = title
        for role in ("link", "venue", "code", "authors", "year"):
            if roles.get(role) == title:
                del roles[role]
        # A `Paper` column beside a title column holds the paper's link.
        for index in title_candidates:
            if index != title and "link" not in roles and _header_words(header[index])[:1] == ["paper"]:
                roles["link"] = index
    return roles


def _repeats(rows: list[Block], index: int) -> bool:
    """A column whose filled cells mostly repeat (`Hugging Face`, `Code`, `Meta`) names no one row's work,
    so it is never the title column, whatever its header says."""
    values = [squash(plain_text(_cell(row, index))).lower() for row in rows[:200]]
    filled = [v for v in values if v.strip("-– ")]
    return len(filled) >= 4 and len(set(filled)) < 0.5 * len(filled)


def _cell_title_words(pieces: list[Piece]) -> int:
    """How many words of title a cell holds: its titled link's text, or its plain text."""
    titled = [p for p in pieces if p.kind == "link" and classify(p) == "title"]
    if len(titled) > 1:
        return 0  # `[A](u); [B](v)`: a cell of several works names no one row's title
    for piece in titled:
        return len(piece.text.split())
    if any(p.kind == "link" for p in pieces):
        return 0
    text = clean_decorated_title(plain_text(pieces))
    return len(text.split()) if is_title_like(text) else 0


def _best_title_column(
    candidates: list[int], rows: list[Block], header: list[str], least: float = 0.0
) -> int | None:
    if not candidates:
        return None
    if "title" in _header_words(header[candidates[0]]):
        return candidates[0]
    sample = rows[:50]

    def score(index: int) -> float:
        counts = [_cell_title_words(_cell(row, index)) for row in sample]
        return sum(counts) / max(len(counts), 1)

    best = max(candidates, key=lambda i: (score(i), -i))
    # One named column is the title column when its cells hold names (`MovieLens`); among several, the
    # winner must read as titles.
    return best if score(best) >= (least or (0.8 if len(candidates) == 1 else 1.5)) else None


def _cell(row: Block, index: int | None) -> list[Piece]:
    if index is None or index >= len(row.children):
        return []
    return row.children[index].pieces


def _kind_of_column(header: list[str], index: int) -> str:
    words = _header_words(header[index]) if index < len(header) else []
    return section_kind(" ".join(words)) if words else ""


def _title_line(row: Block, roles: dict[str, int]) -> int:
    """The line of the row's title cell: an HTML row spreads over lines, and a curator looks for the name."""
    index = roles.get("title")
    cell = row.children[index] if index is not None and index < len(row.children) else None
    return cell.line if cell is not None and cell.line else row.line


def _row_entry(row: Block, roles: dict[str, int], header: list[str], ctx: ItemContext) -> Entry | None:
    """One paper per row: the title column names it, the other columns add link, venue, year, code."""
    title_pieces = _cell(row, roles["title"])
    drafts = [d for d in read_entries(title_pieces, row.line, ctx) if d.title or d.url]
    draft = drafts[0] if drafts else Draft()
    if not draft.title:
        draft.title = clean_decorated_title(squash(plain_text(title_pieces)))
    for index, cell in enumerate(row.children):
        if index == roles["title"]:
            continue
        for piece in cell.pieces:
            if piece.kind == "text" and "](" in piece.text:
                warn_refused_schemes(piece.text, row.line, ctx)
            if piece.kind not in ("link", "image") or L.is_navigation(piece.href):
                continue
            if L.is_unsafe(piece.href):
                ctx.warn(piece.line or row.line, f"dropped a link that is not http(s): {piece.href[:60]!r}")
            elif index == roles.get("code") or (piece.kind == "image" and L.code_repo(piece.href)):
                if piece.kind == "link" or not draft.code_url:
                    draft.code_url = draft.code_url or code_link(piece)
            elif index == roles.get("cited") or piece.kind != "link":
                continue  # the paper a dataset or tool comes from is not the entry's own link
            elif classify(piece) == "code":  # `[[code]](url)` in a Resources column
                draft.code_url = draft.code_url or code_link(piece)
            elif classify(piece) == "extra":
                draft.extra_urls.append(piece.href)
            elif (
                index == roles.get("link")
                or index == roles.get("venue")
                or classify(piece) in ("alt", "title")
            ):
                if is_venue_tag(squash(piece.text)):  # `[ICLR 2025](url)`: the label names the venue
                    draft.label_venues.append(squash(piece.text))
                draft.add_url(piece.href)
    if "by_content" in roles and not (draft.url or draft.extra_urls):
        return None
    if not draft.title or not is_title_like(draft.title):
        if draft.url or lost_entry_message([p for c in row.children for p in c.pieces]):
            ctx.warn(row.line, "table row has links but no title: read it by hand")
        return None
    text_of = {role: squash(plain_text(_cell(row, i))) for role, i in roles.items()}
    venue_text = text_of.get("venue", "").strip("*_ -–")
    year = year_of(text_of.get("year", "")) if "year" in roles else None
    if not venue_text and is_venue_label(text_of.get("year", "")):  # a `Year` column of `ICML 2023`
        venue_text = text_of["year"].strip("*_ -–")
    if venue_text:
        draft.marked.insert(0, venue_text)
    stated_kind = ctx.kind
    column_kind = _kind_of_column(header, roles["title"])
    # A `Paper` column says where each row is described; a heading `Datasets of ...` says what the rows are
    if column_kind == "paper":
        column_kind = section_kind(ctx.section) or column_kind
    ctx.kind = stated_kind or column_kind
    entry = build_entry(
        draft,
        _title_line(row, roles),
        ctx,
        year=year,
        authors=parse_authors(text_of.get("authors", "")) if text_of.get("authors") else [],
    )
    ctx.kind = stated_kind
    return entry


_ROW_CACHE: dict[tuple[object, ...], Entry | None] = {}
_ROW_CACHE_SIZE = 20_000


def _cached_row_entry(row: Block, roles: dict[str, int], header: list[str], ctx: ItemContext) -> Entry | None:
    """`_row_entry`, once per distinct row: lists repeat rows across sections, and a list's versions repeat
    nearly all of them. A row that warned is read again each time, so every warning keeps its line.

    An HTML row carries a line per cell and link; the key holds them relative to the row's first line and
    the entry's line is kept the same way, so a row that moved down the file between versions is the same
    row, and its entry gets the line its title has now."""
    base = row.line
    key = (
        current_evidence(),
        ctx.section,
        ctx.kind,
        tuple(header),
        tuple(sorted(roles.items())),
        tuple(
            (
                *((p.kind, p.text, p.href, p.strong, p.em, p.line and p.line - base) for p in cell.pieces),
                cell.span,
                cell.line and cell.line - base,
            )
            for cell in row.children
        ),
    )
    if key in _ROW_CACHE:
        cached = _ROW_CACHE[key]
        if cached is None:
            return None
        return replace(
            cached,
            source=ctx.source,
            line=cached.line + base,
            alt_urls=list(cached.alt_urls),
            authors=list(cached.authors),
        )
    warned = len(ctx.warnings)
    entry = _row_entry(row, roles, header, ctx)
    if len(ctx.warnings) == warned:
        if len(_ROW_CACHE) >= _ROW_CACHE_SIZE:
            _ROW_CACHE.clear()
        _ROW_CACHE[key] = None if entry is None else replace(entry, line=entry.line - base)
    return entry


def _header_from_first_row(header: list[str], rows: list[Block]) -> tuple[list[str], list[Block]]:
    """HTML tables often put their header in a plain first row of `<td>` cells: take it when it holds
    no link, only short labels, and names a role."""
    if header or not rows:
        return header, rows
    first = rows[0]
    cells = [c.pieces for c in first.children]
    if len(cells) < 2 or any(p.kind == "link" for c in cells for p in c):
        return header, rows
    names = [squash(plain_text(c)) for c in cells]
    if all(len(n.split()) <= 6 for n in names) and any(
        w in words for n in names for w in _header_words(n) for words in COLUMN_HEADER_WORDS.values()
    ):
        return names, rows[1:]
    return header, rows


def _section_row(row: Block) -> str:
    """A row of one link-free cell spanning several columns names the rows below it."""
    filled = row.children
    if (
        len(filled) != 1
        or filled[0].span < 2
        or any(p.kind == "link" and classify(p) != "nav" for p in filled[0].pieces)
    ):
        return ""
    return clean_section(squash(plain_text(filled[0].pieces)))


def _cells_with_bare_links(rows: list[Block]) -> list[Block]:
    """A cell holding a bare URL (`| *Title* | NN | https://arxiv.org/abs/... |`) holds a link."""

    def linked(cell: Block) -> Block:
        if not any(p.kind == "text" and "://" in p.text for p in cell.pieces):
            return cell
        return replace(cell, pieces=with_bare_links(cell.pieces))

    return [replace(row, children=[linked(cell) for cell in row.children]) for row in rows]


# `1) Title  Introduces a method ...`: a numbered cell whose title runs into its description.
_CELL_NUMBER = re.compile(r"^\s*\d{1,3}[).]\s+")
_DESCRIPTION_GAP = re.compile(r"\s{2,}")
# A title cut from its description is a few words; the description is many.
_MAX_CUT_TITLE_WORDS = 20
_MIN_DESCRIBED_WORDS = 12


def _described(cell: Block) -> str | None:
    """The text of a long plain cell (no link) in which a description follows the title, or None."""
    if any(p.kind in ("link", "image") for p in cell.pieces):
        return None
    text = plain_text(cell.pieces)
    return text if len(text.split()) >= _MIN_DESCRIBED_WORDS else None


def _titles_before_descriptions(rows: list[Block], index: int) -> list[Block]:
    """Title cells that run on into a description keep only the title. Where the list sets the title apart
    by a wide gap, the gap ends it; in cells without the gap, the title ends before the first word this
    table's descriptions open with (`Introduces`, `Proposes`): evidence from the table, not a word list."""
    texts = [_described(row.children[index]) if index < len(row.children) else None for row in rows]
    openers: Counter[str] = Counter()
    for text in texts:
        parts = _DESCRIPTION_GAP.split(_CELL_NUMBER.sub("", text or "").strip(), maxsplit=1)
        if len(parts) == 2 and 0 < len(parts[0].split()) <= _MAX_CUT_TITLE_WORDS and parts[1][:1].isupper():
            openers[parts[1].split()[0]] += 1
    described = sum(1 for t in texts if t)
    if described < 3 or sum(openers.values()) < 0.5 * described:
        return rows  # the table does not write `Title  description` down its rows
    common = {word for word, n in openers.items() if n >= 2}
    out = []
    for row, text in zip(rows, texts, strict=True):
        if text is None:
            out.append(row)
            continue
        body = _CELL_NUMBER.sub("", text).strip()
        parts = _DESCRIPTION_GAP.split(body, maxsplit=1)
        words = parts[0].split()
        cut = next((i for i, w in enumerate(words) if i >= 1 and w in common), len(words))
        title = " ".join(words[:cut])
        if not 0 < len(title.split()) <= _MAX_CUT_TITLE_WORDS:
            out.append(row)
            continue
        cells = list(row.children)
        cells[index] = replace(cells[index], pieces=[Piece("text", title)])
        out.append(replace(row, children=cells))
    return out


def read_table(header: list[str], rows: list[Block], ctx: ItemContext) -> list[Entry]:
    header, rows = _header_from_first_row(header, _cells_with_bare_links(rows))
    linked = any(
        p.kind == "link" and not L.is_navigation(p.href) for r in rows for c in r.children for p in c.pieces
    )
    if not linked and not any(w in ("title", "paper", "papers") for h in header for w in _header_words(h)):
        for row in rows:  # a refused `javascript:` link leaves no link behind, only its warning
            for cell in row.children:
                for piece in cell.pieces:
                    if piece.kind == "text" and "](" in piece.text:
                        warn_refused_schemes(piece.text, row.line, ctx)
        return []  # a table without a link or a title column (results, statistics) lists no works
    roles = column_roles(header, rows)
    entries: list[Entry] = []
    base = ctx.section
    if "title" in roles:
        rows = _titles_before_descriptions(rows, roles["title"])
        for row in rows:
            label = _section_row(row)
            if label:
                ctx.section = " > ".join(p for p in (base, label) if p)
                continue
            entry = _cached_row_entry(row, roles, header, ctx)
            if entry is not None:
                entries.append(entry)
        ctx.section = base
        return entries
    context: dict[int, str] = {}  # a blank context cell repeats the one above it
    for row in rows:
        row_context: list[str] = []
        for index, cell in enumerate(row.children):
            if any(p.kind == "link" for p in cell.pieces):
                continue
            label = clean_section(squash(plain_text(cell.pieces)).strip("*_ "))
            context[index] = label or context.get(index, "")
            row_context.append(context[index])
        trail = [part for part in (base, *row_context) if part]
        ctx.section = " > ".join(trail)
        for cell in row.children:
            drafts = titled(read_entries(cell.pieces, row.line, ctx, split=True))
            entries.extend(build_entry(d, row.line, ctx) for d in drafts if d.url)
            message = "" if drafts else lost_entry_message(cell.pieces)
            if message:
                ctx.warn(row.line, f"table cell: {message}")
    ctx.section = base
    return entries
