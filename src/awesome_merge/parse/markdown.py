"""markdown-it-py tokens to pieces and item containers (list items, table rows)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import fast_table
from .fast_inline import inline_rule, remember_rule
from .pieces import Block, Piece, repair_links

_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")


def make_parser() -> MarkdownIt:
    """CommonMark plus GFM tables; raw HTML passes through as html_block / html_inline tokens."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Hrefs are wanted as written: the writers encode what they emit, so skip percent-encoding here.
    md.normalizeLink = _as_written  # type: ignore[method-assign]
    md.normalizeLinkText = _as_written  # type: ignore[method-assign]
    md.core.ruler.at("inline", inline_rule)
    md.core.ruler.after("text_join", "remember_inline", remember_rule)
    fast_table.install()
    return md


def _as_written(url: str) -> str:
    return url


def _attr(pattern: re.Pattern[str], tag: str) -> str:
    match = pattern.search(tag)
    if not match:
        return ""
    return html.unescape(next(g for g in match.groups() if g is not None)).strip()


class _Inline:
    """State while flattening one inline run: emphasis depth and the link being read."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.strong = 0
        self.em = 0
        self.link: Piece | None = None
        self.link_has_image = False
        self.link_image_src = ""

    def text(self, text: str) -> None:
        if self.link is not None:
            self.link.text += text
        else:
            self.pieces.append(Piece("text", text, strong=self.strong > 0, em=self.em > 0))

    def open_link(self, href: str) -> None:
        self.close_link()
        self.link = Piece("link", "", href, strong=self.strong > 0, em=self.em > 0)
        self.link_has_image = False

    def close_link(self) -> None:
        """A link around an image alone is a badge, not a titled link."""
        if self.link is None:
            return
        if self.link_has_image and not self.link.text.strip():
            self.link.kind = "image"
            if not self.link.href.strip():  # `[![Venue](badge url)]()`: the badge is all it says
                self.link.href = self.link_image_src
        self.pieces.append(self.link)
        self.link = None

    def image(self, alt: str, src: str) -> None:
        if self.link is not None:
            self.link_has_image = True
            self.link_image_src = src
        else:
            self.pieces.append(Piece("image", alt, src))

    def html(self, tag: str) -> None:
        """Inline HTML inside Markdown: `<a href>`, `<img>` and `<br>` matter, other tags are formatting."""
        match = _TAG.match(tag)
        if not match:
            return
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name == "a":
            if closing:
                self.close_link()
            else:
                self.open_link(_attr(_HREF, tag))
        elif name == "img":
            self.image(_attr(_ALT, tag), _attr(_SRC, tag))
        elif name == "br":
            self.close_link()
            self.pieces.append(Piece("break", " "))
        elif name in ("b", "strong"):
            self.strong += -1 if closing else 1
        elif name in ("i", "em"):
            self.em += -1 if closing else 1


def inline_pieces(children: Sequence[Token] | None) -> list[Piece]:
    """Flatten an inline token's children; a link's text becomes one piece that keeps its emphasis."""
    state = _Inline()
    for tok in children or ():
        kind = tok.type
        if kind == "code_inline":  # `ICML 2023`: set apart like emphasis
            state.em += 1
            state.text(tok.content)
            state.em -= 1
        elif kind in ("text", "text_special"):
            state.text(tok.content)
        elif kind == "softbreak":
            state.text(" ")
        elif kind == "hardbreak":
            state.close_link()
            state.pieces.append(Piece("break", " "))
        elif kind == "link_open":
            state.open_link(str(tok.attrs.get("href", "")))
        elif kind == "link_close":
            state.close_link()
        elif kind == "image":
            state.image(tok.content, str(tok.attrs.get("src", "")))
        elif kind in ("strong_open", "strong_close"):
            state.strong += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            state.em += 1 if kind == "em_open" else -1
        elif kind == "html_inline":
            state.html(tok.content)
    state.close_link()
    return repair_links(state.pieces)


def find_close(tokens: Sequence[Token], start: int) -> int:
    """Index of the token closing tokens[start] (nesting counted)."""
    depth = 0
    for i in range(start, len(tokens)):
        depth += tokens[i].nesting
        if depth == 0:
            return i
    return len(tokens) - 1


def list_blocks(tokens: Sequence[Token], start: int, end: int) -> list[Block]:
    """The items of the list tokens[start:end+1], nested lists as children, one level at a time."""
    items: list[Block] = []
    i = start + 1
    while i < end:
        tok = tokens[i]
        if tok.type == "list_item_open":
            close = find_close(tokens, i)
            items.append(_item_block(tokens, i, close))
            i = close + 1
        else:
            i += 1
    return items


def _item_block(tokens: Sequence[Token], start: int, end: int) -> Block:
    line = (tokens[start].map or [0])[0] + 1
    pieces: list[Piece] = []
    children: list[Block] = []
    i = start + 1
    while i < end:
        tok = tokens[i]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            close = find_close(tokens, i)
            children.extend(list_blocks(tokens, i, close))
            i = close + 1
            continue
        if tok.type == "inline":
            if pieces:
                pieces.append(Piece("break", " "))
            pieces.extend(inline_pieces(tok.children))
        i += 1
    return Block(line, pieces, children)


def table_rows(tokens: Sequence[Token], start: int, end: int) -> tuple[list[str], list[Block]]:
    """Header texts and body rows; each row is a Block whose children are its cells."""
    header: list[str] = []
    rows: list[Block] = []
    current: Block | None = None
    in_head = False
    for i in range(start + 1, end):
        tok = tokens[i]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open" and not in_head:
            current = Block((tok.map or [0])[0] + 1, [])
            rows.append(current)
        elif tok.type == "inline":
            pieces = inline_pieces(tok.children)
            if in_head:
                header.append("".join(p.text for p in pieces))
            elif current is not None:
                current.children.append(Block(current.line, pieces))
    return header, rows
