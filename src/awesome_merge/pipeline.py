"""The whole run as one library call: sources -> entries -> clusters -> papers, with timings per stage."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

from .collector import relaxed_gc
from .config import CONFIG_NAME, Config, load_config
from .diagnostics import Diagnostic, NothingToMerge
from .frame import frame_from_columns
from .fuse import fuse
from .match import match_entries
from .model import MergeResult
from .parsing import Parsing, Progress
from .resolve import ResolveRun, cache_path, load_records, resolve_entries
from .source_files import SOURCE_SUFFIXES, default_config_path, find_sources
from .source_info import SourceInfo
from .topics import topic_rules


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
    parsing: Parsing | None = None,
) -> MergeResult:
    """Read, match and fuse every source; raises AwesomeMergeError only when nothing can be merged.

    Papers' records come from the metadata cache only, unless `resolve` asks for fetching (`--resolve`).
    `parsing` is the parse of these sources with this config's words, begun before (as the command
    begins it, `parsing.start_parsing`); the `parse` timing is then the time still waited for it."""
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
    words = asdict(config.vocabulary)
    if parsing is None:
        parsing = Parsing(files, jobs or os.cpu_count() or 1, words)
    elif parsing.files != files or parsing.words != words:
        raise ValueError("the parsing begun is of other files, or with other words, than this merge's")
    with parsing:
        parsed = parsing.collect(progress)
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
