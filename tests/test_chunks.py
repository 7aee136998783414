"""Reading a list section by section, sections read before taken from a cache, gives what reading it whole
gives: the same entries (lines included) and the same warnings, in the same order."""

from __future__ import annotations

import random

import pytest
from conftest import SOURCES

from awesome_merge.parse import parse_text
from awesome_merge.parse.chunks import ChunkCache, parse_text_cached, split_points
from awesome_merge.read import read_source


def _same(text: str, cache: ChunkCache | None = None, source: str = "list.md") -> None:
    assert parse_text_cached(text, source, cache or ChunkCache()) == parse_text(text, source)


def _section(n: int, topic: str) -> str:
    items = "\n".join(
        f"- [A Study of {topic} Number {n} Part {i}](https://arxiv.org/abs/2401.{n:02d}{i:03d}) [[code]]"
        f"(https://github.com/x/{topic.lower()}{n}{i})"
        for i in range(6)
    )
    return f"## {topic} {n}\n\n{items}\n"


LIST = "\n".join(
    [
        "# Awesome Things",
        "",
        "A list of things. [![badge](https://img.shields.io/b.svg)](https://x.org)",
        "",
        *(_section(n, topic) for n, topic in enumerate(["Vision", "Language", "Speech", "Graphs"])),
        "### Conference",
        "",
        "- [NeurIPS](https://neurips.cc)",
        "- [ICML](https://icml.cc)",
        "",
        "## Tables",
        "",
        "| Title | Link |",
        "| --- | --- |",
        "| Learning to Read Tables Well | [paper](https://arxiv.org/abs/2402.00001) |",
        "| A Second Tabled Paper Here | [paper](https://arxiv.org/abs/2402.00002) |",
        "",
        "## Odd bits",
        "",
        "- [a link](ftp://example.org/file) with nothing to name it",
        "<!-- [Hidden Paper](https://arxiv.org/abs/2403.00001) [Other](https://arxiv.org/abs/2403.00002) -->",
        "",
        "**Bold Title Of One Paper**",
        "",
        "- Paper: https://arxiv.org/abs/2404.00001",
        "- Code: https://github.com/x/bold",
        "",
        "## Last",
        "",
        *(f"- [Final Section Paper Number {i}](https://arxiv.org/abs/2405.0000{i})" for i in range(5)),
    ]
)


def test_a_list_read_in_sections_reads_as_whole() -> None:
    assert len(split_points(LIST.split("\n"))) >= 5
    _same(LIST)


def test_versions_sharing_sections_read_from_the_cache_as_whole() -> None:
    """Lines added above, inside and below sections move what the cache holds: entries and warnings
    (the hidden-links warning quotes its lines) land where a whole read puts them."""
    cache = ChunkCache()
    rng = random.Random(7)
    lines = LIST.split("\n")
    for version in range(12):
        _same("\n".join(lines), cache, f"v{version}.md")
        at = rng.randrange(1, len(lines))
        lines.insert(
            at, f"- [Inserted Paper Number {version} Of Many](https://arxiv.org/abs/2406.{version:05d})"
        )
        if version % 3 == 0:
            lines.insert(rng.randrange(1, len(lines)), "")
    assert cache.hits > 0


@pytest.mark.parametrize(
    "tricky",
    [
        # a heading inside a fenced block left open by the piece before
        "```\ncode\n\n# not a heading\n\n```\n",
        "~~~~\n\n## also not\n~~~\n\n## still not\n~~~~\n",
        # an HTML comment over blank lines and headings
        "<!--\n\n## Hidden Section\n\n- [Hidden Paper Number One](https://arxiv.org/abs/2407.00001)\n\n-->\n",
        # an HTML table a blank line split, the reader reads it whole
        "<table>\n<tr><td><a href='https://arxiv.org/abs/2407.00002'>Tabled Paper Over A Blank</a></td></tr>\n"
        "\n## Inside The Table\n\n<tr><td><a href='https://arxiv.org/abs/2407.00003'>Second Tabled Paper</a>"
        "</td></tr>\n</table>\n",
        # link reference definitions used across sections
        "- [Referenced Paper Number One][one]\n\n## Defs\n\n[one]: https://arxiv.org/abs/2407.00004\n",
        # skip markers around sections
        "<!-- awesome-merge: skip -->\n\n## Skipped\n\n- [Skipped Paper One](https://arxiv.org/abs/2407.00005)\n"
        "\n<!-- awesome-merge: end skip -->\n",
        # lists nested past markdown-it's limit
        "- " * 120 + "[Deep Paper Number One](https://arxiv.org/abs/2407.00006)\n",
        # blocks over blank lines that only markdown-it tells apart: `<pre>`, `<script>`, `<?...?>`
        "<pre>\n" + "text\n" * 10 + "\n# pre text\n\n" + "more\n" * 10 + "</pre>\n",
        "<script>\n" + "x = 1\n" * 10 + "\n## js\n\n" + "y = 2\n" * 10 + "</script>\n",
        "<?php\n" + "echo 1;\n" * 10 + "\n# php\n\n" + "echo 2;\n" * 10 + "?>\n",
    ],
)
def test_constructs_that_run_across_headings(tricky: str) -> None:
    parts = LIST.split("## Tables")
    _same(parts[0] + tricky + "\n## Tables" + parts[1])


