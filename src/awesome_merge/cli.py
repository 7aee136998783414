"""The `awesome-merge` command: options in, `merge()` and the writers called, one-line messages out."""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .counts import plural

if TYPE_CHECKING:  # the command imports the matcher only when it runs
    from .match import BlockStats

_LOADED = time.perf_counter()  # the command's own time starts here, once click is imported

EPILOG = """\b
Examples:
  awesome-merge sources/ -o output/
  awesome-merge sources/ -o output/ --group-by year -v
  awesome-merge sources/ -o output/ --check         # in CI: fail when output/ is stale
  awesome-merge sources/ -o output/ --fetch         # refresh snapshots from their upstream URLs first
  awesome-merge sources/ -o output/ --resolve       # look up papers the metadata cache lacks first

\b
Exit status:
  0    outputs written (warnings allowed)
  1    nothing could be merged or written (a bad config, a file in OUTPUT the tool did not
       write, ...), or --strict and a fetch failed
  2    usage error (an unknown option, a URL given as SOURCE)
  3    --check found outputs that would change
  4    a source could not be read or is missing (--allow-missing merges the rest), or the
       sources hold no entries: outputs left as they were
  130  interrupted (Ctrl-C): outputs left as they were
"""

FAILED = 1
USAGE = 2
CHECK_FAILED = 3
INCOMPLETE = 4
INTERRUPTED = 130
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def _echo(message: str, *, err: bool = True) -> None:
    click.echo(message, err=err)


_STAGE_LABELS = {
    "parse": "reading sources",
    "resolve": "looking up papers",
    "match": "finding duplicates",
    "fuse": "merging papers",
}


class _Progress:
    """A rich progress bar per stage on a terminal; nothing in CI or when piped."""

    def __init__(self, enabled: bool) -> None:
        self.bar = None
        self.tasks: dict[str, object] = {}
        if enabled:
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.bar.start()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(_STAGE_LABELS.get(stage, stage), total=total)
        self.bar.update(self.tasks[stage], completed=done)  # type: ignore[arg-type]

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@dataclass(frozen=True)
class _Options:
    """The command's options, as click parsed them."""

    sources: tuple[Path, ...]
    output: Path
    config_path: Path | None
    group_by: str
    title_threshold: float | None
    review_threshold: float | None
    jobs: int | None
    check: bool
    fetch: bool
    force: bool
    allow_missing: bool
    strict: bool
    quiet: bool
    verbose: bool
    resolve: bool = False
    refresh_metadata: bool = False


