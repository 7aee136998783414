"""One container's pieces to entries: the reading order of a container, rule chains in their own modules.

A container (a list item with its nested lines, a table cell, an HTML block, a paragraph) is read as lines:
its pieces split at hard breaks. The first line that names an entry is its head (`title_rules.py`:
`TITLE_RULES`; its links by `link_roles.py`: `LINK_ROLE_RULES`); the lines after it add authors, venue, code
and other versions (`later_lines.py`), or start entries of their own. `entry_build.py` finishes each draft
into an entry once all its lines are read.
"""

from __future__ import annotations

import re

from ..text import squash
from . import links as L
from .draft import Draft, ItemContext
from .entry_build import build_entry, titled
from .fields import classify, code_link, field_of, label_value
from .later_lines import add_line
from .pieces import Piece
from .title import clean_decorated_title, is_short_name, quoted_title, read_citation
from .title_rules import head_drafts

_BARE_URL = re.compile(r"(?<![(\[<\"'=])\bhttps?://[^\s<>\"'\]\[)]+", re.I)
_URL_LABEL = re.compile(r"([^\W\d][\w ./&+-]{0,24}?)\s*[:：]?\s*$")
_SCHEME_LINK = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):")


def with_bare_links(pieces: list[Piece]) -> list[Piece]:
    """Bare URLs in text become links, labelled by the word before them (`Paper: https://...`)."""
    if not any(p.kind == "text" and "://" in p.text for p in pieces):
        return pieces
    out: list[Piece] = []
    for piece in pieces:
        if piece.kind != "text" or "://" not in piece.text:
            out.append(piece)
            continue
        rest = piece.text
        while True:
            match = _BARE_URL.search(rest)
            if not match:
                break
            before = rest[: match.start()]
            label = _URL_LABEL.search(before) if re.search(r"[:：]\s*$", before) else None
            text_before = before[: label.start()] if label else before
            if text_before:
                out.append(Piece("text", text_before, strong=piece.strong, em=piece.em, line=piece.line))
            href = match.group(0).rstrip(".,;:!?")
            out.append(Piece("link", label.group(1).strip() if label else "", href, line=piece.line))
            rest = rest[match.start() + len(href) :]
        if rest:
            out.append(Piece("text", rest, strong=piece.strong, em=piece.em, line=piece.line))
    return out


def split_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """A container's pieces cut at hard breaks (`<br>`, a second paragraph): one list per line."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.kind == "break":
            if lines[-1]:
                lines.append([])
        else:
            lines[-1].append(piece)
    return [line for line in lines if line]


def read_entries(
    pieces: list[Piece], line: int, ctx: ItemContext, *, split: bool = False, nested: bool = False
) -> list[Draft]:
    """The entries in one container. With `split`, every titled link starts a new entry (table cells);
    `nested` lines sit under an entry, so a `Label:` before their links says what the links are."""
    for piece in pieces:
        if piece.kind == "text" and "](" in piece.text:
            warn_refused_schemes(piece.text, piece.line or line, ctx)
        elif piece.kind == "link" and L.is_unsafe(piece.href):
            ctx.warn(piece.line or line, f"dropped a link that is not http(s): {piece.href.strip()[:60]!r}")
    drafts: list[Draft] = []
    before: list[list[Piece]] = []  # badge lines above the title line
    for pieces_of_line in split_lines(with_bare_links(pieces)):
        if drafts and add_line(drafts[-1], pieces_of_line, split=split):
            continue
        found = head_drafts(pieces_of_line, split, nested)
        if not found or not (found[0].title or found[0].url):
            before.append(pieces_of_line)
            continue
        for earlier in before:
            add_line(found[0], earlier)
        before = []
        drafts.extend(found)
    if not drafts and before:  # only code or material links: they add to the entry above
        draft = Draft()
        for earlier in before:
            add_line(draft, earlier)
        if draft.code_url or draft.url or draft.extra_urls:
            drafts.append(draft)
    return drafts


def citation_title(pieces: list[Piece]) -> tuple[str, list[str], list[str]]:
    """A nested line that cites the entry in full (`Authors, Title, Venue, Year.`): its title, authors and
    venue texts, when its title is longer than a short name."""
    if any(p.kind == "link" and classify(p) == "title" for p in pieces):
        return "", [], []
    text = squash("".join(p.text for p in pieces if p.kind == "text"))
    quote = quoted_title(text)
    if quote:
        return clean_decorated_title(quote[2]), [], [text[quote[1] :]]
    citation = read_citation(text)
    if not citation.authors or len(citation.title.split()) < 3:
        return "", [], []
    return clean_decorated_title(citation.title), citation.authors, citation.venue_texts


def adopt_citation(draft_title: str) -> bool:
    """A short name (`Inside-Outside Net`, `Toronto`) gives way to the full title a nested line cites."""
    return len(draft_title.split()) <= 4


def _refused_schemes(text: str) -> list[str]:
    found = (m.group(1).lower() for m in _SCHEME_LINK.finditer(text))
    return list(dict.fromkeys(s for s in found if s not in ("http", "https")))


def warn_refused_schemes(text: str, line: int, ctx: ItemContext) -> None:
    """Markdown links markdown-it refused (`[x](javascript:...)` stays text): each one is worth a warning."""
    for scheme in _refused_schemes(text):
        ctx.warn(line, f"dropped a link that is not http(s): {scheme}:")


def lost_entry_message(pieces: list[Piece]) -> str:
    """Why text that looks like an entry gave none: a link that does not parse (refused schemes are warned
    where the pieces are read)."""
    text = "".join(p.text for p in pieces if p.kind == "text")
    if _refused_schemes(text):
        return ""
    if "](" in text or "http://" in text.lower() or "https://" in text.lower():
        return "looks like an entry but has no readable link"
    return ""


__all__ = [
    "Draft",
    "ItemContext",
    "adopt_citation",
    "build_entry",
    "citation_title",
    "classify",
    "code_link",
    "field_of",
    "is_short_name",
    "label_value",
    "lost_entry_message",
    "read_entries",
    "titled",
    "warn_refused_schemes",
    "with_bare_links",
]
