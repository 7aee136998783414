"""awesome-merge: many hand-kept awesome lists of papers in, one de-duplicated, explained list out.

from awesome_merge import merge
result = merge(["sources/"])      # result.entries, result.papers, result.report, result.review
papers = read_outputs("output/")["papers"]   # a run's CSVs back, with identifiers kept as text

The names load on first use: the command starts (and answers Ctrl-C) before pandas is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_names

if TYPE_CHECKING:
    from .config import Config, load_config
    from .diagnostics import AwesomeMergeError, Diagnostic
    from .model import MergeResult
    from .pipeline import SourceInfo, merge
    from .results import read_outputs
    from .venues import canonical_venue

__all__ = [
    "AwesomeMergeError",
    "Config",
    "Diagnostic",
    "MergeResult",
    "SourceInfo",
    "canonical_venue",
    "load_config",
    "merge",
    "read_outputs",
]
__version__ = "0.1.0"

_HOMES = {
    "AwesomeMergeError": "diagnostics",
    "Config": "config",
    "Diagnostic": "diagnostics",
    "MergeResult": "model",
    "SourceInfo": "pipeline",
    "canonical_venue": "venues",
    "load_config": "config",
    "merge": "pipeline",
    "read_outputs": "results",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__, globals())
