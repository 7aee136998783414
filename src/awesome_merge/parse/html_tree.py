"""An HTML fragment as a small plain tree (tag, attributes, start line, children), built by lxml.

Why a tree of our own: the two parsers build different trees (lxml's text and tails, BeautifulSoup's
strings), and the reader's walks are written once, against this one. libxml2 (through lxml) parses a
fragment many times faster than BeautifulSoup's `html.parser` builder and, like a browser, closes the
elements HTML lets an author leave open (`<li>a<li>b` is two items, `<td>1<td>2` two cells), which is
how GitHub shows them. BeautifulSoup reads what lxml refuses (a string with an encoding declaration, an
attribute name with a control character) and fragments longer than libxml2 numbers lines (65,535); both
give the same tree for well-formed HTML.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from lxml import etree

# Text inside these is not text of the element around it (BeautifulSoup's `get_text` leaves it out too).
TEXTLESS = frozenset({"script", "style", "template", "rt", "rp"})
# libxml2 stores a line number in 16 bits; past it every element reports this line.
_LIBXML2_LAST_LINE = 65535

Parser = Literal["lxml", "html.parser"]


@dataclass(slots=True, eq=False)
class Node:
    name: str
    attrs: dict[str, str]
    line: int  # 1-based line of the start tag within the fragment
    children: list[Node | str] = field(default_factory=list)

    def get(self, attribute: str) -> str | None:
        return self.attrs.get(attribute)

    def elements(self) -> list[Node]:
        """The child elements, without the text between them."""
        return [child for child in self.children if not isinstance(child, str)]

    def iter_tags(self) -> Iterator[Node]:
        """Every element below, in document order, one at a time (a search stops at its first find)."""
        stack = self.elements()[::-1]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(node.elements()[::-1])

    def text(self) -> str:
        """The element's words, each run of text stripped, joined by spaces (`get_text(" ", strip=True)`)."""
        parts: list[str] = []
        _collect_text(self, parts)
        return " ".join(parts)


def _collect_text(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            stripped = child.strip()
            if stripped:
                parts.append(stripped)
        elif child.name not in TEXTLESS:
            _collect_text(child, parts)


def parse_fragment(content: str, parser: Parser = "lxml") -> Node:
    """The fragment's tree under a root named `#root`; lxml unless it cannot read this fragment."""
    if parser == "lxml" and content.count("\n") < _LIBXML2_LAST_LINE:
        root = _lxml_tree(content)
        if root is not None:
            return root
    return _soup_tree(content)


def _lxml_tree(content: str) -> Node | None:
    from lxml import etree

    root = Node("#root", {}, 1)
    try:
        document = etree.fromstring(content, _lxml_parser())
        for top in document if document is not None else ():  # None: nothing but blanks or comments
            if isinstance(top.tag, str):
                node = _lxml_node(top)
                root.children.extend(node.children if top.tag in ("head", "body") else [node])
    except (ValueError, etree.LxmlError):
        # An encoding declaration in a str, a control character in an attribute's name (lxml parses it
        # and then refuses to hand it out): html.parser reads these.
        return None
    return root


@cache
def _lxml_parser() -> etree.HTMLParser:
    from lxml import etree

    return etree.HTMLParser(recover=True, no_network=True, default_doctype=False)


def _lxml_node(element: etree._Element, keep_blanks: bool = False) -> Node:
    name = element.tag
    node = Node(name, dict(element.attrib), element.sourceline or 1)
    keep_blanks = keep_blanks or name in _KEEP_BLANKS
    kids = node.children
    if element.text:
        kids.append(element.text if keep_blanks else _blank_as_one(element.text))
    for child in element:
        if isinstance(child.tag, str):
            kids.append(_lxml_node(child, keep_blanks))
        if child.tail:  # text after a comment or a processing instruction is the element's text
            kids.append(child.tail if keep_blanks else _blank_as_one(child.tail))
    return node


_KEEP_BLANKS = frozenset({"pre", "textarea"})
_ASCII_BLANKS = str.maketrans("", "", " \n\t\f\r")


def _blank_as_one(text: str) -> str:
    """A run of ASCII blanks between tags as one newline or space, as BeautifulSoup keeps it."""
    if text.translate(_ASCII_BLANKS):
        return text
    return "\n" if "\n" in text else " "


def _soup_tree(content: str) -> Node:
    import warnings

    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    markup = (Comment, Declaration, Doctype, ProcessingInstruction)  # not text; lxml keeps none of them
    # BeautifulSoup's advice (use an XML parser) is for whole documents, not for a list's fragments.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(content, "html.parser")

    def convert(tag: Tag, name: str) -> Node:
        node = Node(name, {k: _attribute(v) for k, v in tag.attrs.items()}, tag.sourceline or 1)
        for child in tag.children:
            if isinstance(child, Tag):
                node.children.append(convert(child, child.name))
            elif isinstance(child, NavigableString) and not isinstance(child, markup):
                node.children.append(str(child))
        return node

    root = convert(soup, "#root")
    soup.decompose()  # the soup's parent links are cycles: free it now, not at the next collection
    return root


def _attribute(value: object) -> str:
    """BeautifulSoup gives `class` and a few others as lists of words."""
    return " ".join(value) if isinstance(value, list) else str(value)