@click.command(
    epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder for README.md, papers.csv, entries.csv, dedup_report.csv, review.csv, papers.json, "
    "papers.bib, source_issues.md.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: awesome-merge.toml in the first SOURCES folder).",
)
@click.option(
    "--group-by",
    type=click.Choice(["topic", "year", "source"]),
    default="topic",
    show_default=True,
    help="How the unified README is sectioned.",
)
@click.option(
    "--title-threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Title similarity (0-100) from which two titles are one paper [config, default 92].",
)
@click.option(
    "--review-threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Title similarity from which a pair kept apart is listed in review.csv [default 80].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    help="Processes that parse the files, and then render the outputs, in parallel [default: the cores "
    "available].",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 3 and list the files that would change when OUTPUT is stale.",
)
@click.option(
    "--fetch", is_flag=True, help="Refresh every source with a `url` in the config first, then merge."
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace files in OUTPUT that awesome-merge did not write (no generated marker); "
    "with --fetch, also accept a snapshot that lost most of its entries.",
)
@click.option(
    "--allow-missing",
    is_flag=True,
    help="Merge the sources that could be read when some could not (else exit 4, writing nothing).",
)
@click.option("--strict", is_flag=True, help="With --fetch: exit 1 when any source could not be refreshed.")
@click.option(
    "--resolve",
    is_flag=True,
    help="Look up the arXiv ids and DOIs the metadata cache lacks (arXiv, Crossref) and add them to it; "
    "without it a run reads only the cache.",
)
@click.option(
    "--refresh-metadata",
    is_flag=True,
    help="Like --resolve, and also look up again the records older than [resolve] max_age_days.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Also print timings and every file written.")
@click.version_option(__version__, prog_name="awesome-merge")
def main(**options: Any) -> None:
    """Merge awesome lists of papers in SOURCES (files, or folders of *.md/*.markdown/*.html/*.txt)
    into one de-duplicated list in OUTPUT, with a report that explains every merge."""
    from .diagnostics import AwesomeMergeError, NothingToMerge

    try:
        sources = _existing_sources(options.pop("sources"), options["allow_missing"])
        if isinstance(sources, int):
            sys.exit(sources)
        from .write import OutputError

        try:
            code = _run(_Options(sources=sources, **options))
        except NothingToMerge as exc:
            _echo(f"error: {exc}; outputs left as they were")
            sys.exit(INCOMPLETE)
        except (AwesomeMergeError, OutputError) as exc:
            _echo(f"error: {exc}")
            sys.exit(FAILED)
    except KeyboardInterrupt:
        _echo("interrupted: outputs left as they were")
        sys.exit(INTERRUPTED)
    sys.exit(code)


def _existing_sources(raw: tuple[str, ...], allow_missing: bool) -> tuple[Path, ...] | int:
    """The SOURCES that exist, or the exit status when one is a URL or missing (status 4 unless
    `--allow-missing`, which warns and merges the rest)."""
    for source in raw:
        if _URL.match(source):
            _echo(
                f"error: {source}: a URL, not a file or folder; to merge a list from the web, name it in "
                "the config as [[source]] with name and url, then run with --fetch"
            )
            return USAGE
    paths = [Path(source) for source in raw]
    missing = [p for p in paths if not p.exists()]
    if missing and not allow_missing:
        _echo(
            f"error: {', '.join(map(str, missing))}: no such file or folder; outputs left as they were "
            "(--allow-missing merges the other sources)"
        )
        return INCOMPLETE
    for path in missing:
        _echo(f"warning: {path}: no such file or folder; merging the other sources")
    present = tuple(p for p in paths if p.exists())
    if not present:
        _echo("error: none of the sources exists; outputs left as they were")
        return INCOMPLETE
    return present


def _narrowed_note(pairs: BlockStats) -> str:
    """What the summary says of title blocks compared only by two shared keys, or "" when none were."""
    if not pairs.blocks_narrowed:
        return ""
    from .match.evidence import BROAD_BLOCK

    return (
        f"; {pairs.blocks_narrowed} groups of over {BROAD_BLOCK} titles sharing one word compared only "
        "where their titles share a second"
    )


def _run(opts: _Options) -> int:
    from dataclasses import asdict

    from .config import load_config
    from .parsing import start_parsing
    from .source_files import default_config_path, find_sources

    files, folders = find_sources(opts.sources)
    if opts.config_path is not None and not opts.config_path.is_file():
        _echo(f"error: {opts.config_path}: no such config file")
        return FAILED
    config = load_config(opts.config_path or default_config_path(folders))
    _check_thresholds(opts, config.match)
    outcomes: list = []
    fetch_failed = False
    if opts.fetch:
        outcomes, fetch_failed = _fetch(config, folders, opts.force, opts.quiet)
        files, _ = find_sources(opts.sources)  # fetching may add a source's first snapshot
    jobs = opts.jobs or os.cpu_count() or 1
    # The lists are read on the second core while this process imports the rest of the run (pandas first).
    with start_parsing(files, jobs, asdict(config.vocabulary), ahead=True) as parsing:
        from .pipeline import merge
        from .write.checks import confirmed_review
        from .write.files import read_previous_papers, write_result

        progress = _Progress(sys.stderr.isatty() and not opts.quiet and not os.environ.get("CI"))
        try:
            result = merge(
                opts.sources,
                config=config,
                jobs=opts.jobs,
                title_threshold=opts.title_threshold,
                review_threshold=opts.review_threshold,
                progress=progress,
                resolve=_resolve_run(opts),
                parsing=parsing,
            )
        finally:
            progress.stop()
    if (opts.resolve or opts.refresh_metadata) and not opts.check and not opts.quiet and result.metadata:
        _echo(_metadata_line(result.metadata))
    if not opts.quiet:
        for diagnostic in result.diagnostics:
            _echo(str(diagnostic))
    unread = [s.name for s in result.sources if not s.readable]
    if unread and not opts.allow_missing:
        _echo(
            f"error: could not read {', '.join(unread)}; outputs left as they were "
            "(--allow-missing merges the other lists)"
        )
        return INCOMPLETE
    if result.entries.empty:
        _echo(f"error: no entries found in {', '.join(map(str, opts.sources))}; outputs left as they were")
        return INCOMPLETE
    previous = read_previous_papers(opts.output) if opts.fetch else None
    written = write_result(
        result,
        opts.output,
        group_by=opts.group_by,
        force=opts.force,
        check=opts.check,
        previous_papers=previous,
        fetch_outcomes=outcomes,
        with_changes=opts.fetch,
        jobs=jobs,
    )
    if opts.check:
        stale = written.changed
        for name in stale:
            _echo(f"would change: {opts.output / name}")
        if not opts.quiet:
            _echo(
                "outputs are up to date" if not stale else f"{plural(len(stale), 'output file')} out of date"
            )
        return CHECK_FAILED if stale else 0
    if opts.verbose:
        for name in sorted(written.files):
            _echo(f"{'wrote' if name in written.changed else 'unchanged'}: {opts.output / name}")
        _echo("timings: " + _timings_line(result.timings, time.perf_counter() - _LOADED))
        pairs = result.title_pairs
        narrowed = _narrowed_note(pairs)
        _echo(f"title pairs: {pairs.pairs_scored} compared, {pairs.pairs_skipped} not compared{narrowed}")
    if not opts.quiet:
        n_entries, n_papers = len(result.entries), len(result.papers)
        n_read = len(result.sources) - len(unread)
        missing = f" ({len(unread)} could not be read)" if unread else ""
        skipped = result.title_pairs
        unscored = (
            f"; {skipped.pairs_skipped} title pairs not compared ({skipped.blocks_skipped} groups of "
            "titles sharing one word too big to compare)"
            if skipped.pairs_skipped
            else ""
        )
        unscored += _narrowed_note(skipped)
        _echo(
            f"merged {plural(n_entries, 'entry')} from {plural(n_read, 'list')}{missing} into "
            f"{plural(n_papers, 'paper')} ({plural(n_entries - n_papers, 'duplicate')}); "
            f"{plural(len(confirmed_review(result.review)), 'pair')} to review; "
            f"{result.overrides_applied} of {plural(len(result.config.overrides), 'override')} applied"
            f"{unscored} -> {opts.output}/"
        )
    if opts.strict and fetch_failed:
        failed = [f"{o.name} ({o.message})" for o in outcomes if o.status in ("failed", "refused")]
        _echo(f"error: --strict: could not refresh {'; '.join(failed)}")
        return FAILED
    return 0


def _resolve_run(opts: _Options):  # type: ignore[no-untyped-def]
    from .resolve import ResolveRun

    mode = "refresh" if opts.refresh_metadata else "missing" if opts.resolve else "cache"
    if opts.check and mode != "cache":  # --check writes nothing, the metadata cache included
        _echo("warning: --check reads the metadata cache only; run --resolve without --check to fetch")
        mode = "cache"
    return ResolveRun(mode=mode, warn=lambda message: _echo(f"warning: {message}"))


def _metadata_line(stats: Any) -> str:
    """What looking papers up did, in one line: records, requests per service, the cache written."""
    requests = ", ".join(f"{name} {plural(n, 'request')}" for name, n in stats.requests.items() if n)
    parts = [
        f"metadata: {plural(stats.identifiers, 'identifier')}, {stats.cached} in the cache",
        f"{stats.fetched} fetched" + (f" ({requests})" if requests else ""),
    ]
    if stats.unknown:
        parts.append(f"{stats.unknown} unknown to the services")
    if stats.failed:
        parts.append(f"{stats.failed} failed")
    saved = f" -> {stats.cache}" if stats.saved else ""
    return "; ".join(parts) + saved


def _timings_line(timings: dict[str, float], since_start: float) -> str:
    """The stages in order, `merge` for reading to fusing, each file written, `save` for the atomic
    write, and `command` from the command's start to now (the interpreter's own start not counted)."""
    shown = {("merge" if k == "total" else k): v for k, v in timings.items()}
    shown["command"] = since_start
    return ", ".join(f"{k} {v:.2f}s" for k, v in shown.items())


def _check_thresholds(opts: _Options, match: Any) -> None:
    """The options' thresholds with the config's, checked as the config file's are (a usage error)."""
    from .config import threshold_problem

    title = match.title_threshold if opts.title_threshold is None else opts.title_threshold
    review = match.review_threshold if opts.review_threshold is None else opts.review_threshold
    blame_title = opts.review_threshold is None
    problem = threshold_problem(title, review, blame_title=blame_title)
    if problem:
        option = "--title-threshold" if blame_title else "--review-threshold"
        raise click.BadParameter(problem, param_hint=f"'{option}'")


def _fetch(config, folders: list[Path], force: bool, quiet: bool):  # type: ignore[no-untyped-def]
    from .diagnostics import AwesomeMergeError
    from .fetch import fetch_sources
    from .parse import count_entries

    if not folders:
        raise AwesomeMergeError("--fetch needs a sources folder to keep the snapshots in")
    outcomes = fetch_sources(config, folders[0], count_entries=count_entries, force=force)
    failed = False
    for outcome in outcomes:
        if outcome.status in ("failed", "refused"):
            failed = True
            _echo(f"warning: {outcome.name}: {outcome.message}")
        elif not quiet and outcome.status != "skipped":
            _echo(f"{outcome.status}: {outcome.name}: {outcome.message}")
    return outcomes, failed
