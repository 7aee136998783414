"""Matching rules a curator relies on: no silent limits, page keys, name prefixes, title forms, thresholds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import entries_frame, hand_entry, same_cluster

from awesome_merge.cli import main
from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.match import evidence, match_entries

CFG = MatchConfig()


def e(line: int, title: str, url: str = "", source: str = "a.md", **kw) -> Entry:
    return hand_entry(source, line, title, url, **kw)


def run(*entries: Entry):
    return match_entries(entries_frame(entries), CFG)


same = same_cluster


def _made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9))


def _crowded_block(n: int) -> list[Entry]:
    """`n` different papers whose only words beyond two of their own are three that all of them share, so
    all of them fall in one block; then one paper listed twice, with a slip of the pen in one list."""
    rng = random.Random(n)
    rows = [
        e(i + 1, f"{_made_up_word(rng)} {_made_up_word(rng)} widget gadget sprocket", source="a.md")
        for i in range(n)
    ]
    rows.append(e(n + 1, "zorbex quilnar widget gadget sprocket", source="a.md"))
    rows.append(e(1, "zorbexx quilnarr widget gadget sprocket", source="b.md"))
    return rows


def test_a_typo_pair_among_hundreds_of_titles_sharing_their_words_is_still_found():
    rows = _crowded_block(450)
    m = run(*rows)
    assert same(m, len(rows) - 2, len(rows) - 1)
    assert len(set(m.cluster_ids)) == 451  # the other 450 papers stay apart
    assert m.title_pairs.pairs_skipped == 0 and m.title_pairs.pairs_scored >= 450 * 449 // 2


def test_a_block_too_big_to_score_is_counted_and_reported_by_the_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setattr(evidence, "MAX_BLOCK", 40)
    rows = _crowded_block(60)
    m = run(*rows)
    assert not same(m, len(rows) - 2, len(rows) - 1)  # left out, and said so:
    assert m.title_pairs.blocks_skipped >= 1 and m.title_pairs.pairs_skipped >= 62 * 61 // 2

    sources = tmp_path / "lists"
    sources.mkdir()
    lines = "\n".join(f"- [{r.title}](https://example.org/{r.source}/{r.line})" for r in rows[:-1])
    (sources / "a.md").write_text("# Papers\n\n" + lines + "\n", encoding="utf-8")
    (sources / "b.md").write_text(f"# Papers\n\n- {rows[-1].title}\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(sources), "-o", str(tmp_path / "out"), "-v", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "title pairs not compared" in result.stderr
    assert re.search(r"title pairs: \d+ compared, [1-9]\d* not compared", result.stderr)


BADGE = "https://img.shields.io/badge/Conf'2023-blue"


def test_a_badge_or_an_image_file_is_never_a_page_two_entries_share():
    from awesome_merge.match.keys import comparison_keys

    urls = [BADGE, "https://example.org/figures/teaser.PNG", "https://example.org/logo.svg?raw=true",
            "https://badgen.net/badge/stars/12", "https://example.org/paper/widgets"]  # fmt: skip
    _, pages = comparison_keys(["t"] * len(urls), urls, [""] * len(urls))
    assert pages[:4] == [[], [], [], []] and pages[4]
    m = run(
        e(1, "Paper", BADGE, source="a.md"),
        e(2, "PDF", BADGE, source="b.md"),
        e(
            3,
            "Structure-Guided Widget Synthesis with Gadgets",
            "https://example.org/teaser.gif",
            source="a.md",
        ),
        e(
            4,
            "Learning Sprocket Alignment from Noisy Gear Trains",
            "https://example.org/teaser.gif",
            source="b.md",
        ),
    )
    assert not same(m, 0, 1) and not same(m, 2, 3)
    assert not m.review.reason.str.contains("same page").any()  # not even a conflict to look at


NAMED = "Foo-1: Structure-Guided Widget Synthesis with Gadgets"
BARE = "Structure-Guided Widget Synthesis with Gadgets"


def test_a_short_name_before_the_title_is_one_paper_with_the_bare_title():
    m = run(e(1, NAMED, year=2023), e(2, BARE, source="b.md", year=2024))
    assert same(m, 0, 1)
    assert set(m.report.matched_by) == {"self", "name_prefix"}
    # written in capitals, or in lower case, the name still falls away
    m = run(
        e(1, "WIDGETRON: LEARNING GEAR TRAINS FROM SPROCKETS"), e(2, "learning gear trains from sprockets")
    )
    assert same(m, 0, 1)


def test_a_name_prefix_joins_nothing_when_years_or_identifiers_disagree():
    apart = [
        run(e(1, NAMED, year=2019), e(2, BARE, source="b.md", year=2024)),
        run(e(1, NAMED, "https://arxiv.org/abs/2401.01234"), e(2, BARE, "https://arxiv.org/abs/2402.04321")),
        run(
            e(1, NAMED, "https://doi.org/10.1145/3580305.3599001"),
            e(2, BARE, "https://doi.org/10.1109/TPAMI.2023.1234567"),
        ),
    ]
    assert not any(same(m, 0, 1) for m in apart)
    assert not apart[1].review.reason.str.contains("name_prefix").any()  # no conflict row made by the rule


def test_a_name_prefix_never_joins_a_short_generic_rest_or_two_names_sharing_one_title():
    assert not same(run(e(1, "Foo-1: Deep Widget Models"), e(2, "Deep Widget Models", source="b.md")), 0, 1)
    assert not same(run(e(1, "Survey: Structure-Guided Widget Synthesis with Gadgets"), e(2, BARE)), 0, 1)
    m = run(
        e(1, NAMED), e(2, "Bar-2: Structure-Guided Widget Synthesis with Gadgets"), e(3, BARE, source="b.md")
    )
    assert not same(m, 0, 1)


def test_small_capitals_capitals_lower_case_and_bibtex_braces_are_one_title():
    forms = [
        "Wɪᴅɢᴇᴛʀᴏɴ: Learning Gear Trains from Noisy Sprockets",
        "WIDGETRON: LEARNING GEAR TRAINS FROM NOISY SPROCKETS",
        "widgetron: learning gear trains from noisy sprockets",
        "{W}idgetron: {L}earning Gear Trains from Noisy {S}prockets",
    ]
    m = run(*(e(i + 1, title, source=f"{i}.md") for i, title in enumerate(forms)))
    assert len(set(m.cluster_ids)) == 1
    assert set(m.report.score) == {100.0}  # equal once normalised, not merely similar


def test_an_arxiv_link_with_a_doubled_slash_gives_its_id_and_joins_its_paper():
    m = run(
        e(1, "Widgetron", "https://arxiv.org/abs//2401.01234"),
        e(
            2,
            "Learning Gear Trains from Noisy Sprockets",
            "https://arxiv.org/pdf/2401.01234v2",
            source="b.md",
        ),
    )
    assert m.report.arxiv_id.iloc[0] == "2401.01234"
    assert same(m, 0, 1) and m.cluster_ids[0] == "arxiv:2401.01234"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--review-threshold", "95"], "'--review-threshold': expected at most title_threshold (92), got 95"),
        (["--title-threshold", "70"], "'--title-threshold': expected at least review_threshold (80), got 70"),
        (
            ["--title-threshold", "85", "--review-threshold", "90"],
            "'--review-threshold': expected at most title_threshold (85), got 90",
        ),
    ],
)
def test_a_review_threshold_above_the_title_threshold_on_the_command_line_is_a_clear_usage_error(
    tmp_path: Path, options: list[str], message: str
):
    sources = tmp_path / "lists"
    sources.mkdir()
    (sources / "a.md").write_text(
        "# Papers\n\n- [Widget Synthesis](https://example.org/w)\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, [str(sources), "-o", str(tmp_path / "out"), *options])
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "out").exists()  # nothing merged or written with thresholds that cannot work


def test_thresholds_the_command_line_changes_are_checked_with_the_config_files(tmp_path: Path):
    sources = tmp_path / "lists"
    sources.mkdir()
    (sources / "a.md").write_text(
        "# Papers\n\n- [Widget Synthesis](https://example.org/w)\n", encoding="utf-8"
    )
    (sources / "awesome-merge.toml").write_text("[match]\ntitle_threshold = 96\nreview_threshold = 90\n")
    ok = CliRunner().invoke(
        main, [str(sources), "-o", str(tmp_path / "out"), "--review-threshold", "94", "-q"]
    )
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(
        main, [str(sources), "-o", str(tmp_path / "out"), "--title-threshold", "85", "-q"]
    )
    assert bad.exit_code == 2 and "expected at least review_threshold (90), got 85" in bad.stderr


def test_a_preprint_citation_given_as_the_title_claims_no_paper_and_the_shared_id_joins():
    """`arXiv preprint arXiv:2401.01234 (2024)` in place of a title repeats the link and names nothing:
    it does not dispute the arXiv id with the list that gives the paper's title."""
    m = run(
        e(1, "arXiv preprint arXiv:2401.01234 (2024)", "https://arxiv.org/abs/2401.01234"),
        e(
            2,
            "Widgetron: Learning Gear Trains from Noisy Sprockets",
            "https://arxiv.org/abs/2401.01234",
            source="b.md",
        ),
        e(3, "bioRxiv 2023.07.15.123456", "https://doi.org/10.1101/2023.07.15.123456"),
        e(
            4,
            "Sprocket Language Models Predict Gear Structure",
            "https://doi.org/10.1101/2023.07.15.123456",
            source="b.md",
        ),
        e(5, "arXiv preprint arXiv:2402.04321 (2024)", "https://arxiv.org/abs/2402.04321", source="c.md"),
    )
    assert same(m, 0, 1) and same(m, 2, 3)
    assert not m.review.reason.str.startswith("conflict").any()
    assert not same(m, 0, 4)  # two citations alike in words are still two papers
    assert not m.review.a_title.str.startswith("arXiv preprint").any()  # and no near miss to look at


