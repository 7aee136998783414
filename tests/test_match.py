"""Matching: each kind of evidence, each constraint, no chaining, overrides, stable ids, source errors."""

from __future__ import annotations

import dataclasses
import random

import pandas as pd
import pytest
from conftest import entries_frame, hand_entry, same_cluster

from awesome_merge.config import MatchConfig, Override
from awesome_merge.frame import Entry
from awesome_merge.match import match_entries

CFG = MatchConfig()
LONG_A = (
    "Federated Fine-Tuning of Large Language Models under Heterogeneous Language Tasks and Client Resources"
)


def run(*entries: Entry, overrides: tuple[Override, ...] = ()):
    frame = entries_frame(entries)
    return match_entries(frame, CFG, overrides)


def e(line: int, title: str, url: str = "", source: str = "a.md", **kw) -> Entry:
    return hand_entry(source, line, title, url, **kw)


same = same_cluster


def test_arxiv_id_in_any_link_form_joins_a_short_label_to_its_paper():
    m = run(
        e(1, "FlexLoRA", "https://arxiv.org/abs/2402.11505"),
        e(2, LONG_A, "https://arxiv.org/pdf/2402.11505v2.pdf", source="b.md"),
    )
    assert same(m, 0, 1)
    assert m.cluster_ids[0] == "arxiv:2402.11505"
    row = m.report.iloc[1] if m.report.iloc[1].matched_by != "self" else m.report.iloc[0]
    assert row.matched_by == "arxiv" and row.score == 100


def test_publisher_page_carrying_a_doi_matches_the_doi_link():
    m = run(
        e(
            1,
            "Only Send What You Need: Learning to Communicate Efficiently",
            "https://doi.org/10.1145/3589335.3651931",
        ),
        e(2, "FedX", "https://dl.acm.org/doi/abs/10.1145/3589335.3651931", source="b.md"),
    )
    assert same(m, 0, 1) and set(m.report.matched_by) == {"self", "doi"}


def test_same_canonical_page_matches_across_spellings():
    m = run(
        e(1, "FedLoRA", "https://openreview.net/forum?id=bZh06ptG9r"),
        e(2, "Short", "http://www.openreview.net/pdf?id=bZh06ptG9r&utm_source=x", source="b.md"),
        e(
            3,
            "Paper",
            "https://proceedings.neurips.cc/paper_files/paper/2023/file/066e4dbfeccb5dc2851acd5eca584937-Paper-Conference.pdf",
        ),
        e(
            4,
            "Grouper",
            "https://proceedings.neurips.cc/paper_files/paper/2023/hash/066e4dbfeccb5dc2851acd5eca584937-Abstract-Conference.html",
            source="b.md",
        ),
    )
    assert same(m, 0, 1) and same(m, 2, 3) and not same(m, 0, 2)
    assert "url" in set(m.report.matched_by)


def test_titles_match_despite_case_punctuation_accents_latex_and_a_trailing_period():
    m = run(
        e(1, "Fisher Information-based Efficient Curriculum Federated Learning with Large Language Models"),
        e(
            2,
            "Fisher information based efficient curriculum federated learning with  large language models.",
            source="b.md",
        ),
        e(
            3,
            "$\\{$FwdLLM$\\}$: Efficient Federated Finetuning of Large Language Models with Perturbed Inferences",
        ),
        e(
            4,
            "FwdLLM: Efficient Federated Finetuning of Large Language Models with Perturbed Inferences",
            source="b.md",
        ),
        e(5, "Improving LoRA in Privacy-preserving Federated Learning for Réseaux Models"),
        e(6, "Improving lora in privacy preserving federated learning for Reseaux models", source="b.md"),
    )
    assert same(m, 0, 1) and same(m, 2, 3) and same(m, 4, 5)
    assert not same(m, 0, 2)


def test_a_subtitle_dropped_on_one_side_still_matches():
    m = run(
        e(1, "PromptFL: Let Federated Participants Cooperatively Learn Prompts Instead of Models"),
        e(2, "Let Federated Participants Cooperatively Learn Prompts Instead of Models", source="b.md"),
    )
    assert same(m, 0, 1)


def test_fuzzy_title_with_a_typo_matches_and_reports_its_score():
    m = run(
        e(1, "Communication-Efficient Federated Fine-Tuning of Large Language Models with Low-Rank Adapters"),
        e(
            2,
            "Communication-Efficient Federated Fine-Tunning of Large Language Models with Low-Rank Adapters",
            source="b.md",
        ),
    )
    assert same(m, 0, 1)
    joined = m.report[m.report.matched_by == "title"].iloc[0]
    assert 92 <= joined.score < 100 and joined.linked_to in ("a.md:1", "b.md:2")


