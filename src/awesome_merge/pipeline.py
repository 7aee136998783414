"""The whole run as one library call: sources -> entries -> clusters -> papers, with timings per stage."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .collector import paused_gc, relax_gc, relaxed_gc
from .config import CONFIG_NAME, Config, load_config
from .diagnostics import AwesomeMergeError, Diagnostic, NothingToMerge
from .frame import Columns, entry_columns, frame_from_columns
from .fuse import fuse
from .match import match_entries
from .match.keys import comparison_keys
from .model import MergeResult
from .parse import ChunkCache, parse_file
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


# A parsing process's memory of the sections it has read (`parse.chunks`): versions of one list share most.
_WORKER_CACHE: ChunkCache | None = None


def _start_worker(words: dict[str, tuple[str, ...]]) -> None:
    """A parsing process: the config's words, a relaxed collector, and Ctrl-C left to the main process,
    which reports it in one line and ends the workers (a worker's own traceback would only add noise)."""
    global _WORKER_CACHE
    use_words(**words)
    relax_gc()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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


def _parse_all(
    files: list[Path], jobs: int, progress: Progress | None, words: dict[str, tuple[str, ...]]
) -> list[ParsedColumns]:
    use_words(**words)
    total_bytes = sum(f.stat().st_size for f in files)
    if jobs <= 1 or len(files) < 2 or total_bytes < PARALLEL_MIN_BYTES:
        parsed = []
        cache = ChunkCache()
        for done, path in enumerate(files, 1):
            parsed.append(parse_to_columns(path, cache))
            if progress:
                progress("parse", done, len(files))
        return parsed
    units = _work_units(files, jobs)
    by_index: dict[int, ParsedColumns] = {}
    # A multiprocessing pool rather than an executor: leaving the block (Ctrl-C too) terminates the workers
    # at once, where an executor would first parse the files already queued.
    with multiprocessing.Pool(min(jobs, len(units)), initializer=_start_worker, initargs=(words,)) as pool:
        results = pool.imap(_parse_unit, [[files[i] for i in unit] for unit in units])
        for unit, unit_results in zip(units, results, strict=True):
            for i, result in zip(unit, unit_results, strict=True):
                by_index[i] = result
            if progress:
                progress("parse", len(by_index), len(files))
    return [by_index[i] for i in range(len(files))]


@relaxed_gc()
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
