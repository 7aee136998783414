"""Short name plus repository or page plus year: strong together, weak alone; weaker evidence is reviewed."""

from __future__ import annotations

from conftest import entries_frame, hand_entry, same_cluster
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.match import match_entries
from awesome_merge.match.short_names import short_name

CFG = MatchConfig()


def e(source: str, line: int, title: str, url: str = "", **kw) -> Entry:
    return hand_entry(source, line, title, url, **kw)


def run(*entries: Entry):
    return match_entries(entries_frame(entries), CFG)


same = same_cluster


def test_short_names_are_the_head_before_a_colon_or_a_title_that_is_only_a_name():
    assert short_name("Zephyrix-2: Fast Widget Diffusion with Sparse Gadgets", True) == "zephyrix2"
    assert short_name("Quorvo Gen", False) == "quorvogen"
    assert short_name("Survey: Widgets in the Wild", True) == ""  # a genre, not a name
    assert short_name("Code", False) == ""  # a link's role
    assert short_name("Sparse Widget Diffusion with Gadgets for Video", True) == ""


def test_a_retitled_pair_is_joined_by_its_short_name_repository_and_year():
    m = run(
        e("a.md", 1, "Zephyrix: Fast Widget Diffusion with Sparse Gadgets", "https://arxiv.org/abs/2305.01234",
          code_url="https://github.com/exlab/zephyrix", year=2023),
        e("b.md", 7, "Zephyrix: An Empirical Study of Gadget Transformers for Widgets",
          code_url="https://github.com/ExLab/Zephyrix.git", year=2024),
    )  # fmt: skip
    assert same(m, 0, 1)
    assert sorted(m.report["matched_by"]) == ["self", "short_name_and_repo"]


def test_a_short_name_only_entry_joins_the_full_entry_that_gives_its_project_page():
    m = run(
        e("a.md", 3, "Quorvo", "https://quorvo-lab.github.io/quorvo/", kind="tool", year=2024),
        e("b.md", 9, "Quorvo: Grounded Video Generation from Rough Sketches", "https://arxiv.org/abs/2402.04321",
          code_url="https://quorvo-lab.github.io/quorvo", year=2024),
    )  # fmt: skip
    assert same(m, 0, 1)
    assert "short_name_and_page" in set(m.report["matched_by"])


def test_two_papers_sharing_one_repository_that_hosts_several_are_not_joined():
    repo = "https://github.com/bigorg/models"
    m = run(
        e("a.md", 1, "Alpha: Sparse Widget Search for Long Videos", code_url=repo, year=2022),
        e("a.md", 2, "Beta: Dense Gadget Ranking with Few Labels", code_url=repo, year=2022),
        e("b.md", 5, "Alpha: Widget Search at Scale with Sparse Gadgets", code_url=repo, year=2022),
        e("c.md", 4, "Gamma: Contrastive Sprocket Tuning for Widgets", code_url=repo, year=2022),
    )
    assert len(set(m.cluster_ids)) == 4  # one list gives the repository to two papers: it joins none


def test_different_short_names_on_one_repository_join_nothing_but_are_shown():
    repo = "https://github.com/exlab/coder"
    m = run(
        e("a.md", 1, "Magnora: Source Widgets Are All You Need", code_url=repo, year=2023),
        e("b.md", 2, "Instrix: Empowering Widget Generation with Open Gadgets", code_url=repo, year=2023),
    )
    assert not same(m, 0, 1)
    row = m.review[m.review["reason"].str.startswith("possible match")]
    assert list(row["reason"]) == ["possible match: same code repository, but different short names"]


def test_one_short_name_in_years_far_apart_is_not_joined():
    repo = "https://github.com/exlab/nimbo"
    m = run(
        e("a.md", 1, "Nimbo: Learning Widgets from Noisy Gadgets", code_url=repo, year=2016),
        e("b.md", 2, "Nimbo: Gadget Transformers for Video Widgets", code_url=repo, year=2023),
        e("c.md", 3, "Nimbo: Widget Sprockets Revisited", year=2019),
        e("d.md", 4, "Nimbo", year=2024),
    )
    assert len(set(m.cluster_ids)) == 4
    reasons = set(m.review["reason"])
    assert "possible match: same short name and code repository, but the years are far apart" in reasons


def test_a_shared_repository_never_joins_two_arxiv_ids():
    repo = "https://github.com/exlab/tarsa"
    m = run(
        e("a.md", 1, "Tarsa: Widget Flows", "https://arxiv.org/abs/2301.00001", code_url=repo, year=2023),
        e("b.md", 1, "Tarsa: Gadget Flows for Video", "https://arxiv.org/abs/2302.00002", code_url=repo, year=2023),
    )  # fmt: skip
    assert not same(m, 0, 1)
    assert not m.review["reason"].str.startswith("possible match").any()  # the ids say they differ


