"""Benchmark awesome-merge: speed, peak memory and match quality on synthetic corpora, history and real lists.

Why this shape: each corpus size runs in a fresh subprocess so that its peak RSS is its own; the pipeline
is called as a library (`awesome_merge.merge`) so that stage timings come from the tool itself; quality is
pairwise precision/recall against the generator's truth, computed from a contingency table (no pair is
ever enumerated, so 1M entries cost nothing extra). Numbers are printed, never asserted.

    python benchmarks/run.py                          # 1k, 10k, 100k, 1M + history + real lists
    python benchmarks/run.py --sizes 1000 --fake-pipeline   # seconds: checks this script, not the tool
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = ROOT / "src"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling module, found through the line above)

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
NAIVE_MAX = 20_000
RESULT_MARK = "@@benchmark-result "
UNALIGNED = 1_000_000  # position given to parsed entries that match no true entry of their line
SOURCE_SUFFIXES = (".md", ".markdown", ".html", ".txt")


# --- the pipeline under test, or a stand-in -------------------------------------------------------


@dataclass
class FakeResult:
    """Same shape as awesome_merge's result: enough to exercise the runner before the real API exists."""

    entries: pd.DataFrame
    report: pd.DataFrame
    papers: pd.DataFrame
    timings: dict[str, float] = field(default_factory=dict)


_FAKE_LINK = re.compile(r"\[([^\[\]]*)\]\((https?://[^)\s]+)\)|<a href=\"(https?://[^\"]+)\">([^<]*)</a>")
_ARXIV = re.compile(r"(\d{4}\.\d{4,5})")


def fake_merge(paths: Sequence[Path], jobs: int = 1) -> FakeResult:
    """Trivial parser: one entry per `](http` or `href="http` link on a line; clusters by arXiv id or URL."""
    del jobs
    timings: dict[str, float] = {}
    t = time.perf_counter()
    files = sorted(f for d in paths for f in Path(d).iterdir() if f.suffix in SOURCE_SUFFIXES)
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    timings["read"] = time.perf_counter() - t
    t = time.perf_counter()
    rows = []
    for name, text in texts:
        for i, line in enumerate(text.split("\n"), 1):
            if "](http" in line or 'href="http' in line:
                for m in _FAKE_LINK.finditer(line):
                    rows.append((name, i, m.group(1) or m.group(4) or "", m.group(2) or m.group(3)))
    entries = pd.DataFrame(rows, columns=["source", "line", "title", "url"])
    timings["parse"] = time.perf_counter() - t
    t = time.perf_counter()
    key = entries["url"].str.extract(_ARXIV, expand=False).fillna(entries["url"])
    cluster = pd.factorize(key)[0]
    report = pd.DataFrame({"cluster_id": cluster, "source": entries["source"], "line": entries["line"]})
    timings["match"] = time.perf_counter() - t
    t = time.perf_counter()
    papers = entries.assign(cluster_id=cluster).groupby("cluster_id", sort=False).first().reset_index()
    timings["fuse"] = time.perf_counter() - t
    return FakeResult(entries, report, papers, timings)


def load_merge(fake: bool) -> Callable[..., Any]:
    """`awesome_merge.merge`, from the installed package or else from this checkout's src/."""
    if fake:
        return fake_merge
    if importlib.util.find_spec("awesome_merge") is None:
        sys.path.insert(0, str(SRC))
    try:
        from awesome_merge import merge
    except ImportError as exc:
        raise SystemExit(f"awesome_merge.merge is not importable ({exc}); try --fake-pipeline") from exc
    return merge


# --- memory ---------------------------------------------------------------------------------------


def _status_mb(key: str) -> float | None:
    """A field of /proc/self/status (VmHWM: RSS high-water mark) in MB; None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_rss_mb() -> float:
    hwm = _status_mb("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def workers_peak_rss_mb() -> float:
    """Largest RSS of any finished child process (worker pools of `merge(jobs=N)`), 0 if none."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- quality against truth ------------------------------------------------------------------------


