"""The writers: pure functions from the merged frames to file contents, and the atomic folder writer.

The names load on first use: the command catches `OutputError` from its start without importing the
writers (and pandas with them) before it has begun reading the lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
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

_HOMES = {
    "OutputError": "output",
    "SourceInfo": "markdown",
    "diff_outputs": "output",
    "papers_bibtex": "tables",
    "papers_csv": "tables",
    "papers_json": "tables",
    "render_readme": "markdown",
    "report_csv": "tables",
    "review_csv": "tables",
    "source_issues": "issues",
    "write_outputs": "output",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__, globals())
