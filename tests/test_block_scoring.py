"""A block of titles is scored in C, in one band or in several: the pairs found are those a comparison of
each pair finds, whatever the band's cut."""

from __future__ import annotations

from unittest import mock

import pytest
from growth import made_up_word
from rapidfuzz import process

from awesome_merge.match import evidence
from awesome_merge.match.evidence import _similar_pairs, title_score


def _titles() -> list[str]:
    """Forty titles over a few words, so that many pairs score above the cutoff and many below."""
    words = [made_up_word(i) for i in range(9)]
    return [" ".join(words[(i * k) % 9] for k in range(1, 2 + i % 5)) + f" {words[i % 4]}" for i in range(40)]


def _pair_by_pair(texts: list[str], sorted_texts: list[str], cutoff: float) -> dict[tuple[int, int], float]:
    found = {}
    for p in range(len(texts)):
        for q in range(p + 1, len(texts)):
            score = title_score(texts[p], texts[q], sorted_texts[p], sorted_texts[q])
            if score >= cutoff:
                found[p, q] = score
    return found


@pytest.mark.parametrize("cells", [evidence.CHUNK_CELLS, 40 * 7, 40])  # one band; bands of 7 rows; of 1
def test_a_block_scored_in_bands_finds_the_pairs_a_pair_by_pair_comparison_finds(cells: int) -> None:
    """Catches a band that scores the wrong columns (pairs lost or scored twice) when its rows are cut."""
    texts = _titles()
    sorted_texts = [" ".join(sorted(t.split())) for t in texts]
    expected = _pair_by_pair(texts, sorted_texts, 65.0)
    assert 50 < len(expected) < len(texts) * (len(texts) - 1) // 2  # some pairs above, some below
    with mock.patch.object(evidence, "CHUNK_CELLS", cells):
        found, stats = _similar_pairs(texts, sorted_texts, {"word": list(range(len(texts)))}, 65.0)
    assert found.keys() == expected.keys()
    assert all(found[pair] == pytest.approx(expected[pair], abs=1e-4) for pair in expected)
    assert stats.pairs_scored == len(texts) * (len(texts) - 1) // 2


def test_a_block_scored_in_one_band_is_passed_to_rapidfuzz_as_one_list() -> None:
    """Catches the block passed as two equal lists: rapidfuzz then scores every pair twice (both halves
    of the matrix), where one list has it score each pair once and mirror it."""
    texts = _titles()
    sorted_texts = [" ".join(sorted(t.split())) for t in texts]
    calls: list[bool] = []
    real = process.cdist

    def spy(queries, choices, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(queries is choices)
        return real(queries, choices, **kwargs)

    with mock.patch.object(evidence.process, "cdist", spy):
        _similar_pairs(texts, sorted_texts, {"word": list(range(len(texts)))}, 65.0)
    assert calls == [True, True]  # the titles, and their sorted words
