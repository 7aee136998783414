"""`Label: value` lines and `Label: [link]` prefixes: what a list's own labels say a line or a link is."""

from __future__ import annotations

import re

from . import links as L
from .draft import line_text
from .link_roles import link_role
from .pieces import Piece
from .title import strip_symbols
from .vocabulary import FIELD_LABELS

_ATTRIBUTE = re.compile(r"^\W*([^\W\d][\w /&-]{0,24}?)\s*[:：]\s*(.*)$", re.S)
_LINE_LABEL = re.compile(r"^\W*([^\W\d][\w /&+-]{0,30}?)\s*[:：]\s*\W*$")
_FIELDS = tuple((name, re.compile(rf"^(?:{words})$", re.I)) for name, words in FIELD_LABELS)


def label_value(text: str) -> str | None:
    """The value of a `Label: value` line, or None when the line has no label."""
    key = _ATTRIBUTE.match(text)
    return key.group(2).strip() if key else None


def field_of(text: str) -> tuple[str, str] | None:
    """A `Label: value` line the reader knows: ("venue" | "year" | "authors" | "description", value).
    One vocabulary for a container's later lines and for the nested lines under a list item."""
    key = _ATTRIBUTE.match(text)
    if not key:
        return None
    label, value = key.group(1).strip(), key.group(2).strip()
    return next(((name, value) for name, pattern in _FIELDS if pattern.match(label)), None)


def classify(piece: Piece) -> str:
    """One word for what a link (or badge) is for; the rules are the chain in `link_roles.py`."""
    return link_role(piece)[0]


def code_link(piece: Piece) -> str:
    """The code link as the list gives it; a badge stands for the repository it shows."""
    href = piece.href.strip()
    return (L.code_repo(href) or href) if piece.kind == "image" else href


def labelled_roles(line: list[Piece], *, head: bool = False) -> list[str]:
    """Each piece's role; on a `Label: [link]` line the label says what the links are (`Code:`,
    `Paper:`, `Environment:`), whatever their own text. On an entry's own line (`head`) only a code label
    counts: `Dataset: [ImageNet](url)` is the dataset itself."""
    roles = [classify(p) if p.kind in ("link", "image") else "" for p in line]
    first = next((i for i, r in enumerate(roles) if r), len(line))
    prefix = line_text(line[:first]) if 0 < first < len(line) else ""
    label = _LINE_LABEL.match(strip_symbols(prefix)) if prefix.rstrip().endswith((":", "：")) else None
    if not label:
        return roles
    name = label.group(1).strip()
    if L.is_code_label(name):
        return ["code" if r in ("title", "alt", "address", "extra") else r for r in roles]
    if head or L.is_alt_label(name) or re.search(r"\b(?:paper|pdf|arxiv|link)\b", name, re.I):
        return roles  # `Paper:`, `English paper link:`: the link is the work itself
    # `Environment: [D4RL](url)`: material about the entry; a long titled link still names a work
    return [
        "extra" if r in ("alt", "address", "extra") or (r == "title" and len(p.text.split()) < 3) else r
        for p, r in zip(line, roles, strict=True)
    ]
