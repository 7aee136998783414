"""Files written piece by piece (the CSVs: a row per entry, a row per pair to review) are written, left
alone when unchanged, refused over a file the tool did not write, and compared by `--check` exactly as
files held whole are; a writer failing half-way leaves the folder as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_merge.write import OutputError, diff_outputs, write_outputs
from awesome_merge.write.output import GENERATED_MARK, Streamed

ROWS = [b"cluster_id,title\n", *(f"p{i},Learning Widget {i}\n".encode() for i in range(2_000))]


def _streamed(rows: list[bytes] = ROWS, size: int = 7) -> Streamed:
    """The rows in pieces of `size` rows, cut where a piece of the file need not end a line."""
    data = b"".join(rows)
    step = max(1, len(data) // size)
    return Streamed(data[i : i + step] for i in range(0, len(data), step))


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_streamed_file_is_written_whole_and_left_alone_when_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert write_outputs(out, {"review.csv": _streamed(), "README.md": "# hi\n"}) == [
        "review.csv",
        "README.md",
    ]
    assert (out / "review.csv").read_bytes() == b"".join(ROWS)
    old = 1_000_000_000
    os.utime(out / "review.csv", (old, old))
    assert write_outputs(out, {"review.csv": _streamed(size=3)}) == []  # other cuts, same bytes
    assert (out / "review.csv").stat().st_mtime == old
    assert _listing(out) == ["README.md", "review.csv"]  # the staged copy of an unchanged file is gone
    changed = [*ROWS[:-1], b"p1999,Learning Widget 1999 Again\n"]
    assert write_outputs(out, {"review.csv": _streamed(changed)}) == ["review.csv"]
    assert (out / "review.csv").read_bytes() == b"".join(changed)
    assert _listing(out) == ["README.md", "review.csv"]


def test_check_compares_a_streamed_file_with_the_one_in_place(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_outputs(out, {"review.csv": _streamed()})
    assert diff_outputs(out, {"review.csv": _streamed(size=11)}) == []
    assert diff_outputs(out, {"review.csv": _streamed(ROWS[:-1])}) == ["review.csv"]  # shorter
    assert diff_outputs(out, {"review.csv": _streamed([*ROWS, b"p,x\n"])}) == ["review.csv"]  # longer
    assert diff_outputs(out, {"review.csv": _streamed([ROWS[0].upper(), *ROWS[1:]])}) == ["review.csv"]
    assert diff_outputs(tmp_path / "none", {"review.csv": _streamed()}) == ["review.csv"]
    assert (out / "review.csv").read_bytes() == b"".join(ROWS)


def test_a_streamed_file_never_replaces_a_file_the_tool_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "review.csv").write_bytes(b"name,phone\nAnn,555\n")  # a curator's own table
    with pytest.raises(OutputError, match=r"refusing to replace .*review\.csv.*--force"):
        write_outputs(out, {"review.csv": _streamed()})
    assert (out / "review.csv").read_bytes() == b"name,phone\nAnn,555\n"
    assert _listing(out) == ["review.csv"]
    (out / "review.csv").write_bytes(b"cluster_id,title\np0,An Earlier Run\n")  # the tool's: same header
    assert write_outputs(out, {"review.csv": _streamed()}) == ["review.csv"]
    (out / "review.csv").write_bytes(b"name,phone\nAnn,555\n")
    assert write_outputs(out, {"review.csv": _streamed()}, force=True) == ["review.csv"]
    assert (out / "review.csv").read_bytes() == b"".join(ROWS)


def test_a_writer_failing_half_way_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    one, two = f"<!-- {GENERATED_MARK} -->\n# one\n", f"<!-- {GENERATED_MARK} -->\n# two\n"
    write_outputs(out, {"README.md": one, "review.csv": _streamed()})

    def broken() -> Iterator[bytes]:
        yield ROWS[0]
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_outputs(out, {"README.md": two, "review.csv": Streamed(broken())})
    assert (out / "README.md").read_text() == one
    assert (out / "review.csv").read_bytes() == b"".join(ROWS)
    assert _listing(out) == ["README.md", "review.csv"]  # no staged file left behind


def test_a_streamed_page_gets_the_generated_marker_on_its_first_line() -> None:
    from awesome_merge.write.files import with_marker

    marked = with_marker("README.md", Streamed(iter([b"# Papers\n", b"- one\n"])))
    assert isinstance(marked, Streamed)
    text = b"".join(marked.pieces).decode()
    assert text.splitlines()[0].startswith("<!-- " + GENERATED_MARK) and text.endswith("# Papers\n- one\n")
    assert with_marker("papers.csv", plain := Streamed(iter([b"a\n"]))) is plain  # CSV carries none


def _json_rows(key: str, n: int = 3_000) -> bytes:
    """A JSON array of objects past the first lines' 64 KB: only the whole file shows its keys."""
    return (
        "[\n" + ",\n".join(f'{{"{key}": "Learning Widget {i}", "url": ""}}' for i in range(n)) + "\n]\n"
    ).encode()


def test_a_streamed_json_file_is_told_by_its_keys_as_a_whole_one_is(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    new = _json_rows("title")
    (out / "papers.json").write_bytes(b'[{"name": "Ann", "phone": "555"}]\n')
    with pytest.raises(OutputError, match=r"refusing to replace .*papers\.json"):
        write_outputs(out, {"papers.json": Streamed(iter([new[:50_000], new[50_000:]]))})
    (out / "papers.json").write_bytes(_json_rows("title", 2_500))  # the tool's, from an earlier run
    assert write_outputs(out, {"papers.json": Streamed(iter([new[:50_000], new[50_000:]]))}) == [
        "papers.json"
    ]
    assert (out / "papers.json").read_bytes() == new
    assert _listing(out) == ["papers.json"]


def test_a_streamed_json_file_with_nothing_in_the_way_is_not_read_back(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Catches the staged file read whole to tell it from a file that is not there: the `papers.json` of
    200,000 entries is 40 MB read for nothing."""
    read: list[str] = []
    real = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    new = _json_rows("title")
    assert write_outputs(tmp_path / "out", {"papers.json": Streamed(iter([new[:50_000], new[50_000:]]))}) == [
        "papers.json"
    ]
    assert read == []
    monkeypatch.setattr(Path, "read_bytes", real)
    assert (tmp_path / "out" / "papers.json").read_bytes() == new
