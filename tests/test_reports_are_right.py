"""What source_issues.md and review.csv tell a curator is checked against the entries first: each test is
one false claim the reports made, on invented entries."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from conftest import entries_frame, hand_entry

from awesome_merge import merge
from awesome_merge.diagnostics import Diagnostic
from awesome_merge.write.checks import confirmed_review
from awesome_merge.write.issues import source_issues

SLIDES = "https://docs.example.org/presentation/d/widget-talk/edit"


def test_a_slides_link_three_papers_share_is_not_one_paper_listed_three_times() -> None:
    entries = entries_frame(
        [
            hand_entry("a.md", 10, "Widgets Learn From Gadgets", SLIDES, section="Talks"),
            hand_entry("a.md", 11, "Gadgets Count Widgets Quickly", SLIDES, section="Talks"),
            hand_entry("a.md", 12, "Scaling Widget Networks Further", SLIDES, section="Talks"),
        ]
    )
    text = source_issues(entries, ["url:slides"] * 3, {}, [], ["a.md"])
    assert "listed 3 times" not in text


def test_a_paper_really_listed_twice_is_still_said() -> None:
    paper = "https://arxiv.org/abs/2401.00001"
    entries = entries_frame(
        [
            hand_entry("a.md", 10, "Widgets Learn From Gadgets", paper, section="Widgets"),
            hand_entry("a.md", 20, "Widgets Learn From Gadgets", paper, section="Widgets"),
        ]
    )
    text = source_issues(entries, ["arxiv:2401.00001"] * 2, {}, [], ["a.md"])
    assert "“Widgets Learn From Gadgets” is listed 2 times: line 10 (Widgets), line 20 (Widgets)." in text


def test_a_warned_line_whose_links_the_merged_list_holds_is_not_missing_from_it() -> None:
    lines = [
        "**Gadget Nets: Learning From Small Widgets**",
        "",
        "- Paper: https://arxiv.org/abs/2401.00004",
        "- Code: https://github.com/c/gadget-nets",
        "- Slides: https://gadget-nets.example.org/slides-only-here.pdf",
    ]
    entries = entries_frame(
        [
            hand_entry(
                "a.md",
                1,
                "Gadget Nets: Learning From Small Widgets",
                "https://arxiv.org/abs/2401.00004",
                code_url="https://github.com/c/gadget-nets",
            )
        ]
    )
    warned = [Diagnostic("a.md", n, "looks like an entry but has no readable link") for n in (3, 4, 5)]
    text = source_issues(entries, ["arxiv:2401.00004"], {}, warned, ["a.md"], source_lines={"a.md": lines})
    assert "line 3:" not in text and "line 4:" not in text  # both links are in the merged list
    assert "- line 5: looks like an entry but has no readable link" in text  # this one is missing indeed


def test_the_issues_page_reads_the_lines_of_the_warned_lists_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A hundred lists' lines were read and held at once to check the warnings of a few."""
    from awesome_merge.write.files import SourceLines

    paths = {}
    for name in ("a.md", "b.md"):
        paths[name] = tmp_path / name
        paths[name].write_text("# List\n\n- not an entry at all\n", encoding="utf-8")
    asked: list[str] = []

    class Recorded(SourceLines):
        def __getitem__(self, name: str) -> list[str]:
            asked.append(name)
            return super().__getitem__(name)

    entries = entries_frame(
        [hand_entry("a.md", 9, "Widgets Learn From Gadgets", "https://arxiv.org/abs/2401.00001")]
    )
    warned = [Diagnostic("b.md", 3, "looks like an entry but has no readable link")]
    text = source_issues(
        entries, ["arxiv:2401.00001"], {}, warned, ["a.md", "b.md"], source_lines=Recorded(paths)
    )
    assert asked == ["b.md"]
    assert "- line 3: looks like an entry but has no readable link" in text


def _review(*rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    columns = ["a_source", "a_line", "a_title", "b_source", "b_line", "b_title", "score", "reason",
               "decision", "a_url", "b_url", "override"]  # fmt: skip
    return pd.DataFrame(
        [
            ["a.md", 1, a, "b.md", 2, b, 90.0, reason, "kept apart", ua, ub, ""]
            for a, b, reason, ua, ub in rows
        ],
        columns=columns,
    )


def test_no_review_row_pairs_a_paper_with_a_post_about_it() -> None:
    review = _review(
        ("Widgets Learn From Gadgets", "小部件从噪声中学习：一篇解读", "near miss: similar titles below the threshold",
         "https://arxiv.org/abs/2401.00001", "https://mp.weixin.qq.com/s/AbCdEf"),
        ("Widgets Learn From Gadgets", "Widgets Learn From Gadget", "near miss: similar titles below the threshold",
         "https://arxiv.org/abs/2401.00001", "https://arxiv.org/abs/2401.00009"),
    )  # fmt: skip
    assert confirmed_review(review).b_title.tolist() == ["Widgets Learn From Gadget"]


def test_two_different_full_titles_are_never_called_a_label_and_its_paper() -> None:
    label = "possible match: the label is this paper's name, but no identifier or page is shared"
    review = _review(
        ("HOPS: Holistic Outdoor Panoramic Scenes", "HOPS: Human Pose Splats", label,
         "https://arxiv.org/abs/2402.00001", "https://arxiv.org/abs/2402.00002"),
        ("SLoWA: Slow Widget Adaptation for Gadgets", "SLoWA", label,
         "https://arxiv.org/abs/2402.00003", "https://arxiv.org/abs/2402.00004"),
    )  # fmt: skip
    assert confirmed_review(review).b_title.tolist() == ["SLoWA"]


def test_the_summary_counts_the_review_rows_written(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    (src / "one.md").write_text(
        "# One\n\n## Widgets\n\n- [HOPS: Holistic Outdoor Panoramic Scenes](https://arxiv.org/abs/2402.00001)\n"
    )
    (src / "two.md").write_text(
        "# Two\n\n## Widgets\n\n- [HOPS: Human Pose Splats](https://arxiv.org/abs/2402.00002)\n"
    )
    result = merge([src], jobs=1)
    result.write(tmp_path / "out")
    written = pd.read_csv(tmp_path / "out" / "review.csv", dtype=str)
    assert "HOPS: Human Pose Splats" not in written.a_title.tolist() + written.b_title.tolist()
