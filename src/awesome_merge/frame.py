"""The entries frame: one row per entry read from a source. Its columns and dtypes live here only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


@dataclass(slots=True)
class Entry:
    """One entry as a parser sees it, before it becomes a frame row.

    List-valued fields are joined when the frame is built so that every column is a plain string column
    that pandas can process at once: `alt_urls` by spaces (a URL holds none), `authors` by "; ".
    """

    source: str
    line: int
    section: str = ""
    title: str = ""
    url: str = ""
    alt_urls: list[str] = field(default_factory=list)
    code_url: str = ""
    arxiv_id: str = ""
    doi: str = ""
    venue: str = ""
    year: int | None = None
    authors: list[str] = field(default_factory=list)
    kind: str = "paper"  # paper, dataset, benchmark or tool


ENTRY_COLUMNS: dict[str, str] = {
    "source": "string",
    "line": "int64",
    "section": "string",
    "title": "string",
    "url": "string",
    "alt_urls": "string",
    "code_url": "string",
    "arxiv_id": "string",
    "doi": "string",
    "venue": "string",
    "year": "Int64",
    "authors": "string",
    "kind": "string",
}

ALT_URL_SEP = " "
AUTHOR_SEP = "; "

assert [f.name for f in fields(Entry)] == list(ENTRY_COLUMNS), "Entry and ENTRY_COLUMNS must agree"


Columns = dict[str, list[object]]
# Columns whose values repeat: within a list (its name, its sections, venues) and across lists (a paper's
# title and links, read again from every list that has it). One string per value saves most of their memory.
_REPEATED_IN_A_SOURCE = ("source", "section", "venue", "kind")
_REPEATED = (*_REPEATED_IN_A_SOURCE, "title", "url", "alt_urls", "code_url", "arxiv_id", "doi", "authors")


def _one_of_each(values: list[object]) -> list[object]:
    """Equal values made one object, so a column holds each distinct string once."""
    first: dict[object, object] = {}
    return [first.setdefault(v, v) for v in values]


def entry_columns(entries: list[Entry]) -> Columns:
    """Entries as plain column lists: cheap to send from a worker process and to hold for a million rows."""
    columns: Columns = {name: [getattr(e, name) for e in entries] for name in ENTRY_COLUMNS}
    columns["alt_urls"] = [ALT_URL_SEP.join(urls) for urls in columns["alt_urls"]]  # type: ignore[attr-defined]
    columns["authors"] = [AUTHOR_SEP.join(names) for names in columns["authors"]]  # type: ignore[attr-defined]
    for name in _REPEATED_IN_A_SOURCE:  # before a worker pickles them: each repeated value sent once
        columns[name] = _one_of_each(columns[name])
    return columns


def frame_from_columns(parts: Iterable[Columns]) -> pd.DataFrame:
    """The typed frame from the column lists of each source, in the order given.

    pandas is imported here, not with the module: a parsing process makes columns and never needs it."""
    import pandas as pd

    parts = list(parts)
    joined = {name: [v for part in parts for v in part[name]] for name in ENTRY_COLUMNS}
    for name in _REPEATED:
        joined[name] = _one_of_each(joined[name])
    joined["year"] = pd.array(joined["year"], dtype=ENTRY_COLUMNS["year"])  # a year or None
    return pd.DataFrame(joined).astype(ENTRY_COLUMNS)
