"""The table split shortcut must give markdown-it's own cells and tokens for every row."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_merge.parse import fast_table
from awesome_merge.parse.fast_table import gfm_table
from awesome_merge.parse.markdown import make_parser

ROW_TEXT = st.text(alphabet="ab |\\`:-*[]()", max_size=40)


@given(ROW_TEXT)
@settings(max_examples=500, deadline=None)
def test_a_row_is_split_into_the_cells_markdown_it_makes(row: str) -> None:
    assert fast_table.escaped_split(row) == fast_table._ORIGINAL(row)


def _tokens(text: str, split) -> list[dict]:  # type: ignore[no-untyped-def]
    saved = gfm_table.escapedSplit
    gfm_table.escapedSplit = split
    try:
        return [asdict(t) for t in MarkdownIt("commonmark").enable("table").parse(text)]
    finally:
        gfm_table.escapedSplit = saved


@given(
    st.lists(
        st.lists(ROW_TEXT.filter(lambda c: "\n" not in c), min_size=1, max_size=4), min_size=1, max_size=5
    )
)
@settings(max_examples=200, deadline=None)
def test_tables_give_the_same_tokens_with_the_shortcut(rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    text = "\n".join(lines) + "\n"
    assert _tokens(text, fast_table.escaped_split) == _tokens(text, fast_table._ORIGINAL)


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| a | b |", ["", " a ", " b ", ""]),
        ("| a \\| b | c |", ["", " a | b ", " c ", ""]),  # an escaped pipe stays in its cell
        ("`x|y` | z", ["`x", "y` ", " z"]),  # GFM splits inside code spans too
    ],
)
def test_escaped_pipes_stay_in_their_cell(row: str, cells: list[str]) -> None:
    assert fast_table.escaped_split(row) == cells


def test_the_reader_installs_the_shortcut() -> None:
    make_parser()
    assert gfm_table.escapedSplit is fast_table.escaped_split
