"""Reader speed on real lists: seconds per MB of `parse_file` alone, per folder, best of a few rounds.

    python benchmarks/parse_speed.py ../shared/wild/lists ../shared/history/*/

Run it from two checkouts in turn (for example `PYTHONPATH=OLD/src python benchmarks/parse_speed.py ...`)
to compare a change against the reader before it on the same machine and load. Prints numbers only.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from awesome_merge.parse import parse_file


def seconds_per_mb(files: list[Path], rounds: int) -> tuple[float, float]:
    size = sum(f.stat().st_size for f in files) / 1e6
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for f in files:
            parse_file(f)
        best = min(best, time.perf_counter() - start)
    return size, best / size if size else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("| folder | MB | s per MB |")
    print("| --- | ---: | ---: |")
    for folder in args.folders:
        files = sorted(p for p in folder.rglob("*.md") if p.is_file())
        size, rate = seconds_per_mb(files, args.rounds)
        print(f"| {folder.name or folder} | {size:.1f} | {rate:.3f} |")


if __name__ == "__main__":
    main()
