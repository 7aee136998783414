"""How well the reader reads real lists: the hand-labelled corpus scored, one Markdown table row per list.

    python benchmarks/reader.py --corpus ../shared/corpus --scorer ../shared/tools/corpus_score.py

The corpus is a folder with `lists/NAME.md` and `labels/NAME.csv` (30 hand-labelled lines per list); the
scorer is the script that defines what counts (found, title, junk, fields, bad titles). Neither belongs to
this repository, so both are passed in. Prints numbers only; nothing here asserts a threshold.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FIELDS = ("venue", "year", "authors", "code", "kind")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def share(ok: int, total: int) -> str:
    return f"{ok / total:.2f}" if total else "n/a"


def row(name: str, st: dict) -> str:
    cells = [
        name,
        str(st["entries"]),
        share(st["found"], st["entries"]),
        share(st["title"], st["entries"]),
        f"{st['junk']} of {st['not']}",
        *(share(*st[f]) for f in FIELDS),
        f"{st['bad']} of {st['read']}",
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="folder with lists/ and labels/")
    ap.add_argument("--scorer", type=Path, required=True, help="corpus_score.py")
    ap.add_argument("names", nargs="*", help="list names (file stems); default: every labelled list")
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    labels = args.corpus / "labels"
    names = args.names or sorted(p.stem for p in labels.glob("*.csv") if not p.stem.startswith("pairs-"))
    print("| list | labelled | found | titles | non-entries read | " + " | ".join(FIELDS) + " | bad titles |")
    print("|---|" + "---:|" * (5 + len(FIELDS)))
    total: dict = {k: 0 for k in ("entries", "found", "title", "not", "junk", "read", "bad")}
    total.update({f: [0, 0] for f in FIELDS})
    for name in names:
        path = next(iter((args.corpus / "lists").glob(name + ".*")), None)
        if path is None:
            print(f"{name}: list file missing", file=sys.stderr)
            continue
        with open(labels / f"{name}.csv", newline="", encoding="utf-8") as handle:
            st = scorer.score_list(path, list(csv.DictReader(handle)), False)
        print(row(name, st))
        for key in ("entries", "found", "title", "not", "junk", "read", "bad"):
            total[key] += st[key]
        for field in FIELDS:
            total[field] = [total[field][0] + st[field][0], total[field][1] + st[field][1]]
    print(row(f"**all {len(names)}**", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
