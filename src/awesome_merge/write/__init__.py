"""The writers: pure functions from the merged frames to file contents, and the atomic folder writer."""

from __future__ import annotations

from .issues import source_issues
from .markdown import SourceInfo, render_readme
from .output import OutputError, diff_outputs, write_outputs
from .tables import papers_bibtex, papers_csv, papers_json, report_csv, review_csv

__all__ = [
    "OutputError",
    "SourceInfo",
    "diff_outputs",
    "papers_bibtex",
    "papers_csv",
    "papers_json",
    "render_readme",
    "report_csv",
    "review_csv",
    "source_issues",
    "write_outputs",
]