def test_a_preprint_doi_and_a_published_doi_of_one_title_are_a_possible_match_never_a_merge():
    """bioRxiv's DOI on one list, the journal's on another: likely the preprint and its published version,
    but two DOIs in one paper is also how a list's slip looks, so a curator decides; two publisher DOIs
    under one title stay a conflict."""
    title = "Sprocket Language Models Predict Gear Structure at Scale"
    m = run(
        e(1, title, "https://www.biorxiv.org/content/10.1101/2023.07.15.123456v2"),
        e(2, title, "https://doi.org/10.1038/s41586-024-01234-5", source="b.md"),
        e(3, "Widget Trains Learned from Noisy Sprockets", "https://doi.org/10.1145/3600000.3600001"),
        e(
            4,
            "Widget Trains Learned from Noisy Sprockets",
            "https://doi.org/10.1109/TPAMI.2024.1234567",
            source="b.md",
        ),
    )
    assert not same(m, 0, 1) and not same(m, 2, 3)
    reasons = dict(zip(m.review.a_title, m.review.reason, strict=True))
    assert reasons[title].startswith("possible match: same title, a preprint's DOI and a published DOI")
    assert reasons["Widget Trains Learned from Noisy Sprockets"] == "conflict: same title, different DOIs"
    row = m.review[m.review.a_title == title].iloc[0]
    assert row.decision == "kept apart" and row.override.startswith("[[override]]\nsame = [")


