"""Matching rules a curator relies on: no silent limits, page keys, name prefixes, title forms, thresholds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import entries_frame

from awesome_merge.cli import main
from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.ids import identifiers_from_url
from awesome_merge.match import evidence, match_entries

CFG = MatchConfig()


def e(line: int, title: str, url: str = "", source: str = "a.md", **kw) -> Entry:
    ids = identifiers_from_url(url) if url else None
    return Entry(
        source=source,
        line=line,
        title=title,
        url=url,
        arxiv_id=kw.pop("arxiv_id", ids.arxiv_id if ids else ""),
        doi=kw.pop("doi", ids.doi if ids else ""),
        **kw,
    )


def run(*entries: Entry):
    return match_entries(entries_frame(entries), CFG)


def same(m, i: int, j: int) -> bool:
    return m.cluster_ids[i] == m.cluster_ids[j]


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
