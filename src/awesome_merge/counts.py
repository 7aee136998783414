"""Counts as a reader says them, in every message and page."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 list`, `2 lists`, `1 entry`, `3 entries`: counts a reader does not have to decode."""
    if n == 1:
        return f"{n} {word}"
    if many is None:
        many = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    return f"{n} {many}"
