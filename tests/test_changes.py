"""`summarize_changes`: the CHANGES.md a reviewer reads as the body of the refresh pull request."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from conftest import SPEC_PAPER_COLUMNS
from markdown_it import MarkdownIt

from awesome_merge.fetch import FetchOutcome
from awesome_merge.write.changes import LIST_LIMIT, summarize_changes


def papers(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Rows of (cluster_id, title, sources), round-tripped through CSV like a previous `papers.csv`."""
    records = [
        {
            "cluster_id": cid,
            "title": title,
            "url": f"https://arxiv.org/abs/{cid}",
            "venue": "ICLR",
            "year": 2024,
            "sources": sources,
            "n_entries": sources.count(";") + 1,
        }
        for cid, title, sources in rows
    ]
    frame = pd.DataFrame(records, columns=SPEC_PAPER_COLUMNS)
    return pd.read_csv(io.StringIO(frame.to_csv(index=False)))


def render(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def section(text: str, heading: str) -> list[str]:
    """The bullet lines under a `### heading (n)`."""
    match = re.search(rf"^### {heading} \(\d+\)\n\n((?:- .*\n)+)", text, re.MULTILINE)
    return match.group(1).splitlines() if match else []


OLD = papers(
    ("c1", "Federated Alpha", "yh-yao;longtanle"),
    ("c2", "Beta Tuning", "longtanle"),
    ("c3", "Gamma Privacy", "lishenghui"),
)
NEW = papers(
    ("c1", "Federated Alpha", "yh-yao;longtanle;lishenghui"),
    ("c3", "Gamma Privacy", "lishenghui"),
    ("c4", "Delta Split Learning", "yh-yao"),
    ("c5", "Aardvark Adapters", "lishenghui"),
)


def test_added_and_removed_papers_are_listed_by_title() -> None:
    text = summarize_changes(OLD, NEW)
    assert "4 papers (was 3): 2 added, 1 removed." in text
    added = section(text, "Added papers")
    assert [line.split("](")[0] for line in added] == ["- [Aardvark Adapters", "- [Delta Split Learning"]
    assert added[1] == "- [Delta Split Learning](https://arxiv.org/abs/c4) (ICLR 2024 · in yh-yao)"
    assert section(text, "Removed papers") == [
        "- [Beta Tuning](https://arxiv.org/abs/c2) (ICLR 2024 · in longtanle)"
    ]


def test_per_source_counts_follow_the_sources_column() -> None:
    text = summarize_changes(OLD, NEW)
    # lishenghui now also lists c1 and gained c5; longtanle lost c2; yh-yao gained c4
    assert "| lishenghui | 3 | 2 | 0 |" in text
    assert "| longtanle | 1 | 0 | 1 |" in text
    assert "| yh-yao | 2 | 1 | 0 |" in text


def test_no_change_says_so() -> None:
    text = summarize_changes(OLD, OLD)
    assert "3 papers: none added or removed." in text
    assert "### Added" not in text and "### Removed" not in text


def test_first_run_gives_counts() -> None:
    text = summarize_changes(None, NEW)
    assert "First run" in text and "4 papers from 3 lists" in text
    assert "| lishenghui | 3 |" in text and "| yh-yao | 2 |" in text
    assert "### Added" not in text  # listing every paper would not help anyone


def test_fetch_outcomes_that_matter_are_reported_first_the_failures() -> None:
    outcomes = [
        FetchOutcome(
            "yh-yao", "updated", "updated from https://e.org/a_b.md: 12 entries (previously 10)", None
        ),
        FetchOutcome("local", "skipped", "local source", None),
        FetchOutcome("same", "unchanged", "not modified upstream (HTTP 304)", None),
        FetchOutcome("lishenghui", "refused", "https://e.org/x.md now has 2 entries against 90", None),
        FetchOutcome(
            "longtanle", "failed", "HTTP 404 from https://e.org/y.md; kept the previous snapshot", None
        ),
    ]
    text = summarize_changes(OLD, NEW, outcomes)
    lines = [line for line in text.splitlines() if line.startswith("- **")]
    assert [line.split("`")[1] for line in lines] == ["longtanle", "lishenghui", "yh-yao"]
    assert lines[0] == (
        "- **failed** `longtanle`: HTTP 404 from [https://e.org/y.md](https://e.org/y.md); "
        "kept the previous snapshot"
    )
    assert 'href="https://e.org/a_b.md"' in render(text)  # a URL stays a working link


def test_a_hostile_title_renders_as_text() -> None:
    hostile = "]( javascript:alert(1) <script>alert(2)</script> *x* _y_ | `z`"
    new = pd.concat(
        [NEW, papers(("c9", hostile, "yh-yao|evil"), ("c10", hostile, "yh-yao"))], ignore_index=True
    )
    new.loc[new["cluster_id"] == "c9", "url"] = "javascript:alert(3)"
    new.loc[new["cluster_id"] == "c4", "url"] = "https://e.org/a b)(<x>"
    html = render(summarize_changes(OLD, new))
    assert "<script" not in html and "<em>" not in html and "<code>" not in html
    assert re.findall(r'href="([^"]*)"', html) == [
        "https://arxiv.org/abs/c10",  # linked, with the whole hostile title as its text
        "https://arxiv.org/abs/c5",
        "https://e.org/a%20b%29%28%3Cx%3E",  # nothing in a URL can end the link early
        "https://arxiv.org/abs/c2",
    ]
    shown = "]( javascript:alert(1) &lt;script&gt;alert(2)&lt;/script&gt; *x* _y_ | `z`"
    assert f'<a href="https://arxiv.org/abs/c10">{shown}</a>' in html
    assert f"<li>{shown} (ICLR 2024 · in yh-yao|evil)</li>" in html
    assert html.count("<tr>") == 1 + 4  # the header and one row per list: the `|` in a name split no cell


def test_a_title_that_looks_like_a_list_marker_stays_in_its_item() -> None:
    new = pd.concat(
        [OLD, papers(("c7", "1. Intro", "yh-yao"), ("c8", "- Dash", "yh-yao"))], ignore_index=True
    )
    new["url"] = ""
    html = render(summarize_changes(OLD, new))
    assert "<li>1. Intro (ICLR 2024 · in yh-yao)</li>" in html
    assert "<li>- Dash (ICLR 2024 · in yh-yao)</li>" in html


def test_long_lists_are_capped() -> None:
    many = papers(*[(f"n{i:03d}", f"Paper {i:03d}", "yh-yao") for i in range(LIST_LIMIT + 7)])
    text = summarize_changes(OLD, pd.concat([OLD, many], ignore_index=True))
    added = section(text, "Added papers")
    assert len(added) == LIST_LIMIT + 1 and added[-1] == "- … and 7 more"
    assert f"### Added papers ({LIST_LIMIT + 7})" in text


def test_output_is_deterministic() -> None:
    shuffled_old = OLD.sample(frac=1, random_state=1)
    shuffled_new = NEW.sample(frac=1, random_state=2)
    outcomes = [FetchOutcome(n, "updated", "updated", Path(f"{n}.md")) for n in ("b", "a", "c")]
    text = summarize_changes(OLD, NEW, outcomes)
    assert summarize_changes(shuffled_old, shuffled_new, outcomes[::-1]) == text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_missing_cells_from_csv_are_blank_not_nan() -> None:
    new = NEW.copy()
    new["venue"] = float("nan")
    new["year"] = float("nan")
    text = summarize_changes(OLD, new)
    assert "nan" not in text.lower()
    assert "- [Delta Split Learning](https://arxiv.org/abs/c4) (in yh-yao)" in text
