"""Growth exponents for the scaling tests: time and memory measured at several sizes, fitted on log-log axes.

Why not a ratio at two sizes: doubling the input and asserting `large / small < 4` is passed by quadratic code
(exactly 4 in the limit, less with any constant overhead). A slope fitted over a 16x range separates linear
(~1) from quadratic (~2) even on a busy machine, and no wall-clock limit is asserted anywhere.
"""

from __future__ import annotations

import gc
import math
import time
import tracemalloc
from collections.abc import Callable, Sequence

SIZES = (1, 4, 16)
# Linear code measures 0.9-1.2 here, also with both cores busy; code whose quadratic part costs about as
# much as its linear part at 16x measures 1.45-1.7, wholly quadratic code 2.
MAX_EXPONENT = 1.4


def slope(sizes: Sequence[float], values: Sequence[float]) -> float:
    """Least-squares slope of log(values) over log(sizes): the growth exponent."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(v, 1e-9)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def exponent(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The larger of the fitted slope and the slope between the two largest sizes.

    Why both: an n^2 term with a small constant barely bends the fit over 1x-16x but shows in the top
    segment, where it starts to dominate; the fit guards against a noisy top segment hiding growth spread
    over the range. A quadratic term much cheaper than the linear work at 16x is not seen at all.
    """
    return max(slope(sizes, values), slope(sizes[-2:], values[-2:]))


def cpu_seconds(runs: Sequence[Callable[[], object]], repeats: int = 3) -> list[float]:
    """Best CPU time of each run over `repeats` rounds, the collector off as the pipeline runs parsing.

    Why CPU time, rounds and the minimum: other processes on a shared machine stretch wall time but hardly
    this process's CPU time; a round runs every size once, so a busy spell falls on all sizes alike; the
    minimum is the least disturbed. With the collector on, Python's full collections (amortised linear,
    but absent at small sizes) bend the curve upwards.
    """
    best = [math.inf] * len(runs)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            for k, run in enumerate(runs):
                start = time.process_time()
                run()
                best[k] = min(best[k], time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def peak_bytes(run: Callable[[], object]) -> int:
    """Peak Python memory allocated while `run` runs (its input, made before, is not counted)."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def time_exponent(
    make: Callable[[int], object], run: Callable[[object], object], base: int, sizes: Sequence[int] = SIZES
) -> float:
    """Growth exponent of `run(make(n))`'s time for n = base x sizes, after a warm-up run (imports,
    compiled patterns, caches) that would otherwise be charged to the smallest size."""
    inputs = [make(base * k) for k in sizes]
    run(inputs[0])
    return exponent(sizes, cpu_seconds([lambda x=x: run(x) for x in inputs]))  # type: ignore[misc]


def memory_exponent(make: Callable[[int], object], run: Callable[[object], object], base: int) -> float:
    """Growth exponent of `run(make(n))`'s peak memory for n = base x SIZES."""
    peaks = []
    for k in SIZES:
        data = make(base * k)
        peaks.append(peak_bytes(lambda data=data: run(data)))  # type: ignore[misc]
    return exponent(SIZES, peaks)


_SYLLABLES = "ka lo mi ne ru sa ti vo pe da fi gu ha je ko".split()
MADE_UP_WORDS = len(_SYLLABLES) ** 4  # how many distinct words `made_up_word` gives


def made_up_word(k: int) -> str:
    """The k-th of many distinct, pronounceable, made-up words: titles that share no real word."""
    out = ""
    for _ in range(4):
        k, r = divmod(k, len(_SYLLABLES))
        out += _SYLLABLES[r]
    return out
