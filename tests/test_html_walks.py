"""The HTML reader: lxml and BeautifulSoup's html.parser give the same entries on every layout class of
HTML a list uses, the tree walks find what their definitions say, and what only lxml reads right (tags
HTML lets an author leave open) or only html.parser can read (lines past 65,535) is read right."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.parse import html as reader
from awesome_merge.parse.document import parse_text
from awesome_merge.parse.html_tree import Node, parse_fragment
from awesome_merge.parse.nesting import html_depth

# One snippet per layout class of HTML found in lists, written as a curator writes it: indented, with
# comments, entities and badges.
SNIPPETS = {
    "table with a header row": """\
## Papers

<table>
  <tr><th>Title</th><th>Venue</th><th>Code</th></tr>
  <tr>
    <td><a href="https://arxiv.org/abs/2401.00001">Sparse Adapters for Federated Tuning</a></td>
    <td>ICML 2024</td>
    <td><a href="https://github.com/lab/sparse">code</a></td>
  </tr>
  <!-- a row kept back -->
  <tr>
    <td><a href="https://arxiv.org/abs/2402.00002">Private Prompts &amp; Secure Aggregation</a></td>
    <td>NeurIPS&nbsp;2023</td>
    <td></td>
  </tr>
</table>
""",
    "table with a td header and a venue spanning rows": """\
## Papers

<table>
<tr><td>Year</td><td>Title</td><td>Venue</td></tr>
<tr><td rowspan="2">2024</td><td><a href="https://arxiv.org/abs/2403.00003">Low-Rank Clients</a></td><td>ICLR</td></tr>
<tr><td><a href="https://arxiv.org/abs/2404.00004">Split Learning for Language Models</a></td><td>AAAI</td></tr>
</table>
""",
    "nested lists with bold titles": """\
## Surveys

<ul>
  <li><b><a href="https://arxiv.org/abs/2405.00005">A Survey of Federated Foundation Models</a></b>
    <ul>
      <li><a href="https://arxiv.org/abs/2406.00006">Federated Instruction Tuning at Scale</a>, KDD 2024</li>
    </ul>
  </li>
  <li><i>Note:</i> <a href="https://doi.org/10.1145/3580305.3599999">Communication-Efficient Fine-Tuning</a></li>
</ul>
""",
    "paragraph per paper with authors and role links": """\
## Papers

<p>
  <strong>Heterogeneous LoRA for Federated Fine-Tuning</strong><br>
  Ada Lovelace, Alan Turing<br>
  <a href="https://arxiv.org/abs/2407.00007">[paper]</a> <a href="https://github.com/lab/hetlora">[code]</a>
</p>
<p>
  <strong>Federated Prompt Learning</strong><br>
  Grace Hopper<br>
  <a href="https://arxiv.org/abs/2408.00008">[paper]</a>
</p>
""",
    "details with a summary and images": """\
## Papers

<details>
<summary>2024</summary>
<ul>
<li><a href="https://arxiv.org/abs/2409.00009"><img src="https://img.shields.io/badge/arXiv-2024-red" alt="arXiv"></a>
 <a href="https://arxiv.org/abs/2409.00009">Model Merging Across Clients</a></li>
</ul>
</details>
""",
    "div per paper": """\
## Papers

<div align="left">
  <a href="https://openreview.net/forum?id=abc123">Gradient Inversion on Language Models</a> (ICLR 2025)
</div>
""",
}


def _entries(markdown: str) -> list[tuple[object, ...]]:
    entries, _ = parse_text(markdown, "list.md")
    return [
        (e.title, e.url, tuple(e.alt_urls), e.code_url, e.venue, e.year, tuple(e.authors), e.line)
        for e in entries
    ]


@pytest.mark.parametrize("layout", sorted(SNIPPETS))
def test_lxml_and_html_parser_read_the_same_entries(layout: str, monkeypatch: pytest.MonkeyPatch) -> None:
    by_lxml = _entries(SNIPPETS[layout])
    monkeypatch.setattr(reader, "PARSER", "html.parser")
    by_html_parser = _entries(SNIPPETS[layout])
    assert by_lxml and by_lxml == by_html_parser


def test_items_and_cells_left_open_are_siblings_as_github_shows_them() -> None:
    text = """\
## Papers

<ul>
<li><a href="https://arxiv.org/abs/2410.00010">Federated Distillation of Language Models</a>
<li><a href="https://arxiv.org/abs/2411.00011">Byzantine-Robust Federated Tuning</a>
</ul>

