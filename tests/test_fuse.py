"""Fusion: one record per paper from the entries of several lists, by stated rules and never by row order."""

from __future__ import annotations

import random
from dataclasses import replace

import pandas as pd
import pytest
from conftest import SOURCES, entries_frame

from awesome_merge.config import load_config
from awesome_merge.frame import Entry
from awesome_merge.fuse import PAPER_COLUMNS, fuse
from awesome_merge.topics import OTHER, KeywordTopics

FEDDAT = "FedDAT: An Approach for Foundation Model Finetuning in Multi-Modal Heterogeneous Federated Learning"
AAAI_PAGE = "https://ojs.aaai.org/index.php/AAAI/article/view/29007"
# The taxonomy the bundled sources are configured with (it lives in their config, not in the code).
BUNDLED_TOPICS = KeywordTopics(load_config(SOURCES / "awesome-merge.toml").topics or ())


def feddat_entries() -> list[Entry]:
    """FedDAT as three real lists give it: a short label, a published version, and an arXiv version."""
    return [
        Entry("yh.md", 3, section="Parameter-Efficient Fine-Tuning > Prompt Tuning", title="FedDAT",
              url="https://arxiv.org/pdf/2308.12305.pdf", alt_urls=[AAAI_PAGE], arxiv_id="2308.12305",
              code_url="https://github.com/HaokunChen245/FedDAT/tree/main"),
        Entry("lt.md", 10, section="Federated Prompt Learning", title=FEDDAT, url=AAAI_PAGE,
              arxiv_id="2308.12305", venue="AAAI", year=2024, authors=["Haokun Chen", "Yao Zhang"],
              code_url="https://github.com/HaokunChen245/FedDAT"),
        Entry("ls.md", 20, section="2.1 General Prompt Tuning", title=FEDDAT.lower().capitalize(),
              url="https://arxiv.org/abs/2308.12305", venue="arXiv", year=2023,
              authors=["Haokun Chen", "Yao Zhang", "Denis Krompass", "Jindong Gu", "Volker Tresp"],
              code_url="https://github.com/someone/feddat-reimplementation"),
    ]  # fmt: skip


def fused(entries: list[Entry], cluster_ids: list[str] | None = None) -> pd.DataFrame:
    """Fuse as the pipeline does, with each cluster's identifiers as matching reports them: the smallest
    arXiv id and DOI its entries give."""
    ids = cluster_ids if cluster_ids is not None else ["arxiv:2308.12305"] * len(entries)
    identifiers: dict[str, tuple[str, str]] = {}
    for cid in set(ids):
        members = [e for e, c in zip(entries, ids, strict=True) if c == cid]
        arxiv = min((e.arxiv_id for e in members if e.arxiv_id), default="")
        doi = min((e.doi.lower() for e in members if e.doi), default="")
        identifiers[cid] = (arxiv, doi)
    return fuse(entries_frame(entries), ids, BUNDLED_TOPICS, identifiers=identifiers)


def one(entries: list[Entry], cluster_id: str = "arxiv:2308.12305") -> pd.Series:
    papers = fused(entries, [cluster_id] * len(entries))
    assert len(papers) == 1
    return papers.iloc[0]


def test_one_row_per_cluster_with_the_paper_columns() -> None:
    extra = Entry(
        "yh.md", 9, title="Another Paper About Federated Prompts For Everyone", url="https://x.org/p"
    )
    papers = fused([*feddat_entries(), extra], ["arxiv:2308.12305"] * 3 + ["url:x"])
    assert list(papers.columns) == PAPER_COLUMNS
    assert list(papers["cluster_id"]) == ["arxiv:2308.12305", "url:x"]
    assert list(papers["n_entries"]) == [3, 1]
    assert papers.iloc[0]["sources"] == "ls.md;lt.md;yh.md"


def test_the_full_title_wins_over_a_short_label() -> None:
    paper = one(feddat_entries())
    assert paper["title"] == FEDDAT  # spelled out by two lists; Title Case preferred over sentence case
    assert one(feddat_entries()[:1])["title"] == "FedDAT"  # a label only when nothing longer exists


def test_the_title_most_lists_agree_on_wins_over_a_longer_one() -> None:
    wrong = "FedDAT: A Completely Different Long Title That One List Pasted By Mistake Here"
    entries = [*feddat_entries(), Entry("xx.md", 1, title=wrong, arxiv_id="2308.12305")]
    assert one(entries)["title"] == FEDDAT


def test_the_best_page_is_the_venue_page_then_the_arxiv_abstract_never_a_pdf() -> None:
    paper = one(feddat_entries())
    assert paper["url"] == AAAI_PAGE
    assert paper["alt_urls"] == "https://arxiv.org/abs/2308.12305"  # the pdf link became the abstract page
    preprint = one([Entry("yh.md", 3, title="FedDAT", url="https://arxiv.org/pdf/2308.12305v2.pdf")])
    assert preprint["url"] == "https://arxiv.org/abs/2308.12305"
    assert preprint["alt_urls"] == ""


