"""Papers resolved against scholarly metadata: arXiv for arXiv ids, Crossref for DOIs, kept in a cache.

A run reads only the cache (offline, the same outputs every time); `--resolve` first fetches the records the
cache lacks. The records then give label-only entries their papers' titles, fill authors, venues and years
the lists leave out, and join an arXiv id and a DOI that one record links.
"""

from __future__ import annotations

from .apply import Resolution, resolve_entries
from .record import Record
from .run import ResolveRun, ResolveStats, cache_path, load_records

__all__ = [
    "Record",
    "Resolution",
    "ResolveRun",
    "ResolveStats",
    "cache_path",
    "load_records",
    "resolve_entries",
]