<table>
<tr><th>Title<th>Venue
<tr><td><a href="https://arxiv.org/abs/2412.00012">Personalised Adapters</a><td>ICML 2024
</table>
"""
    entries, _ = parse_text(text, "list.md")
    assert [(e.title, e.line) for e in entries] == [
        ("Federated Distillation of Language Models", 4),
        ("Byzantine-Robust Federated Tuning", 5),
        ("Personalised Adapters", 10),
    ]
    assert entries[2].venue == "ICML"


def test_a_link_past_line_65535_keeps_its_line() -> None:
    """libxml2 counts lines in 16 bits; such a fragment is read by html.parser."""
    content = "<div>" + "\n" * 70_000 + '<p><a href="https://arxiv.org/abs/2401.00001">Paper</a></p></div>'
    _, _, (block,) = reader.html_containers(content, 1)
    assert block.line == 70_001


@pytest.mark.parametrize(
    "before, inside",
    [('<?xml version="1.0" encoding="utf-8"?>', ""), ("", ' \x1fx="1"')],
    ids=["an encoding declaration", "a control character in an attribute name"],
)
def test_a_fragment_lxml_refuses_is_still_read(before: str, inside: str) -> None:
    content = f'{before}<p><a href="https://arxiv.org/abs/2401.00001"{inside}>Paper</a></p>'
    _, _, (block,) = reader.html_containers(content, 3)
    assert [(p.text, p.href, p.line) for p in block.pieces if p.kind == "link"] == [
        ("Paper", "https://arxiv.org/abs/2401.00001", 3)
    ]


def test_comments_and_blank_only_fragments_give_no_containers() -> None:
    for content in ("", "   \n  ", "<!-- nothing here -->"):
        assert reader.html_containers(content, 1) == ([], [], [])


def test_text_of_scripts_and_ruby_annotations_is_not_an_elements_text() -> None:
    root = parse_fragment("<a href='u'> Title <script>x()</script><ruby>漢<rt>kan</rt></ruby> </a>")
    (link,) = [tag for tag in root.iter_tags() if tag.name == "a"]
    assert link.text() == "Title 漢"


def test_a_table_cell_gives_the_line_of_its_first_link_with_an_address() -> None:
    text = "<table>\n<tr><td><a name='x'>anchor</a>\n<b><a href='https://example.org/p'>Paper</a></b></td></tr>\n</table>"
    ((_, rows),) = reader.html_containers(text, 10)[0]
    assert rows[0].children[0].line == 12  # the addressed link's line, not the cell's or the anchor's (11)


# The walks against their definitions, on random trees (html.parser keeps any nesting it is given).

NAMES = ("table", "tr", "td", "th", "ul", "ol", "li", "a", "img", "b", "strong", "p", "div", "span")


def _fragment(depth: int = 0) -> st.SearchStrategy[str]:
    text = st.sampled_from(["", "x", "Title", " "])
    if depth >= 3:
        return text
    child = st.deferred(lambda: _fragment(depth + 1))
    element = st.builds(
        lambda name, inner: f"<{name}>{''.join(inner)}</{name}>",
        st.sampled_from(NAMES),
        st.lists(child, max_size=3),
    )
    return st.one_of(text, element)


def _with_ancestors(node: Node, above: tuple[str, ...] = ()) -> list[tuple[Node, tuple[str, ...]]]:
    out = []
    for child in node.children:
        if isinstance(child, Node):
            out.append((child, above))
            out.extend(_with_ancestors(child, (*above, child.name)))
    return out


@given(
    st.lists(_fragment(), min_size=1, max_size=4),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=3),
    st.lists(st.sampled_from(NAMES), max_size=2),
)
@settings(max_examples=300, deadline=None)
def test_below_finds_the_named_elements_no_closed_element_holds(
    parts: list[str], names: list[str], closed: list[str]
) -> None:
    root = parse_fragment("".join(parts), "html.parser")
    for node in [root, *root.iter_tags()]:
        expected = [
            tag for tag, above in _with_ancestors(node) if tag.name in names and not set(above) & set(closed)
        ]
        assert reader._below(node, names, closed) == expected
        assert list(node.iter_tags()) == [tag for tag, _ in _with_ancestors(node)]


def _html_table_list(padding: int) -> str:
    rows = "\n".join(
        f'<tr>\n<td>{year}</td>\n<td><b>\n<a href="https://arxiv.org/abs/2401.0000{i}">{title}</a></b></td>\n</tr>'
        for i, (year, title) in enumerate(
            [(2024, "Federated Adapters for Language Models"), (2023, "Private Fine-Tuning with Secure Sums")]
        )
    )
    return (
        "## Papers\n\n"
        + "Intro line.\n\n" * padding
        + f"<table>\n<tr><th>Year</th><th>Title</th></tr>\n{rows}\n</table>\n"
    )


def test_an_html_row_read_again_further_down_keeps_the_line_of_its_title() -> None:
    """A list's next version repeats its rows lower down: each entry points at its title's line in the
    version it was read from, not the version that was read first."""
    for padding in (0, 3, 1):  # each version read after the one before, in one process
        text = _html_table_list(padding)
        entries, _ = parse_text(text, f"v{padding}.md")
        lines = text.split("\n")
        assert [e.title for e in entries] == [
            "Federated Adapters for Language Models",
            "Private Fine-Tuning with Secure Sums",
        ]
        for entry in entries:
            assert entry.title in lines[entry.line - 1] and entry.source == f"v{padding}.md"


def test_html_depth_counts_elements_that_nest() -> None:
    assert html_depth("<div><br><img src='a.png'/><p><b>x</b></p></div>") == 3
    assert html_depth("</p></p><a>x</a>") == 1  # a closing tag with nothing open is ignored
    assert html_depth("<BR><Hr/><br2><br2>") == 2  # void names in any case; `br2` is no void element
    assert html_depth("<a href='x/'>" * 5) == 5
