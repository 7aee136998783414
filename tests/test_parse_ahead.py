"""The command reads the lists in a forked process while it imports pandas and the rest of the run: the
lists read ahead must be read exactly as this process reads them, and the reading must never need pandas
(else the overlap is silently lost and every short run waits for both, one after the other)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from awesome_merge import merge
from awesome_merge.parse.vocabulary import use_words
from awesome_merge.parsing import Parsing, start_parsing
from awesome_merge.source_files import find_sources

SOURCES = Path(__file__).resolve().parent.parent / "sources"
# Read with the config's words only: `Kodu` a code link, `Gadgetfest` a venue.
WIDGETS = (
    "# Widgets\n\n"
    "- [Learning Widgets from Gadgets](https://example.org/widgets), Gadgetfest 2023."
    " [Kodu](https://example.org/widgets-src.zip)\n"
)
WORDS = {"code": ("kodu",), "venue": ("Gadgetfest",)}


@pytest.fixture(autouse=True)
def _built_in_words():
    """Collecting sets the config's words in this process too, as a run does: the next test reads without."""
    use_words()
    yield
    use_words()


def _folder(tmp_path: Path) -> list[Path]:
    """The bundled lists, and files a reader must warn about: undecodable bytes, a binary file."""
    folder = tmp_path / "lists"
    folder.mkdir()
    for path in sorted(SOURCES.glob("*.md")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "latin1.md").write_bytes(
        "# Liste\n\n- [Caf\u00e9 Widgets For Gadget Learning](https://arxiv.org/abs/2401.00001)\n".encode(
            "latin-1"
        )
    )
    (folder / "widgets.md").write_text(WIDGETS, encoding="utf-8")
    (folder / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return find_sources([folder])[0]


def test_lists_read_ahead_are_read_as_this_process_reads_them(tmp_path: Path) -> None:
    files = _folder(tmp_path)
    with start_parsing(files, 2, WORDS, ahead=True) as ahead:
        read_ahead = ahead.collect()
    here = Parsing(files, 1, WORDS).collect()
    assert read_ahead == here  # entries, lines, keys and every warning, file by file, in order
    assert [p.name for p in here] == [f.name for f in files]
    picture = next(p for p in here if p.name == "picture.md")
    assert not picture.readable and picture.diagnostics  # the binary file: a warning, not a crash
    assert sum(p.count for p in here) > 300
    widgets = next(p for p in here if p.name == "widgets.md").columns
    assert (widgets["code_url"], widgets["venue"]) == (
        ["https://example.org/widgets-src.zip"],
        ["Gadgetfest"],
    )


def test_reading_a_list_never_imports_pandas() -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from awesome_merge.parsing import parse_to_columns
        for path in sorted(Path({str(SOURCES)!r}).glob("*.md")):
            assert parse_to_columns(path).count > 0
        print(sorted(m for m in ("pandas", "numpy") if m in sys.modules))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_command_reads_in_another_process_begun_before_it_imports_pandas(tmp_path: Path) -> None:
    """Before: pandas not yet imported. After: this process never imported the reader (markdown-it), so
    the reading was all done by the other process, meanwhile."""
    script = textwrap.dedent(
        f"""
        import sys
        import awesome_merge.parsing as parsing
        begin = parsing.start_parsing

        def spy(*args, **kwargs):
            print("pandas imported:", "pandas" in sys.modules, file=sys.stderr)
            return begin(*args, **kwargs)

        parsing.start_parsing = spy
        from awesome_merge.cli import main
        try:
            main([{str(SOURCES)!r}, "-o", {str(tmp_path / "out")!r}, "-q"])
        finally:
            print("reader imported:", "markdown_it" in sys.modules, file=sys.stderr)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "pandas imported: False" in done.stderr
    assert "reader imported: False" in done.stderr
    assert (tmp_path / "out" / "README.md").is_file()


def test_a_merge_refuses_a_parse_begun_on_other_files(tmp_path: Path) -> None:
    files = _folder(tmp_path)
    with (
        start_parsing(files[:2], 2, {}, ahead=True) as parsing,
        pytest.raises(ValueError, match="other files"),
    ):
        merge([tmp_path / "lists"], jobs=2, parsing=parsing)
