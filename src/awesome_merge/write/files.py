"""The set of files one run produces, as names and contents: written, or compared by `--check`.

Every file carries the tool's generated marker (`output.GENERATED_MARK`) where its format has comments, so
that a later run can tell its own files from a curator's and never replaces the latter.
"""

from __future__ import annotations

import html
import itertools
import multiprocessing
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..collector import relaxed_gc
from ..source_info import SourceInfo
from ..text import clean_section
from ..topics import heading_key
from ..workers import can_fork, leave_interrupts_to_parent
from .checks import confirmed_review
from .issues import source_issues
from .markdown import README, render_pages
from .output import GENERATED_MARK, Content, Streamed, diff_outputs, write_outputs
from .tables import csv_chunks, entries_table, papers_bibtex, papers_json

if TYPE_CHECKING:  # only for types: writing must not import the fetcher or the pipeline
    from ..fetch import FetchOutcome
    from ..model import MergeResult

_MARKDOWN_MARKER = f"<!-- {GENERATED_MARK}: change the source lists or the config, not this file -->\n"
_BIBTEX_MARKER = f"% {GENERATED_MARK}: change the source lists or the config, not this file\n\n"


def with_marker(name: str, content: Content) -> Content:
    """The file's content with the generated marker on its first line, for the formats that have comments.

    CSV and JSON have none; `output.is_generated` recognises them by their header and shape instead.
    """
    marker = _MARKDOWN_MARKER if name.endswith(".md") else _BIBTEX_MARKER if name.endswith(".bib") else ""
    if not marker:
        return content
    if isinstance(content, Streamed):
        return Streamed(itertools.chain([marker.encode("utf-8")], content.pieces))
    return marker + content if isinstance(content, str) else marker.encode("utf-8") + content


def _trails(cell: object) -> list[str]:
    """The section trails of a paper's `sections` cell ("list.md: A > B | other.md: C")."""
    text = "" if cell is None or cell is pd.NA else str(cell)
    return [part.partition(": ")[2] for part in text.split(" | ") if ": " in part]


def subsections(result: MergeResult) -> dict[str, str]:
    """Cluster id -> the lists' own subsection of the paper under its topic.

    The subsection most of the paper's own sections name wins; on a tie, the one more papers share, so a
    paper two subsections claim joins the larger group. Spellings of one heading count as one.
    """
    if result.topics is None or "sections" not in result.papers:
        return {}
    rows = zip(result.papers["cluster_id"], result.papers["topics"], result.papers["sections"], strict=True)
    claims: dict[str, dict[str, int]] = {}
    spelling: dict[str, str] = {}
    for cid, topics, cell in rows:
        topic = "" if pd.isna(topics) else str(topics).split("; ")[0]
        votes = claims.setdefault(str(cid), {})
        for sub in result.topics.subsections(_trails(cell), topic):
            key = heading_key(sub)
            spelling.setdefault(key, sub)
            votes[key] = votes.get(key, 0) + 1
    shared: dict[str, int] = {}
    for votes in claims.values():
        for key in votes:
            shared[key] = shared.get(key, 0) + 1
    return {
        cid: spelling[min(votes, key=lambda k: (-votes[k], -shared[k], k))]
        for cid, votes in claims.items()
        if votes
    }


# A list's name as its first heading gives it (`# Awesome Widgets`): links, emphasis and emoji dropped.
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_HTML_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.I | re.S)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>", re.I)  # a badge names nothing
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
MAX_LIST_NAME = 80  # a longer first heading is a sentence, not a name: the file name stays


def first_heading(path: Path | None) -> str:
    """The name a list gives itself in its first heading, or "" (no heading, unreadable, too long)."""
    if path is None:
        return ""
    try:
        text = path.read_bytes()[:200_000].decode("utf-8", errors="replace")
    except OSError:
        return ""
    found, at = "", len(text)
    offset, fenced = 0, False
    for line in text.splitlines(keepends=True):  # the first `#` heading outside code blocks
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _ATX_HEADING.match(line.rstrip("\r\n"))
        if match:
            found, at = match.group(1), offset
            break
        offset += len(line)
    html_heading = _HTML_HEADING.search(text, 0, at)  # `<h1 align="center">Name</h1>` before it
    if html_heading:
        found = re.sub(r"<[^>]+>", "", html_heading.group(1))
    plain = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", html.unescape(found)))
    plain = re.sub(r"\[\s*\]|\(\s*\)", "", plain)  # what a link around a badge leaves
    name = clean_section(plain.replace("*", "").replace("`", ""))
    return name if 0 < len(name) <= MAX_LIST_NAME else ""


def _lines(path: Path) -> list[str]:
    """A list's lines as its line numbers count them, for checking what a warning says of one."""
    try:
        return path.read_bytes().decode("utf-8", errors="replace").split("\n")
    except OSError:
        return []


