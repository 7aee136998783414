"""The set of files one run produces, as names and contents: written, or compared by `--check`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .fetch import FetchOutcome
from .pipeline import MergeResult
from .write import (
    SourceInfo,
    papers_bibtex,
    papers_csv,
    papers_json,
    render_readme,
    report_csv,
    review_csv,
    source_issues,
)


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
    lists = [SourceInfo(s.name, s.url, s.entries) for s in result.sources]
    files = {
        "README.md": render_readme(result.papers, lists, group_by=group_by, topic_order=result.topic_order),
        "papers.csv": papers_csv(result.papers),
        "dedup_report.csv": report_csv(result.report),
        "review.csv": review_csv(result.review),
        "papers.json": papers_json(result.papers),
        "papers.bib": papers_bibtex(result.papers),
        "source_issues.md": source_issues(
            result.entries,
            result.report["cluster_id"].tolist(),
            result.disputes,
            result.diagnostics,
            [s.name for s in result.sources],
            result.conflicts,
        ),
    }
    if with_changes:
        from .changes import summarize_changes

        files["CHANGES.md"] = summarize_changes(previous_papers, result.papers, fetch_outcomes)
    return files
