"""Raw HTML blocks inside Markdown (tables, lists) to the same containers the Markdown reader makes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..text import squash
from .pieces import Block, Piece, plain_text

_SKIP = {"script", "style", "template", "svg", "head", "title", "colgroup"}
_LISTS = ("ul", "ol")


def _pieces(node: Tag, base: int, out: list[Piece], strong: bool = False, em: bool = False) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(Piece("text", str(child), strong=strong, em=em))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP or child.name in _LISTS:
            continue
        name = child.name
        line = base + (child.sourceline or 1) - 1
        if name == "a":
            text = child.get_text(" ", strip=True)
            kind = "link" if text or not _has(child, ("img",)) else "image"
            strong = strong or _has(child, ("strong", "b"))
            out.append(Piece(kind, text, str(child.get("href") or "").strip(), strong, em, line))
        elif name == "img":
            out.append(
                Piece("image", str(child.get("alt") or ""), str(child.get("src") or "").strip(), line=line)
            )
        elif name == "br":
            out.append(Piece("break", " "))
        else:
            _pieces(child, base, out, strong or name in ("strong", "b"), em or name in ("em", "i"))
            if name in ("p", "div", "li", "td", "th", "tr", "details", "summary"):
                out.append(Piece("break", " "))


def element_pieces(node: Tag, base: int) -> list[Piece]:
    out: list[Piece] = []
    _pieces(node, base, out)
    return out


# BeautifulSoup's `find`, `find_all` and `find_parent` match through its general filter machinery, which
# costs more than the walk itself on the small fragments of a list; these walk the tree for a tag name
# alone (html.parser gives names in lower case), with the same results in the same document order.


def _tags(node: Tag, names: Collection[str]) -> list[Tag]:
    """`node.find_all(names)`."""
    return [tag for tag in node.descendants if isinstance(tag, Tag) and tag.name in names]


def _child_tags(node: Tag, names: Collection[str]) -> list[Tag]:
    """`node.find_all(names, recursive=False)`."""
    return [tag for tag in node.children if isinstance(tag, Tag) and tag.name in names]


def _has(node: Tag, names: Collection[str]) -> bool:
    """`node.find(names) is not None`."""
    return any(isinstance(tag, Tag) and tag.name in names for tag in node.descendants)


def _parent(node: Tag, names: Collection[str]) -> Tag | None:
    """`node.find_parent(names)`."""
    return next((parent for parent in node.parents if parent.name in names), None)


def _first_link(node: Tag) -> Tag | None:
    """`node.find("a", href=True)`: this runs for every cell and row of an HTML table."""
    for tag in node.descendants:
        if isinstance(tag, Tag) and tag.name == "a" and tag.get("href") is not None:
            return tag
    return None


def _line(node: Tag, base: int) -> int:
    """The line of the element's first link (where a curator looks), else of the element itself."""
    anchor = _first_link(node) or node
    return base + (anchor.sourceline or 1) - 1


def _list_items(node: Tag, base: int) -> list[Block]:
    items = []
    for li in _child_tags(node, ("li",)):
        children = [
            item
            for sub in _tags(li, _LISTS)
            if _parent(sub, ("li",)) is li
            for item in _list_items(sub, base)
        ]
        items.append(Block(_line(li, base), element_pieces(li, base), children))
    return items


# A span beyond this is a typo or hostile (`rowspan=100000`): the cell spans what the table has.
_MAX_SPAN = 1000


def _span(cell: Tag, attribute: str = "colspan") -> int:
    try:
        return min(_MAX_SPAN, max(1, int(str(cell.get(attribute) or 1))))
    except ValueError:
        return 1


def _with_row_spans(
    cells: list[Block], spans: list[int], carried: dict[int, tuple[Block, int]]
) -> list[Block]:
    """The row's cells with the cells of rows above that span down into it (`rowspan`) put back in their
    columns, so a column means the same thing in every row; `carried` is updated for the rows below."""
    out: list[Block] = []
    column = 0
    pending = list(zip(cells, spans, strict=True))
    while pending or any(col >= column for col in carried):
        if column in carried:
            cell, left = carried[column]
            out.append(cell)
            if left > 1:
                carried[column] = (cell, left - 1)
            else:
                del carried[column]
            column += cell.span
            continue
        if not pending:
            column = min(col for col in carried if col >= column)
            continue
        (cell, down), pending = pending[0], pending[1:]
        out.append(cell)
        if down > 1:
            carried[column] = (cell, down - 1)
        column += cell.span
    return out


