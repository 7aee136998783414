"""The whole command as a user runs it, against the bare markdown-it-py parse of the same files, in one run.

Why: `merge()` alone leaves out the interpreter start, the imports and every file the command writes, which
is what a user waits for. Each workload runs `awesome-merge DIR -o TMP -v` in a fresh subprocess (its
`timings:` line gives the stages, writing included); markdown-it-py parses the same files in this process,
so the ratio compares two figures taken on the same machine minutes apart. Peak memory is the largest
process of the command's tree (`getrusage(RUSAGE_CHILDREN).ru_maxrss` of a wrapper that runs only the
command), and the sum over the tree sampled from /proc where that exists. Numbers are printed, never
asserted.

The package runs from its bytecode, as an installed one does (pip compiles what it installs, and an
editable install is compiled on its first run): the package's sources are compiled before the first
run, and the command runs without `PYTHONDONTWRITEBYTECODE`, which some containers set. Otherwise each
run would compile the package's 80 modules from source (0.15 s of the bundled lists' 0.9 s), while the
libraries it is compared with import from their bytecode.

    python benchmarks/whole_command.py                       # bundled, wild lists, each real history
    python benchmarks/whole_command.py --only wild --repeat 3
    python benchmarks/whole_command.py --wild DIR --history DIR --json out.json
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("AWESOME_MERGE_SHARED", ROOT.parent / "shared"))
SOURCE_SUFFIXES = (".md", ".markdown", ".html", ".txt")
# The libraries the command needs at all: the floor for a run over the five bundled lists.
LIBRARIES = ("pandas", "rapidfuzz", "markdown_it", "bs4", "click")

# Run inside a wrapper process so that RUSAGE_CHILDREN is the command's tree alone, not earlier runs'.
_WRAPPER = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rc": done.returncode, "peak_kb": peak, "stderr": done.stderr}))
"""


@dataclass
class Workload:
    name: str
    folder: Path
    files: list[Path]
    rows: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Run:
    wall_s: float
    peak_mb: float
    tree_mb: float | None
    timings: dict[str, float]
    summary: str


def _sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)


def _command() -> list[str]:
    """`awesome-merge` as installed next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("awesome-merge")
    if script.is_file():
        return [str(script)]
    found = shutil.which("awesome-merge")
    return [found] if found else [sys.executable, "-m", "awesome_merge"]


def _tree_rss_kb(root: int) -> int:
    """The resident set of `root` and its descendants now, from /proc (0 where there is none)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def _timings(stderr: str) -> dict[str, float]:
    for line in stderr.splitlines():
        if line.startswith("timings: "):
            pairs = (part.rsplit(" ", 1) for part in line.removeprefix("timings: ").split(", "))
            return {k: float(v.rstrip("s")) for k, v in pairs}
    return {}


def run_command(folder: Path, out: Path, sample: bool, src: Path | None = None) -> Run:
    """One `awesome-merge FOLDER -o OUT -v` in a fresh process tree (with `src`: that checkout's code)."""
    shutil.rmtree(out, ignore_errors=True)
    argv = [sys.executable, "-c", _WRAPPER, *_command(), str(folder), "-o", str(out), "-v"]
    # The report goes to a file: a pipe left unread while sampling would fill up and stall the command.
    with tempfile.TemporaryFile("w+") as sink:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        if src:
            env["PYTHONPATH"] = str(src)
        proc = subprocess.Popen(argv, stdout=sink, text=True, env=env)
        tree_kb = 0
        while sample and proc.poll() is None:
            tree_kb = max(tree_kb, _tree_rss_kb(proc.pid))
            time.sleep(0.1)
        proc.wait()
        sink.seek(0)
        report = json.loads(sink.read())
    if report["rc"] != 0:
        raise RuntimeError(f"awesome-merge {folder} exited {report['rc']}: {report['stderr'][-500:]}")
    merged = [line for line in report["stderr"].splitlines() if line.startswith("merged ")]
    return Run(
        report["wall"],
        report["peak_kb"] / 1024,
        tree_kb / 1024 if sample and tree_kb else None,
        _timings(report["stderr"]),
        merged[-1].split(";")[0] if merged else "",
    )


def compile_package(src: Path | None) -> None:
    """Bytecode for the package the command will import (from `src`, else the installed one)."""
    if src:
        folder = src / "awesome_merge"
    else:
        spec = importlib.util.find_spec("awesome_merge")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("awesome_merge is not installed: pip install -e .")
        folder = Path(next(iter(spec.submodule_search_locations)))
    compileall.compile_dir(folder, quiet=1)


