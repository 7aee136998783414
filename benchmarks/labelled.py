"""Precision, recall and F1 of the matcher against the hand-labelled duplicates of the bundled sources.

    python benchmarks/labelled.py            # prints the figures

Truth lives in tests/data/: duplicate_groups.csv (every group of entries that is one paper; `basis` says
whether the lists themselves show it, or only a label's name or outside knowledge does) and
different_pairs.csv (confusable pairs that are different papers).
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


@dataclass
class Scores:
    true_pairs: int
    found_pairs: int
    wrong_merges: list[tuple[str, str]]
    missed: list[tuple[str, str]]
    predicted_pairs: int
    missed_groups: set[str]

    @property
    def recall(self) -> float:
        return self.found_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def precision(self) -> float:
        correct = self.predicted_pairs - len(self.wrong_merges)
        return correct / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _cluster_lookup(report: pd.DataFrame) -> dict[tuple[str, int, str], str]:
    return {
        (s, int(ln), u): c
        for s, ln, u, c in zip(report.source, report.line, report.url, report.cluster_id, strict=True)
    }


def score(report: pd.DataFrame, bases: tuple[str, ...] = ("lists",)) -> Scores:
    """Pairwise scores over the labelled entries; only groups members whose `basis` is in `bases` count."""
    lookup = _cluster_lookup(report)
    groups = pd.read_csv(DATA / "duplicate_groups.csv", dtype=str, keep_default_na=False)
    groups = groups[groups.basis.isin(bases)]
    clusters = [lookup.get((r.source, int(r.line), r.url)) for r in groups.itertuples()]
    if any(c is None for c in clusters):
        raise SystemExit("labelled entries not found in the report: the labels or the parser changed")
    groups = groups.assign(cluster=clusters)
    true_pairs = found = 0
    missed = []
    missed_groups: set[str] = set()
    for group, rows in groups.groupby("group"):
        for a, b in itertools.combinations(rows.itertuples(), 2):
            true_pairs += 1
            if a.cluster == b.cluster:
                found += 1
            else:
                missed.append((f"{a.source}:{a.line} {a.title}", f"{b.source}:{b.line} {b.title}"))
                missed_groups.add(str(group))
    wrong = []
    # Predicted pairs among labelled entries: same cluster. Wrong when the labels put them in other groups.
    predicted = 0
    for _, rows in groups.groupby("cluster"):
        for a, b in itertools.combinations(rows.itertuples(), 2):
            predicted += 1
            if a.group != b.group:
                wrong.append((f"{a.source}:{a.line} {a.title}", f"{b.source}:{b.line} {b.title}"))
    different = pd.read_csv(DATA / "different_pairs.csv", dtype=str, keep_default_na=False)
    for r in different.itertuples():
        ca = lookup.get((r.a_source, int(r.a_line), r.a_url))
        cb = lookup.get((r.b_source, int(r.b_line), r.b_url))
        if ca is None or cb is None:
            raise SystemExit(f"pair not found in the report: {r.a_title} / {r.b_title}")
        predicted += ca == cb
        if ca == cb:
            wrong.append((f"{r.a_source}:{r.a_line} {r.a_title}", f"{r.b_source}:{r.b_line} {r.b_title}"))
    return Scores(true_pairs, found, wrong, missed, predicted, missed_groups)


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from awesome_merge import merge

    report = merge([ROOT / "sources"], jobs=1).report
    print("| pairs counted | true pairs | found | precision | recall | F1 | wrong merges |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, bases in (
        ("shown by the lists", ("lists",)),
        ("+ label names", ("lists", "label name")),
        ("all labelled", ("lists", "label name", "outside knowledge")),
    ):
        s = score(report, bases)
        print(
            f"| {name} | {s.true_pairs} | {s.found_pairs} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {len(s.wrong_merges)} |"
        )
    s = score(report, ("lists", "label name", "outside knowledge"))
    for a, b in s.wrong_merges:
        print(f"WRONG MERGE: {a} ~ {b}")
    for a, b in s.missed:
        print(f"missed: {a} ~ {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
