"""A shortcut for the inline content most list lines consist of: plain text, `[text](url)` links and
simple `*em*` / `**strong**` spans. It makes the same tokens markdown-it-py's inline parser makes, at a
fraction of the cost, and declines (returns None) for anything else, which markdown-it then parses.

Inline parsing is about half of markdown-it's time on a paper list; tests/test_fast_inline.py checks that
for every input the shortcut accepts, every token field equals markdown-it's after its full parse, except
the two differences it names (`level`, and the empty text token markdown-it puts before a leading `**`),
and that the reader's pieces come out the same.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# Anything beyond the simple grammar sends the line to markdown-it: escapes (a backslash before a line
# break is a hard break, which the shortcut makes), code, HTML, what could be an entity (`&` alone is
# text), images (`!` alone is text), link titles and angle-bracket destinations. So does `_` that could
# open or close emphasis, see `_UNDERSCORES`.
_DECLINE = re.compile(r"\\(?!\n)|[`<>\r]|!\[|&#?[A-Za-z0-9]+;|\*{3,}")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\( *([^\s()<>*]*) *\)")
# A run of `_` between two letters or digits can neither open nor close emphasis (`papers_for_design`).
_UNDERSCORES = re.compile(r"_+")
_STARS = re.compile(r"\*{1,2}")
_BAD_PROTOCOL = re.compile(r"^(?:vbscript|javascript|file|data):", re.I)
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _flanking(src: str, start: int, end: int, limit: int) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests for the delimiter run src[start:end]. markdown-it reads
    a link's text on its own, up to `limit`: past it, as past the end of the line, it sees a space."""
    before = src[start - 1] if start > 0 else ""
    after = src[end] if end < limit else ""
    before_punct = before in _PUNCTUATION or (before != "" and not before.isalnum() and not before.isspace())
    after_punct = after in _PUNCTUATION or (after != "" and not after.isalnum() and not after.isspace())
    left = not _is_space(after) and (not after_punct or _is_space(before) or before_punct)
    right = not _is_space(before) and (not before_punct or _is_space(after) or after_punct)
    return left, right


Span = tuple[int, int, int]  # (open, close, length) of an emphasis pair


def _emphasis_spans(src: str, links: list[re.Match[str]]) -> dict[int | None, list[Span]] | None:
    """The emphasis pairs of `src` by where markdown-it pairs them: in the text of link `i` (key `i`) or
    outside every link's text (key None); None when the stars are not simple pairs within one of those."""

    def scope(position: int) -> int | None:
        return next((i for i, m in enumerate(links) if m.start(1) <= position < m.end(1)), None)

    runs = [(m.start(), m.end()) for m in _STARS.finditer(src)]
    if len(runs) % 2:
        return None
    spans: dict[int | None, list[Span]] = {}
    for (o_start, o_end), (c_start, c_end) in zip(runs[::2], runs[1::2], strict=True):
        length = o_end - o_start
        where = scope(o_start)
        if c_end - c_start != length or c_start == o_end or scope(c_start) != where:
            return None
        limit = len(src) if where is None else links[where].end(1)
        left_open, right_open = _flanking(src, o_start, o_end, limit)
        left_close, right_close = _flanking(src, c_start, c_end, limit)
        # Each run must be only what it is here: an opener that could also close, or a closer that could
        # also open, would let markdown-it pair them differently.
        if not left_open or right_open or not right_close or left_close:
            return None
        spans.setdefault(where, []).append((o_start, c_start, length))
    return spans


def _underscores_are_text(src: str, links: list[re.Match[str]]) -> bool:
    """Whether no `_` of `src` can open or close emphasis: each run is inside a link's address (read whole
    by the link rule) or has a letter or digit on both sides."""
    for run in _UNDERSCORES.finditer(src):
        start, end = run.span()
        if any(m.start(2) <= start < m.end(2) for m in links):
            continue
        if start == 0 or end == len(src) or not (src[start - 1].isalnum() and src[end].isalnum()):
            return False
    return True


