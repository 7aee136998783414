"""The inline shortcut must give markdown-it's tokens whenever it accepts a line.

What is compared, exactly: the children markdown-it leaves on each inline token after its whole core chain
(so `text_join` has already merged `text_special` and adjacent text, as it does for the shortcut's tokens
in the reader), field by field: type, tag, nesting, attrs, content, markup, info, meta, block, hidden and
children. Two differences are allowed and named: the shortcut leaves `level` at 0 (the reader never reads
it), and markdown-it keeps an empty text token where a line starts with a delimiter run such as `**`.
Beyond tokens, the reader's pieces made from both streams must be equal (empty text pieces, from those
empty tokens, aside): that is what a user sees.
"""

from __future__ import annotations

from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_merge.parse.fast_inline import fast_tokens
from awesome_merge.parse.markdown import inline_pieces, make_parser

REFERENCE = MarkdownIt("commonmark", {"html": True}).enable("table")
REFERENCE.normalizeLink = make_parser().normalizeLink  # type: ignore[method-assign]
REFERENCE.normalizeLinkText = make_parser().normalizeLinkText  # type: ignore[method-assign]


def _fields(token) -> dict:  # type: ignore[no-untyped-def]
    fields = asdict(token)
    del fields["level"]  # not set by the shortcut, not read by the reader
    return fields


def _compared(tokens) -> list[dict]:  # type: ignore[no-untyped-def]
    return [_fields(t) for t in tokens if not (t.type == "text" and t.content == "")]


def _pieces(tokens) -> list:  # type: ignore[no-untyped-def]
    return [p for p in inline_pieces(tokens) if not (p.kind == "text" and p.text == "")]


def check(src: str) -> bool:
    """Whether the shortcut accepted any inline run of `src`; fails the test where it differs."""
    accepted = False
    for token in REFERENCE.parse(src):
        if token.type != "inline":
            continue
        fast = fast_tokens(token.content, {})
        if fast is None:
            continue
        accepted = True
        assert _compared(fast) == _compared(token.children or []), token.content
        assert _pieces(fast) == _pieces(token.children), token.content
    return accepted


def shortcut(src: str) -> list | None:
    return fast_tokens(src, {})


# Shapes the shortcut took on later: breaks, bracketed links, emphasis in link texts, `&`, `!`, tabs, `_`.
NEW_SHAPES = [
    # A title, then a bracketed link per line after a backslash break (one line of the entry each).
    "**The Art of Deception** \\\n[[CVPR 2025](https://arxiv.org/abs/2412.10122)]\n[[Code](https://x.org/a_b)]",
    "Title line  \nsecond line with [a link](https://openaccess.thecvf.com/x/Some_Paper_CVPR.html)",
    "[Paper] [Code](https://github.com/a/b)",
    "[**FedScale**](https://github.com/SymbioticLab/FedScale): Benchmarking | [ICML *22*](https://arxiv.org/abs/1)",
    "System Design & Applications! see https://github.com/a/papers_for_design\tand ~user [Nat Commun 14 (2023)]( https://x.org/a )",
]

CASES = [
    "[FedDAT](https://arxiv.org/abs/2308.12305), [AAAI’24 version](https://dl.acm.org/doi/10.1609/x); [RaFFM](u)",
    "[Title of a paper](https://arxiv.org/abs/2501.13604) [ACM ToMPECS]",
    "*authors*: Maria Hartmann, Grégoire Danoy",
    "[Ferret: Federated Tuning](https://arxiv.org/abs/2409.06277) *Sep 2024 NeurIPS Workshop*",
    "**Heterogeneity**",
    "**[Bold Title](https://x.org/a)** EMNLP 2023",
    "[code](https://github.com/a/b) and slide",
    "line one\nline two [x](y)",
    "FlexLoRA ([NeurIPS’24 poster](https://neurips.cc/virtual/2024/poster/94124))",
    "a*b*c and 2*3*4",
    "[]() **",
    *NEW_SHAPES,
]


def test_known_lines_match_markdown_it():
    accepted = sum(check(src) for src in CASES)
    assert accepted >= 8  # the shortcut must take the common list lines, or it is no shortcut


def test_takes_breaks_bracketed_links_emphasised_link_texts_and_underscored_addresses():
    for src in NEW_SHAPES:
        assert shortcut(src) is not None and check(src), src


def test_declines_what_it_does_not_model():
    for src in ["[x](javascript:alert(1))", "`code` [a](b)", "<b>x</b>", "a \\* b", "![i](x.png)",
                "[t](u \"title\")", "***x***", "a_b_ [x](u)", "[_em_](u)", "x\\\\\ny", "a &amp; b", "[x](u)_b_",
                "[a](https://x.org/?a=1&amp;b=2)", "&#42;x*"]:  # fmt: skip
        assert shortcut(src) is None, src
    assert fast_tokens("[a][b]", {"references": {"B": {"href": "u", "title": ""}}}) is None


ALPHABET = st.sampled_from(
    [
        *"ab *[]()\n:/.-,;'’é1_\\\t~!&#",
        "http://x.y/z",
        "**",
        "](",
        "F",
        "  \n",
        "\\\n",
        "][",
        "[[",
        "x_y",
        "&amp;",
        "( ",
        "_a_",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_any_accepted_input_equals_markdown_it(src):
    check(src.strip(" \n"))


LINK_PARTS = st.sampled_from(
    ["[", "](http://x.y/z)", "](u)", "]", "**", "*", "a", "b", " ", ".", "(", ")", "\n"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINK_PARTS, max_size=24).map("".join))
def test_emphasis_in_and_around_link_texts_equals_markdown_it(src):
    check(src.strip(" \n"))


def test_remembered_inline_tokens_are_the_tokens_of_a_fresh_parse() -> None:
    """Contents read before get their tokens from memory; the tokens are those a fresh parse makes, and a
    document with link references (whose links depend on them) is parsed afresh."""
    from awesome_merge.parse import fast_inline

    md = make_parser()
    text = "- [A &amp; B](https://x.org) *em* `code` a\\_b\n- **bold [link](u)** text\n\n[ref][r]\n"
    fast_inline._REMEMBERED.clear()
    fresh = [(t.type, t.content, t.attrs) for tok in md.parse(text) for t in tok.children or ()]
    again = [(t.type, t.content, t.attrs) for tok in md.parse(text) for t in tok.children or ()]
    assert again == fresh and fast_inline._REMEMBERED
    with_reference = text + "\n[r]: https://example.org\n"
    linked = [t.type for tok in md.parse(with_reference) for t in tok.children or ()]
    assert [t[0] for t in fresh].count("link_open") == 2  # `[ref][r]` links nothing without its definition
    assert linked.count("link_open") == 3
