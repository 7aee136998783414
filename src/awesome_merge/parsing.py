"""The parse stage of a run: every source file to entry columns and comparison keys, in parsing processes
when that pays.

Why a stage of its own, free of pandas and of the reader at import: the command starts it before it
imports the rest of the run (`start_parsing`), so a forked process reads the lists on the second core
while this one imports pandas, matching and the writers, about 0.2 s that a short run would otherwise
spend waiting."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .collector import paused_gc, relax_gc
from .diagnostics import Diagnostic
from .frame import Columns
from .workers import can_fork, leave_interrupts_to_parent

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from .parse import ChunkCache

# Below this many bytes, one parsing process reads every file (or this one does, when nothing else is
# imported meanwhile); above, `jobs` processes share them out. Measured, whole command, with this process
# importing the rest of the run on the same two cores meanwhile: the bundled lists (0.13 MB) took 0.63 s
# with one parsing process and 0.73 s with two; a list in 40 versions (2 MB) 1.33 s with one and 1.24 s
# with two.
PARALLEL_MIN_BYTES = 1_000_000
Progress = Callable[[str, int, int], None]
Words = dict[str, tuple[str, ...]]

# A parsing process's memory of the sections it has read (`parse.chunks`): versions of one list share most.
_WORKER_CACHE: ChunkCache | None = None


def _start_worker(words: Words) -> None:
    """A parsing process: the config's words, a relaxed collector, and Ctrl-C left to the main process."""
    global _WORKER_CACHE
    from .parse import ChunkCache
    from .parse.vocabulary import use_words

    use_words(**words)
    relax_gc()
    leave_interrupts_to_parent()
    _WORKER_CACHE = ChunkCache()


@dataclass
class ParsedColumns:
    """One source's entries as columns, with their comparison keys: what a parsing process sends back,
    and what a map over files in another engine (Spark, Dask) would collect, one row per entry."""

    name: str
    columns: Columns
    count: int
    diagnostics: list[Diagnostic]
    readable: bool
    title_keys: list[str]
    url_keys: list[list[str]]


def parse_to_columns(path: Path, cache: ChunkCache | None = None) -> ParsedColumns:
    """Parse one file and make its comparison keys, in a worker process when there are several.

    A function of one path, picklable, with no state shared between calls but an optional cache of the
    process it runs in (which changes nothing in the result) and the config's words (`use_words`, set
    once per process): the function a map over the files of a run too large for one machine calls."""
    from .compare_keys import comparison_keys
    from .frame import entry_columns
    from .parse import parse_file
    from .venues import fill_venues_from_links

    with paused_gc():
        parsed = parse_file(path, cache if cache is not None else _WORKER_CACHE)
        fill_venues_from_links(parsed.entries)  # `CVPR2024/` in a CVF link: a CVPR 2024 paper
        columns = entry_columns(parsed.entries)
        titles, urls, alts = (columns[c] for c in ("title", "url", "alt_urls"))
        title_keys, url_keys = comparison_keys(titles, urls, alts)  # type: ignore[arg-type]
    return ParsedColumns(
        parsed.name, columns, len(parsed.entries), parsed.diagnostics, parsed.readable, title_keys, url_keys
    )


# Lines shorter than this do not count toward what two files share (`_families`): blank lines, headings.
_FAMILY_MIN_BYTES = 64
# A file joins the family of a file it shares at least 1 / _FAMILY_SHARE of its text with.
_FAMILY_SHARE = 2


