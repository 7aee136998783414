"""Resolve the bundled lists against the fixture server and check the outputs it gives.

    python benchmarks/resolve_bundled.py          # measure only, in a copy of sources/
    python benchmarks/resolve_bundled.py --fill   # write sources/metadata.jsonl (then regenerate output/)

The fixture server (tests/metadata_server.py) replays tests/fixtures/metadata/ on 127.0.0.1. The services'
pace (arXiv one request every 3 s, Crossref's polite pool 10 a second, OpenReview one a second) is kept on a simulated clock, so the
time shown is what the same requests take at the published limits, network time left out. Then the
outputs of the `--resolve` run and of two plain runs reading the cache are compared byte for byte.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from metadata_server import MetadataServer  # noqa: E402

from awesome_merge.config import load_config  # noqa: E402
from awesome_merge.pipeline import merge  # noqa: E402
from awesome_merge.resolve import ResolveRun  # noqa: E402
from awesome_merge.resolve.cache import Cache  # noqa: E402
from awesome_merge.resolve.record import STAND_IN  # noqa: E402


class SimulatedClock:
    """Time that passes only when the client waits: the pace of the real services, without the wait."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += seconds


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def cost(
    arxiv_ids: int,
    dois: int,
    forums: int,
    batch: int,
    intervals: tuple[float, float, float],
) -> tuple[int, float]:
    """Requests and seconds for that many identifiers at the services' paces (arXiv, Crossref, OpenReview;
    the services are asked one after another, and the first request to each waits for none)."""
    arxiv_requests = math.ceil(arxiv_ids / batch)
    counts = (arxiv_requests, dois, forums)
    seconds = sum(max(n - 1, 0) * pace for n, pace in zip(counts, intervals, strict=True))
    return sum(counts), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", action="store_true", help="write sources/metadata.jsonl itself")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sources = ROOT / "sources"
        if not args.fill:
            shutil.copytree(sources, tmp / "sources")
            sources = tmp / "sources"
            (sources / "metadata.jsonl").unlink(missing_ok=True)
        base = load_config(sources / "awesome-merge.toml")
        clock = SimulatedClock()
        with MetadataServer() as server:
            config = replace(
                base,
                resolve=replace(
                    base.resolve,
                    arxiv_api=server.arxiv_api,
                    crossref_api=server.crossref_api,
                    openreview_api=server.openreview_api,
                ),
            )
            start = time.perf_counter()
            warnings: list[str] = []
            resolved = merge(
                [sources],
                config=config,
                jobs=1,
                resolve=ResolveRun("missing", clock=clock, warn=warnings.append),
            )
            wall = time.perf_counter() - start
        stats = resolved.metadata
        assert stats is not None
        if args.fill:  # the fixture's records are hand-written: the cache says so; --resolve replaces them
            cache = Cache(sources / "metadata.jsonl")
            cache.update({key: replace(r, service=STAND_IN) for key, r in cache.records.items()})
            cache.save()
        resolved.write(tmp / "resolved")
        for run in ("plain1", "plain2"):
            merge([sources], config=base, jobs=1).write(tmp / run)
        a, b, c = (_outputs(tmp / run) for run in ("resolved", "plain1", "plain2"))
        same = a == b == c
        print(
            f"identifiers: {stats.identifiers} ({stats.cached} already in the cache), {stats.fetched} records fetched, {stats.unknown} unknown to the fixture server, {stats.failed} failed"
        )
        print(
            f"requests: {stats.requests}; at the published limits {stats.seconds:.1f} s (simulated clock), here {wall:.2f} s for the whole merge"
        )
        print(f"outputs of the --resolve run and of two plain runs from the cache byte-identical: {same}")
        for warning in warnings:
            print(f"  warning: {warning}")
        settings = base.resolve
        paces = (settings.arxiv_interval, settings.crossref_interval, settings.openreview_interval)
        for arxiv_ids, dois, forums in ((3000, 0, 0), (0, 3000, 0), (2400, 600, 0), (2400, 300, 300)):
            requests, seconds = cost(arxiv_ids, dois, forums, settings.batch_size, paces)
            print(
                f"3,000 identifiers ({arxiv_ids} arXiv, {dois} DOIs, {forums} OpenReview forums): {requests} requests, {seconds / 60:.1f} min at the published limits"
            )
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
