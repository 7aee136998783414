"""The numpy pre-filter of big title blocks drops only pairs the exact per-pair test drops too: the
merge, its near misses and its review rows are the same with it as without it, only sooner."""

from __future__ import annotations

from unittest import mock

import numpy as np
from conftest import entries_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.match import evidence, match_entries
from awesome_merge.match.pair_filter import PairFilter

# A few invented words, so that many titles share words and blocks outgrow the pair-by-pair path.
WORDS = "widget gadget sprocket gear lever pulley cog ratchet spindle flange axle crank".split()
BASES = [
    "widget gadget sprocket gear lever pulley".split(),
    "widget cog ratchet spindle flange axle crank".split(),
    "gadget gear pulley ratchet axle".split(),
]


class _KeepsAll:
    """A filter that lets every pair through to the exact test: what matching did before the filter."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __call__(self, p: np.ndarray, q: np.ndarray, scores: np.ndarray) -> np.ndarray:
        return np.ones(len(p), dtype=bool)


@st.composite
def _entries(draw: st.DrawFn) -> list[Entry]:
    count = draw(st.integers(20, 40))
    rows = []
    for line in range(1, count + 1):
        # Variants of a few titles (a word dropped, added or changed): the retitle cases, contained
        # titles and titles sharing most words, are common, as in a list's history.
        words = list(BASES[draw(st.integers(0, len(BASES) - 1))])
        change = draw(st.sampled_from(["none", "drop", "add", "swap", "new"]))
        at = draw(st.integers(0, len(words) - 1))
        word = draw(st.sampled_from(WORDS))
        if change == "drop":
            del words[at]
        elif change == "add":
            words.insert(at, word)
        elif change == "swap":
            words[at] = word
        elif change == "new":
            words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=9))
        rows.append(
            Entry(
                source=draw(st.sampled_from(["a.md", "b.md"])),
                line=line,
                title=" ".join(words).capitalize(),
                url=f"https://example.org/{line}",
                year=draw(st.sampled_from([None, 2021, 2022])),
                authors=draw(st.sampled_from([[], ["Ada Lovelace"], ["Alan Turing"]])),
                kind=draw(st.sampled_from(["paper", "paper", "dataset", "tool"])),
            )
        )
    return rows


def _outcome(entries: list[Entry]) -> tuple[list[int], list[tuple[object, ...]]]:
    matching = match_entries(entries_frame(entries), MatchConfig(), ())
    return list(matching.cluster_ids), [tuple(row) for row in matching.review.itertuples(index=False)]


@settings(max_examples=60, deadline=None)
@given(_entries())
def test_the_filter_changes_no_merge_and_no_review_row(entries: list[Entry]) -> None:
    """Catches a filter test stricter than the exact one: a retitled near miss or a merge would vanish."""
    # Every block scored in bands and every band filtered, however few its titles and pairs.
    with mock.patch.object(evidence, "FILTER_PAIRS", 0), mock.patch.object(evidence, "SMALL_BLOCK", 1):
        filtered = _outcome(entries)
        with mock.patch.object(evidence, "PairFilter", _KeepsAll):
            unfiltered = _outcome(entries)
    assert filtered == unfiltered


def _filter(texts: list[str], years: list[int | None], authors: list[str]) -> PairFilter:
    return PairFilter(
        texts,
        ["paper"] * len(texts),
        frozenset({"paper", "*"}),
        [True] * len(texts),
        authors,
        years,
        keep_score=80.0,
        contained_words=3,
        author_score=70.0,
        most_words=0.8,
    )


def test_pairs_with_nothing_of_a_retitle_are_dropped_and_the_others_kept() -> None:
    """Catches a filter that lets everything through (no speed) or drops a pair the exact test keeps."""
    texts = [
        "widget gadget sprocket gear",  # 0
        "widget gadget sprocket gear lever pulley",  # 1: holds every word of 0
        "widget gadget cog ratchet",  # 2: two words of 0, another year, another author
        "widget gadget sprocket gear flange",  # 3: most words of 0, the same year
        "axle crank widget gadget",  # 4: the same first author as 0
    ]
    years = [2021, 2022, 2023, 2021, 2020]
    authors = ["lovelace", "", "turing", "", "lovelace"]
    may_keep = _filter(texts, years, authors)
    p, q = np.array([0, 0, 0, 0]), np.array([1, 2, 3, 4])
    scores = np.array([70.0, 70.0, 70.0, 72.0], dtype=np.float32)
    assert may_keep(p, q, scores).tolist() == [True, False, True, True]
    # A score at or above the review threshold keeps two full titles whatever their words.
    assert may_keep(np.array([0]), np.array([2]), np.array([85.0], dtype=np.float32)).tolist() == [True]
