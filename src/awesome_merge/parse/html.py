"""Raw HTML blocks inside Markdown (tables, lists) to the same containers the Markdown reader makes."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from ..text import squash
from .html_tree import Node, Parser, parse_fragment
from .pieces import Block, Piece, plain_text

_SKIP = {"script", "style", "template", "svg", "head", "title", "colgroup"}
_LISTS = ("ul", "ol")
# The parser of every fragment; html.parser remains for what lxml cannot read (see html_tree).
PARSER: Parser = "lxml"


def _pieces(node: Node, base: int, out: list[Piece], strong: bool = False, em: bool = False) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(Piece("text", child, strong=strong, em=em))
            continue
        name = child.name
        if name in _SKIP or name in _LISTS:
            continue
        line = base + child.line - 1
        if name == "a":
            text = child.text()
            kind = "link" if text or not _has(child, ("img",)) else "image"
            strong = strong or _has(child, ("strong", "b"))
            out.append(Piece(kind, text, (child.get("href") or "").strip(), strong, em, line))
        elif name == "img":
            out.append(Piece("image", child.get("alt") or "", (child.get("src") or "").strip(), line=line))
        elif name == "br":
            out.append(Piece("break", " "))
        else:
            _pieces(child, base, out, strong or name in ("strong", "b"), em or name in ("em", "i"))
            if name in ("p", "div", "li", "td", "th", "tr", "details", "summary"):
                out.append(Piece("break", " "))


def element_pieces(node: Node, base: int) -> list[Piece]:
    out: list[Piece] = []
    _pieces(node, base, out)
    return out


def _below(node: Node, names: Collection[str], closed: Collection[str]) -> list[Node]:
    """The elements named `names` below `node`, in document order, that no element named in `closed`
    holds between them and `node`: the rows of this table and not of a table inside it, the lists of
    this item and not of its sub-items. An element named in both is found and not entered."""
    found: list[Node] = []
    stack = node.elements()[::-1]
    while stack:
        tag = stack.pop()
        if tag.name in names:
            found.append(tag)
        if tag.name not in closed:
            stack.extend(tag.elements()[::-1])
    return found


def _has(node: Node, names: Collection[str]) -> bool:
    return any(tag.name in names for tag in node.iter_tags())


def _first_link(node: Node) -> Node | None:
    """The first `<a>` with an address: this runs for every cell and row of an HTML table."""
    return next((tag for tag in node.iter_tags() if tag.name == "a" and "href" in tag.attrs), None)


def _line(node: Node, base: int) -> int:
    """The line of the element's first link (where a curator looks), else of the element itself."""
    anchor = _first_link(node) or node
    return base + anchor.line - 1


def _list_items(node: Node, base: int) -> list[Block]:
    items = []
    for li in node.elements():
        if li.name != "li":
            continue
        children = [item for sub in _below(li, _LISTS, ("li",)) for item in _list_items(sub, base)]
        items.append(Block(_line(li, base), element_pieces(li, base), children))
    return items


# A span beyond this is a typo or hostile (`rowspan=100000`): the cell spans what the table has.
_MAX_SPAN = 1000


def _span(cell: Node, attribute: str = "colspan") -> int:
    try:
        return min(_MAX_SPAN, max(1, int(cell.get(attribute) or 1)))
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


def _table(node: Node, base: int) -> tuple[list[str], list[Block]]:
    header: list[str] = []
    rows: list[Block] = []
    carried: dict[int, tuple[Block, int]] = {}  # column -> (cell spanning down into later rows, rows left)
    for tr in _below(node, ("tr",), ("table",)):
        cells = [c for c in tr.elements() if c.name in ("td", "th")]
        if cells and all(c.name == "th" for c in cells) and not header:
            header = [c.text() for c in cells]
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


def _leaf_blocks(root: Node, first_line: int) -> list[Block]:
    """Block elements outside tables and lists with a link and no block inside: one container each."""
    blocks: list[Block] = []
    for node in _below(root, _BLOCKS, _OUTER):
        inner = {tag.name for tag in node.iter_tags()}
        if inner & _CONTAINERS or "a" not in inner or _first_link(node) is None:
            continue
        blocks.append(Block(_line(node, first_line), element_pieces(node, first_line)))
    return blocks


def html_containers(content: str, first_line: int) -> Containers:
    """Tables (header, rows) and top-level list items in an HTML fragment; `first_line` is 1-based.

    Parsed once per distinct fragment: many versions of one list repeat the same tables, and parsing
    costs far more than moving the result to other lines.
    """
    tables, items, blocks = _containers_at_line_1(content, PARSER)
    offset = first_line - 1
    return (
        [(header, [_moved(row, offset) for row in rows]) for header, rows in tables],
        [_moved(item, offset) for item in items],
        [_moved(block, offset) for block in blocks],
    )


def _moved(block: Block, offset: int) -> Block:
    """A copy `offset` lines down: the cached containers are shared. Pieces are built directly, as
    `dataclasses.replace` per piece took 1.0 of the 27 s profiled reading of 40 versions of an HTML list."""
    pieces = [Piece(p.kind, p.text, p.href, p.strong, p.em, p.line and p.line + offset) for p in block.pieces]
    return Block(block.line + offset, pieces, [_moved(child, offset) for child in block.children], block.span)


@lru_cache(maxsize=64)
def _containers_at_line_1(content: str, parser: Parser) -> Containers:
    first_line = 1
    root = parse_fragment(content, parser)
    tables = [_table(t, first_line) for t in _below(root, ("table",), ("table",))]
    items = [item for lst in _below(root, _LISTS, ("li", "table")) for item in _list_items(lst, first_line)]
    return tables, items, _leaf_blocks(root, first_line)
