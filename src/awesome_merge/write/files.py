"""The set of files one run produces, as names and contents: written, or compared by `--check`.

Every file carries the tool's generated marker (`output.GENERATED_MARK`) where its format has comments, so
that a later run can tell its own files from a curator's and never replaces the latter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .markdown import SourceInfo, render_readme
from .output import GENERATED_MARK
from .tables import papers_bibtex, papers_csv, papers_json, report_csv, review_csv

if TYPE_CHECKING:  # only for types: writing must not import the fetcher or the pipeline
    from ..fetch import FetchOutcome
    from ..pipeline import MergeResult

OUTPUT_NAMES = ("README.md", "papers.csv", "dedup_report.csv", "review.csv", "papers.json", "papers.bib")
_MARKDOWN_MARKER = f"<!-- {GENERATED_MARK}: change the source lists or the config, not this file -->\n"
_BIBTEX_MARKER = f"% {GENERATED_MARK}: change the source lists or the config, not this file\n\n"


def with_marker(name: str, text: str) -> str:
    """The file's text with the generated marker on its first line, for the formats that have comments.

    CSV and JSON have none; `output.is_generated` recognises them by their header and shape instead.
    """
    if name.endswith(".md"):
        return _MARKDOWN_MARKER + text
    if name.endswith(".bib"):
        return _BIBTEX_MARKER + text
    return text


def read_previous_papers(output: Path) -> pd.DataFrame | None:
    """The papers of the last run, to tell what this run added and removed."""
    path = output / "papers.csv"
    if not path.is_file():
        return None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (ValueError, OSError, pd.errors.ParserError):
        return None


def build_files(
    result: MergeResult,
    *,
    group_by: str = "topic",
    previous_papers: pd.DataFrame | None = None,
    fetch_outcomes: Sequence[FetchOutcome] = (),
    with_changes: bool = False,
) -> dict[str, str]:
    """Every output file of a run, name -> text, markers included."""
    lists = [SourceInfo(s.name, s.url, s.entries) for s in result.sources if s.readable]
    files = {
        "README.md": render_readme(result.papers, lists, group_by=group_by, topic_order=result.topic_order),
        "papers.csv": papers_csv(result.papers),
        "dedup_report.csv": report_csv(result.report),
        "review.csv": review_csv(result.review),
        "papers.json": papers_json(result.papers),
        "papers.bib": papers_bibtex(result.papers),
    }
    if with_changes:
        from .changes import summarize_changes

        files["CHANGES.md"] = summarize_changes(previous_papers, result.papers, fetch_outcomes)
    return {name: with_marker(name, text) for name, text in files.items()}
