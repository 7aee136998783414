"""The lines of a container after its head line: what each adds to the entry above it."""

from __future__ import annotations

import re

from ..text import squash
from .authors import looks_like_authors, parse_authors
from .draft import Draft, line_text, venue_texts
from .fields import code_link, field_of, labelled_roles
from .link_roles import is_commentary
from .pieces import Piece
from .title_rules import cites_venue
from .venue import is_venue_label

_FIELD_SPLIT = re.compile(r"\s[·•|]\s|\s[-–—]\s")


def names_a_work(text: str) -> bool:
    """Link text long enough to be a work's own title: three words, or a run of CJK characters."""
    return len(text.split()) >= 3 or sum(1 for c in text if ord(c) > 0x2E80) >= 8


def add_line(draft: Draft, line: list[Piece], *, split: bool = False) -> bool:
    """A later line of a container that describes its entry: `Authors: ...`, `Venue: ...`, a role-link
    line, an italic author line, a bare venue. True when the line was used (or is description)."""
    roles = labelled_roles(line)
    text = squash(line_text(line))
    if draft.title and not draft.url and draft.source == "strong":
        # `**Title**` / names / `[Journal of Widgets 22.1 (2021)](url)`: the set-apart title waits for its
        # link, and a link whose text ends in a volume, a year or a date cites where the title appeared
        for i, (piece, role) in enumerate(zip(line, roles, strict=True)):
            if role in ("title", "alt") and cites_venue(piece.text):
                roles[i] = "alt"
                draft.marked.append(squash(piece.text))
    if any(
        r == "title" and (split or names_a_work(p.text)) and not is_commentary(p, line)  # a post about it
        for p, r in zip(line, roles, strict=True)
    ):
        return False
    # `<br>:thumbsup:[Summary](url)`: a short link on a later line is material about the entry above
    roles = ["extra" if r == "title" else r for r in roles]
    field = field_of(text) if not any(r for r in roles) else None
    if field:
        name, value = field
        if name in ("venue", "year"):
            draft.marked.insert(0, value)
        elif name == "authors":
            draft.authors = draft.authors or parse_authors(value)
        return True
    for piece, role in zip(line, roles, strict=True):
        href = piece.href.strip()
        if role == "code":
            draft.code_url = draft.code_url or code_link(piece)
        elif role in ("alt", "address"):
            draft.add_url(href)
        elif role == "extra":
            draft.extra_urls.append(href)
        elif role == "venue":
            draft.marked.append(squash(piece.text))
    fields = [f.strip(" .>*_") for f in _FIELD_SPLIT.split(text)]
    named = next((f for f in fields if looks_like_authors(f)), "")  # `Smith J et al. · *Journal* · date`
    if named and not draft.authors and len(fields) > 1:
        draft.authors = parse_authors(named)
    for piece in line:
        if (
            piece.kind == "text"
            and piece.em
            and not draft.authors
            and looks_like_authors(piece.text, loose=True)
        ):
            draft.authors = parse_authors(piece.text)
            line = [p for p in line if p is not piece]
            text = squash(line_text(line))
            break
    if not draft.authors and looks_like_authors(text.strip(" .>"), loose=any(p.em for p in line)):
        draft.authors = parse_authors(text.strip(" .>"))
        return True
    head = re.split(r"(?<!\b[A-Z])\.\s+", text, maxsplit=1)[0].strip(" .>")  # `A, B. ICML 2021. [[Paper]]`
    if not draft.authors and head != text.strip(" .>") and looks_like_authors(head):
        draft.authors = parse_authors(head)
    marked, loose = venue_texts(line)
    stripped = text.strip(" >.")
    if stripped and len(stripped) <= 80:
        draft.marked.extend(marked + ([stripped] if is_venue_label(stripped) else []))
        draft.loose.extend(loose)
    elif not stripped:
        draft.marked.extend(marked)  # a line of badges only: what they state
    return True