def fast_tokens(src: str, env: dict) -> list[Token] | None:
    """markdown-it's inline tokens for `src`, or None when `src` needs the real parser."""
    if _DECLINE.search(src):
        return None
    links = list(_LINK.finditer(src))
    rest = _LINK.sub("", src)
    if "](" in rest or (("[" in rest or "]" in rest) and env.get("references")):
        return None
    if "_" in src and not _underscores_are_text(src, links):
        return None
    if any(_BAD_PROTOCOL.match(m.group(2)) for m in links):
        return None
    spans = _emphasis_spans(src, links)
    if spans is None:
        return None
    for start, close, length in spans.get(None, ()):  # emphasis outside links must not cut through one
        for m in links:
            inside = m.start() < start < m.end() or m.start() < close + length <= m.end()
            if inside:
                return None
    composite: list[tuple[int, int, list[Token]]] = []
    for i, m in enumerate(links):
        link = [Token("link_open", "a", 1, attrs={"href": m.group(2)})]
        _inline_tokens(src, m.start(1), m.end(1), spans.get(i, []), [], link)
        link.append(Token("link_close", "a", -1))
        composite.append((m.start(), m.end(), link))
    tokens: list[Token] = []
    _inline_tokens(src, 0, len(src), spans.get(None, []), composite, tokens)
    return tokens


def _inline_tokens(
    src: str,
    start: int,
    end: int,
    spans: list[Span],
    made: list[tuple[int, int, list[Token]]],
    out: list[Token],
) -> None:
    """The tokens of src[start:end]: text, the emphasis `spans`, and the tokens already `made` for parts
    of it (links), in source order."""
    events = list(made)
    for opened, close, length in spans:
        tag = "strong" if length == 2 else "em"
        markup = "*" * length
        events.append((opened, opened + length, [Token(f"{tag}_open", tag, 1, markup=markup)]))
        events.append((close, close + length, [Token(f"{tag}_close", tag, -1, markup=markup)]))
    events.sort(key=lambda event: event[0])
    position = start
    for begin, stop, tokens in events:
        _text_tokens(src[position:begin], out)
        out.extend(tokens)
        position = stop
    _text_tokens(src[position:end], out)


def _text_tokens(text: str, tokens: list[Token]) -> None:
    """Text with its line breaks, as markdown-it's newline and escape rules make them: a line ending in a
    backslash or in two spaces or more breaks hard, any other soft; spaces before a soft or two-space
    break are dropped, as are those that start the next line."""
    if not text:
        return
    if "\n" not in text:
        tokens.append(Token("text", "", 0, content=text))
        return
    lines = text.split("\n")
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" \t")
        brk = ""
        if number < last:
            if line.endswith("\\"):
                line, brk = line[:-1], "hardbreak"
            else:
                kept = line.rstrip(" ")
                brk = "hardbreak" if len(line) - len(kept) >= 2 else "softbreak"
                line = kept
        if line:
            tokens.append(Token("text", "", 0, content=line))
        if brk:
            tokens.append(Token(brk, "br", 0))


# Inline contents read before, with their tokens as text_join left them: the lines of one list recur in its
# versions and sections. Tokens depend on the content alone when the document defines no link reference;
# kept for the last `_REMEMBER_MAX` contents read, a few MB.
_REMEMBERED: dict[str, list[Token]] = {}
_REMEMBER_MAX = 8192
_FRESH: list[Token] = []  # inline tokens of the document being parsed, remembered once text_join has run


def inline_rule(state: StateCore) -> None:
    """Replaces markdown-it's core `inline` rule: the shortcut first, the real inline parser otherwise."""
    md: MarkdownIt = state.md
    remember = not state.env.get("references")
    _FRESH.clear()
    for token in state.tokens:
        if token.type == "inline":
            if remember:
                known = _REMEMBERED.get(token.content)
                if known is not None:
                    token.children = list(known)
                    continue
                _FRESH.append(token)
            fast = fast_tokens(token.content, state.env)
            if fast is not None:
                token.children = fast
            else:
                token.children = []
                md.inline.parse(token.content, md, state.env, token.children)


def remember_rule(state: StateCore) -> None:
    """After text_join: the inline tokens just made, for the next time their content is read. Joined
    tokens are final (text_join finds nothing more to join in them), so they can be handed out again."""
    for token in _FRESH:
        if token.content not in _REMEMBERED:
            if len(_REMEMBERED) >= _REMEMBER_MAX:
                del _REMEMBERED[next(iter(_REMEMBERED))]
            _REMEMBERED[token.content] = list(token.children or ())
    _FRESH.clear()