def markdown_it_seconds(files: list[Path]) -> float:
    """The bare CommonMark + tables parse of the files, as `run.py` times it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    start = time.perf_counter()
    for path in files:
        md.parse(path.read_text(encoding="utf-8", errors="replace"))
    return time.perf_counter() - start


def bare_import_seconds() -> float:
    """A fresh interpreter importing only the libraries the command builds on."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import " + ", ".join(LIBRARIES)], check=True)
    return time.perf_counter() - start


def workloads(args: argparse.Namespace) -> list[Workload]:
    found: list[Workload] = []
    if args.bundled.is_dir():
        found.append(Workload("bundled", args.bundled, _sources(args.bundled)))
    if args.wild.is_dir():
        found.append(Workload("wild", args.wild, _sources(args.wild)))
    if args.history.is_dir():
        for folder in sorted(p for p in args.history.iterdir() if p.is_dir()):
            found.append(Workload(f"history/{folder.name}", folder, _sources(folder)))
    wanted = [w for w in found if not args.only or any(o in w.name for o in args.only)]
    return [w for w in wanted if w.files]


def _mb(files: list[Path]) -> float:
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundled", type=Path, default=ROOT / "sources", help="the bundled lists")
    parser.add_argument(
        "--wild",
        type=Path,
        default=Path(os.environ.get("AWESOME_MERGE_WILD", SHARED / "wild" / "lists")),
        help="a folder of real lists merged at once [$AWESOME_MERGE_WILD]",
    )
    parser.add_argument(
        "--history",
        type=Path,
        default=Path(os.environ.get("AWESOME_MERGE_HISTORY", SHARED / "history")),
        help="a folder of histories, one sub-folder of versions each [$AWESOME_MERGE_HISTORY]",
    )
    parser.add_argument("--only", action="append", help="workloads whose name contains this (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per workload; the best is shown")
    parser.add_argument("--no-sample", action="store_true", help="skip sampling the tree's RSS from /proc")
    parser.add_argument("--json", type=Path, help="also write every raw number here")
    parser.add_argument(
        "--baseline-src",
        type=Path,
        help="also run each workload with the package from this `src/` folder (another checkout), "
        "alternating with this one: before and after from one run",
    )
    args = parser.parse_args()

    chosen = workloads(args)
    if not chosen:
        sys.exit("no workload found: pass --bundled, --wild or --history")
    raw: list[dict[str, object]] = []
    sample = not args.no_sample
    compile_package(None)
    if args.baseline_src:
        compile_package(args.baseline_src)
    with tempfile.TemporaryDirectory(prefix="awesome-merge-bench-") as tmp:
        for work in chosen:
            print(f"{work.name}: {len(work.files)} files, {_mb(work.files):.1f} MB", file=sys.stderr)
            runs: list[Run] = []
            base: list[Run] = []
            for _ in range(args.repeat):  # alternating, so that a busy spell falls on both alike
                if args.baseline_src:
                    base.append(run_command(work.folder, Path(tmp) / "out", sample, args.baseline_src))
                runs.append(run_command(work.folder, Path(tmp) / "out", sample))
            mdit = min(markdown_it_seconds(work.files) for _ in range(args.repeat))
            floor = (
                min(bare_import_seconds() for _ in range(max(args.repeat, 3)))
                if work.name == "bundled"
                else None
            )
            for label, measured in ((" (baseline)", base), ("", runs)):
                if measured:
                    raw.append(
                        {
                            "workload": work.name + label,
                            "files": len(work.files),
                            "mb": round(_mb(work.files), 2),
                            "markdown_it_s": mdit,
                            "bare_import_s": floor,
                            "runs": [asdict(r) for r in measured],
                        }
                    )
    print(
        "| workload | files | MB | whole command s | markdown-it s | ratio | vs bare import | peak RSS MB "
        "(largest process) | tree RSS MB (sampled) | stages (s) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in raw:
        runs = [Run(**r) for r in row["runs"]]  # type: ignore[arg-type]
        best = min(runs, key=lambda r: r.wall_s)
        mdit = float(row["markdown_it_s"])  # type: ignore[arg-type]
        floor = row["bare_import_s"]
        vs_import = f"{best.wall_s / float(floor):.2f}x ({float(floor):.2f} s)" if floor else "–"  # type: ignore[arg-type]
        tree = f"{best.tree_mb:.0f}" if best.tree_mb else "–"
        stages = ", ".join(f"{k} {v:.2f}" for k, v in best.timings.items())
        print(
            f"| {row['workload']} | {row['files']} | {row['mb']} | {best.wall_s:.2f} | {mdit:.2f} | "
            f"**{best.wall_s / mdit:.2f}** | {vs_import} | {best.peak_mb:.0f} | {tree} | {stages} |"
        )
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
