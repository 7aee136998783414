"""Hostile nesting: lists, quotes and HTML nested deeper than any real list, read flattened instead of
silently cut short (markdown-it drops what lies past its `maxNesting`) or overflowing the stack."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..diagnostics import Diagnostic

# Container prefixes of one line (indent, list markers, quote marks), stripped when nesting is flattened.
_PREFIXES = re.compile(r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]*)*)")
_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")
# Tags of an HTML fragment, to measure its nesting depth in one linear scan.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_FLAT_KEEP = frozenset("a img br table thead tbody tfoot tr td th strong b em i".split())
MAX_HTML_DEPTH = 100


# The same tags less the void and self-closed ones, which do not nest: each find is "/" (a closing tag)
# or "" (an opening one), and the depth is counted over those alone.
_NESTING_TAG = re.compile(
    r"<(/?)(?!(?i:" + "|".join(sorted(_VOID)) + r")(?![a-zA-Z0-9]))[a-zA-Z][a-zA-Z0-9]*\b[^>]*?(?<!/)>"
)


def html_depth(content: str) -> int:
    """The deepest element nesting in an HTML fragment (void and self-closed tags do not nest); a closing
    tag with nothing open is ignored."""
    depth = deepest = 0
    for close in _NESTING_TAG.findall(content):
        if close:
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
    return deepest


def flatten_html(content: str) -> str:
    """Hostile nesting made flat: every `<li>` a sibling, containers other than tables and links dropped."""

    def keep(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name == "li":
            return "" if match.group(1) else "</li><li>"
        return match.group(0) if name in _FLAT_KEEP else " "

    return "<ul>" + _TAG.sub(keep, content) + "</li></ul>"


def _truncated(tokens: Sequence[Token], max_nesting: int) -> list[tuple[int, int]]:
    """Line ranges of the top-level blocks in which markdown-it skipped content nested past `maxNesting`."""
    limit = max_nesting - 1
    ranges: list[tuple[int, int]] = []
    top: tuple[int, int] | None = None
    for tok in tokens:
        if tok.level == 0 and tok.nesting == 1 and tok.map:
            top = (tok.map[0], tok.map[1])
        elif tok.nesting == 1 and tok.level >= limit and top and (not ranges or ranges[-1] != top):
            ranges.append(top)
    return ranges


def _flatten_lines(lines: list[str], begin: int, end: int) -> None:
    """Rewrite lines[begin:end] as one flat list at the first line's indent, keeping the line count."""
    indent = _PREFIXES.match(lines[begin]).group(1)  # type: ignore[union-attr]
    for number in range(begin, min(end, len(lines))):
        match = _PREFIXES.match(lines[number])
        assert match is not None  # the pattern matches any line
        bullet = "- " if _MARKER.search(match.group(2)) else ""
        lines[number] = indent + bullet + lines[number][match.end() :]


def tokens_within_nesting(parser: MarkdownIt, text: str, source: str) -> tuple[list[Token], list[Diagnostic]]:
    """Tokens for the whole text; lists or quotes nested too deep for markdown-it are read flattened.

    Why: past `maxNesting` markdown-it silently drops the rest of the container, which for one hostile
    line like `- - - ... [x](u)` is the rest of the file.
    """
    tokens = parser.parse(text)
    notes: list[Diagnostic] = []
    for _ in range(3):
        ranges = _truncated(tokens, parser.options["maxNesting"])
        if not ranges:
            break
        lines = text.split("\n")
        for begin, end in ranges:
            notes.append(Diagnostic(source, begin + 1, "lists or quotes nested too deep; read flattened"))
            _flatten_lines(lines, begin, end)
        text = "\n".join(lines)
        tokens = parser.parse(text)
    return tokens, notes