@pytest.mark.parametrize(
    ("links", "best"),
    [
        (["https://openreview.net/pdf?id=abc"], "https://openreview.net/forum?id=abc"),
        (["https://aclanthology.org/2023.emnlp-main.488.pdf"], "https://aclanthology.org/2023.emnlp-main.488/"),
        (["https://example.org/paper.pdf", "https://example.org/paper"], "https://example.org/paper"),
        (["https://example.org/paper.pdf", "https://proceedings.mlr.press/v238/vu24a.html"],
         "https://proceedings.mlr.press/v238/vu24a.html"),
    ],
)  # fmt: skip
def test_a_pdf_gives_way_to_a_landing_page(links: list[str], best: str) -> None:
    entries = [
        Entry(f"{i}.md", 1, title="Some Paper With A Long Enough Title", url=u) for i, u in enumerate(links)
    ]
    assert one(entries, "url:p")["url"] == best


def test_a_pdf_is_linked_when_it_is_all_there_is() -> None:
    entry = Entry("a.md", 1, title="Some Paper With A Long Enough Title", url="https://example.org/p.pdf")
    assert one([entry], "url:p")["url"] == "https://example.org/p.pdf"


def test_the_published_venue_wins_over_arxiv_and_brings_its_year() -> None:
    paper = one(feddat_entries())
    assert (paper["venue"], paper["year"]) == ("AAAI", 2024)
    arxiv_only = [replace(e, alt_urls=[]) for e in feddat_entries() if e.venue != "AAAI"]  # no AAAI page
    preprint = one(arxiv_only)
    assert (preprint["venue"], preprint["year"]) == ("arXiv", 2023)


def test_the_most_complete_author_list_wins() -> None:
    assert (
        one(feddat_entries())["authors"] == "Haokun Chen; Yao Zhang; Denis Krompass; Jindong Gu; Volker Tresp"
    )


def test_the_code_repository_most_entries_name_wins() -> None:
    # two spellings of the authors' repository outvote one reimplementation
    assert one(feddat_entries())["code_url"] == "https://github.com/HaokunChen245/FedDAT"


def test_a_paper_under_prompt_tuning_in_three_lists_is_filed_once_under_prompt_learning() -> None:
    paper = one(feddat_entries())
    assert paper["topics"].split("; ")[0] == "Prompt Learning"
    assert paper["topics"].count("Prompt Learning") == 1
    assert paper["sections"] == (
        "ls.md: 2.1 General Prompt Tuning | lt.md: Federated Prompt Learning"
        " | yh.md: Parameter-Efficient Fine-Tuning > Prompt Tuning"
    )


def test_topics_follow_the_majority_of_sections_then_titles_then_other() -> None:
    privacy = [
        Entry("a.md", 1, section="Privacy > Attacks", title="FedX"),
        Entry("b.md", 1, section="Trustworthiness > Backdoor", title="FedX"),
        Entry("c.md", 1, section="LoRA", title="FedX"),
    ]
    assert (
        one(privacy, "url:x")["topics"] == "Privacy, Security and Robustness; Parameter-Efficient Fine-Tuning"
    )
    by_title = [Entry("a.md", 1, section="2024", title="A Survey of Federated Foundation Models")]
    assert one(by_title, "url:x")["topics"] == "Surveys and Tutorials"
    assert one([Entry("a.md", 1, section="Misc", title="FedX")], "url:x")["topics"] == OTHER


def test_conflicts_are_settled_by_the_rules_not_by_row_order() -> None:
    entries = [
        *feddat_entries(),
        Entry("zz.md", 7, section="Efficiency", title=FEDDAT.upper(), url="https://example.org/feddat",
              venue="ICML", year=2023, authors=["H. Chen", "Y. Zhang", "D. Krompass", "J. Gu", "V. Tresp"],
              code_url="https://github.com/someone/feddat-reimplementation"),
        Entry("yy.md", 2, title="FedDAT", venue="AAAI", year=2024, code_url="https://github.com/HaokunChen245/FedDAT"),
    ]  # fmt: skip
    expected = fused(entries)
    rng = random.Random(7)
    for _ in range(10):
        shuffled = entries[:]
        rng.shuffle(shuffled)
        pd.testing.assert_frame_equal(fused(shuffled), expected)
    paper = expected.iloc[0]
    assert (paper["title"], paper["venue"], paper["year"]) == (FEDDAT, "AAAI", 2024)
    assert paper["code_url"] == "https://github.com/HaokunChen245/FedDAT"  # 3 entries against 2
    # equally long author lists: the alphabetically first wins, whichever row came first
    assert paper["authors"] == "H. Chen; Y. Zhang; D. Krompass; J. Gu; V. Tresp"


def test_no_entries_no_papers() -> None:
    papers = fused([], [])
    assert papers.empty and list(papers.columns) == PAPER_COLUMNS
