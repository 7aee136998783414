"""awesome-merge: many hand-kept awesome lists of papers in, one de-duplicated, explained list out.

from awesome_merge import merge
result = merge(["sources/"])      # result.entries, result.papers, result.report, result.review
papers = read_outputs("output/")["papers"]   # a run's CSVs back, with identifiers kept as text
"""

from .config import Config, load_config
from .diagnostics import AwesomeMergeError, Diagnostic
from .pipeline import MergeResult, SourceInfo, merge
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