def test_one_short_name_and_year_without_a_shared_link_is_a_possible_match_with_its_override():
    m = run(
        e("a.md", 4, "Vexlor: Old Title of a Widget Paper", "https://arxiv.org/abs/2306.00001", year=2023),
        e("b.md", 8, "Vexlor: A New Title for Gadget Diffusion", "https://example.org/vexlor.pdf", year=2023),
    )
    assert not same(m, 0, 1)
    rows = m.review[m.review["reason"].str.startswith("possible match")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["reason"] == "possible match: same short name and year, but no shared repository or page"
    assert {row["a_url"], row["b_url"]} == {
        "https://arxiv.org/abs/2306.00001",
        "https://example.org/vexlor.pdf",
    }
    assert row["decision"] == "kept apart"
    assert row["override"].startswith("[[override]]\nsame = [")
    assert "vexlor.pdf" in row["override"] and "2306.00001" in row["override"]


def test_a_common_short_name_gives_a_few_rows_at_most():
    topics = "widgets gadgets sprockets levers pulleys gears springs valves pistons".split()
    rows = [
        e(f"l{i}.md", 1, f"Clipo: {word.title()} of {topics[(i + 3) % 9].title()} in Motion", year=2023)
        for i, word in enumerate(topics)
    ]
    m = run(*rows)
    assert len(set(m.cluster_ids)) == 9
    assert not m.review["reason"].str.startswith("possible match").any()


def _mixed() -> list[Entry]:
    repo, shared = "https://github.com/exlab/zephyrix", "https://github.com/bigorg/models"
    return [
        e("a.md", 1, "Zephyrix: Fast Widget Diffusion with Sparse Gadgets", code_url=repo, year=2023),
        e("b.md", 2, "Zephyrix: An Empirical Study of Gadget Transformers", code_url=repo, year=2024),
        e("c.md", 3, "Zephyrix", repo, kind="tool"),
        e("a.md", 4, "Alpha: Sparse Widget Search for Long Videos", code_url=shared, year=2022),
        e("a.md", 5, "Beta: Dense Gadget Ranking with Few Labels", code_url=shared, year=2022),
        e("b.md", 6, "Alpha: Widget Search at Scale with Sparse Gadgets", code_url=shared, year=2022),
        e("c.md", 7, "Vexlor: Old Title of a Widget Paper", "https://arxiv.org/abs/2306.00001", year=2023),
        e("d.md", 8, "Vexlor: A New Title for Gadget Diffusion", year=2023),
        e("d.md", 9, "Nimbo: Learning Widgets from Noisy Gadgets", code_url="https://github.com/ex/nimbo", year=2016),
        e("a.md", 10, "Nimbo: Gadget Transformers", code_url="https://github.com/ex/nimbo", year=2023),
    ]  # fmt: skip


def _outcome(entries: list[Entry]) -> tuple[frozenset, frozenset]:
    m = run(*entries)
    groups: dict[str, set[tuple[str, int]]] = {}
    for entry, cid in zip(entries, m.cluster_ids, strict=True):
        groups.setdefault(cid, set()).add((entry.source, entry.line))
    rows = frozenset(
        (frozenset({(r.a_source, r.a_line), (r.b_source, r.b_line)}), r.reason) for r in m.review.itertuples()
    )
    return frozenset(frozenset(g) for g in groups.values()), rows


def test_the_mixed_case_gives_the_expected_clusters():
    clusters, _ = _outcome(_mixed())
    assert frozenset({("a.md", 1), ("b.md", 2), ("c.md", 3)}) in clusters
    assert len(clusters) == 8


@settings(max_examples=25, deadline=None)
@given(st.permutations(_mixed()))
def test_the_rule_and_its_review_rows_do_not_depend_on_the_order_of_entries(shuffled: list[Entry]):
    assert _outcome(list(shuffled)) == _outcome(_mixed())


def test_a_paper_in_many_versions_of_a_list_gives_one_possible_match_row_per_pair_of_clusters():
    versions = [
        e(
            f"v{n:02}.md",
            4,
            "Vexlor: Old Title of a Widget Paper",
            "https://arxiv.org/abs/2306.00001",
            year=2023,
        )
        for n in range(6)
    ]
    other = e(
        "w.md", 8, "Vexlor: A New Title for Gadget Diffusion", "https://example.org/vexlor.pdf", year=2023
    )
    m = run(*versions, other)
    assert len(set(m.cluster_ids[:6])) == 1 and not same(m, 0, 6)
    rows = m.review[m.review["reason"].str.startswith("possible match")]
    assert len(rows) == 1
    assert set(rows.iloc[0][["a_source", "b_source"]]) == {"v00.md", "w.md"}
