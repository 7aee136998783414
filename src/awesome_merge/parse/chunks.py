"""Read a list in pieces that can be remembered: the sections of successive versions of one list are
mostly the same text, and a section read once need not be read again.

A document splits before an ATX heading at the start of a line that follows a blank line. There, Markdown
itself starts afresh: a blank line ends every paragraph, table and HTML block of types 6 and 7, a line at the
margin ends every list item and quote, so the heading opens a new top-level block whatever came before.
What could still run across such a line is checked, and the whole document is read as one when it could:

- a fenced code block or an HTML block of types 1-5 (`<!--`, `<pre>`, ...) left open: the piece before,
  read alone, then has such a block reaching its end;
- an HTML table the reader extends past blank lines (`<table>` without its `</table>`): counted per line;
- link reference definitions (a link in one section may use a definition in another), the reader's skip
  markers, and lists or quotes nested too deep for markdown-it: the document is read whole.

What the reader carries from one piece to the next (the heading trail, whether a heading or a section was
seen, the section and kind in force) is the key of a piece together with its text and the list's own
labels (`list_evidence`); what the piece reads (entries, entries held for the end, warnings, the state after
it) is its value. Entries and warnings are read with lines counted from the piece's first line and moved
to where the piece stands; a piece whose warnings quote a number (a line range) is read where it stands.
The list-wide steps (entries held by venue-type sections, the coverage check) run once over the whole.
`tests/test_chunks.py` shows the result equal, entry for entry and warning for warning, to reading the
document whole.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from ..diagnostics import Diagnostic
from ..frame import Entry
from .document import _MD_NO_REFERENCES, _REFERENCE_DEFINITION, _SKIP_END, _SKIP_START, _Walker, parse_text
from .item import classify, with_bare_links
from .list_evidence import ListEvidence, evidence_in_force, list_evidence
from .nesting import tokens_within_nesting
from .pieces import Piece

__all__ = ["ChunkCache", "parse_text_cached", "split_points"]

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_DIGIT = re.compile(r"\d")
# A list item at the margin with some text, and not a thematic break (`* * *`).
_ITEM_FIRST = frozenset("-*+0123456789")
_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# One list item at the margin in this many starts a piece.
_ITEM_SPREAD = 4
_FENCE = re.compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")
# Pieces shorter than this are merged with the next: a key per three-line section costs more than it saves.
_MIN_PIECE_LINES = 8

# (trail, seen_heading, seen_section, section, kind): what the reader carries across a split point.
_State = tuple[tuple[tuple[int, str], ...], bool, bool, str, str]
_START: _State = ((), False, False, "", "")
# An entry as remembered: its fields in `Entry` order, lists as tuples, `source` left out.
_Row = tuple[object, ...]


@dataclass
class _Piece:
    """What one piece reads; lines counted from the piece's first line unless `absolute`."""

    entries: list[_Row]
    held: list[tuple[str, list[_Row]]]
    warnings: list[tuple[int, str]]
    after: _State
    open_end: bool  # a fence or an HTML block of types 1-5 runs to the piece's end
    fallback: bool  # nesting too deep: the document must be read whole
    size: int = field(default=0)
    severities: list[str] = field(default_factory=list)  # levels of a whole document's diagnostics
    unsure: bool = False  # a title above a list that runs on was offered part of it (`_PieceWalker`)


class ChunkCache:
    """Pieces read so far, by (text, state, labels, where), least recently used dropped first past a budget
    of remembered entries; and whole texts read so far (identical files are read once)."""

    def __init__(self, max_entries: int = 100_000) -> None:
        self.max_entries = max_entries
        self.pieces: OrderedDict[tuple[object, ...], _Piece] = OrderedDict()
        self.entries = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[object, ...]) -> _Piece | None:
        piece = self.pieces.get(key)
        if piece is not None:
            self.pieces.move_to_end(key)
            self.hits += 1
        return piece

    def put(self, key: tuple[object, ...], piece: _Piece) -> None:
        self.misses += 1
        piece.size = len(piece.entries) + sum(len(rows) for _, rows in piece.held) + 1
        self.pieces[key] = piece
        self.entries += piece.size
        while self.entries > self.max_entries and len(self.pieces) > 1:
            _, old = self.pieces.popitem(last=False)
            self.entries -= old.size

    def clear(self) -> None:
        self.pieces.clear()
        self.entries = 0


