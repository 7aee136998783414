"""The writers work per column, not per cell: the same bytes as the per-cell code they replaced, the one
write path's protections and timings, and growth exponents for the writers.

The per-cell reference code below is the writers' code before the change, kept here to compare against.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import whole
from growth import MADE_UP_WORDS, MAX_EXPONENT, made_up_word, memory_exponent, time_exponent
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge import merge
from awesome_merge.model import MergeResult
from awesome_merge.write import OutputError, bibtex, tables
from awesome_merge.write.files import each_file
from awesome_merge.write.markdown import clean_text
from awesome_merge.write.tables import _FORMULA_START, _cell, _json_value, csv_pieces, papers_json

# ----------------------------------------------------------------------------- the per-cell reference


def _old_clean_text(text: object) -> str:
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    s = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in str(text))
    return re.sub(r"\s+", " ", s).strip()


def _old_csv_row(cells: list[str]) -> str:
    quoted = ['"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\r\n') else c for c in cells]
    return ",".join(quoted) + "\n"


def frame_csv(frame: pd.DataFrame) -> str:
    """The CSV writer's text, all pieces joined."""
    return "".join(csv_pieces(frame))


def _old_frame_csv(frame: pd.DataFrame) -> str:
    columns = [str(c) for c in frame.columns]
    lines = [_old_csv_row(["'" + c if c.startswith(_FORMULA_START) else c for c in columns])]
    url_columns = [
        ("many" if c.endswith("_urls") else "one") if (c == "url" or c.endswith(("_url", "_urls"))) else ""
        for c in columns
    ]
    for row in frame.itertuples(index=False, name=None):
        lines.append(_old_csv_row([_cell(v, u) for v, u in zip(row, url_columns, strict=True)]))
    return "".join(lines)


def _old_papers_json(papers: pd.DataFrame) -> str:
    columns = [str(c) for c in papers.columns]
    records = [
        {c: _json_value(c, v) for c, v in zip(columns, row, strict=True)}
        for row in papers.itertuples(index=False, name=None)
    ]
    return json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _old_papers_bibtex(papers: pd.DataFrame) -> str:
    """`papers_bibtex` as it was, row by row from a dict per paper."""
    b = bibtex
    names = [str(c) for c in papers.columns]
    columns = [papers.iloc[:, k].to_numpy(dtype=object).tolist() for k in range(len(names))]
    rows = [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)] if columns else []
    rows = rows or [{} for _ in range(len(papers))]
    made = []
    for row in rows:
        authors = [a for a in (clean_text(a) for a in b._text(row.get("authors", "")).split(";")) if a]
        year = b._year(row.get("year"))
        made.append((row, authors, year, b.citation_key(authors, year, b._text(row.get("title", "")))))
    keys = b._unique_keys([key for *_, key in made])
    entries = []
    for (row, authors, year, _), key in zip(made, keys, strict=True):
        venue = b.canonical_venue(b._text(row.get("venue", "")))
        arxiv_id = b._text(row.get("arxiv_id", ""))
        kind, venue_field = b.entry_type(venue, arxiv_id)
        fields = [("title", "{" + (b.bib_escape(row.get("title", "")) or "Untitled") + "}")]
        if authors:
            fields.append(("author", " and ".join(b._bib_author(a) for a in authors)))
        if venue_field:
            fields.append((venue_field, b.bib_escape(venue)))
        if year is not None:
            fields.append(("year", str(year)))
        doi = b._text(row.get("doi", ""))
        if doi:
            fields.append(("doi", doi.translate(b._VERBATIM_TABLE)))
        if arxiv_id:
            fields += [("eprint", arxiv_id.translate(b._VERBATIM_TABLE)), ("archivePrefix", "arXiv")]
        url = b._http(b._text(row.get("url", "")))
        if url:
            fields.append(("url", url.translate(b._VERBATIM_TABLE)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


# ------------------------------------------------------------------------------------- tricky values

TRICKY = [
    "",
    " ",
    "plain title",
    '=HYPERLINK("http://x")',
    "+1",
    "-",
    "@user",
    "\tTab first",
    "\rreturn first",
    'a "quoted", comma',
    "two\nlines\r\nand\rreturns",
    "  spaced   out  ",
    "nul\x00and\x1fbell\x07",
    "del\x7fc1\x85\x9f",
    "lone surrogate \ud800 here",
    "nbsp\xa0and\u2028line\u3000ideo",
    "zero\u200bwidth\ufeffbom",
    "émoji 🚀 and 中文",
    "https://arxiv.org/abs/2401.00001",
    "http://a.b/c http://d.e/f javascript:alert(1)",
    "javascript:alert(1)",
    'https://x.org/a,b"c',
    "https://x.org/\r\nsplit",
    "a;b; ;c",
    "10.1145/3485447.3511988",
]
_text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12), st.none())
_NAMES = ["title", "url", "alt_urls", "code_url", "authors", "topics", "sources", "=formula", "plain, name"]


