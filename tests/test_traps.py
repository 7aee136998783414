"""Traps of real lists: links that point at another paper, pages that are no paper's own, datasets citing one
paper, generic link words, retitled papers; and what a curator and a list maintainer get to see of them."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

from conftest import entries_frame
from test_cli import command

from awesome_merge import merge
from awesome_merge.config import MatchConfig, Override
from awesome_merge.diagnostics import Diagnostic
from awesome_merge.frame import Entry
from awesome_merge.ids import identifiers_from_url
from awesome_merge.match import match_entries
from awesome_merge.write import source_issues

ALPHA = "Adaptive Gradient Sparsification for Communication Efficient Distributed Training"
BETA = "Robust Aggregation Rules against Byzantine Clients in Heterogeneous Networks"
GAMMA = "Contrastive Pretraining of Speech Encoders with Unlabelled Audio Streams"


def e(line: int, title: str, url: str = "", source: str = "a.md", **kw) -> Entry:
    ids = identifiers_from_url(url) if url else None
    kw.setdefault("arxiv_id", ids.arxiv_id if ids else "")
    kw.setdefault("doi", ids.doi if ids else "")
    return Entry(source=source, line=line, title=title, url=url, **kw)


def run(*entries: Entry, overrides: tuple[Override, ...] = ()):
    return match_entries(entries_frame(entries), MatchConfig(), overrides)


def same(m, i: int, j: int) -> bool:
    return m.cluster_ids[i] == m.cluster_ids[j]


# ------------------------------------------------------------------------------- evidence that knows


def test_a_wrong_id_in_one_list_does_not_pull_a_paper_away_from_its_true_duplicates():
    m = run(
        e(1, ALPHA, "https://arxiv.org/abs/2101.00001", source="a.md"),
        e(1, BETA, "https://arxiv.org/abs/2101.00001", source="b.md"),  # a copy slip: ALPHA's id
        e(1, BETA, "https://arxiv.org/abs/2101.00002", source="c.md"),  # BETA's own id
        e(2, ALPHA, source="c.md"),
    )
    assert not same(m, 0, 1)
    assert same(m, 1, 2), "the slipped entry must still join its own paper"
    assert same(m, 0, 3)
    conflict = m.review[m.review.reason.str.startswith("conflict")]
    assert len(conflict) == 1 and conflict.decision.iloc[0] == "kept apart"
    assert m.report.note.str.contains("same arXiv id").sum() == 2  # both sides are flagged


def test_a_link_shared_by_different_titles_is_evidence_for_none_and_chains_nothing():
    index = "https://proceedings.example.org/paper/2019"
    m = run(
        e(1, ALPHA, index, source="a.md"),
        e(2, BETA, index, source="a.md"),
        e(3, GAMMA, index, source="b.md"),
        e(4, ALPHA + ".", index, source="b.md"),
    )
    assert len({m.cluster_ids[i] for i in range(3)}) == 3
    assert same(m, 0, 3)  # the two ALPHA rows say the same thing: they stay one
    assert set(m.disputes) == {0, 1, 2, 3}


def test_labels_that_name_different_papers_are_not_joined_by_their_shared_pdf_link():
    pdf = "https://example.org/files/paper.pdf"
    m = run(e(1, "FedAlpha", pdf), e(2, "FedBeta", pdf, source="b.md"), e(3, "FedGamma", pdf, source="c.md"))
    assert len(set(m.cluster_ids)) == 3
    assert m.review.reason.str.contains("labels name different papers").all()


def test_generic_link_words_are_never_names():
    arxiv = "https://arxiv.org/abs/2203.04567"
    m = run(
        e(1, "FedNova: Tackling Objective Inconsistency in Heterogeneous Federated Optimization", arxiv),
        e(2, "PUB", arxiv, source="b.md"),
        e(3, "[pdf]", arxiv, source="c.md"),
        e(4, "FedNova", arxiv, source="d.md"),
    )
    assert len(set(m.cluster_ids)) == 1
    assert not m.review.reason.str.startswith("conflict").any()


def test_a_paper_and_a_tool_sharing_a_documentation_site_stay_apart():
    docs = "https://docs.example.org/"
    m = run(e(1, ALPHA, docs), e(2, "FedFrame", docs, source="b.md", kind="tool"))
    assert not same(m, 0, 1)


def test_dataset_rows_citing_one_paper_stay_separate_and_apart_from_the_paper():
    paper = "https://arxiv.org/abs/2304.07854"
    m = run(
        e(1, "Towards Better Instruction Following Language Models for Chinese", paper),
        e(2, "BELLE-train-0.5M-CN", paper, source="b.md", kind="dataset"),
        e(3, "BELLE-train-1M-CN", paper, source="b.md", kind="dataset"),
        e(4, "BELLE-train-2M-CN", paper, source="b.md", kind="dataset"),
        e(5, "BELLE-train-1M-CN", "https://hub.example.org/datasets/belle-1m", source="c.md", kind="dataset"),
    )
    assert len({m.cluster_ids[i] for i in range(4)}) == 4
    assert not m.cluster_ids[1].startswith("arxiv:"), "a dataset does not own the paper's id"
    assert same(m, 2, 4)  # one dataset by its own title


def test_two_datasets_on_their_own_page_are_one():
    page = "https://hub.example.org/datasets/alpaca"
    m = run(
        e(1, "AlpacaData", page, kind="dataset"), e(2, "Alpaca dataset", page, source="b.md", kind="dataset")
    )
    assert same(m, 0, 1)


# ------------------------------------------------------------------------------- review.csv


def test_a_retitled_paper_is_a_near_miss_with_both_urls_and_a_pasteable_override():
    longer = e(1, "A Secure Federated Transfer Learning Framework", "https://example.org/sftl")
    shorter = e(2, "Secure Federated Transfer Learning", "https://example.com/secure-ftl", source="b.md")
    m = run(longer, shorter)
    assert not same(m, 0, 1)
    row = m.review.iloc[0]
    assert row.reason == "near miss: one title contains the other" and row.score > 0
    assert (row.a_url, row.b_url) == ("https://example.org/sftl", "https://example.com/secure-ftl")
    override = tomllib.loads(row.override)["override"][0]
    assert override["same"] == ["https://example.org/sftl", "https://example.com/secure-ftl"]
    again = run(longer, shorter, overrides=(Override("same", tuple(override["same"])),))
    assert same(again, 0, 1)
    assert again.overrides_applied == 1


def test_a_retitled_paper_by_the_same_first_author_is_a_near_miss():
    m = run(
        e(1, "Personalized Federated Learning with Moreau Envelopes", authors=["Canh T. Dinh", "N. Tran"]),
        e(
            2,
            "Personalized Federated Optimisation via Moreau Envelope Smoothing",
            "",
            "b.md",
            authors=["C. Dinh"],
        ),
        e(
            3,
            "Personalized Federated Optimisation via Moreau Envelope Smoothing",
            "",
            "c.md",
            authors=["J. Ng"],
        ),
    )
    assert not same(m, 0, 1)
    rows = m.review[m.review.reason == "near miss: same first author"]
    assert list(zip(rows.a_source, rows.b_source, strict=True)) == [("a.md", "b.md")]


def test_one_review_row_per_pair_with_a_score_and_an_override_that_reverses_it():
    arxiv, page = "https://arxiv.org/abs/2105.05001", "https://example.org/project"
    m = run(
        e(1, ALPHA, arxiv, alt_urls=[page]),
        e(2, BETA, arxiv, source="b.md", alt_urls=[page]),  # doubtful twice: one id and one page
        e(3, "FedAlpha", "https://arxiv.org/abs/2105.05002"),
        e(4, "FedAlpha: " + BETA, "https://arxiv.org/abs/2105.05002", source="b.md"),
    )
    pairs = list(zip(m.review.a_line, m.review.a_source, m.review.b_line, m.review.b_source, strict=True))
    assert len(pairs) == len(set(pairs))
    assert (m.review.score > 0).all()
    conflict = m.review[m.review.reason.str.startswith("conflict")].iloc[0]
    settled = tomllib.loads(conflict.override)["override"][0]
    assert settled["same"] == [ALPHA, BETA]  # the shared link names both entries, so titles name them


def test_an_override_names_each_entry_by_a_page_or_title_the_other_lacks():
    # Same title, different arXiv ids: a conflict kept apart. The pages tell the two apart, so the
    # override names each by its own page; with the page shared too, nothing names one without the other.
    m = run(
        e(1, ALPHA, "https://arxiv.org/abs/2105.05001"),
        e(2, ALPHA, "https://arxiv.org/abs/2105.05002", "b.md"),
    )
    row = m.review.iloc[0]
    assert row.reason.startswith("conflict")
    assert tomllib.loads(row.override)["override"][0]["same"] == [
        "https://arxiv.org/abs/2105.05001",
        "https://arxiv.org/abs/2105.05002",
    ]
    page = "https://example.org/project"
    m = run(
        e(1, ALPHA, page, arxiv_id="2105.05001"),
        e(2, ALPHA, page, "b.md", arxiv_id="2105.05002"),
    )
    row = m.review.iloc[0]
    assert row.reason.startswith("conflict")
    assert (
        row.override
        == "# these entries share their page and title: no override can name one without the other"
    )


# ------------------------------------------------------------------------------- what users see


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_the_readme_and_source_issues_show_a_disputed_link(tmp_path: Path):
    src = tmp_path / "sources"
    _write(src, "one.md", f"# One\n\n## Papers\n\n- [{ALPHA}](https://arxiv.org/abs/2101.00001)\n")
    _write(
        src,
        "two.md",
        f"# Two\n\n## Papers\n\n- [{BETA}](https://arxiv.org/abs/2101.00001)\n"
        f"- [{GAMMA}](https://arxiv.org/abs/2101.00003) [code](https://github.com/example/shared)\n"
        f"- [{ALPHA}](https://arxiv.org/abs/2101.00001) [code](https://github.com/example/shared)\n"
        f"- [{GAMMA}](https://arxiv.org/abs/2101.00003)\n",
    )
    result = merge([src], jobs=1)
    result.write(tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "⚠" not in readme  # a doubt is the curator's: review.csv and source_issues.md, not the README
    (src / "awesome-merge.toml").write_text("[list]\nshow_doubts = true\n", encoding="utf-8")
    merge([src], jobs=1).write(tmp_path / "shown")
    lines = (tmp_path / "shown" / "README.md").read_text(encoding="utf-8").splitlines()
    beta = next(i for i, line in enumerate(lines) if line.startswith(f"- [**{BETA}**]"))
    assert "⚠ link also used for" in lines[beta + 1] and ALPHA in lines[beta + 1]
    issues = (tmp_path / "out" / "source_issues.md").read_text(encoding="utf-8")
    two = issues.split("## two.md", 1)[1]
    assert "line 5" in two and "Links that other lists use for another paper" in two
    assert "The same paper listed twice" in two and "listed 2 times: line 6" in two
    assert "Code links shared by different papers" in two and "github.com/example/shared" in two


def test_source_issues_lists_lines_that_could_not_be_read():
    frame = entries_frame([e(3, ALPHA, source="one.md")])
    text = source_issues(
        frame, ["x"], {}, [Diagnostic("one.md", 7, "entry-like line without a link")], ["one.md"]
    )
    assert "line 7: entry-like line without a link" in text


def test_the_run_summary_says_how_many_overrides_were_applied(tmp_path: Path):
    src = tmp_path / "sources"
    _write(src, "one.md", f"# One\n\n## Papers\n\n- [{ALPHA}](https://example.org/a)\n")
    _write(src, "two.md", f"# Two\n\n## Papers\n\n- [{BETA}](https://example.org/b)\n")
    _write(
        src,
        "awesome-merge.toml",
        '[[override]]\nsame = ["https://example.org/a", "https://example.org/b"]\n'
        '[[override]]\ndifferent = ["https://example.org/nowhere", "https://example.org/b"]\n',
    )
    done = subprocess.run(
        [command(), str(src), "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "1 of 2 overrides applied" in done.stderr


def test_a_dataset_row_named_as_the_paper_it_cites_is_that_paper():
    arxiv = "https://arxiv.org/abs/2402.06954"
    m = run(
        e(1, "OpenFedX: Training Language Models on Decentralized Private Data", arxiv),
        e(2, "OpenFedX", arxiv, source="b.md", kind="dataset"),
        e(3, "OpenFedX-Instruct-50K", arxiv, source="b.md", kind="dataset"),
    )
    assert same(m, 0, 1) and not same(m, 0, 2)


def test_a_paper_and_a_dataset_of_one_name_never_share_a_cluster_id():
    arxiv = "https://arxiv.org/abs/2402.06955"
    m = run(e(1, "FedX", arxiv), e(2, "FedX", arxiv, source="b.md", kind="dataset"))
    assert not same(m, 0, 1)


def test_a_paper_links_its_undisputed_page_before_a_disputed_one():
    from awesome_merge.fuse import fuse
    from awesome_merge.topics import HeadingTopics

    entries = [
        e(1, ALPHA, "https://arxiv.org/abs/2101.00001", alt_urls=["https://example.org/alpha"]),
        e(1, BETA, "https://arxiv.org/abs/2101.00001", source="b.md"),
    ]
    m = run(*entries)
    papers = fuse(
        entries_frame(entries), m.cluster_ids, HeadingTopics([]), m.disputes, identifiers=m.identifiers
    )
    alpha = papers[papers.title == ALPHA].iloc[0]
    assert alpha.url == "https://example.org/alpha"
    assert alpha.doubt.startswith("link also used for “" + BETA)


def test_one_title_under_two_ids_is_shown_on_both_papers_and_to_both_lists(tmp_path: Path):
    src = tmp_path / "sources"
    _write(src, "one.md", f"# One\n\n## Papers\n\n- [{ALPHA}](https://arxiv.org/abs/2101.00001)\n")
    _write(src, "two.md", f"# Two\n\n## Papers\n\n- [{ALPHA}](https://arxiv.org/abs/2101.00009)\n")
    result = merge([src], jobs=1)
    assert len(result.papers) == 2
    assert result.papers.doubt.str.startswith("also listed with another identifier as").all()
    result.write(tmp_path / "out")
    issues = (tmp_path / "out" / "source_issues.md").read_text(encoding="utf-8")
    assert issues.count("Titles that other lists link to another identifier") == 2
    assert "[https://arxiv.org/abs/2101.00009](https://arxiv.org/abs/2101.00009)" in issues
