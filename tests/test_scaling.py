"""Matching and merging grow linearly with the number of entries: growth exponents over 1x, 4x and 16x."""

from __future__ import annotations

import random

from conftest import entries_frame
from growth import MADE_UP_WORDS, MAX_EXPONENT, made_up_word, memory_exponent, time_exponent

from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.match import match_entries

_word = made_up_word


def _distinct_papers(n: int) -> list[Entry]:
    """n entries of n different papers in five lists, no identifiers: only titles to compare.

    The vocabulary grows with n, as a real corpus's does; a fixed one would make every word common and
    the blocks grow with n for a reason that is the input's, not the matcher's.
    """
    rng = random.Random(n)
    words = [_word(k) for k in rng.sample(range(MADE_UP_WORDS), n)]
    return [
        Entry(
            source=f"list{i % 5}.md",
            line=i + 1,
            title=" ".join(rng.choice(words) for _ in range(7)),
            url=f"https://example.org/paper/{i}",
        )
        for i in range(n)
    ]


def _match(entries: object) -> object:
    return match_entries(entries_frame(entries), MatchConfig(), ())  # type: ignore[arg-type]


def test_matching_time_grows_linearly() -> None:
    """Catches candidate pairs made from all pairs instead of blocking keys (or blocks that grow with the
    corpus): comparing every title with every other is quadratic in the number of entries."""
    exponent = time_exponent(_distinct_papers, _match, 500)
    assert exponent < MAX_EXPONENT, exponent


def test_matching_memory_grows_linearly() -> None:
    """Catches a score matrix or pair list kept for all pairs: quadratic memory in the number of entries."""
    exponent = memory_exponent(_distinct_papers, _match, 500)
    assert exponent < MAX_EXPONENT, exponent
