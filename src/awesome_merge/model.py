"""What one run produces: the merged frames and what was learned on the way, and how they are written.

Why a module of its own: the pipeline makes a `MergeResult`, the writers read one; neither should have to
import the other (the writers must not pull in the parser, the parser not pandas' writers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .config import Config
from .diagnostics import Diagnostic
from .match import BlockStats
from .source_info import SourceInfo

if TYPE_CHECKING:
    from .resolve import ResolveStats
    from .topics import Topics

__all__ = ["MergeResult"]


@dataclass
class MergeResult:
    entries: pd.DataFrame
    papers: pd.DataFrame
    report: pd.DataFrame
    review: pd.DataFrame
    sources: list[SourceInfo]
    diagnostics: list[Diagnostic]
    config: Config
    source_dirs: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # Per entry (by row), the entries that are another paper but share its link: source errors to report.
    disputes: dict[int, list[int]] = field(default_factory=dict)
    overrides_applied: int = 0
    # Per entry, the entries with its title or page but another identifier: kept apart, in doubt.
    conflicts: dict[int, list[int]] = field(default_factory=dict)
    topics: Topics | None = None
    # Title pairs compared, and those left out because too many titles shared one word: never silent.
    title_pairs: BlockStats = field(default_factory=BlockStats)
    # The source files read, named or found in `source_dirs`: outputs never go beside one.
    source_files: list[Path] = field(default_factory=list)
    # What looking papers up did: records from the cache, fetched, unknown, failed, requests per service.
    metadata: ResolveStats | None = None

    @property
    def topic_order(self) -> list[str]:
        return self.topics.order if self.topics else []

    def write(self, output: str | Path, *, group_by: str = "topic", force: bool = False) -> list[str]:
        """Write the outputs as the command does (atomically, never into a source folder, never over a
        file it did not write unless `force`); returns the names of the files that changed.
        For notebooks: `merge(["sources/"]).write("output/")`."""
        from .write.files import write_result

        return write_result(self, Path(output), group_by=group_by, force=force).changed
