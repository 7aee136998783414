"""The link-role chain on one invented link per rule: each rule is reached, in order, and names itself."""

from __future__ import annotations

import pytest

from awesome_merge.parse.link_roles import LINK_ROLE_RULES, link_role
from awesome_merge.parse.list_evidence import list_labels
from awesome_merge.parse.pieces import Piece

CASES = [
    (Piece("image", "", "https://img.shields.io/github/stars/o/r.svg"), "code", "a badge or picture"),
    (Piece("image", "", "https://img.shields.io/badge/Conference-ICML'23-blue"), "nav", "a badge or picture"),
    (Piece("link", "A Work Without a Link Yet", ""), "title", "a named work without a link"),
    (Piece("link", "Methods", "#methods"), "nav", "a place inside the list"),
    (Piece("link", "click", "javascript:alert(1)"), "unsafe", "a refused scheme"),
    (Piece("link", "Code", "https://github.com/o/r"), "code", "a code label or a bare repository"),
    (Piece("link", "Website", "https://arxiv.org/abs/2401.01234"), "alt", "a role word"),
    (Piece("link", "Slides", "https://example.org/slides/talk"), "extra", "a role word"),
    (Piece("link", "NeurIPS2023", "https://arxiv.org/abs/2305.01234"), "alt", "a venue tag"),
    (Piece("link", "ICML 2023", "https://icml.cc/Conferences/2023"), "venue", "a venue tag"),
    (Piece("link", "Widget-Surveys", "https://github.com/someone/Widget-Surveys"), "nav", "another list"),
    (Piece("link", "官网链接", "https://widgetconf.example.org/"), "extra", "a role word"),
    (Piece("link", "widgets.org", "https://widgets.org/"), "address", "a site named by its address"),
    (Piece("link", "PDF", "https://example.org/a.pdf"), "alt", "a version label, or text no title could be"),
    (Piece("link", "Learning Widgets from Gadgets", "https://example.org/w"), "title", "the work's name"),
]


@pytest.mark.parametrize(("piece", "role", "rule"), CASES)
def test_each_rule_of_the_chain_gives_its_role(piece: Piece, role: str, rule: str) -> None:
    assert link_role(piece) == (role, rule)


def test_every_rule_in_the_chain_is_exercised() -> None:
    assert {rule.name for rule in LINK_ROLE_RULES} <= {rule for _, _, rule in CASES}


def test_a_text_the_list_repeats_over_many_links_is_a_label_of_that_list_only() -> None:
    note = Piece("link", "Reading Note", "https://notes.example.com/post/1")
    assert link_role(note)[0] == "title"  # on its own, two words may name a work
    text = "".join(f"- [Reading Note](https://notes.example.com/post/{i})\n" for i in range(3))
    with list_labels(text):
        assert link_role(note) == ("extra", "a label this list repeats")
    assert link_role(note)[0] == "title"  # the evidence is the list's, not global


def test_a_label_one_edit_from_a_label_the_list_repeats_is_that_label() -> None:
    typo = Piece("link", "Homeoage", "https://widgets.example.io/")
    assert link_role(typo)[0] == "title"  # alone, a word one letter off a label may be a name
    text = "".join(f"- Homepage: https://w{i}.example.io/\n" for i in range(3))
    with list_labels(text):
        assert link_role(typo) == ("extra", "a misspelt label")
