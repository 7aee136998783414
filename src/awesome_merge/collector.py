"""The garbage collector's settings for a run: the stages and the writers share one policy."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A run allocates millions of small, long-lived objects (tokens, entries, keys) and makes few cycles;
# Python's default collector thresholds would rescan them over and over (measured: 35 % of a large run).
GC_THRESHOLDS = (200_000, 50, 1000)


def relax_gc() -> None:
    """Collect less often for the rest of the process (a parsing worker)."""
    gc.set_threshold(*GC_THRESHOLDS)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No collection while reading one file: parsing makes hundreds of thousands of short-lived objects and
    (the HTML trees being decomposed) no lasting cycles, so the collector would only rescan them (measured
    on the wild lists: 40 % of `parse_file`'s time under the default thresholds). Nested uses leave the
    collector as the outermost found it.

    A parsing process does not freeze a file's objects afterwards, though that saves the collector one scan
    of them (about 4 % of the wild lists' parse): frozen objects are never collected, so the cycles among a
    file's garbage stayed for the life of the process (a worker grew 590 MB against 418 MB over six files
    of 10,000 entries)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def relaxed_gc() -> Iterator[None]:
    """Fewer collections while merging or writing: objects alive before are frozen out of every scan.

    Why for the writers too: they run after the merge with its frames and keys alive, and each list they
    build would otherwise count toward a full collection that rescans all of those."""
    before = gc.get_threshold()
    gc.freeze()
    relax_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
