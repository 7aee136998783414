"""The HTML reader's tree walks must find what BeautifulSoup's own find methods find, in the same order."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.parse import html as reader

HREF = ' href="u"'
NAMES = ("table", "tr", "td", "th", "ul", "ol", "li", "a", "img", "b", "strong", "p", "div", "span")


def _fragment(depth: int = 0) -> st.SearchStrategy[str]:
    text = st.sampled_from(["", "x", "Title", " "])
    if depth >= 3:
        return text
    child = st.deferred(lambda: _fragment(depth + 1))
    element = st.builds(
        lambda name, href, inner: f"<{name}{HREF if href else ''}>{''.join(inner)}</{name}>",
        st.sampled_from(NAMES),
        st.booleans(),
        st.lists(child, max_size=3),
    )
    return st.one_of(text, element, st.sampled_from(["<br>", "<img src='i'>", "<a>", "</td>", "<tr>"]))


@given(
    st.lists(_fragment(), min_size=1, max_size=4), st.lists(st.sampled_from(NAMES), min_size=1, max_size=3)
)
@settings(max_examples=300, deadline=None)
def test_each_walk_finds_what_beautifulsoup_finds(parts: list[str], names: list[str]) -> None:
    soup = BeautifulSoup("".join(parts), "html.parser")
    for node in [soup, *soup.find_all(True)]:
        assert reader._tags(node, names) == node.find_all(names)
        assert reader._child_tags(node, names) == node.find_all(names, recursive=False)
        assert reader._has(node, names) == (node.find(names) is not None)
        assert reader._first_link(node) is node.find("a", href=True)
        if isinstance(node, Tag) and node is not soup:
            assert reader._parent(node, names) is node.find_parent(names)


def test_a_table_cell_gives_the_line_of_its_first_link_with_an_address() -> None:
    text = "<table>\n<tr><td><a name='x'>anchor</a>\n<b><a href='https://example.org/p'>Paper</a></b></td></tr>\n</table>"
    ((_, rows),) = reader.html_containers(text, 10)[0]
    assert rows[0].children[0].line == 12  # the addressed link's line, not the cell's or the anchor's (11)
