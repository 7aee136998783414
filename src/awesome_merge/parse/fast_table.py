"""A shortcut for markdown-it-py's table cell split, the largest cost of reading a list made of tables.

markdown-it splits every table row on `|` one character at a time (`escapedSplit`), to honour `\\|` (a
pipe inside a cell). A row with no backslash has no escaped pipe, and its split is `str.split("|")`
exactly; a row with one goes to markdown-it's own function. Installed once per process, in place of the
module-level helper its `table` rule calls: the tokens are the same for every input
(tests/test_fast_table.py compares them, and the split itself, on generated rows).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# The module, not the `table` rule that markdown_it.rules_block exports under the same name.
gfm_table = importlib.import_module("markdown_it.rules_block.table")
_ORIGINAL: Callable[[str], list[str]] = gfm_table.escapedSplit


def escaped_split(row: str) -> list[str]:
    """markdown-it's cells of `row`, without its per-character loop where no pipe can be escaped."""
    if "\\" not in row:
        return row.split("|")
    return _ORIGINAL(row)


def install() -> None:
    """Idempotent; changes no token, only how fast the table rule makes them."""
    gfm_table.escapedSplit = escaped_split  # type: ignore[assignment]
