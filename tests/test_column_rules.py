"""The column-role chain on one invented header per rule, and a table read through each decided role."""

from __future__ import annotations

from textwrap import dedent

import pytest

from awesome_merge.parse import parse_text
from awesome_merge.parse.table import COLUMN_RULES, header_role

CASES = [
    ("Paper Title", "title", "a title header"),
    ("Related Paper", "cited", "a header of a paper the row cites"),
    ("Earliest publication time", "year", "a date header"),
    ("Authors", "authors", "a role header"),
    ("Code", "code", "a role header"),
    ("Conf/Jour", "venue", "a role header"),
    ("PDF", "link", "a role header"),
    ("Method", "name", "a header that may name the work"),
    ("Affiliation", "", ""),
]


@pytest.mark.parametrize(("header", "role", "rule"), CASES)
def test_each_rule_of_the_chain_gives_its_role(header: str, role: str, rule: str) -> None:
    assert header_role(header, {}) == (role, rule)


def test_every_rule_in_the_chain_is_exercised() -> None:
    assert {rule.name for rule in COLUMN_RULES} == {rule for _, _, rule in CASES if rule}


def test_a_role_an_earlier_column_took_is_not_taken_twice() -> None:
    assert header_role("Code", {"code": 0}) == ("", "")


def test_a_table_read_by_its_header_roles() -> None:
    text = dedent(
        """\
        # Widgets

        | Method | Affiliation | Authors | Conf/Jour | Date | Code |
        | --- | --- | --- | --- | --- | --- |
        | [Learning Widgets from Gadgets](https://arxiv.org/abs/2101.01234) | Widget Lab | Ann Lee, Bo Chen | ICML | 2021 | [code](https://github.com/o/widgets) |
        | [Gadgets All the Way Down](https://arxiv.org/abs/2102.01234) | Widget Lab | Cy Dunn | NeurIPS | 2022 | [code](https://github.com/o/gadgets) |
        | [Sprockets as Graphs](https://arxiv.org/abs/2103.01234) | Widget Lab | Di Eve | ICLR | 2023 | |
        | [A Survey of Cogs](https://arxiv.org/abs/2104.01234) | Widget Lab | Fa Gu | AAAI | 2024 | |
        """
    )
    entries, _ = parse_text(text, "widgets.md")
    first = entries[0]
    assert [e.title for e in entries][:2] == ["Learning Widgets from Gadgets", "Gadgets All the Way Down"]
    assert (first.url, first.arxiv_id) == ("https://arxiv.org/abs/2101.01234", "2101.01234")
    assert first.authors == ["Ann Lee", "Bo Chen"]
    assert (first.venue, first.year, first.kind) == ("ICML", 2021, "paper")
    assert first.code_url == "https://github.com/o/widgets"
    assert all(e.title != "Widget Lab" for e in entries)
