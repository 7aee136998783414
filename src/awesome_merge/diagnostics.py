"""Warnings and errors that point a curator at the exact file and line at fault."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in the input; `line` is 1-based, 0 when it concerns the whole file."""

    source: str
    line: int
    message: str
    level: str = "warning"

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{self.level}: {where}: {self.message}"


class AwesomeMergeError(Exception):
    """A failure the user can act on; the command prints it as one line, without a traceback."""


class NothingToMerge(AwesomeMergeError):
    """No source could be read, or none was found: the command's exit status 4, as for a missing source."""
