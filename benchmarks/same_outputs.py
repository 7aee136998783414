"""Check that a change to the writers (or anything else) leaves every output byte-identical.

Why: speeding up a writer must not change one byte of what it writes, and the committed `output/` covers
only the bundled lists. Take a snapshot of the outputs on any folders of lists before the change, then
compare after it:

    python benchmarks/same_outputs.py snapshot /tmp/before sources ../shared/wild/lists
    python benchmarks/same_outputs.py compare /tmp/before        # exit 1 and the files that differ

The snapshot remembers the folders it was taken on (`folders.txt`); each is merged by the command as a
user runs it (`awesome-merge DIR -o OUT`), with `--group-by` topic, year and source.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

GROUPINGS = ("topic", "year", "source")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("awesome-merge")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "awesome_merge"]


def _label(folder: Path, i: int) -> str:
    return f"{i:02d}-{folder.resolve().name}"


def write_all(folders: list[Path], into: Path, groupings: tuple[str, ...] = GROUPINGS) -> None:
    """Every folder's outputs, once per grouping, under `into/LABEL/GROUPING/`."""
    for i, folder in enumerate(folders):
        for group in groupings:
            out = into / _label(folder, i) / group
            argv = [*_command(), str(folder), "-o", str(out), "-q", "--group-by", group]
            done = subprocess.run(argv, capture_output=True, text=True)
            if done.returncode not in (0, 4):
                sys.exit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr[-400:]}")
            print(f"{folder} --group-by {group}: exit {done.returncode}", file=sys.stderr)


def differences(before: Path, after: Path, groupings: tuple[str, ...] = GROUPINGS) -> list[str]:
    """Relative paths (of the groupings compared) present in only one tree or with other bytes."""
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    names = {n for n in names if len(n.parts) == 3 and n.parts[1] in groupings}
    out = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not (a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes()):
            out.append(str(name))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    snap = sub.add_parser("snapshot", help="write the outputs of FOLDERS into SNAPSHOT")
    snap.add_argument("snapshot", type=Path)
    snap.add_argument("folders", type=Path, nargs="+")
    comp = sub.add_parser("compare", help="write them again and compare byte for byte")
    comp.add_argument("snapshot", type=Path)
    comp.add_argument("--group-by", action="append", choices=GROUPINGS, help="only these (repeatable)")
    args = parser.parse_args()
    if args.action == "snapshot":
        args.snapshot.mkdir(parents=True, exist_ok=True)
        write_all(args.folders, args.snapshot)
        (args.snapshot / "folders.txt").write_text("\n".join(str(f.resolve()) for f in args.folders) + "\n")
        return
    folders = [Path(line) for line in (args.snapshot / "folders.txt").read_text().splitlines() if line]
    with tempfile.TemporaryDirectory(prefix="awesome-merge-same-") as tmp:
        groupings = tuple(args.group_by or GROUPINGS)
        write_all(folders, Path(tmp), groupings)
        diff = differences(args.snapshot, Path(tmp), groupings)
    for name in diff:
        print(f"differs: {name}")
    print(f"{len(diff)} files differ" if diff else "all outputs byte-identical")
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
