"""Tests for awesome_merge.write: what a user sees in the README and the data files, and how they are written."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from conftest import MD, SPEC_PAPER_COLUMNS, flat, plain
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from awesome_merge.write import (
    OutputError,
    SourceInfo,
    diff_outputs,
    papers_bibtex,
    papers_csv,
    papers_json,
    render_readme,
    report_csv,
    review_csv,
    write_outputs,
)
from awesome_merge.write.markdown import SKIP_END, SKIP_START, github_slug, safe_url

PAPER_COLUMNS = [*SPEC_PAPER_COLUMNS, "alt_urls", "sections"]
LISTS = [
    SourceInfo("yh-yao-awesome-federated-llm.md", "https://github.com/yh-yao/awesome-federated-large-language-models", 3),
    SourceInfo("longtanle-awesome-federated-llm-learning.md", "", 2),
    SourceInfo("lishenghui-awesome-fm-fl.md", "https://raw.githubusercontent.com/lishenghui/awesome-fm-fl/main/README.md", 2),
]  # fmt: skip
YH, LT, LS = (s.name for s in LISTS)
HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "a | b",
    "use `rm -rf` now",
    "<!-- hidden -->",
    "**bold** and _it_",
    "# heading\n- item\n> quote",
    "&lt;b&gt; &amp; ![img](https://evil.example/x.png) <https://evil.example>",
    "1. ordered",
    "- dash",
    "trailing backslash \\",
    "$x^2$ ~~gone~~ {attr}",
]
BAD_URLS = ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "JaVaScRiPt:alert(2)"]


def paper(cluster_id: str, title: str, **fields: object) -> dict[str, object]:
    row: dict[str, object] = {c: "" for c in PAPER_COLUMNS}
    row.update(cluster_id=cluster_id, title=title, year=None, n_entries=1)
    row.update(fields)
    return row


def frame(*rows: dict[str, object]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=PAPER_COLUMNS)
    types = {c: "string" for c in PAPER_COLUMNS} | {"year": "Int64", "n_entries": "int64"}
    return df.astype(types)


@pytest.fixture
def papers() -> pd.DataFrame:
    return frame(
        paper("arxiv:2409.15723", "FedLLM Bench", url="https://arxiv.org/abs/2409.15723", arxiv_id="2409.15723",
              venue="NeurIPS", year=2024, authors="Rui Ye; Rui Ge; Xinyu Zhu; Jingyi Chai",
              code_url="https://github.com/rui-ye/FedLLM-Bench", topics="Benchmarks; Fine-tuning",
              sources=f"{YH};{LT}", n_entries=2,
              alt_urls="https://openreview.net/forum?id=abc https://arxiv.org/abs/2409.15723"),
        paper("doi:10.1145/3485447.3511988", "a Federated Prompt", url="https://dl.acm.org/doi/10.1145/3485447.3511988",
              doi="10.1145/3485447.3511988", venue="WWW 2022", year=2022, authors="Ann Lee",
              topics="Fine-tuning", sources=f"{LS};{YH}", n_entries=2),
        paper("url:3f2a9c1b7d2e", "Zeta tuning", url="https://example.org/zeta", year=2022, topics="Fine-tuning",
              sources=LT),
        paper("arxiv:2401.00001", "Untopical", arxiv_id="2401.00001", sources=LS),
    )  # fmt: skip


# ------------------------------------------------------------------------------------------- helpers


def headings(text: str) -> list[tuple[int, str]]:
    tokens = MD.parse(text)
    return [(int(t.tag[1]), plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def hrefs(text: str) -> list[str]:
    return [str(t.attrs["href"]) for t in flat(MD.parse(text)) if t.type == "link_open"]


def assert_safe_markdown(text: str) -> None:
    tokens = flat(MD.parse(text))
    ours = (SKIP_START + "\n", SKIP_END + "\n")  # the writer's own skip markers, never source text
    raw = [t for t in tokens if t.type in ("html_inline", "html_block", "image") and t.content not in ours]
    assert not raw
    slugs: dict[str, int] = {}
    anchors = {github_slug(h, slugs) for _, h in headings(text)}
    for href in hrefs(text):
        if href.startswith("#"):
            assert unquote(href[1:]) in anchors, href
        else:
            assert re.match(r"https?://[^/]", href), href
    assert text.endswith("\n") and not text.endswith("\n\n")


def section_titles(text: str) -> dict[str, list[str]]:
    """Section heading -> visible titles of its paper bullets, in order."""
    tokens = MD.parse(text)
    sections: dict[str, list[str]] = {}
    current = None
    for i, t in enumerate(tokens):
        if t.type == "heading_open" and t.tag == "h2":
            current = plain(tokens[i + 1])
            sections[current] = []
        elif t.type == "inline" and current not in (None, "Contents") and t.level == 3:
            children = t.children or []
            if children and children[0].type == "link_open":
                end = next(j for j, c in enumerate(children) if c.type == "link_close")
                sections[current].append("".join(c.content for c in children[1:end]))
            else:  # an unlinked title ends at the venue or at the line break before the details
                end = next((j for j, c in enumerate(children) if c.type in ("hardbreak", "softbreak")), None)
                first = Token("inline", "", 0, children=children[:end])
                sections[current].append(plain(first).split(" · ")[0])
    sections.pop("Contents", None)
    return sections


# -------------------------------------------------------------------------------------------- README


def test_header_says_what_was_merged(papers: pd.DataFrame) -> None:
    text = render_readme(papers, LISTS)
    assert text.startswith("# Merged paper list\n")  # no field in the code: the title comes from [list]
    assert "**7** entries read, **4** papers after merging, **3** duplicates merged" in text
    assert "do not edit this file by hand" in text.lower()
    links = hrefs(text)
    assert "https://github.com/yh-yao/awesome-federated-large-language-models" in links
    assert "https://github.com/lishenghui/awesome-fm-fl" in links  # raw file shown as its repository page
    assert "| federated-llm-learning \\(local\\)" not in text
    assert (
        "longtanle-federated-llm-learning (local) | longtanle-awesome-federated-llm-learning.md | 2 |" in text
    )
    assert_safe_markdown(text)


def test_toc_anchors_resolve_to_headings(papers: pd.DataFrame) -> None:
    for group_by in ("topic", "year", "source"):
        text = render_readme(papers, LISTS, group_by=group_by)
        assert_safe_markdown(text)
        toc = [h for h in hrefs(text) if h.startswith("#") and h != "#contents"]  # not the links back up
        assert len(toc) == len(section_titles(text))


def test_duplicate_headings_get_github_suffixes() -> None:
    seen: dict[str, int] = {}
    assert [github_slug(t, seen) for t in ["Privacy", "Privacy", "Privacy-1", "Privacy"]] == [
        "privacy", "privacy-1", "privacy-1-1", "privacy-2",
    ]  # fmt: skip
    assert github_slug("Fine-tuning & PEFT (2024)!") == "fine-tuning--peft-2024"
    assert github_slug("Über Ölmodelle") == "über-ölmodelle"
    # a topic whose slug collides with the page title still resolves
    text = render_readme(frame(paper("a:1", "A", topics="Contents")), [], title="Contents")
    assert "[Contents](#contents-2)" in text
    assert_safe_markdown(text)


@pytest.mark.parametrize("group_by", ["topic", "year", "source"])
def test_every_paper_exactly_once(papers: pd.DataFrame, group_by: str) -> None:
    shown = [
        t
        for titles in section_titles(render_readme(papers, LISTS, group_by=group_by)).values()
        for t in titles
    ]
    assert sorted(shown) == sorted(papers["title"])


def test_topic_sections_follow_topic_order_then_alphabet_other_last(papers: pd.DataFrame) -> None:
    more = pd.concat([papers, frame(paper("x:1", "Alpha", topics="Agents"))], ignore_index=True)
    sections = section_titles(render_readme(more, LISTS, topic_order=["Fine-tuning"]))
    assert list(sections) == ["Fine-tuning", "Agents", "Benchmarks", "Other"]
    # newest first, then title ignoring case, then cluster id
    assert sections["Fine-tuning"] == ["a Federated Prompt", "Zeta tuning"]


def test_year_and_source_sections(papers: pd.DataFrame) -> None:
    by_year = section_titles(render_readme(papers, LISTS, group_by="year"))
    assert list(by_year) == ["2024", "2022", "Unknown year"]
    assert by_year["2022"] == ["a Federated Prompt", "Zeta tuning"]
    by_source = section_titles(render_readme(papers, LISTS, group_by="source"))
    assert by_source == {
        "yh-yao-federated-llm": ["FedLLM Bench", "a Federated Prompt"],
        "longtanle-federated-llm-learning": ["Zeta tuning"],
        "lishenghui-fm-fl": ["Untopical"],
    }
    with pytest.raises(ValueError, match="group_by"):
        render_readme(papers, LISTS, group_by="venue")


def test_paper_line_layout(papers: pd.DataFrame) -> None:
    text = render_readme(papers, LISTS)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "FedLLM Bench" in line)
    # bold linked title and venue, a hard line break, then authors, links and lists on the item's second line
    assert lines[at : at + 2] == [
        "- [**FedLLM Bench**](https://arxiv.org/abs/2409.15723) · *NeurIPS 2024*\\",
        "  Rui Ye, Rui Ge, Xinyu Zhu et al. · [code](https://github.com/rui-ye/FedLLM-Bench)"
        " · other versions: [openreview.net](https://openreview.net/forum?id=abc)"
        " · lists: yh-yao-federated-llm, longtanle-federated-llm-learning",
    ]
    at = next(i for i, line in enumerate(lines) if "Federated Prompt" in line)
    assert lines[at].endswith("· *WWW 2022*\\")  # year not repeated
    assert lines[at + 1].startswith("  Ann Lee · [DOI](https://doi.org/10.1145/3485447.3511988)")
    assert lines[at + 1].endswith("lists: yh-yao-federated-llm, lishenghui-fm-fl")  # lists in header order
    at = next(i for i, line in enumerate(lines) if "Untopical" in line)
    assert lines[at : at + 2] == [
        "- **Untopical**\\",
        "  [arXiv](https://arxiv.org/abs/2401.00001) · lists: lishenghui-fm-fl",
    ]
    # rendered, each item is one paragraph: the title line, a line break, the details
    html = MarkdownIt("commonmark").render(text)
    assert '<li><a href="https://arxiv.org/abs/2409.15723"><strong>FedLLM Bench</strong></a> ' in html
    assert "<em>NeurIPS 2024</em><br />\nRui Ye" in html
    assert "\\" not in html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_renders_literally(hostile: str) -> None:
    row = paper("arxiv:2409.00001", hostile, url="https://arxiv.org/abs/2409.00001", venue=hostile,
                authors=f"{hostile}; B", topics=hostile, sources=hostile)  # fmt: skip
    plain_row = paper("url:1", hostile, venue=hostile, year=2020, topics=hostile)
    text = render_readme(
        frame(row, plain_row), [SourceInfo(hostile, "https://github.com/o/r", 1)], title=hostile
    )
    assert_safe_markdown(text)
    links = [h for h in hrefs(text) if not h.startswith("#")]
    assert sorted(links) == ["https://arxiv.org/abs/2409.00001", "https://github.com/o/r"]
    visible = " ".join(plain(t) for t in MD.parse(text) if t.type == "inline")
    assert " ".join(hostile.split()) in visible


def test_unsafe_urls_never_reach_any_output() -> None:
    rows = [
        paper(
            f"url:{i}",
            f"Paper {i}",
            url=bad,
            code_url=bad,
            alt_urls=f"{bad} https://ok.example/{i}",
            sources="s.md",
        )
        for i, bad in enumerate(BAD_URLS)
    ]
    papers = frame(*rows)
    report = pd.DataFrame({"cluster_id": ["url:0"], "source": ["s.md"], "line": [3], "title": ["t"],
                           "url": [BAD_URLS[0]], "arxiv_id": [""], "doi": [""], "matched_by": ["self"],
                           "score": [100.0], "linked_to": [""], "note": [""]})  # fmt: skip
    outputs = [
        render_readme(papers, [SourceInfo("s.md", BAD_URLS[1], 4)]),
        papers_csv(papers).decode(),
        papers_json(papers).decode(),
        papers_bibtex(papers),
        report_csv(report).decode(),
    ]
    for text in outputs:
        lowered = text.lower()
        assert "javascript:" not in lowered and "data:" not in lowered and "file:" not in lowered
    assert "https://ok.example/3" in outputs[0] and "https://ok.example/3" in outputs[2]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2409.15723", "https://arxiv.org/abs/2409.15723"),
        (" HTTP://Example.org/a ", "http://Example.org/a"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_%28bar%29"),
        ('https://x.org/a b<c>"d`', "https://x.org/a%20b%3Cc%3E%22d%60"),
        ("https://x.org/?a=1&lt;b=2", "https://x.org/?a=1&amp;lt;b=2"),
        ("https://x.org/100%", "https://x.org/100%25"),
        ("https://user@evil.example/", ""),
        ("javascript:alert(1)", ""),
        ("data:text/html,hi", ""),
        ("file:///etc/passwd", ""),
        ("//example.org/x", ""),
        ("/relative", ""),
        ("https://", ""),
    ],
)
def test_safe_url(url: str, expected: str) -> None:
    assert safe_url(url) == expected


def test_readme_is_deterministic_and_independent_of_row_order(papers: pd.DataFrame) -> None:
    first = render_readme(papers, LISTS)
    assert render_readme(papers, LISTS) == first
    assert render_readme(papers.iloc[::-1].reset_index(drop=True), LISTS) == first


def test_empty_readme() -> None:
    text = render_readme(frame(), LISTS)
    assert "**0** papers after merging" in text
    assert_safe_markdown(text)


# ------------------------------------------------------------------------------------------ CSV / JSON


def read_csv(text: str) -> list[list[str]]:
    assert "\r\n" not in text and text.endswith("\n")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_neutralises_formulas_but_keeps_numbers() -> None:
    report = pd.DataFrame({
        "cluster_id": ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1", "-2", "@x"],
        "source": ["a.md", "\tb.md", "\rc.md", "d.md"],
        "line": [12, 3, -4, 5],
        "title": ["plain", "=1+1", "a=b", "x-1"],
        "url": ["", "", "", ""], "arxiv_id": "", "doi": "", "matched_by": "self",
        "score": [95.5, 100.0, 0.0, 87.25],
        "linked_to": ["", "a.md:12", "", ""], "note": "",
    })  # fmt: skip
    rows = read_csv(report_csv(report).decode())
    assert rows[0] == list(report.columns)
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("https://evil.example","x")', "'+1", "'-2", "'@x"]
    assert [r[1] for r in rows[1:]] == ["a.md", "'\tb.md", "'\rc.md", "d.md"]
    assert [r[3] for r in rows[1:]] == ["plain", "'=1+1", "a=b", "x-1"]
    assert [r[2] for r in rows[1:]] == ["12", "3", "-4", "5"]
    assert [r[8] for r in rows[1:]] == ["95.5", "100", "0", "87.25"]


def test_papers_and_review_csv(papers: pd.DataFrame) -> None:
    rows = read_csv(papers_csv(papers).decode())
    assert rows[0] == PAPER_COLUMNS
    assert len(rows) == 1 + len(papers)
    assert rows[1][PAPER_COLUMNS.index("year")] == "2024"
    assert rows[4][PAPER_COLUMNS.index("year")] == ""
    assert rows[1][PAPER_COLUMNS.index("n_entries")] == "2"
    review = pd.DataFrame({"a_source": ["a.md"], "a_line": [1], "a_title": ["-Fed"], "b_source": ["b.md"],
                           "b_line": [2], "b_title": ["Fed, \"LLM\"\nv2"], "score": [88.5],
                           "reason": ["title"], "decision": ["kept apart"]})  # fmt: skip
    rows = read_csv(review_csv(review).decode())
    assert rows[1] == ["a.md", "1", "'-Fed", "b.md", "2", 'Fed, "LLM"\nv2', "88.5", "title", "kept apart"]
    assert papers_csv(papers) == papers_csv(papers.copy())


def test_papers_json_round_trips(papers: pd.DataFrame) -> None:
    text = papers_json(papers).decode()
    data = json.loads(text)
    assert text.endswith("\n") and len(data) == len(papers)
    first = data[0]
    assert list(first) == sorted(PAPER_COLUMNS)
    assert first["authors"] == ["Rui Ye", "Rui Ge", "Xinyu Zhu", "Jingyi Chai"]
    assert first["topics"] == ["Benchmarks", "Fine-tuning"]
    assert first["sources"] == [YH, LT]
    assert first["alt_urls"] == ["https://openreview.net/forum?id=abc", "https://arxiv.org/abs/2409.15723"]
    assert first["year"] == 2024 and first["n_entries"] == 2
    assert data[3]["year"] is None and data[3]["authors"] == []
    hostile = json.loads(papers_json(frame(paper("x:1", 'Grégoire "quoted" <b>', authors="Grégoire"))))
    assert hostile[0]["title"] == 'Grégoire "quoted" <b>'
    assert "Grégoire" in papers_json(frame(paper("x:1", "Grégoire"))).decode()  # ensure_ascii off


# ---------------------------------------------------------------------------------------------- BibTeX


def braces_balanced(text: str) -> bool:
    depth = 0
    for i, c in enumerate(text):
        if c in "{}" and i and text[i - 1] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def test_bibtex_entries(papers: pd.DataFrame) -> None:
    text = papers_bibtex(papers)
    entries = re.findall(r"^@(\w+)\{([^,]+),", text, re.M)
    assert entries == [
        ("inproceedings", "ye2024fedllm"),
        ("inproceedings", "lee2022federated"),
        ("misc", "anon2022zeta"),
        ("misc", "anonuntopical"),
    ]
    assert "  eprint = {2409.15723},\n  archivePrefix = {arXiv}," in text
    assert "  author = {Rui Ye and Rui Ge and Xinyu Zhu and Jingyi Chai}," in text
    assert "  doi = {10.1145/3485447.3511988}," in text
    assert braces_balanced(text)
    assert papers_bibtex(papers) == text


def test_bibtex_escapes_specials_and_keys_stay_unique() -> None:
    title = "50% of {F}ed_LLM & $x$ #1 ~ ^ \\textbf{x} }{"
    papers = frame(
        paper(
            "doi:10.1/x", title, venue="IEEE Transactions on Things & Stuff", year=2023, authors="Gómez, Ana"
        ),
        paper("doi:10.1/x", "Twin", year=2023, authors="Ana Gómez"),
    )
    text = papers_bibtex(papers)
    assert braces_balanced(text)
    assert "@article{gomez202350," in text
    assert r"journal = {IEEE Transactions on Things \& Stuff}" in text
    assert (r"50\% of \{F\}ed\_LLM \& \$x\$ \#1 \textasciitilde{} \textasciicircum{} "
            r"\textbackslash{}textbf\{x\} \}\{") in text  # fmt: skip
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.M)
    assert len(set(keys)) == 2


# --------------------------------------------------------------------------------------------- writing


def test_writes_only_listed_files_and_skips_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert write_outputs(out, {"README.md": "# hi\n", "papers.csv": b"a,b\n"}) == ["README.md", "papers.csv"]
    (out / "keep.txt").write_text("mine")
    old = 1_000_000_000
    for name in ("README.md", "papers.csv", "keep.txt"):
        os.utime(out / name, (old, old))
    assert diff_outputs(out, {"README.md": "# hi\n", "papers.csv": "a,b\nc,d\n", "new.json": "[]"}) == [
        "papers.csv", "new.json",
    ]  # fmt: skip
    assert write_outputs(out, {"README.md": "# hi\n", "papers.csv": "a,b\nc,d\n"}) == ["papers.csv"]
    assert (out / "README.md").stat().st_mtime == old  # unchanged: not rewritten
    assert (out / "papers.csv").stat().st_mtime != old
    assert (out / "papers.csv").read_bytes() == b"a,b\nc,d\n"
    assert (out / "keep.txt").read_text() == "mine" and (out / "keep.txt").stat().st_mtime == old
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "keep.txt", "papers.csv"]  # no temp files
    assert diff_outputs(out, {"README.md": "# hi\n"}) == []
    assert diff_outputs(tmp_path / "missing", {"README.md": "x"}) == ["README.md"]


def test_refuses_protected_and_bad_names(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "list.md").write_text("- [a](https://a.example)\n")
    for out in (sources, sources / "out", sources / "deep" / "er", tmp_path / "sources" / ".." / "sources"):
        with pytest.raises(OutputError, match="sources folder"):
            write_outputs(out, {"README.md": "x"}, protected=[sources])
    assert sorted(p.name for p in sources.iterdir()) == ["list.md"]
    assert write_outputs(tmp_path / "out", {"README.md": "x"}, protected=[sources]) == ["README.md"]
    for name in ("../escape.md", "sub/a.md", "", ".."):
        with pytest.raises(OutputError, match="file name"):
            write_outputs(tmp_path / "out", {name: "x"})
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        write_outputs(tmp_path / "afile", {"README.md": "x"})


# ------------------------------------------------------------------------------------------ properties


# Arbitrary text, plus text made mostly of the characters that start Markdown or HTML markup.
MARKUP = "\\`*_[]()#+-!|<>~&{}$:;=./@\"' 1aA\n\t\r\x00\u00a0\u2028"
texts = st.one_of(st.text(), st.text(alphabet=st.sampled_from(MARKUP)))
urls = st.one_of(
    texts,
    st.builds(
        str.__add__,
        st.sampled_from(["https://", "http://a.b/", "HTTPS://x.org", "javascript:", " data:"]),
        texts,
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(texts, min_size=1, max_size=4),
    authors=texts,
    venue=texts,
    topic=texts,
    url=urls,
    heading=texts,
)
def test_any_text_renders_without_markup(
    titles: list[str], authors: str, venue: str, topic: str, url: str, heading: str
) -> None:
    rows = [
        paper(f"url:{i}", t, url=url if i % 2 else f"https://ok.example/{url}", authors=authors, venue=venue,
              topics=topic if i else f"{topic}; {heading}", year=2020 + i, sources="s.md", alt_urls=url)
        for i, t in enumerate(titles)
    ]  # fmt: skip
    for group_by in ("topic", "year", "source"):
        text = render_readme(frame(*rows), [SourceInfo("s.md", url, 1)], group_by=group_by, title=heading)
        assert_safe_markdown(text)
        assert sum(len(v) for v in section_titles(text).values()) == len(rows)