def _families(files: list[Path]) -> list[list[int]]:
    """Files that share most of their lines (versions of one list, copies), each family in name order.

    Why: a parsing process remembers the sections it read (`parse.chunks`), so the versions of one list
    should be read by one process, one after the other, rather than dealt out file by file."""
    parent = list(range(len(files)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for i, path in enumerate(files):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        shared: dict[int, int] = {}
        for piece in data.split(b"\n"):
            if len(piece) >= _FAMILY_MIN_BYTES:
                j = owner.setdefault(hash(piece), i)
                if j != i:
                    shared[j] = shared.get(j, 0) + len(piece)
        for j, size in shared.items():
            if size * _FAMILY_SHARE >= len(data):  # most of its text: a version or a copy, not a footer
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(files)):
        groups.setdefault(root(i), []).append(i)
    return [sorted(g, key=lambda i: files[i].name) for g in groups.values()]


def _work_units(files: list[Path], jobs: int) -> list[list[int]]:
    """Indexes of files, one list per task: a family whole, or a large family cut into `jobs` runs of
    consecutive versions of about equal size; largest task first, so that none finishes last alone."""
    sizes = [f.stat().st_size for f in files]
    total = sum(sizes)
    units: list[list[int]] = []
    for family in _families(files):
        weight = sum(sizes[i] for i in family)
        parts = min(jobs, len(family)) if weight * jobs > total else 1
        if parts <= 1:
            units.append(family)
            continue
        run: list[int] = []
        done, cut = 0, 1
        for i in family:
            run.append(i)
            done += sizes[i]
            if cut < parts and done * parts >= weight * cut:
                units.append(run)
                run, cut = [], cut + 1
        if run:
            units.append(run)
    return sorted(units, key=lambda unit: -sum(sizes[i] for i in unit))


def _parse_unit(paths: list[Path]) -> list[ParsedColumns]:
    return [parse_to_columns(path) for path in paths]


class Parsing:
    """The parse stage of one run, under way or still to do; `collect` gives each file's columns, in the
    files' order. Leaving its block (Ctrl-C too) ends its processes at once.

    Three ways, one result: `jobs` processes share the files out when they are large (each family of
    versions one task, `_work_units`); with `ahead`, one forked process reads the files in order with one
    cache, as this process would, while this one imports what comes after the parse; else this process
    reads them when `collect` is called."""

    def __init__(self, files: list[Path], jobs: int, words: Words, *, ahead: bool = False) -> None:
        self.files = list(files)
        self.words = words
        self._pool: Pool | None = None
        self._units: list[list[int]] = []
        self._results: Iterator[list[ParsedColumns]] | None = None
        total_bytes = sum(f.stat().st_size for f in self.files)
        if jobs > 1 and len(self.files) > 1 and total_bytes >= PARALLEL_MIN_BYTES:
            self._units = _work_units(self.files, jobs)
            # A pool rather than an executor: terminating it ends the workers at once, where an executor
            # would first parse the files already queued.
            self._pool = multiprocessing.Pool(
                min(jobs, len(self._units)), initializer=_start_worker, initargs=(words,)
            )
        elif ahead and jobs > 1 and self.files and can_fork():
            # Forked while the caller has not yet imported the rest of the run: it starts at once, light.
            self._units = [[i] for i in range(len(self.files))]
            self._pool = multiprocessing.get_context("fork").Pool(
                1, initializer=_start_worker, initargs=(words,)
            )
        if self._pool is not None:
            tasks = [[self.files[i] for i in unit] for unit in self._units]
            self._results = self._pool.imap(_parse_unit, tasks)

    def collect(self, progress: Progress | None = None) -> list[ParsedColumns]:
        """Every file's columns, in the files' order; this process reads with the config's words too (the
        fusing of venues and the writers use them)."""
        from .parse.vocabulary import use_words

        use_words(**self.words)
        total = len(self.files)
        if self._results is None:
            from .parse import ChunkCache  # the reader itself, imported only where it reads

            parsed = []
            cache = ChunkCache()
            for done, path in enumerate(self.files, 1):
                parsed.append(parse_to_columns(path, cache))
                if progress:
                    progress("parse", done, total)
            return parsed
        by_index: dict[int, ParsedColumns] = {}
        try:
            for unit, unit_results in zip(self._units, self._results, strict=True):
                for i, result in zip(unit, unit_results, strict=True):
                    by_index[i] = result
                if progress:
                    progress("parse", len(by_index), total)
        finally:
            self.close()
        return [by_index[i] for i in range(total)]

    def close(self) -> None:
        """End the parsing processes, done or not."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            self._results = None

    def __enter__(self) -> Parsing:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def start_parsing(files: list[Path], jobs: int, words: Words, *, ahead: bool = False) -> Parsing:
    """The parse stage begun: its processes started and given their files (see `Parsing`)."""
    return Parsing(files, jobs, words, ahead=ahead)