def test_short_labels_never_match_by_title():
    m = run(
        e(1, "FedLoRA", "https://arxiv.org/abs/2310.13283"),
        e(2, "FedLoRA", "https://openreview.net/forum?id=bZh06ptG9r"),
    )
    assert not same(m, 0, 1)


def test_different_arxiv_ids_are_never_merged_however_similar_the_titles():
    m = run(
        e(
            1,
            "A Survey of Federated Fine-Tuning for Large Language Models",
            "https://arxiv.org/abs/2503.12016",
        ),
        e(
            2,
            "A Survey of Federated Fine-Tuning for Large Language Models",
            "https://arxiv.org/abs/2501.04436",
            source="b.md",
        ),
    )
    assert not same(m, 0, 1)
    assert m.review.reason.str.contains("different arXiv ids").any()


def test_two_publisher_dois_are_never_merged_but_arxiv_doi_and_venue_doi_are():
    m = run(
        e(1, LONG_A, "https://doi.org/10.1145/1111111.2222222"),
        e(2, LONG_A, "https://doi.org/10.1109/TMC.2023.3302410", source="b.md"),
        e(3, LONG_A, "https://doi.org/10.48550/arXiv.2402.11505", source="c.md"),
    )
    assert not same(m, 0, 1)
    assert same(m, 0, 2) or same(m, 1, 2)  # preprint and published version are one paper
    assert m.cluster_ids[0] != m.cluster_ids[1]


def test_no_chaining_through_a_bridge_when_the_ends_conflict():
    bridge = "Federated Instruction Tuning of Large Language Models with Domain Coverage Augmentation"
    m = run(
        e(1, bridge, "https://arxiv.org/abs/2409.20135"),
        e(2, bridge, source="b.md"),  # no identifier: similar to both ends
        e(3, bridge + ".", "https://arxiv.org/abs/2410.11540", source="c.md"),
    )
    assert not same(m, 0, 2)
    assert same(m, 0, 1) != same(m, 1, 2)  # the bridge joins one end, the strongest first
    assert m.review.reason.str.contains("different arXiv ids").any()


def test_a_paper_and_its_survey_or_numbered_sequel_stay_apart():
    m = run(
        e(1, "Federated Learning for Large Language Models: Part 1"),
        e(2, "Federated Learning for Large Language Models: Part 2", source="b.md"),
        e(3, "Federated Prompt Tuning of Large Language Models on Mobile Devices"),
        e(4, "A Survey on Federated Prompt Tuning of Large Language Models on Mobile Devices", source="b.md"),
    )
    assert not same(m, 0, 1) and not same(m, 2, 3)
    assert m.review.reason.str.contains("number").any()


def test_label_linked_to_another_papers_id_is_flagged_and_kept_apart():
    m = run(
        e(
            1,
            "FedPFT: Federated Proxy Fine-Tuning of Foundation Models",
            "https://doi.org/10.48550/arXiv.2404.11536",
        ),
        e(
            2,
            "FedPFT: Federated Proxy Fine-Tuning of Foundation Models",
            "https://www.ijcai.org/proceedings/2024/0531",
            source="b.md",
        ),
        e(
            3,
            "Federated Adaptation for Foundation Model-based Recommendations",
            "https://doi.org/10.48550/arXiv.2404.11536",
        ),
        e(
            4,
            "SLoRA: Federated Parameter Efficient Fine-Tuning of Language Models",
            "https://arxiv.org/abs/2308.06522",
        ),
        e(5, "Fed-BBPL", "https://arxiv.org/abs/2308.06522", source="b.md"),
    )
    assert same(m, 0, 1) and not same(m, 0, 2)
    assert not same(m, 3, 4)
    conflicts = m.review[m.review.reason.str.startswith("conflict")]
    assert len(conflicts) == 2
    assert "conflict: same arXiv id, titles differ" in m.report.note.iloc[2]


def test_overrides_force_together_and_apart_by_url_or_title():
    paper_a = e(1, "FedRDMA", "https://dl.acm.org/doi/10.1145/3704452.3708944")
    paper_b = e(2, "FedRDMA: Communication-Efficient Cross-Silo Federated LLM via Chunked RDMA Transmission",
                "https://arxiv.org/abs/2403.00881", source="b.md")  # fmt: skip
    twin_1 = e(3, LONG_A)
    twin_2 = e(4, LONG_A, source="b.md")
    overrides = (
        Override(
            "same", ("https://dl.acm.org/doi/10.1145/3704452.3708944", "https://arxiv.org/abs/2403.00881")
        ),
        Override("different", ("a.md line 3 is not a url", LONG_A)),
    )
    m = run(paper_a, paper_b, twin_1, twin_2)
    assert not same(m, 0, 1) and same(m, 2, 3)
    m = run(paper_a, paper_b, twin_1, twin_2, overrides=overrides[:1])
    assert same(m, 0, 1) and "override" in set(m.report.matched_by)
    typo = "Communication-Efficient Federated Fine-Tunning of Large Language Models with Low-Rank Adapters"
    right = typo.replace("Tunning", "Tuning")
    assert same(run(e(1, right), e(2, typo)), 0, 1)
    m = run(e(1, right), e(2, typo), overrides=(Override("different", (right, typo)),))
    assert not same(m, 0, 1)
    assert m.review.reason.str.contains("override keeps them apart").any()
    m = run(paper_a, paper_b, twin_1, twin_2, overrides=overrides[1:])
    assert any("matches no entry" in d.message for d in m.diagnostics)


