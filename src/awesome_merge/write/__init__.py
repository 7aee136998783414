"""The writers: pure functions from the merged frames to file contents, and the atomic folder writer.

The names load on first use: the command catches `OutputError` from its start without importing the
writers (and pandas with them) before it has begun reading the lists."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
