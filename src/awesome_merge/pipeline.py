"""The whole run as one library call: sources -> entries -> clusters -> papers, with timings per stage."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .config import CONFIG_NAME, Config, load_config
from .diagnostics import AwesomeMergeError, Diagnostic, NothingToMerge
from .frame import Columns, entry_columns, frame_from_columns
from .fuse import fuse
from .match import match_entries
from .match.keys import comparison_keys
from .model import MergeResult
from .parse import parse_file
from .parse.vocabulary import use_words
from .read import SOURCE_SUFFIXES
from .resolve import ResolveRun, cache_path, load_records, resolve_entries
from .source_info import SourceInfo
from .topics import topic_rules
from .venues import fill_venues_from_links

# Below this many bytes, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 4_000_000
Progress = Callable[[str, int, int], None]


def find_sources(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    """Source files named or found directly in the folders named, and those folders."""
    files: list[Path] = []
    folders: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folders.append(path)
            files.extend(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise AwesomeMergeError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(files))
    return unique, folders


def default_config_path(folders: list[Path]) -> Path | None:
    for folder in folders:
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


# A run allocates millions of small, long-lived objects (tokens, entries, keys) and makes few cycles;
# Python's default collector thresholds would rescan them over and over (measured: 35 % of a large run).
_GC_THRESHOLDS = (200_000, 50, 1000)


def _relax_gc() -> None:
    gc.set_threshold(*_GC_THRESHOLDS)


def _start_worker(words: dict[str, tuple[str, ...]]) -> None:
    """A parsing process: the config's words, a relaxed collector, and Ctrl-C left to the main process,
    which reports it in one line and ends the workers (a worker's own traceback would only add noise)."""
    use_words(**words)
    _relax_gc()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _relaxed_gc() -> Iterator[None]:
    """Fewer collections while merging: objects alive before the run are frozen out of every scan."""
    before = gc.get_threshold()
    gc.freeze()
    _relax_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


@dataclass
class _Parsed:
    """One source's entries as columns: what a worker process sends back."""

    name: str
    columns: Columns
    count: int
    diagnostics: list[Diagnostic]
    readable: bool
    title_keys: list[str]
    url_keys: list[list[str]]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Parsing one file makes hundreds of thousands of short-lived objects and (the HTML trees being
    decomposed) no lasting cycles: the collector would only rescan them, at up to half the parse time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_to_columns(path: Path) -> _Parsed:
    """Parse one file and make its comparison keys, in a worker process when there are several."""
    with _no_gc():
        parsed = parse_file(path)
        fill_venues_from_links(parsed.entries)  # `CVPR2024/` in a CVF link: a CVPR 2024 paper
        columns = entry_columns(parsed.entries)
        titles, urls, alts = (columns[c] for c in ("title", "url", "alt_urls"))
        title_keys, url_keys = comparison_keys(titles, urls, alts)  # type: ignore[arg-type]
    return _Parsed(
        parsed.name, columns, len(parsed.entries), parsed.diagnostics, parsed.readable, title_keys, url_keys
    )


def _parse_all(
    files: list[Path], jobs: int, progress: Progress | None, words: dict[str, tuple[str, ...]]
) -> list[_Parsed]:
    use_words(**words)
    total_bytes = sum(f.stat().st_size for f in files)
    if jobs <= 1 or len(files) < 2 or total_bytes < PARALLEL_MIN_BYTES:
        parsed = []
        for done, path in enumerate(files, 1):
            parsed.append(_parse_to_columns(path))
            if progress:
                progress("parse", done, len(files))
        return parsed
    # Largest files first so that one big file does not finish last on its own.
    order = sorted(range(len(files)), key=lambda i: -files[i].stat().st_size)
    by_index: dict[int, _Parsed] = {}
    # A multiprocessing pool rather than an executor: leaving the block (Ctrl-C too) terminates the workers
    # at once, where an executor would first parse the files already queued.
    with multiprocessing.Pool(min(jobs, len(files)), initializer=_start_worker, initargs=(words,)) as pool:
        results = pool.imap(_parse_to_columns, [files[i] for i in order])
        for done, (i, result) in enumerate(zip(order, results, strict=True), 1):
            by_index[i] = result
            if progress:
                progress("parse", done, len(files))
    return [by_index[i] for i in range(len(files))]


@_relaxed_gc()
def merge(
    paths: Sequence[str | Path],
    *,
    config: Config | None = None,
    config_path: Path | None = None,
    jobs: int | None = None,
    title_threshold: float | None = None,
    review_threshold: float | None = None,
    progress: Progress | None = None,
    resolve: ResolveRun | None = None,
) -> MergeResult:
    """Read, match and fuse every source; raises AwesomeMergeError only when nothing can be merged.

    Papers' records come from the metadata cache only, unless `resolve` asks for fetching (`--resolve`)."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    files, folders = find_sources(paths)
    if config is None:
        config = load_config(config_path or default_config_path(folders))
    if title_threshold is not None or review_threshold is not None:
        match_config = replace(
            config.match,
            title_threshold=config.match.title_threshold if title_threshold is None else title_threshold,
            review_threshold=config.match.review_threshold if review_threshold is None else review_threshold,
        )
        config = replace(config, match=match_config)
    if not files:
        raise NothingToMerge(
            f"no source files ({', '.join(SOURCE_SUFFIXES)}) in {', '.join(map(str, paths))}"
        )
    parsed = _parse_all(files, jobs or os.cpu_count() or 1, progress, asdict(config.vocabulary))
    timings["parse"] = time.perf_counter() - start

    stage = time.perf_counter()
    diagnostics = [d for p in parsed for d in p.diagnostics]
    names = [p.name for p in parsed]
    for name in {n for n in names if names.count(n) > 1}:
        diagnostics.append(
            Diagnostic(name, 0, "two sources share this file name; their entries are told apart by line only")
        )
    stems = {f.stem for f in files}
    for missing in (s.name for s in config.sources if s.name not in stems):
        where = config.path.name if config.path else CONFIG_NAME
        diagnostics.append(
            Diagnostic(where, 0, f"[[source]] {missing!r} names no source file ({missing}.md or similar)")
        )
    if not any(p.readable for p in parsed):
        reasons = "; ".join(f"{d.source}: {d.message}" for d in diagnostics[:3])
        raise NothingToMerge("no source could be read: " + reasons)
    entries = frame_from_columns(p.columns for p in parsed)
    for p in parsed:
        p.columns = {}  # the frame holds the values now
    timings["frame"] = time.perf_counter() - stage

    stage = time.perf_counter()
    run = resolve or ResolveRun()
    if run.progress is None and progress is not None:
        run = replace(run, progress=progress)
    records, resolve_stats = load_records(entries, config, cache_path(config, folders), run)
    resolution = resolve_entries(entries, records, config.match.review_threshold)
    timings["resolve"] = time.perf_counter() - stage

    stage = time.perf_counter()
    if progress:
        progress("match", 0, 1)
    config_name = config.path.name if config.path else CONFIG_NAME
    precomputed = ([k for p in parsed for k in p.title_keys], [k for p in parsed for k in p.url_keys])
    for p in parsed:
        p.title_keys, p.url_keys = [], []
    matching = match_entries(entries, config.match, config.overrides, config_name, precomputed, resolution)
    del precomputed  # the keys are needed no more: fusing a million entries wants the memory
    diagnostics.extend(matching.diagnostics)
    timings["match"] = time.perf_counter() - stage
    if progress:
        progress("match", 1, 1)

    stage = time.perf_counter()
    topics = topic_rules(config.topics, entries["section"].tolist())
    papers = fuse(
        entries,
        matching.cluster_ids,
        topics,
        matching.disputes,
        matching.conflicts,
        matching.identifiers,
        default_venue=(config.list.venue, config.list.year),
        resolution=resolution,
    )
    timings["fuse"] = time.perf_counter() - stage
    infos = []
    for p in parsed:
        stem = Path(p.name).stem
        source_config = config.source(stem)
        infos.append(SourceInfo(p.name, source_config.url if source_config else "", p.count, p.readable))
    timings["total"] = time.perf_counter() - start
    return MergeResult(
        entries,
        papers,
        matching.report,
        matching.review,
        infos,
        diagnostics,
        config,
        folders,
        timings,
        matching.disputes,
        matching.overrides_applied,
        matching.conflicts,
        topics,
        matching.title_pairs,
        files,
        resolve_stats,
    )
