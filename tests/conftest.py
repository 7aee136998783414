from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from awesome_merge.frame import Entry, entry_columns, frame_from_columns
from awesome_merge.parse import parse_text
from awesome_merge.write.output import Content, Streamed

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


def whole(content: Content) -> bytes:
    """An output's content as the bytes of its file, whether made as text, bytes or streamed pieces."""
    if isinstance(content, Streamed):
        return b"".join(content.pieces)
    return content.encode("utf-8") if isinstance(content, str) else content


def entries_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    """The typed entries frame of hand-made entries, built as the pipeline builds it from one source."""
    return frame_from_columns([entry_columns(list(entries))])


def hand_entry(source: str, line: int, title: str, url: str = "", **kw) -> Entry:
    """An entry as a list gives it, its arXiv id and DOI read from its URL unless given."""
    from awesome_merge.ids import identifiers_from_url

    ids = identifiers_from_url(url) if url else None
    return Entry(
        source=source,
        line=line,
        title=title,
        url=url,
        arxiv_id=kw.pop("arxiv_id", ids.arxiv_id if ids else ""),
        doi=kw.pop("doi", ids.doi if ids else ""),
        **kw,
    )


def same_cluster(matching, i: int, j: int) -> bool:
    return matching.cluster_ids[i] == matching.cluster_ids[j]


def entries_of(markdown: str, source: str = "list.md") -> list[Entry]:
    entries, _ = parse_text(markdown, source)
    return entries


@pytest.fixture
def parse():
    """Parse a snippet; returns (entries, warnings)."""

    def run(markdown: str, source: str = "list.md"):
        return parse_text(markdown, source)

    return run


# What the user-facing contract (SPEC) promises, written out here, not imported from the code under test.
SPEC_PAPER_COLUMNS = [
    "cluster_id", "title", "url", "arxiv_id", "doi", "venue", "year", "authors", "code_url", "topics",
    "sources", "n_entries",
]  # fmt: skip

SPEC_REPORT_COLUMNS = [
    "cluster_id", "source", "line", "title", "url", "arxiv_id", "doi", "matched_by", "score", "linked_to", "note",
]  # fmt: skip
SPEC_REVIEW_COLUMNS = [
    "a_source", "a_line", "a_title", "b_source", "b_line", "b_title", "score", "reason", "decision",
]  # fmt: skip

# The files one run writes (the SPEC's list), for tests that look at an output folder.
SPEC_OUTPUT_NAMES = (
    "README.md", "papers.csv", "entries.csv", "dedup_report.csv", "review.csv", "papers.json", "papers.bib",
    "source_issues.md",
)  # fmt: skip

# The Markdown reader GitHub-like rendering is checked with: CommonMark, tables, raw HTML visible as tokens.
MD = MarkdownIt("commonmark", {"html": True}).enable("table")


def flat(tokens: list[Token]) -> list[Token]:
    """Every token, children included, in document order."""
    out: list[Token] = []
    for t in tokens:
        out.append(t)
        out += flat(t.children or [])
    return out


def plain(inline: Token) -> str:
    """The visible text of an inline token, the way GitHub takes it for an anchor."""
    return "".join(c.content for c in flat(inline.children or []) if c.type in ("text", "code_inline"))