@st.composite
def _frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(0, 6))
    names = draw(st.lists(st.sampled_from(_NAMES), unique=True, max_size=6))
    data: dict[str, object] = {}
    for name in names:
        dtype = draw(st.sampled_from(["string", "object", "str"]))
        data[name] = pd.array([draw(_text) for _ in range(n)], dtype=dtype)
    if draw(st.booleans()):
        data["year"] = pd.array(
            [draw(st.one_of(st.none(), st.integers(1900, 2100))) for _ in range(n)], "Int64"
        )
    if draw(st.booleans()):
        floats = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 5))
        data["score"] = [draw(floats) for _ in range(n)]
    return pd.DataFrame(data, index=range(n))


@settings(max_examples=300, deadline=None)
@given(_frames())
def test_csv_per_column_writes_what_per_cell_wrote(frame: pd.DataFrame) -> None:
    assert frame_csv(frame) == _old_frame_csv(frame)


@settings(max_examples=150, deadline=None)
@given(_frames(), st.integers(1, 3))
def test_csv_and_json_in_pieces_of_rows_write_what_one_piece_wrote(frame: pd.DataFrame, rows: int) -> None:
    # A large file is built a few rows at a time: the pieces' seams must not show (a lost or doubled
    # line ending or comma, quoting decided for one piece and not the next).
    whole_csv, whole_json = frame_csv(frame), "".join(tables.json_pieces(frame))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tables, "CHUNK_ROWS", rows)
        assert frame_csv(frame) == whole_csv == _old_frame_csv(frame)
        assert "".join(tables.json_pieces(frame)) == whole_json == _old_papers_json(frame)


@settings(max_examples=300, deadline=None)
@given(_frames())
def test_json_per_column_writes_what_json_dumps_wrote(frame: pd.DataFrame) -> None:
    old = _old_papers_json(frame)
    try:
        expected = old.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file can hold it, before or after
        with pytest.raises(UnicodeEncodeError):
            papers_json(frame)
        return
    assert papers_json(frame) == expected


_BIB_TEXT = st.one_of(
    _text,
    st.sampled_from(["NeurIPS 2023", "NIPS", "arXiv", "Journal of Widgets", "Doe, Jane; and others", "x"]),
)


@st.composite
def _bib_frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(0, 6))
    names = draw(
        st.lists(st.sampled_from(["title", "authors", "venue", "arxiv_id", "doi", "url"]), unique=True)
    )
    data: dict[str, object] = {
        name: pd.array([draw(_BIB_TEXT) for _ in range(n)], dtype="string") for name in names
    }
    if draw(st.booleans()):
        data["year"] = pd.array(
            [draw(st.one_of(st.none(), st.integers(1900, 2100))) for _ in range(n)], "Int64"
        )
    return pd.DataFrame(data, index=range(n))


@settings(max_examples=300, deadline=None)
@given(_bib_frames())
def test_bibtex_per_column_writes_what_per_paper_wrote(frame: pd.DataFrame) -> None:
    assert bibtex.papers_bibtex(frame) == _old_papers_bibtex(frame)


def test_frames_without_columns_or_rows_write_as_before() -> None:
    for frame in (pd.DataFrame(index=range(3)), pd.DataFrame({"title": pd.array([], "string")})):
        assert frame_csv(frame) == _old_frame_csv(frame)
        assert papers_json(frame) == _old_papers_json(frame).encode("utf-8")
        assert bibtex.papers_bibtex(frame) == _old_papers_bibtex(frame)


def test_clean_text_matches_the_per_character_test_on_every_code_point() -> None:
    every = "".join(chr(i) for i in range(sys.maxunicode + 1))
    assert clean_text(every) == _old_clean_text(every)
    rng = random.Random(0)
    for i in list(range(0x3100)) + [rng.randrange(sys.maxunicode + 1) for _ in range(3000)]:
        for text in (chr(i), f"a{chr(i)}b", f" {chr(i)}", f"{chr(i)}  x "):
            assert clean_text(text) == _old_clean_text(text), hex(i)
    for value in (*TRICKY, None, pd.NA, float("nan"), 12, 2.5):
        assert clean_text(value) == _old_clean_text(value)


