"""`review.csv`: one row per pair a curator should decide, with what they need to decide it in a minute.

Each row carries both entries' pages (no need to open the sources), the strength of the evidence, and the
`[[override]]` TOML that reverses the matcher's decision, ready to paste into `awesome-merge.toml`.
"""

from __future__ import annotations

import json

import pandas as pd
from rapidfuzz import fuzz

from ..ids import canonical_url, is_http_url
from ..text import title_key
from .evidence import Doubt, title_score
from .keys import EntryKeys

REVIEW_COLUMNS = [
    "a_source",
    "a_line",
    "a_title",
    "b_source",
    "b_line",
    "b_title",
    "score",
    "reason",
    "decision",
    "a_url",
    "b_url",
    "override",
]
_DOUBT_ORDER = {"conflict": 0, "check": 1, "near miss": 2, "possible match": 3}


class OverrideNames:
    """How a curator can name one entry in an override: by a page or a title that does not also name the
    other entry of the pair (a shared link names both, so it cannot keep them apart)."""

    def __init__(self, keys: EntryKeys, urls: list[str]) -> None:
        self.keys = keys
        self.urls = urls
        self._memo: dict[str, tuple[bool, str]] = {}
        self._quoted: dict[str, str] = {}

    def _key(self, name: str) -> tuple[bool, str]:
        """Whether a name is a page, and its comparison key; each name worked out once, as one entry is
        in many review rows."""
        found = self._memo.get(name)
        if found is None:
            page = is_http_url(name)
            found = self._memo[name] = (page, canonical_url(name) if page else title_key(name))
        return found

    def _names(self, name: str, i: int) -> bool:
        """The override name picks entry i: one of its pages, or its title."""
        page, key = self._key(name)
        return key in self.keys.url_keys[i] if page else self.keys.title_keys[i] == key

    def name(self, i: int, other: int) -> str:
        # Two tests per name, rather than an index of every entry's pages and titles: only the entries
        # of the pair matter, and the index held a million entries' keys while the review was built.
        for candidate in (self.urls[i], self.keys.titles[i]):
            if candidate and self._names(candidate, i) and not self._names(candidate, other):
                return candidate
        return ""

    def _quote(self, name: str) -> str:
        """A name as a TOML string; each once, as one entry is in many review rows."""
        quoted = self._quoted.get(name)
        if quoted is None:
            quoted = self._quoted[name] = json.dumps(name, ensure_ascii=False)
        return quoted

    def toml(self, a: int, b: int, decision: str) -> str:
        """The override that reverses `decision`; a comment when no page or title tells the two apart."""
        names = [self.name(a, b), self.name(b, a)]
        if not all(names):
            return "# these entries share their page and title: no override can name one without the other"
        kind = "different" if decision == "merged" else "same"
        quoted = ", ".join(self._quote(n) for n in names)
        return f"[[override]]\n{kind} = [{quoted}]"


def _score(d: Doubt, keys: EntryKeys) -> float:
    """The row's evidence strength; pairs found without a title score (a label and its paper) get how much
    of the label the title contains."""
    if d.score:
        return d.score
    a, b = keys.title_keys[d.a], keys.title_keys[d.b]
    if not a or not b:
        return 0.0
    if keys.full[d.a] and keys.full[d.b]:
        return round(title_score(a, b), 1)
    shorter, longer = sorted((a, b), key=len)
    return round(float(fuzz.partial_ratio(shorter, longer)), 1)


def review_frame(entries: pd.DataFrame, doubts: list[Doubt], keys: EntryKeys) -> pd.DataFrame:
    """Most doubtful first: conflicts, then near misses from the closest to the threshold down.

    One row per pair: a pair found doubtful twice (same arXiv id and same page) is one decision.
    """
    source, line, title, url = (entries[c].tolist() for c in ("source", "line", "title", "url"))
    names = OverrideNames(keys, [str(u) for u in url])
    # Per pair, the index of its most doubtful reading (ranks compared only where a pair is found twice):
    # a million review rows are held as one index each, not as tuples of their rank, score and doubt.
    scores = [_score(d, keys) for d in doubts]

    def rank(k: int) -> tuple[int, float, str]:
        reason = doubts[k].reason
        return _DOUBT_ORDER.get(reason.split(":", 1)[0], 9), -scores[k], reason

    best: dict[tuple[int, int], int] = {}
    for k, d in enumerate(doubts):
        pair = (d.a, d.b) if d.a <= d.b else (d.b, d.a)
        held = best.get(pair)
        if held is None or rank(k) < rank(held):
            best[pair] = k

    # The rows' order, then each column in that order.
    def order(item: tuple[tuple[int, int], int]) -> tuple:
        (a, b), k = item
        doubt, score, reason = rank(k)
        return doubt, score, source[a], int(line[a]), title[a], source[b], int(line[b]), title[b], reason

    ranked = sorted(best.items(), key=order)
    del best
    if not ranked:
        return pd.DataFrame([], columns=REVIEW_COLUMNS)
    pairs = [pair for pair, _ in ranked]
    doubt = [doubts[k] for _, k in ranked]
    columns = {
        "a_source": [source[a] for a, _ in pairs],
        "a_line": [int(line[a]) for a, _ in pairs],
        "a_title": [title[a] for a, _ in pairs],
        "b_source": [source[b] for _, b in pairs],
        "b_line": [int(line[b]) for _, b in pairs],
        "b_title": [title[b] for _, b in pairs],
        "score": [scores[k] for _, k in ranked],
        "reason": [d.reason for d in doubt],
        "decision": [d.decision for d in doubt],
        "a_url": [url[a] for a, _ in pairs],
        "b_url": [url[b] for _, b in pairs],
        "override": [names.toml(a, b, d.decision) for (a, b), d in zip(pairs, doubt, strict=True)],
    }
    del ranked
    return pd.DataFrame(columns, columns=REVIEW_COLUMNS)
