"""The matcher's promise as properties: no cluster ever holds two entries whose own links give different
arXiv ids or different DOIs, unless the report calls one of them a list's slip (`conflict:`), whatever
the titles, the kinds, the links and the order the evidence comes in.
"""

from __future__ import annotations

from itertools import combinations

from conftest import entries_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.ids import identifiers_from_url
from awesome_merge.match import match_entries
from awesome_merge.match.cluster import ConstrainedUnionFind
from awesome_merge.match.evidence import Edge

ARXIV = ["2401.01234", "2401.04321", "2312.11111", "1905.00001"]
DOIS = ["10.1145/3580305.3599001", "10.1109/TPAMI.2023.1234567", "10.1007/978-3-031-00001-1"]
PAGES = ["https://example.org/widgets", "https://example.org/gadgets", "https://github.com/ex/sprocket"]
LINKS = st.one_of(
    st.sampled_from(ARXIV).flatmap(
        lambda a: st.sampled_from([f"https://arxiv.org/abs/{a}", f"https://arxiv.org/pdf/{a}v2.pdf"])
    ),
    st.sampled_from(DOIS).map(lambda d: f"https://doi.org/{d}"),
    st.sampled_from(PAGES),
    st.just(""),
)
# Invented titles: variants of one, a name-prefixed form, a survey of it, labels and a repeated heading.
TITLES = st.sampled_from(
    [
        "Structure-Guided Widget Synthesis with Gadgets",
        "Foo-1: Structure-Guided Widget Synthesis with Gadgets",
        "Structure Guided Widget Synthesis with Gadget",
        "A Survey of Structure-Guided Widget Synthesis with Gadgets",
        "Learning Sprocket Alignment from Noisy Gear Trains",
        "Learning sprocket alignment from noisy gear-trains.",
        "LEARNING SPROCKET ALIGNMENT FROM NOISY GEAR TRAINS",
        "Foo-1",
        "WidgetBench",
        "PDF",
    ]
)
KINDS = st.sampled_from(["paper", "paper", "paper", "dataset", "benchmark", "tool"])


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    rows = []
    for line in range(1, draw(st.integers(2, 14)) + 1):
        url, alt = draw(LINKS), draw(LINKS)
        alts = [alt] if alt and alt != url else []
        arxiv_id, doi = _ids_of([url, *alts])
        rows.append(
            Entry(
                source=draw(st.sampled_from(["a.md", "b.md", "c.md"])),
                line=line,
                title=draw(TITLES),
                url=url,
                alt_urls=alts,
                arxiv_id=arxiv_id,
                doi=doi,
                year=draw(st.sampled_from([None, 2023, 2024])),
                kind=draw(KINDS),
            )
        )
    return draw(st.permutations(rows))


def _ids_of(urls: list[str]) -> tuple[str, str]:
    """The arXiv id and DOI a reader gives an entry: its paper link's, else the first other link's."""
    found = [identifiers_from_url(u) for u in urls if u]
    return next((i.arxiv_id for i in found if i.arxiv_id), ""), next((i.doi for i in found if i.doi), "")