def _pairs(counts: pd.Series | np.ndarray) -> int:
    c = np.asarray(counts, dtype=np.int64)
    return int((c * (c - 1) // 2).sum())


def pair_scores(pred: pd.Series, true: pd.Series) -> dict[str, float]:
    """Pairwise precision/recall/F1 from the (predicted cluster, true paper) contingency table.

    A pair of entries is predicted-same if they share a cluster and truly-same if they share a paper;
    true positives are sum C(n,2) over the table's cells, so the cost is O(entries), not O(pairs).
    """
    pred_codes = pd.Series(pd.factorize(pred, use_na_sentinel=True)[0])
    missing = pred_codes < 0  # an entry without a cluster is a cluster of its own
    pred_codes[missing] = pred_codes.max() + 1 + np.arange(int(missing.sum()))
    true_codes = pd.Series(pd.factorize(true)[0])
    frame = pd.DataFrame({"p": pred_codes.to_numpy(), "t": true_codes.to_numpy()})
    tp = _pairs(frame.groupby(["p", "t"]).size())
    pred_pairs = _pairs(frame["p"].value_counts())
    true_pairs = _pairs(frame["t"].value_counts())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "true_pairs": true_pairs,
        "predicted_pairs": pred_pairs,
        "tp_pairs": tp,
    }


_ID_PATTERNS = (
    re.compile(r"(\d{4}\.\d{4,5})"),  # arXiv (also inside 10.48550/arXiv.NNNN.NNNNN)
    re.compile(r"(10\.1145/\d+\.\d+)"),
    re.compile(r"openreview\.net/forum\?id=([\w-]{10})"),
    re.compile(r"/hash/([0-9a-f]{32})"),
)


def _entry_paper(text: str, by_id: dict[str, str]) -> str | None:
    for pattern in _ID_PATTERNS:
        for m in pattern.finditer(text):
            pid = by_id.get(m.group(1))
            if pid is not None:
                return pid
    return None


def align(report: pd.DataFrame, entries: pd.DataFrame, corpus_dir: Path) -> tuple[pd.DataFrame, list[str]]:
    """Join the report to truth on (source, line, k), k the entry's position among those of its line.

    On lines holding several true entries (table cells) a parsed entry takes the position of the true
    paper its link identifies, so a parser that drops or adds one entry in a cell does not shift the
    others; an entry whose link identifies no paper of that line counts as extra. Without URL columns in
    the entries frame, those lines fall back to order.
    Returns rows with `paper_id` (NaN: extra parsed entry), `cluster_id` and `pos`, the row in the report
    (NaN: truth row missed).
    """
    notes: list[str] = []
    truth = pd.read_csv(corpus_dir / corpus.TRUTH_NAME, dtype={"source": str, "paper_id": str})
    rep = pd.DataFrame(
        {
            "source": report["source"].astype(str).to_numpy(),
            "line": report["line"].astype("int64").to_numpy(),
            "cluster_id": report["cluster_id"].to_numpy(),
            "pos": np.arange(len(report)),
        }
    )
    if not set(rep["source"]) & set(truth["source"]):
        stems = truth["source"].str.replace(r"\.[^.]+$", "", regex=True)
        if set(rep["source"]) & set(stems):
            truth["source"] = stems
            notes.append("report names sources without extension; truth matched on stems")
    truth["k"] = truth.groupby(["source", "line"]).cumcount()
    rep["k"] = rep.groupby(["source", "line"]).cumcount()
    per_line = truth.groupby(["source", "line"]).size()
    multi = per_line[per_line > 1]
    url_cols = [c for c in ("url", "alt_urls", "arxiv_id", "doi") if c in entries.columns]
    if len(multi) and (len(entries) != len(rep) or not url_cols):
        notes.append("entries frame without URLs (or not row-aligned): multi-entry lines aligned by order")
    elif len(multi):
        on_multi = rep.set_index(["source", "line"]).index.isin(multi.index)
        by_id = {x: pid for pid, ids in corpus.read_papers(corpus_dir).items() for x in ids}
        texts = entries.loc[on_multi, url_cols].astype(str).agg(" ".join, axis=1).tolist()
        true_k = truth.set_index(["source", "line", "paper_id"])["k"]
        true_k = true_k[~true_k.index.duplicated()].to_dict()
        new_k = rep["k"].to_numpy().copy()
        taken: dict[tuple[str, int], set[int]] = {}
        where = rep.loc[on_multi, ["source", "line"]]
        positions = np.flatnonzero(on_multi).tolist()
        cells = zip(where["source"], where["line"].tolist(), texts, positions, strict=True)
        for source, line, text, pos in cells:
            used = taken.setdefault((source, line), set())
            pid = _entry_paper(text, by_id)
            k = true_k.get((source, line, pid)) if pid is not None else None
            if k is not None and k not in used:
                used.add(k)
                new_k[pos] = k
            else:  # its link names no paper of this line (a code link, a second link): extra
                new_k[pos] = UNALIGNED + int(pos)
        rep["k"] = new_k
    joined = truth.merge(rep, on=["source", "line", "k"], how="outer", indicator=True)
    return joined, notes


def evaluate(result: Any, corpus_dir: Path) -> dict[str, Any]:
    """Counts of truth/parsed/matched/missed/extra entries and pairwise scores on the matched ones."""
    joined, notes = align(result.report, result.entries, corpus_dir)
    both = joined[joined["_merge"] == "both"]
    out: dict[str, Any] = {
        "truth_entries": int((joined["_merge"] != "right_only").sum()),
        "truth_papers": int(joined["paper_id"].nunique()),
        "parsed_entries": int((joined["_merge"] != "left_only").sum()),
        "matched_entries": len(both),
        "missed_entries": int((joined["_merge"] == "left_only").sum()),
        "extra_entries": int((joined["_merge"] == "right_only").sum()),
        "notes": notes,
    }
    out.update(pair_scores(both["cluster_id"], both["paper_id"]))
    out["traps"] = trap_scores(both, corpus_dir)
    out["_both"] = both
    return out


def trap_scores(both: pd.DataFrame, corpus_dir: Path) -> dict[str, dict[str, float]]:
    """Pairwise scores on the entries of each trap's papers alone: recall for one paper rendered two ways,
    precision for different papers that look alike (a score of 1.0 on an empty side means no such pair)."""
    papers = pd.read_csv(corpus_dir / corpus.PAPERS_NAME, dtype=str, keep_default_na=False)
    trap_of = dict(zip(papers["paper_id"], papers["trap"], strict=True))
    traps = both["paper_id"].map(trap_of).fillna("")
    out: dict[str, dict[str, float]] = {}
    for kind in sorted(set(traps) - {""}):
        rows = both[traps == kind]
        scores = pair_scores(
            rows["cluster_id"].reset_index(drop=True), rows["paper_id"].reset_index(drop=True)
        )
        out[kind] = {"entries": len(rows), "papers": int(rows["paper_id"].nunique()), **scores}
    return out


# --- the naive baseline ---------------------------------------------------------------------------


def naive_match(titles: Sequence[str], jobs: int, ids: Sequence[str] = ()) -> np.ndarray:
    """All-pairs fuzz.ratio >= 90 on lowercased titles, then union-find: what blocking avoids.

    With `ids` (one identifier per entry, "" for none: the parsed arXiv id or DOI), entries sharing one are
    joined too, so that the baseline is not beaten merely for ignoring identifiers.
    Rows are scored in blocks so that the score matrix never exceeds ~50 MB; empty titles stay alone.
    """
    from rapidfuzz import fuzz, process

    lowered = [t.lower() for t in titles]
    idx = np.array([i for i, t in enumerate(lowered) if t.strip()], dtype=np.int64)
    choices = [lowered[i] for i in idx]
    parent = list(range(len(lowered)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_with: dict[str, int] = {}
    for i, x in enumerate(ids):
        if x:
            ra, rb = find(i), find(first_with.setdefault(x, i))
            if ra != rb:
                parent[ra] = rb
    block = max(1, 50_000_000 // max(1, len(choices)))
    for start in range(0, len(choices), block):
        scores = process.cdist(
            choices[start : start + block],
            choices,
            scorer=fuzz.ratio,
            score_cutoff=90,
            dtype=np.uint8,
            workers=jobs,
        )
        rows, cols = np.nonzero(scores)
        rows += start
        keep = rows < cols
        for a, b in zip(idx[rows[keep]].tolist(), idx[cols[keep]].tolist(), strict=True):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
    return np.array([find(i) for i in range(len(lowered))], dtype=np.int64)


# --- child processes: one per measurement ---------------------------------------------------------


def _emit(result: dict[str, Any]) -> None:
    print(RESULT_MARK + json.dumps(result), flush=True)


def child_size(corpus_dir: Path, jobs: int, fake: bool, naive_max: int) -> dict[str, Any]:
    """Run merge once on a corpus in this fresh process; memory is read right after it returns."""
    merge = load_merge(fake)
    rss_before = _status_mb("VmRSS")
    t0 = time.perf_counter()
    result = merge([corpus_dir], jobs=jobs)
    total = time.perf_counter() - t0
    out: dict[str, Any] = {
        "total_s": total,
        "timings": {k: float(v) for k, v in dict(result.timings).items()},
        "peak_rss_mb": peak_rss_mb(),
        "workers_peak_rss_mb": workers_peak_rss_mb(),
        "rss_before_mb": rss_before,
        "entries": len(result.entries),
        "papers": len(result.papers),
    }
    out["entries_per_s"] = out["entries"] / total if total else None
    quality = evaluate(result, corpus_dir)
    both = quality.pop("_both")
    out.update(quality)
    if out["entries"] <= naive_max and "title" in result.entries.columns:
        t0 = time.perf_counter()
        labels = naive_match(result.entries["title"].fillna("").astype(str).tolist(), jobs)
        out["naive_s"] = time.perf_counter() - t0
        # scored on exactly the entries the tool's clusters were scored on
        positions = both["pos"].astype("int64").to_numpy()
        scores = pair_scores(pd.Series(labels[positions]), both["paper_id"].reset_index(drop=True))
        out["naive"] = {k: scores[k] for k in ("precision", "recall", "f1")}
        if "arxiv_id" in result.entries.columns and "doi" in result.entries.columns:
            arxiv = result.entries["arxiv_id"].fillna("").astype(str)
            doi = result.entries["doi"].fillna("").astype(str)
            ids = [f"arxiv:{a}" if a else (f"doi:{d}" if d else "") for a, d in zip(arxiv, doi, strict=True)]
            with_ids = naive_match(result.entries["title"].fillna("").astype(str).tolist(), jobs, ids)
            scores = pair_scores(pd.Series(with_ids[positions]), both["paper_id"].reset_index(drop=True))
            out["naive_ids"] = {k: scores[k] for k in ("precision", "recall", "f1")}
        match_s = out["timings"].get("match")
        out["naive_ratio"] = out["naive_s"] / match_s if match_s else None
    elif out["entries"] > naive_max:
        out["naive_skipped"] = f"above {naive_max:,} entries (O(n^2) pairs; --naive-max to change)"
    else:
        out["naive_skipped"] = "the entries frame has no `title` column"
    return out


def child_versions(corpus_dir: Path, jobs: int, fake: bool) -> dict[str, Any]:
    """The history case: markdown-it-py alone over all versions vs the whole merge, same process."""
    from markdown_it import MarkdownIt

    merge = load_merge(fake)
    files = sorted(corpus_dir.glob("*.md"))
    t0 = time.perf_counter()
    md = MarkdownIt("commonmark").enable("table")
    for f in files:
        md.parse(f.read_text(encoding="utf-8"))
    mdit_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = merge([corpus_dir], jobs=jobs)
    merge_s = time.perf_counter() - t0
    out: dict[str, Any] = {
        "files": len(files),
        "mb": sum(f.stat().st_size for f in files) / 1e6,
        "markdown_it_s": mdit_s,
        "merge_s": merge_s,
        "ratio": merge_s / mdit_s if mdit_s else None,
        "timings": {k: float(v) for k, v in dict(result.timings).items()},
        "peak_rss_mb": peak_rss_mb(),
        "entries": len(result.entries),
        "papers": len(result.papers),
    }
    quality = evaluate(result, corpus_dir)
    quality.pop("_both")
    out.update(quality)
    return out


def child_ratio(paths: Sequence[Path], fake: bool, repeat: int = 3) -> dict[str, Any]:
    """Real lists, one at a time: merge alone vs markdown-it-py alone on the same file (best of `repeat`).

    Why per file: a folder's ratio hides its worst layout (a list of HTML tables costs markdown-it almost
    nothing, so our reader's work shows in full there).
    """
    from markdown_it import MarkdownIt

    merge = load_merge(fake)
    md = MarkdownIt("commonmark").enable("table")
    rows = []
    for f in paths:
        text = f.read_text(encoding="utf-8", errors="replace")
        md.parse(text)
        merge([f], jobs=1)  # warm-up: imports, compiled patterns
        mdit = min(_timed(lambda text=text: md.parse(text)) for _ in range(repeat))
        ours = min(_timed(lambda f=f: merge([f], jobs=1)) for _ in range(repeat))
        rows.append({"file": f.name, "kb": f.stat().st_size / 1e3, "markdown_it_s": mdit, "merge_s": ours,
                     "ratio": ours / mdit if mdit else None})  # fmt: skip
    mdit_total = sum(r["markdown_it_s"] for r in rows)
    merge_total = sum(r["merge_s"] for r in rows)
    return {"files": rows, "ratio_total": merge_total / mdit_total if mdit_total else None}


def _timed(run: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def fake_cli(argv: Sequence[str]) -> int:
    """`run.py --fake-cli SOURCES -o OUT`: the stand-in pipeline as a command, to time interpreter start."""
    ap = argparse.ArgumentParser()
    ap.add_argument("sources", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args(argv)
    result = fake_merge([args.sources])
    args.output.mkdir(parents=True, exist_ok=True)
    result.papers.to_csv(args.output / "papers.csv", index=False)
    return 0


# --- parent: orchestration and the table ----------------------------------------------------------


def _run_child(args: list[str], timeout: float | None) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f}s"}
    if proc.stderr:
        sys.stderr.write(proc.stderr)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK) :])
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
    return {"error": f"exit code {proc.returncode}" + (f": {tail[0]}" if tail else "")}


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def bench_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    corpus_dir = work / f"corpus-{n}"
    t0 = time.perf_counter()
    corpus.generate(corpus_dir, n, seed=args.seed, hard=args.hard_traps)
    gen_s = time.perf_counter() - t0
    files = sorted(corpus_dir.glob("*.md"))
    _log(f"[{n:,} entries] generated {len(files)} lists in {gen_s:.1f}s; running merge")
    child = [
        "--child",
        "size",
        "--corpus",
        str(corpus_dir),
        "--jobs",
        str(args.jobs),
        "--naive-max",
        str(args.naive_max),
    ]
    res = _run_child(child + (["--fake-pipeline"] if args.fake_pipeline else []), args.timeout)
    res.update(size=n, lists=len(files), mb=sum(f.stat().st_size for f in files) / 1e6, generate_s=gen_s)
    if not args.keep:
        shutil.rmtree(corpus_dir, ignore_errors=True)
    return res


def bench_versions(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    corpus_dir = work / "versions"
    t0 = time.perf_counter()
    corpus.generate_versions(corpus_dir, args.versions, seed=args.seed, layout=args.versions_layout)
    gen_s = time.perf_counter() - t0
    _log(f"[history] generated {args.versions} versions in {gen_s:.1f}s; running markdown-it and merge")
    child = ["--child", "versions", "--corpus", str(corpus_dir), "--jobs", str(args.jobs)]
    res = _run_child(child + (["--fake-pipeline"] if args.fake_pipeline else []), args.timeout)
    res.update(versions=args.versions, layout=args.versions_layout, generate_s=gen_s)
    if not args.keep:
        shutil.rmtree(corpus_dir, ignore_errors=True)
    return res


def bench_real(args: argparse.Namespace, work: Path, repeat: int = 3) -> dict[str, Any]:
    """`awesome-merge sources/ -o <tmp>` as a user runs it: wall time including interpreter start."""
    env = dict(os.environ)
    if args.fake_pipeline:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--fake-cli", "sources/", "-o"]
        shown = "run.py --fake-cli sources/ -o <tmp>"
    elif (exe := shutil.which("awesome-merge")) is not None:
        cmd, shown = [exe, "sources/", "-o"], "awesome-merge sources/ -o <tmp>"
    else:
        cmd = [sys.executable, "-m", "awesome_merge", "sources/", "-o"]
        shown = "python -m awesome_merge sources/ -o <tmp>"
        if importlib.util.find_spec("awesome_merge") is None:  # a checkout without `pip install -e .`
            env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    _log(f"[real lists] {shown} x{repeat}")
    times: list[float] = []
    for i in range(repeat):
        out = work / f"real-{i}"
        t0 = time.perf_counter()
        proc = subprocess.run(
            [*cmd, str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=args.timeout,
            check=False,
        )
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            return {"command": shown, "error": f"exit code {proc.returncode}: {tail[0]}"}
        times.append(elapsed)
    return {"command": shown, "best_s": min(times), "runs_s": times}


def _fmt(x: Any, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "n/a"
    if isinstance(x, int):
        return f"{x:,}"
    if isinstance(x, float):
        if abs(x) >= 100:
            return f"{x:,.0f}"
        if abs(x) >= 10:
            return f"{x:.1f}"
        return f"{x:.{digits}f}"
    return str(x)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    lines += ["| " + " | ".join(_fmt(v) if not isinstance(v, str) else v for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render(report: dict[str, Any]) -> str:
    """The Markdown printed on stdout; `--json` has every number behind it."""
    fake = " (FAKE PIPELINE: checks the runner, not the tool)" if report["fake"] else ""
    out = [f"# awesome-merge benchmark{fake}", "", f"{report['machine']}", ""]
    notes: list[str] = []
    sizes = report["sizes"]
    if sizes:
        stages: list[str] = []
        for r in sizes:  # the tool's own "total" is in the JSON; the table shows the wall time around merge()
            stages += [s for s in r.get("timings", {}) if s not in stages and s != "total"]
        out += ["## Speed and memory", ""]
        rows = []
        for r in sizes:
            if "error" in r:
                notes.append(f"{r['size']:,} entries: {r['error']}")
                rows.append(
                    [_fmt(r["size"]), _fmt(r["lists"]), _fmt(r["mb"], 1), _fmt(r["generate_s"])]
                    + ["error"] * (len(stages) + 4)
                )
                continue
            rows.append(
                [_fmt(r["size"]), _fmt(r["lists"]), _fmt(r["mb"], 1), _fmt(r["generate_s"])]
                + [_fmt(r["timings"].get(s)) for s in stages]
                + [
                    _fmt(r["total_s"]),
                    _fmt(r["entries_per_s"]),
                    _fmt(r["peak_rss_mb"], 0),
                    _fmt(r["workers_peak_rss_mb"], 0),
                ]
            )
        out += [
            _table(
                [
                    "entries",
                    "lists",
                    "MB",
                    "generate s",
                    *(f"{s} s" for s in stages),
                    "total s",
                    "entries/s",
                    "peak RSS MB",
                    "worker peak MB",
                ],
                rows,
            ),
            "",
        ]
        out += ["## Match quality (pairwise, against truth) and the naive all-pairs matcher", ""]
        rows = []
        for r in sizes:
            if "error" in r:
                continue
            naive = r.get("naive", {})
            if "naive_skipped" in r:
                notes.append(f"{r['size']:,} entries: naive matcher skipped, {r['naive_skipped']}")
            notes += [f"{r['size']:,} entries: {n}" for n in r.get("notes", [])]
            rows.append(
                [
                    _fmt(r["size"]),
                    _fmt(r["truth_papers"]),
                    _fmt(r["papers"]),
                    _fmt(r["parsed_entries"]),
                    _fmt(r["missed_entries"]),
                    _fmt(r["extra_entries"]),
                    _fmt(r["precision"], 4),
                    _fmt(r["recall"], 4),
                    _fmt(r["f1"], 4),
                    _fmt(r.get("naive_s")) if "naive_s" in r else "skipped",
                    _fmt(r.get("naive_ratio"), 1) if "naive_s" in r else "-",
                    _fmt(naive.get("precision"), 4) if naive else "-",
                    _fmt(naive.get("recall"), 4) if naive else "-",
                    _fmt(naive.get("f1"), 4) if naive else "-",
                    _fmt(r["naive_ids"]["precision"], 4) if "naive_ids" in r else "-",
                    _fmt(r["naive_ids"]["recall"], 4) if "naive_ids" in r else "-",
                ]
            )
        header = [
            "entries",
            "true papers",
            "merged papers",
            "parsed",
            "missed",
            "extra",
            "precision",
            "recall",
            "F1",
            "naive s",
            "naive / match",
            "naive P",
            "naive R",
            "naive F1",
            "naive+ids P",
            "naive+ids R",
        ]
        out += [_table(header, rows), ""]
    trap_rows = []
    for r in sizes:
        for kind, t in r.get("traps", {}).items():
            hard = "yes" if kind in corpus.HARD_TRAPS else "no"
            trap_rows.append(
                [_fmt(r["size"]), kind, hard, _fmt(t["papers"]), _fmt(t["entries"]), _fmt(t["true_pairs"]),
                 _fmt(t["predicted_pairs"]), _fmt(t["precision"], 4), _fmt(t["recall"], 4)]
            )  # fmt: skip
    if trap_rows:
        header = ["entries", "trap", "unguarded", "papers", "its entries", "true pairs", "predicted pairs",
                  "precision", "recall"]  # fmt: skip
        out += ["## Per trap (the entries of each trap's papers alone)", "", _table(header, trap_rows), ""]
    v = report.get("versions")
    if v:
        out += ["## History: one list in many versions", ""]
        if "error" in v:
            out += [f"error: {v['error']}", ""]
        else:
            ok = v["ratio"] is not None and v["ratio"] <= 0.8
            header = [
                "versions",
                "layout",
                "entries",
                "MB",
                "markdown-it s",
                "merge s",
                "merge / markdown-it",
                "target <= 0.8",
                "precision",
                "recall",
                "F1",
                "missed",
                "extra",
                "peak RSS MB",
            ]
            row = [
                _fmt(v["versions"]),
                v.get("layout", "html"),
                _fmt(v["entries"]),
                _fmt(v["mb"], 1),
                _fmt(v["markdown_it_s"]),
                _fmt(v["merge_s"]),
                _fmt(v["ratio"]),
                "met" if ok else "NOT met",
                _fmt(v["precision"], 4),
                _fmt(v["recall"], 4),
                _fmt(v["f1"], 4),
                _fmt(v["missed_entries"]),
                _fmt(v["extra_entries"]),
                _fmt(v["peak_rss_mb"], 0),
            ]
            out += [_table(header, [row]), ""]
    for folder, ratio in report.get("ratios", {}).items():
        out += [f"## Real lists in `{folder}`: merge vs markdown-it-py alone, per file (best of 3)", ""]
        if "error" in ratio:
            out += [f"error: {ratio['error']}", ""]
            continue
        rows = [[r["file"], _fmt(r["kb"], 0), _fmt(r["markdown_it_s"], 3), _fmt(r["merge_s"], 3), _fmt(r["ratio"])]
                for r in sorted(ratio["files"], key=lambda r: -(r["ratio"] or 0))]  # fmt: skip
        rows.append(["all files", "", "", "", _fmt(ratio["ratio_total"])])
        out += [_table(["file", "KB", "markdown-it s", "merge s", "merge / markdown-it"], rows), ""]
    real = report.get("real")
    if real:
        out += ["## Bundled real lists (subprocess, wall time incl. interpreter start, best of 3)", ""]
        if "error" in real:
            out += [f"`{real['command']}`: error: {real['error']}", ""]
        else:
            row = [f"`{real['command']}`", _fmt(real["best_s"]), ", ".join(_fmt(t) for t in real["runs_s"])]
            out += [_table(["command", "best s", "runs s"], [row]), ""]
    if notes:
        out += ["## Notes", "", *(f"- {n}" for n in notes), ""]
    return "\n".join(out)


def _machine() -> str:
    commit = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):  # read-only
        git = ["git", "rev-parse", "--short", "HEAD"]
        commit = subprocess.run(git, cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    return (
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}" + (f", commit {commit}" if commit else "")
    )


def _sizes(text: str) -> list[int]:
    try:
        return [int(float(s)) for s in text.split(",") if s.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--sizes wants numbers like 1000,10000: {exc}") from exc


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--fake-cli"]:
        return fake_cli(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated corpus sizes in entries (default 1000,10000,100000,1000000)",
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="passed to merge(jobs=...)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the raw numbers here")
    ap.add_argument(
        "--naive-max",
        type=int,
        default=NAIVE_MAX,
        help=f"run the all-pairs matcher up to this many entries (default {NAIVE_MAX})",
    )
    ap.add_argument("--versions", type=int, default=40, help="versions in the history case (0: skip it)")
    ap.add_argument(
        "--versions-layout",
        choices=("html", "markdown"),
        default="html",
        help="history list as pandoc HTML tables (like lishenghui/awesome-fm-fl) or Markdown",
    )
    ap.add_argument("--no-real", action="store_true", help="skip timing the CLI on sources/")
    ap.add_argument(
        "--hard-traps",
        action="store_true",
        help="add traps the matcher has no guard for (digit typos, short labels without ids, retitled "
        "papers, proceedings index pages); scores per trap are printed",
    )
    ap.add_argument(
        "--fake-pipeline",
        action="store_true",
        help="use a trivial stand-in for awesome_merge.merge (tests this script, not the tool)",
    )
    ap.add_argument("--workdir", type=Path, help="where to generate corpora (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora (with --workdir)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed per measurement")
    ap.add_argument(
        "--ratio",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also time merge vs markdown-it on each list in DIR, one file at a time (repeatable)",
    )
    ap.add_argument("--child", choices=("size", "versions", "ratio"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child == "size":
        _emit(child_size(args.corpus, args.jobs, args.fake_pipeline, args.naive_max))
        return 0
    if args.child == "versions":
        _emit(child_versions(args.corpus, args.jobs, args.fake_pipeline))
        return 0
    if args.child == "ratio":
        files = sorted(f for f in args.corpus.iterdir() if f.suffix in SOURCE_SUFFIXES)
        _emit(child_ratio(files, args.fake_pipeline))
        return 0

    report: dict[str, Any] = {
        "fake": args.fake_pipeline,
        "machine": _machine(),
        "jobs": args.jobs,
        "seed": args.seed,
        "sizes": [],
        "versions": None,
        "real": None,
        "ratios": {},
    }
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="awesome-bench-", dir=args.workdir) as tmp:
        work = args.workdir if (args.keep and args.workdir) else Path(tmp)
        args.keep = args.keep and args.workdir is not None
        for n in args.sizes:
            report["sizes"].append(bench_size(n, args, work))
        if args.versions > 0:
            report["versions"] = bench_versions(args, work)
        if not args.no_real:
            report["real"] = bench_real(args, Path(tmp))
        for folder in args.ratio:
            _log(f"[ratio] {folder}: merge vs markdown-it per file")
            child = ["--child", "ratio", "--corpus", str(folder)]
            result = _run_child(child + (["--fake-pipeline"] if args.fake_pipeline else []), args.timeout)
            report["ratios"][folder.name] = result
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
