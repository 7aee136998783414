"""Outputs rendered by several processes are the files one process renders, and fail the same way."""

from __future__ import annotations

import functools
import multiprocessing
import tempfile
from pathlib import Path

import pytest
from conftest import SOURCES

from awesome_merge.pipeline import merge
from awesome_merge.write import files
from awesome_merge.write.markdown import render_pages


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return merge([SOURCES], jobs=1)


def _written(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def parallel(monkeypatch):  # type: ignore[no-untyped-def]
    """The bundled lists are too few entries to be written in parallel otherwise."""
    monkeypatch.setattr(files, "PARALLEL_WRITE_MIN_ROWS", 0)


def test_files_rendered_by_two_processes_are_byte_identical_to_one(
    result, tmp_path, monkeypatch, parallel
) -> None:  # type: ignore[no-untyped-def]
    # A small page budget makes the README an index of section pages, which the README's process makes.
    monkeypatch.setattr(files, "render_pages", functools.partial(render_pages, split_bytes=4_000))
    one = files.write_result(result, tmp_path / "one", jobs=1)
    monkeypatch.setattr(result, "timings", {})
    two = files.write_result(result, tmp_path / "two", jobs=2)
    assert any(name.startswith("topics/") for name in one.files)
    assert two.files == one.files
    assert _written(tmp_path / "two") == _written(tmp_path / "one")
    # `-v` still times every writer, those of the forked process too, and the staging left to this one.
    writers = [name for name in one.files if not name.startswith("topics/")]
    assert set(result.timings) == {*writers, "save"}


def test_a_writer_failing_in_its_process_stops_the_run_and_leaves_the_outputs(
    result, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    files.write_result(result, out, jobs=1)
    before = _written(out)

    def broken(_papers):  # type: ignore[no-untyped-def]
        raise RuntimeError("the JSON writer broke")

    monkeypatch.setattr(files, "papers_json", broken)
    first_rows_only = files.csv_chunks
    # The CSVs, rendered before the failure, differ from the files in place: they are staged when it comes.
    monkeypatch.setattr(files, "csv_chunks", lambda frame: first_rows_only(frame.head(1)))
    with pytest.raises(RuntimeError, match="the JSON writer broke"):
        files.write_result(result, out, jobs=2)
    assert _written(out) == before


@pytest.mark.parametrize("limit", ["too many entries", "too few rows"])
def test_a_run_outside_the_limits_renders_in_this_process(result, tmp_path, monkeypatch, limit) -> None:  # type: ignore[no-untyped-def]
    if limit == "too many entries":
        monkeypatch.setattr(files, "PARALLEL_WRITE_MIN_ROWS", 0)
        monkeypatch.setattr(files, "PARALLEL_WRITE_MAX_ENTRIES", len(result.entries) - 1)
    else:
        monkeypatch.setattr(files, "PARALLEL_WRITE_MIN_ROWS", len(result.entries) + len(result.papers) + 1)

    def no_processes(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a rendering process was started")

    monkeypatch.setattr(files.multiprocessing, "get_context", no_processes)
    written = files.write_result(result, tmp_path / "out", jobs=2)
    assert "README.md" in written.files


def test_an_interrupt_while_rendering_ends_the_process_and_leaves_outputs_and_no_spool(  # type: ignore[no-untyped-def]
    result, tmp_path, monkeypatch, parallel
) -> None:
    out = tmp_path / "out"
    files.write_result(result, out, jobs=1)
    before = _written(out)
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))

    def interrupted(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # Ctrl-C while this process renders the README, the other one working

    monkeypatch.setattr(files, "render_pages", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_result(result, out, group_by="year", jobs=2)
    assert _written(out) == before
    assert multiprocessing.active_children() == []
    assert list(spools.iterdir()) == []


def test_a_file_rendered_by_the_other_process_comes_back_a_piece_at_a_time(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Catches a spooled file read back whole: at 200,000 entries `review.csv` alone is over 100 MB,
    which this process held on top of the merge result."""
    monkeypatch.setattr(files, "_SPOOL_PIECE_BYTES", 1_000)
    big = "".join(f"row {i}\n" for i in range(2_000)).encode()
    writers = {"README.md": lambda: "# Papers\n", "entries.csv": lambda: big, "papers.json": lambda: "[]"}
    got = {}
    for name, content in files._rendered(writers, 2, None):
        if name == "README.md":
            got[name] = content
            continue
        assert isinstance(content, files.Streamed)
        pieces = list(content.pieces)
        assert all(len(piece) <= 1_000 for piece in pieces)
        got[name] = b"".join(pieces)
    assert got == {"README.md": "# Papers\n", "entries.csv": big, "papers.json": b"[]"}
