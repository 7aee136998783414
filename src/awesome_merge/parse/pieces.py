"""The neutral form every container's inline content is turned into, from Markdown or HTML alike.

Item rules read pieces, never tokens or tags, so one rule serves a Markdown bullet, a table cell and an
HTML table row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ids import is_http_url

_EMBEDDED_URL = re.compile(r"\((https?://[^()\s]+)\)")


@dataclass(slots=True)
class Piece:
    """A run of inline content: `kind` is "text", "link", "image" or "break"."""

    kind: str
    text: str = ""
    href: str = ""
    strong: bool = False
    em: bool = False
    line: int = 0  # 1-based line in the source when known (HTML), else 0


@dataclass(slots=True)
class Block:
    """An item container: a list item, a table cell or row, a heading, an HTML element."""

    line: int
    pieces: list[Piece]
    children: list[Block] = field(default_factory=list)
    span: int = 1  # columns an HTML cell spans: a one-cell row across the table names the rows below


def plain_text(pieces: list[Piece]) -> str:
    return "".join(p.text if p.kind in ("text", "link") else " " for p in pieces)


def links(pieces: list[Piece]) -> list[Piece]:
    return [p for p in pieces if p.kind == "link"]


def repair_links(pieces: list[Piece]) -> list[Piece]:
    """Mend `[Title]([name.pdf](https://...))`: the real URL is nested inside a broken link target."""
    for piece in pieces:
        if piece.kind == "link" and not is_http_url(piece.href):
            match = _EMBEDDED_URL.search(piece.href)
            if match:
                piece.href = match.group(1)
    return pieces
