"""`review.csv`: one row per pair a curator should decide, with what they need to decide it in a minute.

Each row carries both entries' pages (no need to open the sources), the strength of the evidence, and the
`[[override]]` TOML that reverses the matcher's decision, ready to paste into `awesome-merge.toml`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Set as AbstractSet

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


_NOBODY: frozenset[int] = frozenset()


class OverrideNames:
    """How a curator can name one entry in an override: by a page or a title that does not also name the
    other entry of the pair (a shared link names both, so it cannot keep them apart)."""

    def __init__(self, keys: EntryKeys, urls: list[str]) -> None:
        self.keys = keys
        self.urls = urls
        self.by_page: dict[str, set[int]] = defaultdict(set)
        self.by_title: dict[str, set[int]] = defaultdict(set)
        for i, pages in enumerate(keys.url_keys):
            for page in pages:
                self.by_page[page].add(i)
        for i, key in enumerate(keys.title_keys):
            self.by_title[key].add(i)
        self._memo: dict[str, AbstractSet[int]] = {}
        self._quoted: dict[str, str] = {}

    def _named(self, name: str) -> AbstractSet[int]:
        """The entries a name in an override would pick; each name worked out once, as one entry is in
        many review rows."""
        named = self._memo.get(name)
        if named is None:
            if is_http_url(name):
                named = self.by_page.get(canonical_url(name), _NOBODY)
            else:
                named = self.by_title.get(title_key(name), _NOBODY)
            self._memo[name] = named
        return named

    def name(self, i: int, other: int) -> str:
        for candidate in (self.urls[i], self.keys.titles[i]):
            named = self._named(candidate) if candidate else set()
            if i in named and other not in named:
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
    best: dict[tuple[int, int], tuple] = {}
    for d in doubts:
        a, b = (d.a, d.b) if d.a <= d.b else (d.b, d.a)
        score = _score(d, keys)
        rank = (_DOUBT_ORDER.get(d.reason.split(":", 1)[0], 9), -score, d.reason)
        if (a, b) not in best or rank < best[(a, b)][0]:
            best[(a, b)] = (rank, score, d)

    # The rows' order, then each column in that order: a million review rows are never held as tuples.
    def order(item: tuple[tuple[int, int], tuple]) -> tuple:
        (a, b), (rank, score, d) = item
        return rank[:2], source[a], int(line[a]), title[a], source[b], int(line[b]), title[b], score, d.reason

    ranked = sorted(best.items(), key=order)
    del best
    if not ranked:
        return pd.DataFrame([], columns=REVIEW_COLUMNS)
    pairs = [pair for pair, _ in ranked]
    doubt = [found[2] for _, found in ranked]
    columns = {
        "a_source": [source[a] for a, _ in pairs],
        "a_line": [int(line[a]) for a, _ in pairs],
        "a_title": [title[a] for a, _ in pairs],
        "b_source": [source[b] for _, b in pairs],
        "b_line": [int(line[b]) for _, b in pairs],
        "b_title": [title[b] for _, b in pairs],
        "score": [found[1] for _, found in ranked],
        "reason": [d.reason for d in doubt],
        "decision": [d.decision for d in doubt],
        "a_url": [url[a] for a, _ in pairs],
        "b_url": [url[b] for _, b in pairs],
        "override": [names.toml(a, b, d.decision) for (a, b), d in zip(pairs, doubt, strict=True)],
    }
    del ranked
    return pd.DataFrame(columns, columns=REVIEW_COLUMNS)