@settings(max_examples=80, deadline=None)
@given(entries())
def test_no_cluster_joins_two_arxiv_ids_or_two_dois_unless_reported_as_a_conflict(rows: list[Entry]) -> None:
    m = match_entries(entries_frame(rows), MatchConfig())
    flagged = [note.startswith("conflict:") or "; conflict:" in note for note in m.report.note.fillna("")]
    for i, j in combinations(range(len(rows)), 2):
        if m.cluster_ids[i] != m.cluster_ids[j] or flagged[i] or flagged[j]:
            continue
        a, b = rows[i], rows[j]
        assert not (a.arxiv_id and b.arxiv_id and a.arxiv_id != b.arxiv_id), (a, b)
        assert not (a.doi and b.doi and a.doi != b.doi), (a, b)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from([None, *ARXIV[:3]]), min_size=2, max_size=12).flatmap(
        lambda ids: st.tuples(
            st.just(ids),
            st.lists(
                st.tuples(st.integers(0, len(ids) - 1), st.integers(0, len(ids) - 1)).filter(
                    lambda p: p[0] != p[1]
                ),
                max_size=30,
            ),
        )
    )
)
def test_union_find_refuses_a_second_arxiv_id_whatever_the_order_of_the_edges(
    case: tuple[list[str | None], list[tuple[int, int]]],
) -> None:
    ids, pairs = case
    uf = ConstrainedUnionFind(len(ids), lambda i: {"arxiv": frozenset([ids[i]])} if ids[i] else {})
    for a, b in pairs:  # the order hypothesis drew: no sorting by strength
        if not uf.conflict(a, b):
            uf.union(a, b)
    held: dict[int, set[str]] = {}
    for i, value in enumerate(ids):
        if value:
            held.setdefault(uf.find(i), set()).add(value)
    assert all(len(values) == 1 for values in held.values())
    assert all(len(uf.attrs(uf.find(i)).get("arxiv", ())) <= 1 for i in range(len(ids)))


def test_edges_given_in_any_order_give_one_partition():
    """The matcher sorts its evidence strongest first, so two runs that found it in another order agree."""
    from awesome_merge.match.cluster import cluster

    ids = ["2401.01234", None, "2401.04321", None]
    edges = [Edge(0, 1, "title", 95.0), Edge(1, 2, "title", 99.0), Edge(2, 3, "url", 100.0)]

    def base(i: int) -> dict[str, frozenset[str]]:
        return {"arxiv": frozenset([ids[i]])} if ids[i] else {}

    partitions = set()
    for order in (edges, edges[::-1], [edges[1], edges[0], edges[2]]):
        uf, _, refused = cluster(4, base, list(order))
        partitions.add(tuple(uf.find(i) == uf.find(0) for i in range(4)))
        assert refused and refused[0].reason.startswith("conflict:")
    assert partitions == {(True, False, False, False)}


def _row(line: int, title: str, url: str, kind: str = "paper", source: str = "a.md") -> Entry:
    arxiv_id, doi = _ids_of([url])
    return Entry(source=source, line=line, title=title, url=url, arxiv_id=arxiv_id, doi=doi, kind=kind)


def test_two_rows_of_one_dataset_name_citing_different_papers_stay_apart_as_a_conflict():
    rows = [
        _row(1, "WidgetBench", "https://doi.org/10.1145/3580305.3599001", kind="benchmark"),
        _row(2, "WidgetBench", "https://doi.org/10.1109/TPAMI.2023.1234567", kind="benchmark", source="b.md"),
        _row(3, "WidgetBench", "https://example.org/widgetbench", kind="benchmark", source="c.md"),
    ]
    m = match_entries(entries_frame(rows), MatchConfig())
    assert m.cluster_ids[0] != m.cluster_ids[1]
    assert m.cluster_ids[2] in (m.cluster_ids[0], m.cluster_ids[1])  # the row without an id joins one
    assert m.review.reason.str.startswith("conflict:").any()
    assert not any(c.startswith(("doi:", "arxiv:")) for c in m.cluster_ids)  # a cited id names no dataset


def test_every_entry_a_disputed_id_no_longer_binds_is_marked_in_the_report():
    """Two lists give one arXiv id to two different titles: the id binds none of them, and each entry
    carrying it, not only the first of each title, says so, since each may now join another paper."""
    title = "Structure-Guided Widget Synthesis with Gadgets"
    rows = [
        _row(1, title, "https://arxiv.org/abs/2401.01234"),
        _row(2, title, "https://arxiv.org/abs/2401.01234", source="b.md"),
        _row(3, "Learning Sprocket Alignment from Noisy Gear Trains", "https://arxiv.org/abs/2401.01234"),
    ]
    m = match_entries(entries_frame(rows), MatchConfig())
    assert all(note.startswith("conflict: same arXiv id") for note in m.report.note)