def split_points(lines: list[str]) -> list[tuple[int, bool]]:
    """Line indexes (0-based) where a new piece may start, each with whether the piece before runs on into
    it as one list: an ATX heading at the margin after a blank line; or, one in about `_ITEM_SPREAD`
    (chosen by the line's text, so that an edit elsewhere moves no other point), a list item at the margin
    right after the lines of another (nothing but indented lines between them). Never with an HTML table
    left open above."""
    points: list[tuple[int, bool]] = []
    open_tables = 0  # the most `<table>` opened and not closed over any run of lines ending here
    previous_blank = True
    in_list = False  # since the last list item at the margin: only indented lines
    fence = ""  # the fence of an open code block, as far as a look at each line tells
    comment = False
    for number, line in enumerate(lines):
        first = line[:1]
        item = False
        if fence or comment:  # only saves reading pieces that the check of their ends would refuse
            stripped = line.strip()
            if fence and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            elif comment and "-->" in line:
                comment = False
        elif number and previous_blank and open_tables == 0 and first == "#" and _ATX.match(line):
            points.append((number, False))
        else:
            item = first in _ITEM_FIRST and _ITEM.match(line) is not None and not _BREAK.match(line)
            if (
                item
                and in_list
                and open_tables == 0
                and zlib.crc32(line.encode("utf-8", "surrogatepass")) % _ITEM_SPREAD == 0
            ):
                points.append((number, True))
            opening = _FENCE.match(line)
            if opening:
                fence = opening.group(1)
            elif line.lstrip(" ").startswith("<!--") and "-->" not in line:
                comment = True
        if "<" in line:
            delta = len(_TABLE_OPEN.findall(line)) - len(_TABLE_CLOSE.findall(line))
            open_tables = max(0, open_tables + delta)
        previous_blank = not line.strip(" \t")
        if item:
            in_list = not (fence or comment)
        elif previous_blank or first not in (" ", "\t"):
            in_list = False
    return points


def _row(entry: Entry) -> _Row:
    return (
        entry.line,
        entry.section,
        entry.title,
        entry.url,
        tuple(entry.alt_urls),
        entry.code_url,
        entry.arxiv_id,
        entry.doi,
        entry.venue,
        entry.year,
        tuple(entry.authors),
        entry.kind,
    )


def _entry(row: _Row, source: str, shift: int) -> Entry:
    line, section, title, url, alt, code, arxiv, doi, venue, year, authors, kind = row
    return Entry(
        source,
        line + shift,  # type: ignore[operator]
        section,  # type: ignore[arg-type]
        title,  # type: ignore[arg-type]
        url,  # type: ignore[arg-type]
        list(alt),  # type: ignore[call-overload]
        code,  # type: ignore[arg-type]
        arxiv,  # type: ignore[arg-type]
        doi,  # type: ignore[arg-type]
        venue,  # type: ignore[arg-type]
        year,  # type: ignore[arg-type]
        list(authors),  # type: ignore[call-overload]
        kind,  # type: ignore[arg-type]
    )


def _open_end(tokens: list[Token], n_lines: int) -> bool:
    """A fence or an HTML block that only the end of the text closed (markdown-it counts `n_lines`)."""
    return any(tok.type in ("fence", "html_block") and tok.map and tok.map[1] >= n_lines for tok in tokens)


class _PieceWalker(_Walker):
    """The document's reader, on one piece. When the piece ends inside a list that runs on into the next,
    a title waiting above a list (a heading, a bold line) must not be given this part of the list alone:
    the whole list decides. Where a title link is among these lines the whole list holds it too, and the
    answer is no (the first test of `titled_by_pending`); otherwise the piece is `unsure`, and read again
    with the rest of its list."""

    def __init__(self, text: str, source: str, runs_on: bool) -> None:
        super().__init__(text, source)
        self.runs_on = runs_on
        self.unsure = False

    def titled_by_pending(self, pending: Any, lines: list[list[Piece]], *, labels_only: bool = True) -> bool:
        if labels_only and self.runs_on:
            if any(
                p.kind == "link" and classify(p) == "title" for item in lines for p in with_bare_links(item)
            ):
                return False
            self.unsure = True
        return super().titled_by_pending(pending, lines, labels_only=labels_only)


def _read_piece(text: str, pad: int, state: _State, source: str, runs_on: bool) -> _Piece:
    """One piece read as the whole-document reader reads it there, `pad` blank lines standing for the
    lines above it (0: lines counted from the piece's first)."""
    padded = "\n" * pad + text if pad else text
    tokens, notes = tokens_within_nesting(_MD_NO_REFERENCES, padded, source)
    walker = _PieceWalker(padded, source, runs_on)
    trail, seen_heading, seen_section, section, kind = state
    walker.trail = list(trail)
    walker.seen_heading, walker.seen_section = seen_heading, seen_section
    walker.ctx.section, walker.ctx.kind = section, kind
    walker.walk(tokens)
    after: _State = (
        tuple(walker.trail),
        walker.seen_heading,
        walker.seen_section,
        walker.ctx.section,
        walker.ctx.kind,
    )
    return _Piece(
        [_row(e) for e in walker.entries],
        [(name, [_row(e) for e in held]) for name, held in walker.held.items()],
        list(walker.ctx.warnings),
        after,
        _open_end(tokens, pad + text.count("\n") + (0 if text.endswith("\n") else 1)),
        bool(notes),
        unsure=walker.unsure,
    )


