"""An entry being assembled from a container's lines, and the line texts every rule reads."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import links as L
from .authors import looks_like_authors, parse_authors
from .pieces import Piece
from .venue import MAX_VENUE_TEXT, is_venue_tag

_BRACKETED = re.compile(r"\[([^\[\]]{1,80})\]|\(([^()]{1,80})\)")
_SEPARATORS = re.compile(r"\x00|[,;·|]|\s[-–—]\s|\.\s")


@dataclass
class ItemContext:
    """Where an item stands and what it may warn about; shared by every rule of one source."""

    source: str
    section: str = ""
    kind: str = ""  # a kind a table header or heading states for every entry under it
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))


@dataclass
class Draft:
    """An entry being assembled from a container's lines."""

    title: str = ""
    url: str = ""
    alt_urls: list[str] = field(default_factory=list)
    code_url: str = ""
    authors: list[str] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)  # venue and date text the list set apart
    loose: list[str] = field(default_factory=list)  # running text near the title
    label_venues: list[str] = field(default_factory=list)  # venues named by a version link's label
    source: str = ""  # which title rule named it: quote, link, strong or lead
    docs: bool = False  # its own link is labelled as documentation: software
    venue_link: bool = False  # a link to its venue's page: an entry even without a link of its own
    prose: bool = False  # words other than names stand before the title: a sentence, not a citation
    line: int = 0  # the line of the title's link, when the container spans lines (HTML)
    extra_urls: list[str] = field(default_factory=list)  # project pages, videos: kept if nothing else

    def add_url(self, href: str) -> None:
        if not href:
            return
        if not self.url:
            self.url = href
        elif href != self.url and href not in self.alt_urls:
            self.alt_urls.append(href)


def line_text(pieces: Sequence[Piece]) -> str:
    """The plain text of a line, links and badges left out."""
    return "".join(p.text for p in pieces if p.kind == "text")


def outer_text(pieces: Sequence[Piece]) -> tuple[str, list[int]]:
    """The line's text with every link as one NUL mark, and where each piece starts in it."""
    out: list[str] = []
    starts: list[int] = []
    size = 0
    for p in pieces:
        starts.append(size)
        chunk = p.text if p.kind == "text" else "\x00"
        out.append(chunk)
        size += len(chunk)
    return "".join(out), starts


def venue_texts(pieces: Sequence[Piece]) -> tuple[list[str], list[str]]:
    """Text outside links, split into what the list set apart (emphasis, brackets, parentheses) and the
    running text between (cut at separators): where lists put venue and date."""
    marked: list[str] = []
    buffer = ""
    for p in pieces:
        if p.kind == "image":  # `![Publish](img.shields.io/badge/Conference-ICLR'24-blue)`: a tag
            marked.extend(t for t in L.badge_texts(p.href) if is_venue_tag(t))
        if p.kind != "text":
            buffer += " \x00 "
        elif p.em or (p.strong and is_venue_tag(p.text)):
            marked.append(p.text)
            buffer += " \x00 "
        else:
            buffer += p.text
    buffer = buffer[: MAX_VENUE_TEXT * 8]
    marked += [(m.group(1) or m.group(2) or "").replace("\x00", " ") for m in _BRACKETED.finditer(buffer)]
    loose = [chunk for chunk in _SEPARATORS.split(_BRACKETED.sub("\x00", buffer)) if chunk.strip()]
    return marked, loose


_DATED_NAMES = re.compile(r"^\W*\(\s*(?:19|20)\d\d[^)]*\)\s*,?\s*([^\x00\[(]+)")
_NAME_RUNS = re.compile(r"\x00|\s[-–—|]\s|\)\s*[,.]?|\(|\[|\]|(?<=[^\sA-Z])\.\s+")
_BY_NAMES = re.compile(r"^(?:by|from)\s+(.+)$", re.I)


def authors_in(pieces: Sequence[Piece], text: str) -> list[str]:
    """Names around a title: an italic run, `(2016), A. Author et al.`, `by A and B`, or a plain run."""
    for p in pieces:
        if p.kind == "text" and p.em and looks_like_authors(p.text, loose=True):
            return parse_authors(p.text)
    dated = _DATED_NAMES.match(text)
    if dated and looks_like_authors(dated.group(1).strip(" .,"), loose=True):  # `(1989), Lawrence R Rabiner.`
        return parse_authors(dated.group(1).strip(" .,"))
    for chunk in _NAME_RUNS.split(text):
        chunk = chunk.strip(" ,.;:-–—|*_")
        if chunk and looks_like_authors(chunk):
            return parse_authors(chunk)
        by = _BY_NAMES.match(chunk)
        if by and looks_like_authors(by.group(1).title(), loose=True):
            return parse_authors(by.group(1))
    return []
