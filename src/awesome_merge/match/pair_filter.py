"""A whole band of scored title pairs cut, in numpy, to the few that the per-pair test may keep.

Why: in a big block most pairs above the retitle cutoff are two different papers with some words in common,
and the exact test (`worth_keeping`, word sets per pair) cost microseconds each: millions of Python calls
at 100k entries. Every test here is a necessary condition of the exact one, never stricter, so the pairs
it drops are pairs the exact test would drop too, and the result is the same.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Bits of a title's word signature: each word sets one bit (its number in order of first sight, modulo
# this); ten-word titles in 256 bits rarely share a bit by chance, which only makes the filter looser.
SIGNATURE_BITS = 256
_WORDS = SIGNATURE_BITS // 64
# Pairs tested at once: the signatures of a piece's pairs take 16 MB, however big the band.
PIECE = 1 << 18


class PairFilter:
    """Per title, the facts the exact test reads (word signature and count, kind, first author, year), as
    arrays; calling it with positions and scores of candidate pairs says which may pass the exact test."""

    def __init__(
        self,
        texts: Sequence[str],
        kinds: Sequence[str],
        loose_kinds: frozenset[str],
        full: Sequence[bool],
        first_authors: Sequence[str],
        years: Sequence[int | None],
        *,
        keep_score: float,
        contained_words: int,
        author_score: float,
        most_words: float,
    ) -> None:
        self._facts = (texts, kinds, loose_kinds, full, first_authors, years)
        self._keep_score, self._contained_words = keep_score, contained_words
        self._author_score, self._most_words = author_score, most_words
        self._ready = False

    def _build(self) -> None:
        """The arrays, made at the first big band: most runs of real lists have none worth them."""
        texts, kinds, loose_kinds, full, first_authors, years = self._facts
        word_ids: dict[str, int] = {}
        packed, sizes = bytearray(), []
        for text in texts:
            words = set(text.split())
            sizes.append(len(words))
            bits = 0
            for word in words:
                bits |= 1 << (word_ids.setdefault(word, len(word_ids)) % SIGNATURE_BITS)
            packed += bits.to_bytes(SIGNATURE_BITS // 8, "little")
        self._signature = np.frombuffer(bytes(packed), dtype="<u8").reshape(len(texts), _WORDS)
        self._sizes = np.array(sizes, dtype=np.int64)
        kind_ids: dict[str, int] = {}
        self._kinds = np.array([kind_ids.setdefault(k, len(kind_ids)) for k in kinds], dtype=np.int64)
        self._loose = np.array([k in loose_kinds for k in kinds], dtype=bool)
        self._full = np.array(full, dtype=bool)
        author_ids: dict[str, int] = {"": 0}
        self._authors = np.array([author_ids.setdefault(a, len(author_ids)) for a in first_authors])
        self._years = np.array([y or 0 for y in years], dtype=np.int64)
        self._ready = True

    def __call__(self, p: np.ndarray, q: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """Which pairs (positions `p[i]`, `q[i]`, score `scores[i]`) the exact test may keep."""
        if not self._ready:
            self._build()
        if len(p) <= PIECE:
            return self._piece(p, q, scores)
        pieces = range(0, len(p), PIECE)
        return np.concatenate(
            [self._piece(p[i : i + PIECE], q[i : i + PIECE], scores[i : i + PIECE]) for i in pieces]
        )

    def _piece(self, p: np.ndarray, q: np.ndarray, scores: np.ndarray) -> np.ndarray:
        score = scores.astype(np.float64)
        kinds_ok = (self._kinds[p] == self._kinds[q]) | (self._loose[p] & self._loose[q])
        keep = self._full[p] & self._full[q] & (score >= self._keep_score)
        sig_p, sig_q = self._signature[p], self._signature[q]
        size_p, size_q = self._sizes[p], self._sizes[q]
        # One word set inside the other: no bit of the smaller set's words is missing from the other.
        p_in_q = ~np.any(sig_p & ~sig_q, axis=1)
        q_in_p = ~np.any(sig_q & ~sig_p, axis=1)
        keep |= (np.minimum(size_p, size_q) >= self._contained_words) & (p_in_q | q_in_p)
        authors = self._authors[p]
        keep |= (authors != 0) & (authors == self._authors[q]) & (score >= self._author_score)
        # Words in common, at most: the union holds at least as many words as its signature has bits.
        union_bits = np.bitwise_count(sig_p | sig_q).sum(axis=1, dtype=np.int64)
        common_at_most = size_p + size_q - union_bits
        years = self._years[p]
        most = self._most_words * np.maximum(size_p, size_q)
        keep |= (years != 0) & (years == self._years[q]) & (common_at_most >= most)
        return kinds_ok & keep