class SourceLines(Mapping[str, list[str]]):
    """Each list's lines, read when asked for and not kept: the issues page checks one list's warnings
    at a time, and a hundred lists' lines held at once were hundreds of megabytes."""

    def __init__(self, paths: Mapping[str, Path]) -> None:
        self._paths = paths

    def __getitem__(self, name: str) -> list[str]:
        return _lines(self._paths[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def read_previous_papers(output: Path) -> pd.DataFrame | None:
    """The papers of the last run, to tell what this run added and removed."""
    path = output / "papers.csv"
    if not path.is_file():
        return None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (ValueError, OSError, pd.errors.ParserError):
        return None


def _timed(timings: dict[str, float] | None, name: str, seconds: float) -> None:
    """A writer's time added under its file's name: what `-v` shows of the writing."""
    if timings is not None:
        timings[name] = timings.get(name, 0.0) + seconds


def _timed_pieces(pieces: Iterable[bytes], add: Callable[[float], None]) -> Iterator[bytes]:
    """The pieces of a streamed file, the time each took to make passed to `add`: a streamed writer
    does its work as its file is written, not when it is called."""
    made = iter(pieces)
    while True:
        start = time.perf_counter()
        piece = next(made, None)
        add(time.perf_counter() - start)
        if piece is None:
            return
        yield piece


# The writers run side by side when they have at least this many rows to write (papers and entries), and
# at most this many entries; one after another otherwise. Below, starting a process costs about what it
# saves: a list in 40 versions (6,541 entries, 296 papers) is written in 0.15 s either way, with 83 MB more
# memory in parallel. The rendering process touches the objects it reads, and each page it touches is
# copied: at 100,000 entries that was 100 MB more of the run's sampled memory for 0.8 s less; above the
# limit, a million entries would copy gigabytes where memory, not seconds, is what runs out.
PARALLEL_WRITE_MIN_ROWS = 20_000
PARALLEL_WRITE_MAX_ENTRIES = 200_000

# A file's content: text, UTF-8 bytes where a file is large enough to be worth building as bytes, or
# UTF-8 pieces streamed into the file (the CSVs, of a row per entry or per pair).
Writer = Callable[[], Content]
# The writers and the spool folder of the run being written, inherited by the rendering processes
# (forked: the merge result is not pickled to them) and cleared once they are done.
_FORKED: tuple[dict[str, Writer], Path] | None = None


def _render_one(task: tuple[int, str]) -> tuple[Path, float]:
    """In a rendering process: one file's text spooled to a file, and its time.

    Why a spool file and not the result pipe: the main process is rendering too, and a text of megabytes
    sent through the pipe is read by its result thread a slice at a time between the renderer's turns of
    the interpreter lock, which held the next file's rendering back by 0.9 s on the wild lists."""
    assert _FORKED is not None
    writers, spool = _FORKED
    number, name = task
    start = time.perf_counter()
    content = writers[name]()
    path = spool / f"{number}.txt"
    if isinstance(content, Streamed):
        with path.open("wb") as handle:
            handle.writelines(content.pieces)
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path, time.perf_counter() - start


# How much of a spooled file is read at a time on its way into the output folder.
_SPOOL_PIECE_BYTES = 1 << 20


def _spooled_pieces(path: Path) -> Iterator[bytes]:
    """A spooled file's bytes, a piece at a time, and the file removed once read: 200,000 entries make a
    `review.csv` of 118 MB, which this process held whole on its way into the folder (measured: the run's
    largest process peaked at 806 MB, 738 MB with the pieces)."""
    try:
        with path.open("rb") as handle:
            while piece := handle.read(_SPOOL_PIECE_BYTES):
                yield piece
    finally:
        path.unlink(missing_ok=True)


def _rendered(
    writers: dict[str, Writer], jobs: int, timings: dict[str, float] | None
) -> Iterator[tuple[str, Content]]:
    """Each writer's (name, content) in the writers' order. With `jobs` > 1, this process renders the first
    (the README, the largest, which also makes the section pages) while `jobs` - 1 forked processes
    render the others, and then stages what they send back: the writers are independent of each other,
    and each is one core's work. One process fewer than `jobs`, because each forked process copies the
    pages of the merge result it reads."""
    names = list(writers)

    def here(name: str) -> tuple[str, Content]:
        start = time.perf_counter()
        text = writers[name]()
        _timed(timings, name, time.perf_counter() - start)
        if isinstance(text, Streamed):
            text = Streamed(_timed_pieces(text.pieces, lambda seconds: _timed(timings, name, seconds)))
        return name, text

    if jobs <= 1 or len(names) < 2 or not can_fork():
        for name in names:
            yield here(name)
        return
    global _FORKED
    with tempfile.TemporaryDirectory(prefix="awesome-merge-") as spool:
        _FORKED = (writers, Path(spool))
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(min(jobs - 1, len(names) - 1), initializer=leave_interrupts_to_parent) as pool:
                done = pool.imap(_render_one, list(enumerate(names))[1:])
                yield here(names[0])
                for name, (path, seconds) in zip(names[1:], done, strict=True):
                    _timed(timings, name, seconds)
                    yield name, Streamed(_spooled_pieces(path))
        finally:
            _FORKED = None


def each_file(
    result: MergeResult,
    *,
    group_by: str = "topic",
    previous_papers: pd.DataFrame | None = None,
    fetch_outcomes: Sequence[FetchOutcome] = (),
    with_changes: bool = False,
    timings: dict[str, float] | None = None,
    jobs: int = 1,
) -> Iterator[tuple[str, Content]]:
    """Every output file of a run, as (name, text, UTF-8 bytes or `Streamed` UTF-8 pieces), one rendered
    when asked for: writing a million entries' outputs holds one file's content at a time, not all of
    them, and a CSV's not even that. With `jobs` > 1
    (and enough rows to write, `PARALLEL_WRITE_MIN_ROWS`, but not too many entries,
    `PARALLEL_WRITE_MAX_ENTRIES`), that many processes, this one included, render the files side by
    side."""
    shown = result.config.list
    paths = {path.name: path for path in result.source_files}
    lists = [
        SourceInfo(
            s.name,
            s.url,
            s.entries,
            display=shown.display_name(s.name) or first_heading(paths.get(s.name)),
        )
        for s in result.sources
        if s.readable
    ]
    cluster_ids = result.report["cluster_id"].tolist()
    pages: dict[str, str] = {}

    def readme() -> str:
        pages.update(
            render_pages(
                result.papers,
                lists,
                group_by=group_by,
                topic_order=result.topic_order,
                title=shown.title,
                description=shown.description,
                subsections=subsections(result) if group_by == "topic" else None,
                show_doubts=shown.show_doubts,
            )
        )
        return pages.pop(README)

    def issues() -> str:
        return source_issues(
            result.entries,
            cluster_ids,
            result.disputes,
            result.diagnostics,
            [s.name for s in result.sources],
            result.conflicts,
            source_lines=SourceLines(paths),
        )

    writers: dict[str, Writer] = {
        "README.md": readme,
        "papers.csv": lambda: Streamed(csv_chunks(result.papers)),
        "dedup_report.csv": lambda: Streamed(csv_chunks(result.report)),
        "entries.csv": lambda: Streamed(csv_chunks(entries_table(result.entries, cluster_ids))),
        "review.csv": lambda: Streamed(csv_chunks(confirmed_review(result.review))),
        "papers.json": lambda: papers_json(result.papers),
        "papers.bib": lambda: papers_bibtex(result.papers),
        "source_issues.md": issues,
    }
    if with_changes:
        from .changes import summarize_changes

        writers["CHANGES.md"] = lambda: summarize_changes(previous_papers, result.papers, fetch_outcomes)
    rows = len(result.entries) + len(result.papers)
    if rows < PARALLEL_WRITE_MIN_ROWS or len(result.entries) > PARALLEL_WRITE_MAX_ENTRIES:
        jobs = 1
    for name, text in _rendered(writers, jobs, timings):
        yield name, with_marker(name, text)
    for name in list(pages):  # the README's section pages, rendered with it
        yield name, with_marker(name, pages.pop(name))


@dataclass(frozen=True)
class Written:
    """What one write did: every file's name, and the names that changed (or, checking, would)."""

    files: list[str]
    changed: list[str]


def write_result(
    result: MergeResult,
    output: Path,
    *,
    group_by: str = "topic",
    force: bool = False,
    check: bool = False,
    previous_papers: pd.DataFrame | None = None,
    fetch_outcomes: Sequence[FetchOutcome] = (),
    with_changes: bool = False,
    jobs: int = 1,
) -> Written:
    """The one way outputs are written, for the command and `MergeResult.write` alike: never where a
    source lives, never over a file the tool did not write unless `force`; with `check`, nothing is
    written and `changed` names the stale files. The writers' times go into `result.timings`, and
    `save` is the time not spent waiting for a file's text (comparing, staging and renaming)."""
    names: list[str] = []
    waited = 0.0

    def rendered() -> Iterator[tuple[str, Content]]:
        nonlocal waited
        files = each_file(
            result,
            group_by=group_by,
            previous_papers=previous_papers,
            fetch_outcomes=fetch_outcomes,
            with_changes=with_changes,
            timings=result.timings,
            jobs=jobs,
        )
        while True:
            asked = time.perf_counter()
            item = next(files, None)
            waited += time.perf_counter() - asked
            if item is None:
                return
            names.append(item[0])
            if isinstance(item[1], Streamed):  # its text is made as it is written: waited for too
                item = item[0], Streamed(_timed_pieces(item[1].pieces, wait))
            yield item

    def wait(seconds: float) -> None:
        nonlocal waited
        waited += seconds

    with relaxed_gc():
        start = time.perf_counter()
        if check:
            changed = diff_outputs(output, rendered())
        else:
            changed = write_outputs(
                output, rendered(), protected=result.source_dirs, force=force, beside=result.source_files
            )
        result.timings["save"] = time.perf_counter() - start - waited
    return Written(names, changed)