# -------------------------------------------------------------------------------- the one write path

LIST = "# List\n\n- [A federated paper with a long enough title](https://arxiv.org/abs/2402.11505)\n"


def test_the_library_write_refuses_the_folder_of_a_lone_source_as_the_command_does(tmp_path: Path) -> None:
    source = tmp_path / "README.md"
    source.write_text(LIST, encoding="utf-8")
    result = merge([source])
    with pytest.raises(OutputError, match="refusing"):
        result.write(tmp_path)
    assert source.read_text(encoding="utf-8") == LIST
    runner = CliRunner()
    from awesome_merge.cli import main

    done = runner.invoke(main, [str(source), "-o", str(tmp_path)])
    assert done.exit_code == 1 and "refusing" in done.output
    # A folder below the lone source's is not where the source lives: both write there.
    assert "README.md" in result.write(tmp_path / "lib")
    done = runner.invoke(main, [str(source), "-o", str(tmp_path / "cli")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "lib" / "papers.csv").read_bytes() == (tmp_path / "cli" / "papers.csv").read_bytes()


def test_the_library_write_refuses_a_sources_folder_and_below_it(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "list.md").write_text(LIST, encoding="utf-8")
    result = merge([folder])
    for target in (folder, folder / "out"):
        with pytest.raises(OutputError, match="sources folder"):
            result.write(target)


def test_writing_is_timed_per_file_and_shown_by_verbose(tmp_path: Path) -> None:
    source = tmp_path / "src" / "list.md"
    source.parent.mkdir()
    source.write_text(LIST, encoding="utf-8")
    result = merge([source])
    written = result.write(tmp_path / "out")
    for name in [*written, "save"]:
        assert result.timings[name] >= 0, name
    from awesome_merge.cli import main

    done = CliRunner().invoke(main, [str(source), "-o", str(tmp_path / "cli"), "-v"])
    line = next(x for x in done.output.splitlines() if x.startswith("timings: "))
    for stage in (
        "parse",
        "merge",
        "README.md",
        "papers.csv",
        "papers.json",
        "papers.bib",
        "save",
        "command",
    ):
        assert re.search(rf"\b{re.escape(stage)} \d+\.\d\ds", line), stage


# ----------------------------------------------------------------------------------- growth exponents

_word = made_up_word


def _merged(n: int, root: Path) -> object:
    """n entries in two lists, a fifth of them the same paper in both, under a few headings."""
    rng = random.Random(n)
    words = [_word(k) for k in rng.sample(range(MADE_UP_WORDS), n)]
    folder = root / f"n{n}"
    folder.mkdir()
    for side in (0, 1):
        lines = ["# List", ""]
        for i in range(n // 2):
            k = i if side == 0 or i % 5 == 0 else n // 2 + i
            if i % 50 == 0:
                lines += ["", f"## Topic {i // 50 % 7}", ""]
            title = " ".join(words[(k * 7 + j) % n] for j in range(6))
            lines.append(
                f"- [{title.title()}](https://arxiv.org/abs/2401.{k:05d}) Jane Doe, Li Wei. CVPR 2024."
            )
        (folder / f"list{side}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return merge([folder], jobs=1)


def _all_files(result: MergeResult) -> dict[str, bytes]:
    """Every output's content at once, as a caller that keeps them all would hold them."""
    return {name: whole(content) for name, content in each_file(result)}


@pytest.fixture(scope="module")
def _results(tmp_path_factory: pytest.TempPathFactory) -> dict[int, object]:
    root = tmp_path_factory.mktemp("growth")
    return {n: _merged(n, root) for n in (200, 800, 3200)}


def test_writing_time_grows_linearly(_results: dict[int, object]) -> None:
    """Catches a writer that rescans every paper per paper (quadratic in the papers written)."""
    exponent = time_exponent(_results.__getitem__, _all_files, 200)  # type: ignore[arg-type]
    assert exponent < MAX_EXPONENT, exponent


def test_writing_memory_grows_linearly(_results: dict[int, object]) -> None:
    exponent = memory_exponent(_results.__getitem__, _all_files, 200)  # type: ignore[arg-type]
    assert exponent < MAX_EXPONENT, exponent