def test_a_retitled_paper_is_compared_through_the_rarest_words_another_title_shares():
    """Words no other title holds (`Pepwidget`, `generation`, `swiftly`) block a title with nobody; the
    rarest words the two versions do share put them in one block, so the retitled pair is a near miss."""
    assert evidence._rare_tokens(["uniqa uniqb uniqc binders", "uniqd uniqe uniqf binders"]) == [
        ["binders"],
        ["binders"],
    ]
    rng = random.Random(7)
    crowd = [
        e(
            10 + i,
            f"{_made_up_word(rng).title()} {_made_up_word(rng)} widget binders masked language",
            f"https://example.org/{i}",
            source="c.md",
        )
        for i in range(30)
    ]
    m = run(
        e(
            1,
            "Target conditioned design of widget binders using masked language modeling gently",
            "https://doi.org/10.1038/s41587-025-01234-2",
        ),
        e(
            2,
            "Pepwidget: Target conditioned generation of widget binders via masked language modeling swiftly",
            "https://arxiv.org/abs/2310.01234",
            source="b.md",
        ),
        *crowd,
    )
    assert not same(m, 0, 1)
    pair = m.review[
        m.review.a_title.str.startswith(("Target", "Pepwidget"))
        & m.review.b_title.str.startswith(("Target", "Pepwidget"))
    ]
    assert len(pair) == 1 and pair.iloc[0].reason.startswith("near miss")