_ROLE_LINES = "".join(
    f"- {role}: https://example.org/{role.lower()}/{i}\n"
    for i in range(6)
    for role in ("Paper", "Code", "Video")
)
_ITEMS = "".join(
    f"{i + 1}. [Numbered Paper Title Number {i}](https://arxiv.org/abs/2408.{i:05d})\n"
    f"   lazy continuation text {i}\n  - [code](https://github.com/x/n{i})\n"
    for i in range(30)
)


@pytest.mark.parametrize(
    "lists",
    [
        # a title waiting above a long list of role links: the whole list is its links
        "**A Bold Title Of One Work**\n\n" + _ROLE_LINES,
        "### A Heading That Titles One Work\n\n" + _ROLE_LINES,
        "### A Heading That Titles One Work\n"
        + _ROLE_LINES
        + "- [A Paper Of Its Own Title](https://arxiv.org/abs/2408.1)\n",
        # ordered items with lazy and nested lines; a loose list
        _ITEMS,
        _ITEMS.replace("\n1", "\n\n1"),
        "- "
        + "\n- ".join(f"[Bulleted Paper Title {i}](https://arxiv.org/abs/2409.{i:05d})" for i in range(40))
        + "\n",
        # a thematic break among items, and items inside a fenced block
        "- [One Paper Title Here](https://arxiv.org/abs/2410.1)\n* * *\n- [Two Paper Title](https://arxiv.org/abs/2410.2)\n",
        "```\n" + _ITEMS + "```\n",
    ],
)
def test_lists_read_in_pieces_as_whole(lists: str) -> None:
    parts = LIST.split("## Tables")
    _same(parts[0] + lists + "\n## Tables" + parts[1])
    _same(lists)


def test_identical_files_read_once() -> None:
    cache = ChunkCache()
    _same(LIST, cache, "a.md")
    misses = cache.misses
    _same(LIST, cache, "b.md")
    assert cache.misses == misses


def test_a_small_cache_drops_old_sections_and_stays_right() -> None:
    cache = ChunkCache(max_entries=10)
    for n in range(3):
        _same(LIST + "\n" * n, cache)
    assert cache.entries <= 10 + 30  # one piece may exceed the budget alone


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.md")), ids=lambda p: p.name)
def test_bundled_lists_read_in_sections_as_whole(path) -> None:
    _same(read_source(path).text, source=path.name)


def test_the_per_file_parse_is_a_plain_function_of_a_path(tmp_path) -> None:
    """What a map over files in another engine calls: picklable, and the same with or without a cache."""
    import pickle

    from awesome_merge.parsing import parse_to_columns

    path = tmp_path / "list.md"
    path.write_text(LIST)
    function = pickle.loads(pickle.dumps(parse_to_columns))
    plain = function(path)
    cache = ChunkCache()
    assert function(path, cache) == plain == function(path, cache)
    assert pickle.loads(pickle.dumps(plain)) == plain and plain.count == len(plain.title_keys) > 0


def test_versions_of_one_list_go_to_one_parsing_process_in_order(tmp_path) -> None:
    """Versions (files sharing most lines) form one task, cut in as many runs of consecutive versions as
    there are processes when large; lists that share only a footer stay apart."""
    from awesome_merge.parsing import _work_units

    lines = LIST.split("\n")
    files = []
    for version in range(6):
        path = tmp_path / f"v{version}.md"
        path.write_text("\n".join(lines[: len(lines) - version]))
        files.append(path)
    for name in ("other.md", "third.md"):
        path = tmp_path / name
        path.write_text(f"# {name}\n\n- [Entirely Different Paper {name}](https://x.org/{name})\n" + "f" * 70)
        files.append(path)
    units = _work_units(files, 2)
    assert sorted(map(sorted, units)) == [[0, 1, 2], [3, 4, 5], [6], [7]]


def test_squash_folds_whitespace_as_the_regex_did_on_every_code_point() -> None:
    import re
    import sys

    from awesome_merge.text import squash

    spaces = re.compile(r"\s+")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        for text in (f"a{c}b", c, f" {c}{c} x{c}"):
            assert squash(text) == spaces.sub(" ", text).strip(), hex(code)
