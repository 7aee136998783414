"""Labelled pairs against one run's outputs: each true pair merged, or kept apart but shown to the curator.

    python benchmarks/pair_review.py OUT PAIRS.csv [PAIRS.csv ...] [-v]

OUT is the output folder of one run over the lists the pair files name (`dedup_report.csv` and
`review.csv` are read). A pairs file has the columns `a_source,a_line,a_title,b_source,b_line,b_title,same`
(as `../shared/corpus/labels/pairs-*.csv`; a file named `pairs-A--B--C--D.csv` whose rows lack the source
columns takes the sources `A--B.md` and `C--D.md` from its name). Each side is the report row of that
source within two lines of the label whose title is closest. Prints, per file and in total: true pairs
merged, true pairs kept apart with a review row naming both (and that row's reason), true pairs missed
silently, false pairs merged, and sides not read. A review row counts for the pair when it joins the two
papers the pair's entries are in (through any of their entries).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz


def _norm(text: object) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("pairs", nargs="+", type=Path)
    parser.add_argument("-v", action="store_true", help="print every pair that is not merged as it should be")
    args = parser.parse_args()
    by_line: dict[tuple[str, int], list[dict[str, str]]] = {}
    for row in _rows(args.out / "dedup_report.csv"):
        by_line.setdefault((row["source"], int(float(row["line"]))), []).append(row)
    cluster_at = {place: rows[0]["cluster_id"] for place, rows in by_line.items()}
    reviewed: dict[frozenset[str], str] = {}  # a review row between two papers, by their clusters
    for row in _rows(args.out / "review.csv"):
        places = [(row[f"{x}_source"], int(float(row[f"{x}_line"]))) for x in "ab"]
        reviewed.setdefault(frozenset(cluster_at.get(place, "") for place in places), row["reason"])

    def side(source: str, line: int, title: str) -> dict[str, str] | None:
        near = [r for d in (0, -1, 1, -2, 2) for r in by_line.get((source, line + d), [])]
        return max(near, key=lambda r: fuzz.ratio(_norm(title), _norm(r["title"])), default=None)

    total: Counter[str] = Counter()
    for path in args.pairs:
        counts: Counter[str] = Counter()
        named = re.match(r"pairs-(.+?)--(.+?)--(.+?)--(.+?)\.csv$", path.name)
        default = (f"{named[1]}--{named[2]}.md", f"{named[3]}--{named[4]}.md") if named else ("", "")
        for pair in _rows(path):
            sa, sb = pair.get("a_source") or default[0], pair.get("b_source") or default[1]
            ra = side(sa, int(float(pair["a_line"])), pair["a_title"])
            rb = side(sb, int(float(pair["b_line"])), pair["b_title"])
            same = pair["same"].strip().lower() in ("true", "1", "yes")
            if ra is None or rb is None:
                counts["unread"] += 1
                continue
            joined = ra["cluster_id"] == rb["cluster_id"]
            if not same:
                counts["false merged" if joined else "false kept apart"] += 1
                continue
            if joined:
                counts["true merged"] += 1
                continue
            reason = reviewed.get(frozenset({ra["cluster_id"], rb["cluster_id"]}))
            counts["true in review" if reason else "true missed"] += 1
            if args.v:
                shown = f"review: {reason}" if reason else "MISSED, no review row"
                print(
                    f"  {sa}:{pair['a_line']} {pair['a_title'][:40]!r} / {sb}:{pair['b_line']} "
                    f"{pair['b_title'][:40]!r}: {shown}"
                )
        total.update(counts)
        print(f"{path.name}: {dict(sorted(counts.items()))}")
    print(f"TOTAL: {dict(sorted(total.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
