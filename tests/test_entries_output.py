"""entries.csv: the whole entries frame, with the paper each entry joined, readable without parsing again."""

from __future__ import annotations

from pathlib import Path

from awesome_merge import merge, read_outputs
from awesome_merge.frame import ENTRY_COLUMNS


def test_entries_csv_holds_every_entry_with_its_cluster(tmp_path: Path) -> None:
    """Catches an entries.csv that drops entries, loses the kind, or points an entry at the wrong paper."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(
        "## Papers\n- [Counting Pebbles Fast](https://arxiv.org/abs/2301.00001)\n"
        "## Datasets\n- [Pebble-1M](https://example.org/pebbles) - a million pebbles\n",
        encoding="utf-8",
    )
    (src / "b.md").write_text(
        "- Counting Pebbles Fast. [[pdf]](https://arxiv.org/pdf/2301.00001v2)\n", encoding="utf-8"
    )
    result = merge([src], jobs=1)
    result.write(tmp_path / "out")
    tables = read_outputs(tmp_path / "out")
    entries, report = tables["entries"], tables["dedup_report"]
    assert list(entries.columns) == [*ENTRY_COLUMNS, "cluster_id"]
    assert len(entries) == len(report) == 3
    assert entries["cluster_id"].tolist() == report["cluster_id"].tolist()
    assert entries["kind"].tolist() == ["paper", "dataset", "paper"]
    first, _, other = entries["cluster_id"].tolist()
    assert first == other  # the same arXiv paper from two lists is one cluster
