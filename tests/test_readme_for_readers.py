"""The unified README speaks to readers: no curator notes, the lists' own names and sections as they
write them, and a page GitHub shows whole (one page per section when the list is long). Every list here
is invented."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from conftest import ROOT

from awesome_merge import merge
from awesome_merge.write import write_outputs
from awesome_merge.write.markdown import render_pages


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _readme(src: Path, out: Path) -> str:
    merge([src], jobs=1).write(out)
    return (out / "README.md").read_text(encoding="utf-8")


def test_the_bundled_readme_has_no_curator_note() -> None:
    text = (ROOT / "output" / "README.md").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if "⚠" in line] == []


def test_lists_are_named_by_their_first_heading_unless_the_config_names_them(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    _write(
        src,
        "someone--widget-papers.md",
        '<p align="center"><img src="logo.png"></p>\n\n# Awesome Widget Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n'
        "## Widgets\n\n- [Learning Widgets From Noisy Gadgets](https://arxiv.org/abs/2401.00001)\n",
    )
    _write(
        src,
        "other--gadgets.md",
        '<h1 align="center">Gadget Reading Notes</h1>\n\n## Gadgets\n\n'
        "- [Gadget Nets Learn From Small Widgets](https://arxiv.org/abs/2401.00002)\n",
    )
    text = _readme(src, tmp_path / "out")
    assert "| Awesome Widget Papers (local) | someone--widget-papers.md |" in text
    assert "| Gadget Reading Notes (local) | other--gadgets.md |" in text
    assert "lists: Awesome Widget Papers" in text and "lists: Gadget Reading Notes" in text
    _write(src, "awesome-merge.toml", '[list.names]\n"other--gadgets" = "Gadgets"\n')
    text = _readme(src, tmp_path / "named")
    assert "lists: Gadgets" in text and "lists: Awesome Widget Papers" in text


def _numbered_list() -> str:
    blocks = []
    # the list writes its sections from the last number down; its own table of contents counts up
    for number, name in ((3, "Gadgets"), (2, "Widget Repair(小部件 修复)"), (1, "Other(其它)")):
        blocks.append(
            f"## {number}.{name}\n\n"
            f"- [A Paper About {name.split('(')[0]} Number {number}](https://arxiv.org/abs/2402.0000{number})\n"
        )
    return "# Widget Papers 2031\n\n" + "\n".join(blocks)


def test_numbered_sections_lose_their_numbers_keep_their_order_and_are_never_cut(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    _write(src, "numbered.md", _numbered_list())
    sections = re.findall(r"^## (.+)$", _readme(src, tmp_path / "out"), re.M)
    assert sections == ["Contents", "Other(其它)", "Widget Repair(小部件 修复)", "Gadgets"]


def test_a_heading_ending_in_words_of_another_script_is_whole(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    _write(
        src,
        "cjk.md",
        "# Widget Papers\n\n## 4D Widgets(4D 重建)\n\n- [Four Dimensional Widgets at Scale](https://arxiv.org/abs/2403.00001)\n"
        "\n## 公告：全部更新完成！\n\n- [Announced Widgets Are Complete](https://arxiv.org/abs/2403.00002)\n",
    )
    sections = re.findall(r"^## (.+)$", _readme(src, tmp_path / "out"), re.M)
    assert sections == ["Contents", "4D Widgets(4D 重建)", "公告：全部更新完成！"]


def test_sections_of_the_same_name_in_two_lists_are_one_section(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    _write(
        src,
        "one.md",
        "# One\n\n## Widgets\n\n- [Widgets Learn Gadgets Quickly](https://arxiv.org/abs/2404.00001)\n",
    )
    _write(
        src,
        "two.md",
        "# Two\n\n## 1. widgets\n\n- [Gadgets Learn Widgets Slowly](https://arxiv.org/abs/2404.00002)\n",
    )
    text = _readme(src, tmp_path / "out")
    assert re.findall(r"^## (.+)$", text, re.M) == ["Contents", "Widgets"]
    assert "(2 papers)" in text


def _long_list(sections: int, per_section: int) -> str:
    out = ["# Many Widgets", ""]
    n = 0
    for s in range(sections):
        out += [f"## Widget Family {chr(65 + s)}", ""]
        for _ in range(per_section):
            n += 1
            out.append(
                f"- [Widget Study Number {n} On Gadget Behaviour](https://arxiv.org/abs/2405.{n:05d}) "
                f"[[code]](https://github.com/widgets/study-{n})"
            )
        out.append("")
    return "\n".join(out)


def test_a_long_list_is_one_page_per_section_with_readme_as_index(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    _write(src, "many.md", _long_list(4, 40))
    result = merge([src], jobs=1)
    pages = render_pages(result.papers, [], topic_order=result.topic_order, split_bytes=20_000)
    assert set(pages) == {"README.md"} | {f"topics/widget-family-{c}.md" for c in "abcd"}
    assert all(len(text.encode()) <= 20_000 for text in pages.values())
    index = pages["README.md"]
    assert "](topics/widget-family-a.md) (40 papers)" in index and "Widget Study Number" not in index
    for name, text in pages.items():
        for target in re.findall(r"\]\(([^)]+)\)", text):
            if target.startswith(("https://", "#")):
                continue
            path = (Path(name).parent / unquote(target.split("#")[0])).as_posix()
            assert not target.startswith("/") and re.sub(r"^topics/\.\./", "", path) in pages, (name, target)
    assert pages["topics/widget-family-b.md"].count("- [**Widget Study Number") == 40


def test_a_section_too_long_for_one_page_is_several_pages_linked_in_order(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    _write(src, "many.md", _long_list(1, 200))
    result = merge([src], jobs=1)
    limit = 20_000
    pages = render_pages(result.papers, [], topic_order=result.topic_order, split_bytes=limit)
    names = sorted(n for n in pages if n.startswith("topics/"))
    assert len(names) >= 2 and all(len(pages[n].encode()) <= limit for n in names)
    assert sum(pages[n].count("- [**Widget Study Number") for n in names) == 200  # every paper once
    first, second = pages["topics/widget-family-a.md"], pages["topics/widget-family-a-2.md"]
    assert "[page 2 →](widget-family-a-2.md)" in first and "[← page 1](widget-family-a.md)" in second
    assert "](topics/widget-family-a-2.md)" in pages["README.md"]


def test_split_pages_are_written_and_those_of_an_earlier_run_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    marker = "<!-- Generated by awesome-merge: change the source lists or the config, not this file -->\n"
    first = {
        "README.md": marker + "# index\n",
        "topics/a.md": marker + "# A\n",
        "topics/b.md": marker + "# B\n",
    }
    assert sorted(write_outputs(out, first)) == ["README.md", "topics/a.md", "topics/b.md"]
    (out / "topics" / "mine.md").write_text("# notes of my own\n", encoding="utf-8")
    changed = write_outputs(out, {"README.md": marker + "# one page\n"})
    assert sorted(changed) == ["README.md", "topics/a.md", "topics/b.md"]
    assert sorted(p.name for p in (out / "topics").iterdir()) == ["mine.md"]  # a file of one's own stays


def test_a_small_list_is_one_page() -> None:
    text = (ROOT / "output" / "README.md").read_text(encoding="utf-8")
    assert "topics/" not in text and not (ROOT / "output" / "topics").exists()


def test_the_projects_readme_states_what_the_bundled_output_says() -> None:
    """The counts the project's README gives for the bundled lists are those of `output/README.md`."""
    claim = re.search(r"(\d+) lists, (\d+) entries, (\d+) papers\)", (ROOT / "README.md").read_text())
    header = re.search(
        r"merges (\d+) awesome lists: \*\*(\d+)\*\* entries read, \*\*(\d+)\*\* papers",
        (ROOT / "output" / "README.md").read_text(encoding="utf-8"),
    )
    assert claim and header and claim.groups() == header.groups()