def _cached_piece(
    cache: ChunkCache, chunk: str, pad: int, state: _State, labels: ListEvidence, source: str, runs_on: bool
) -> _Piece:
    key: tuple[object, ...] = (chunk, state, labels, pad, runs_on)
    piece = cache.get(key)
    if piece is None:
        piece = _read_piece(chunk, pad, state, source, runs_on)
        cache.put(key, piece)
    return piece


def _pieces(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(first, end, runs_on) line ranges of the pieces; a piece after a heading is at least
    `_MIN_PIECE_LINES` long (but the last); `runs_on`: a list goes on into the next piece."""
    bounds = [(0, False)]
    for point, runs_on in split_points(lines):
        if runs_on or point - bounds[-1][0] >= _MIN_PIECE_LINES:
            bounds.append((point, runs_on))
    ends = [*bounds[1:], (len(lines), False)]
    return [(first, end, runs_on) for (first, _), (end, runs_on) in zip(bounds, ends, strict=True)]


def _whole(
    text: str,
    source: str,
    cache: ChunkCache,
    read_whole: Callable[[str, str], tuple[list[Entry], list[Diagnostic]]],
) -> tuple[list[Entry], list[Diagnostic]]:
    """A document read whole, once per distinct text."""
    key: tuple[object, ...] = ("whole", text)
    piece = cache.get(key)
    if piece is None:
        entries, notes = read_whole(text, source)
        warnings = [(note.line, note.message) for note in notes]
        severities = [note.level for note in notes]
        piece = _Piece([_row(e) for e in entries], [], warnings, _START, False, False)
        piece.severities = severities
        cache.put(key, piece)
    return (
        [_entry(row, source, 0) for row in piece.entries],
        [
            Diagnostic(source, line, message, severity)
            for (line, message), severity in zip(piece.warnings, piece.severities, strict=True)
        ],
    )


def parse_text_cached(
    text: str,
    source: str,
    cache: ChunkCache,
    whole: Callable[[str, str], tuple[list[Entry], list[Diagnostic]]] | None = None,
) -> tuple[list[Entry], list[Diagnostic]]:
    """`parse_text(text, source)`, with the pieces of `text` read before taken from `cache`."""
    read_whole = whole or parse_text
    if _REFERENCE_DEFINITION.search(text) or _SKIP_START.search(text) or _SKIP_END.search(text):
        return _whole(text, source, cache, read_whole)
    lines = text.split("\n")
    ranges = _pieces(lines)
    labels = list_evidence(text)
    state = _START
    entries: list[Entry] = []
    held: dict[str, list[Entry]] = {}
    warnings: list[tuple[int, str]] = []
    with evidence_in_force(labels):
        number = 0
        while number < len(ranges):
            first, end, runs_on = ranges[number]
            last = number
            while True:
                # A piece ends with the line before the next one's first (the blank line before a
                # heading): a line of its own (a final "\n"), as markdown-it sees it in the whole document.
                chunk = "\n".join(lines[first:end]) + ("\n" if end < len(lines) else "")
                piece = _cached_piece(cache, chunk, 0, state, labels, source, runs_on)
                if not piece.unsure:
                    break
                last += 1  # the list's whole, to the end of the pieces it runs on into
                while ranges[last][2]:
                    last += 1
                end, runs_on = ranges[last][1], ranges[last][2]
            shift = first
            if first and any(_DIGIT.search(message) for _, message in piece.warnings):
                piece, shift = _cached_piece(cache, chunk, first, state, labels, source, runs_on), 0
            if piece.fallback or (piece.open_end and last < len(ranges) - 1):
                return _whole(text, source, cache, read_whole)
            entries.extend(_entry(row, source, shift) for row in piece.entries)
            for name, rows in piece.held:
                held.setdefault(name, []).extend(_entry(row, source, shift) for row in rows)
            warnings.extend((line + shift, message) for line, message in piece.warnings)
            state = piece.after
            number = last + 1
        walker = _Walker(text, source)
        walker.entries, walker.held = entries, held
        walker.ctx.warnings = warnings
        walker.finish()
        walker.check_coverage(text)
    notes = [Diagnostic(source, line, message) for line, message in dict.fromkeys(walker.ctx.warnings)]
    return walker.entries, notes