def _table(node: Tag, base: int) -> tuple[list[str], list[Block]]:
    header: list[str] = []
    rows: list[Block] = []
    carried: dict[int, tuple[Block, int]] = {}  # column -> (cell spanning down into later rows, rows left)
    for tr in _tags(node, ("tr",)):
        if _parent(tr, ("table",)) is not node:
            continue
        cells = [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]
        if cells and all(c.name == "th" for c in cells) and not header:
            header = [c.get_text(" ", strip=True) for c in cells]
            continue
        blocks = [Block(_line(c, base), element_pieces(c, base), span=_span(c)) for c in cells]
        spans = [_span(c, "rowspan") for c in cells]
        row = Block(_line(tr, base), [], _with_row_spans(blocks, spans, carried))
        rows.append(row)
    if not header and rows and _names_columns(rows[0]) and any(_linked(row) for row in rows[1:]):
        header = [squash(plain_text(cell.pieces)) for cell in rows[0].children]
        rows = rows[1:]
    return header, rows


def _linked(row: Block) -> bool:
    return any(p.kind == "link" for cell in row.children for p in cell.pieces)


def _names_columns(row: Block) -> bool:
    """A first row of a few plain words per cell (`Year`, `Title`, `Affiliations`) written with `<td>`:
    a header in all but markup."""
    texts = [squash(plain_text(cell.pieces)) for cell in row.children]
    return (
        len(texts) >= 2
        and not _linked(row)
        and all(text and len(text.split()) <= 3 and not any(c.isdigit() for c in text) for text in texts)
    )


Containers = tuple[list[tuple[list[str], list[Block]]], list[Block], list[Block]]
# Elements that hold one entry when they hold no table, list or other block: `<p>` per paper, a `<div>`.
_BLOCKS = ("p", "div", "center", "blockquote", "section", "article", "figure", "details", "span")
_OUTER = frozenset({"table", "li", *_BLOCKS})  # a block inside one of these belongs to it
_CONTAINERS = frozenset({"table", "ul", "ol", "li"})


def _leaf_blocks(soup: BeautifulSoup, first_line: int) -> list[Block]:
    """Block elements outside tables and lists with a link and no block inside: one container each."""
    blocks: list[Block] = []
    for node in _tags(soup, _BLOCKS):
        if any(parent.name in _OUTER for parent in node.parents):
            continue
        inner = {tag.name for tag in node.descendants if isinstance(tag, Tag)}
        if inner & _CONTAINERS or "a" not in inner or _first_link(node) is None:
            continue
        blocks.append(Block(_line(node, first_line), element_pieces(node, first_line)))
    return blocks


def html_containers(content: str, first_line: int) -> Containers:
    """Tables (header, rows) and top-level list items in an HTML fragment; `first_line` is 1-based.

    Parsed once per distinct fragment: many versions of one list repeat the same tables, and
    BeautifulSoup costs far more than moving the result to other lines.
    """
    tables, items, blocks = _containers_at_line_1(content)
    offset = first_line - 1
    return (
        [(header, [_moved(row, offset) for row in rows]) for header, rows in tables],
        [_moved(item, offset) for item in items],
        [_moved(block, offset) for block in blocks],
    )


def _moved(block: Block, offset: int) -> Block:
    pieces = [replace(p, line=p.line + offset) if p.line else replace(p) for p in block.pieces]
    return Block(block.line + offset, pieces, [_moved(child, offset) for child in block.children], block.span)


@lru_cache(maxsize=64)
def _containers_at_line_1(content: str) -> Containers:
    first_line = 1
    soup = BeautifulSoup(content, "html.parser")
    tables = [_table(t, first_line) for t in _tags(soup, ("table",)) if _parent(t, ("table",)) is None]
    items: list[Block] = []
    for lst in _tags(soup, _LISTS):
        if _parent(lst, ("li", "table")) is None:
            items.extend(_list_items(lst, first_line))
    blocks = _leaf_blocks(soup, first_line)
    soup.decompose()  # the tree's parent links are cycles: free it now, not at the next collection
    return tables, items, blocks
