"""The title-rule chain on one invented head line per rule: each rule is reached, in order, names itself,
and gives the title a reader of the line would give."""

from __future__ import annotations

import pytest

from awesome_merge.parse.markdown import inline_pieces, make_parser
from awesome_merge.parse.pieces import Piece
from awesome_merge.parse.title_rules import TITLE_RULES, head_drafts, title_rule


def _line(markdown: str) -> list[Piece]:
    tokens = make_parser().parse(markdown)
    inline = next(t for t in tokens if t.type == "inline")
    return inline_pieces(inline.children)


CASES = [
    (
        'A. Lee, B. Chen, "Learning Widgets from Gadgets", ICML 2021. [[pdf]](https://example.org/w.pdf)',
        "a quoted title",
        "Learning Widgets from Gadgets",
    ),
    (
        "[Learning Widgets from Gadgets](https://example.org/w) - A. Lee, B. Chen",
        "a titled link",
        "Learning Widgets from Gadgets",
    ),
    (
        "**Learning Widgets from Gadgets** [[paper]](https://example.org/w) [[code]](https://github.com/o/r)",
        "a bold title",
        "Learning Widgets from Gadgets",
    ),
    (
        "Learning Widgets from Gadgets. A. Lee, B. Chen. [[pdf]](https://example.org/w.pdf)",
        "the plain text before the links",
        "Learning Widgets from Gadgets",
    ),
    (
        "[[arXiv](https://arxiv.org/abs/2101.01234)] Learning Widgets from Gadgets. A. Lee, B. Chen. ICML 2021.",
        "a citation after the role links",
        "Learning Widgets from Gadgets",
    ),
]


@pytest.mark.parametrize(("markdown", "rule", "title"), CASES)
def test_each_rule_of_the_chain_titles_its_line(markdown: str, rule: str, title: str) -> None:
    name, _, _ = title_rule(_line(markdown))
    assert name == rule
    drafts = head_drafts(_line(markdown), split=False)
    assert [d.title for d in drafts] == [title]


def test_every_rule_in_the_chain_is_exercised() -> None:
    assert [rule.name for rule in TITLE_RULES] == [rule for _, rule, _ in CASES]


def test_an_earlier_rule_wins_over_a_later_one() -> None:
    """A quoted title beats the bold name before it; a titled link beats bold text after the link."""
    quoted = _line('**Widgets**: "Learning Widgets from Gadgets". [[pdf]](https://example.org/w.pdf)')
    assert title_rule(quoted)[0] == "a quoted title"
    assert head_drafts(quoted, split=False)[0].title == "Learning Widgets from Gadgets"
    linked = _line("[Learning Widgets from Gadgets](https://example.org/w) **Oral**")
    assert title_rule(linked)[0] == "a titled link"


def test_a_bracketed_label_after_a_plain_title_is_not_the_title() -> None:
    line = _line("Learning Widgets from Gadgets [[Widget Blog]](https://blog.example.org/post)")
    name, draft, _ = title_rule(line)
    assert (name, draft.title) == ("the plain text before the links", "Learning Widgets from Gadgets")


def test_a_line_of_role_links_only_names_no_title() -> None:
    assert title_rule(_line("[[pdf]](https://example.org/w.pdf) [[code]](https://github.com/o/r)"))[0] == ""
