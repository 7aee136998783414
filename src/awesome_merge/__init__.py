"""awesome-merge: many hand-kept awesome lists of papers in, one de-duplicated, explained list out.

from awesome_merge import merge
result = merge(["sources/"])      # result.entries, result.papers, result.report, result.review
papers = read_outputs("output/")["papers"]   # a run's CSVs back, with identifiers kept as text

The names load on first use: the command starts (and answers Ctrl-C) before pandas is imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