def test_cluster_ids_do_not_depend_on_input_order_or_source_names():
    entries = [
        e(1, "FlexLoRA", "https://arxiv.org/abs/2402.11505"),
        e(2, LONG_A, "https://openreview.net/forum?id=gkOzoHBXUw", source="b.md"),
        e(3, LONG_A + ".", "https://arxiv.org/abs/2402.11505", source="c.md"),
        e(
            4,
            "Only Send What You Need: Learning to Communicate Efficiently",
            "https://doi.org/10.1145/3589335.3651931",
        ),
        e(5, "A Paper Only Known By Its Title And Nothing Else At All"),
        e(6, "A paper only known by its title and nothing else at all", source="b.md"),
    ]
    first = run(*entries)
    ids = {(x.source, x.line): c for x, c in zip(entries, first.cluster_ids, strict=True)}
    for seed in range(3):
        shuffled = entries[:]
        random.Random(seed).shuffle(shuffled)
        again = run(*shuffled)
        assert {(x.source, x.line): c for x, c in zip(shuffled, again.cluster_ids, strict=True)} == ids
    renamed = [dataclasses.replace(x, source="z-" + x.source) for x in entries]
    assert run(*renamed).cluster_ids == first.cluster_ids
    assert len(set(first.cluster_ids)) == 3


def test_report_has_one_row_per_entry_with_the_spec_columns():
    m = run(
        e(1, "FlexLoRA", "https://arxiv.org/abs/2402.11505"), e(2, LONG_A, "https://arxiv.org/abs/2402.11505")
    )
    assert list(m.report.columns) == [
        "cluster_id", "source", "line", "title", "url", "arxiv_id", "doi", "matched_by", "score", "linked_to", "note",
        "kind",
    ]  # fmt: skip
    assert len(m.report) == 2 and sorted(m.report.matched_by) == ["arxiv", "self"]
    # the representative is the fully titled entry
    assert m.report[m.report.matched_by == "self"].title.iloc[0] == LONG_A


@pytest.mark.parametrize("n", [40, 120])
def test_forty_versions_of_one_list_form_one_cluster_each(n):
    rows = [
        e(i, LONG_A if i % 2 else "FlexLoRA", "https://arxiv.org/abs/2402.11505", source=f"v{i}.md")
        for i in range(n)
    ]
    rows += [
        e(1000 + i, "Only Send What You Need: Learning to Communicate Efficiently", source=f"v{i}.md")
        for i in range(n)
    ]
    m = run(*rows)
    assert len(set(m.cluster_ids)) == 2
    assert isinstance(m.report, pd.DataFrame) and len(m.report) == 2 * n


def test_a_table_misread_into_one_repeated_title_gives_one_paper_per_row():
    """Thirty rows given one title by a misread table, four of them with arXiv ids: thirty papers."""
    title = "Benchmark Suite for Evaluating Large Vision Language Models in the Wild"
    rows = []
    for n in range(30):
        url = f"https://arxiv.org/abs/2401.{10000 + n:05d}" if n < 4 else f"https://example.org/data/set{n}"
        rows.append(e(n + 1, title, url, source="tables.md"))
    m = run(*rows)
    assert len(set(m.cluster_ids)) == 30


def test_a_title_repeated_with_different_links_is_no_title_evidence_but_a_single_use_still_is():
    m = run(
        e(1, LONG_A, "https://example.org/one", source="a.md"),
        e(2, LONG_A, "https://example.org/two", source="a.md"),
        e(3, LONG_A, "https://example.org/three", source="a.md"),
        e(4, LONG_A, "https://example.org/three", source="b.md"),
        e(5, LONG_A, "https://example.org/four", source="c.md"),
        e(6, LONG_A, "https://example.org/five", source="d.md"),
    )
    assert not same(m, 0, 1) and not same(m, 1, 2) and not same(m, 0, 4)
    assert same(m, 2, 3)  # the shared page still joins
    assert same(m, 4, 5)  # two other lists each giving the title once still match by title
