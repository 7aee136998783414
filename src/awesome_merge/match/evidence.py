"""Evidence that two entries are one paper: shared identifiers, shared pages, similar titles.

Candidate pairs come from blocking keys (an identifier, a page, a rare title word), never from all pairs,
so the cost grows with the number of entries, not its square.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from ..text import title_key
from .keys import EntryKeys, is_full_title, names_in, title_name

RANK = {"override": 0, "arxiv": 1, "doi": 2, "url": 3, "title": 4}
# English function words only: words common in one field are found rare or not by counting, per corpus.
_STOP = frozenset(
    "a an the of for in on and or with to via by from under over towards toward is are its at as into using "
    "based".split()
)
_NUMBER = re.compile(r"\d+")
_GENRE = frozenset("survey review tutorial overview sok position benchmark benchmarking".split())
MAX_BLOCK = 400
SMALL_BLOCK = 12
TITLE_DIFF_CUTOFF = 70.0
SUBTITLE_SCORE = 95.0
_SEGMENT = re.compile(r"\s*:\s+|\s+[-–—]{1,2}\s+")


class Edge(NamedTuple):
    a: int
    b: int
    kind: str
    score: float

    def order(self) -> int:
        """Strongest evidence first, then by entry: one int, so sorting a million edges stays lean."""
        weakness = round((100.0 - self.score) * 10)  # scores carry one decimal
        return (((RANK[self.kind] << 11) | weakness) << 64) | (self.a << 32) | self.b


class Doubt(NamedTuple):
    """A pair a curator should see: a near miss kept apart, or a conflict inside an identifier group."""

    a: int
    b: int
    score: float
    reason: str
    decision: str  # what the matcher did: "kept apart" or "merged"


def title_score(a: str, b: str, sorted_a: str | None = None, sorted_b: str | None = None) -> float:
    """Similarity of two title keys (0-100), tolerant of word order; sorted forms may come precomputed."""
    if a == b:
        return 100.0
    sorted_a = sorted_a if sorted_a is not None else " ".join(sorted(a.split()))
    sorted_b = sorted_b if sorted_b is not None else " ".join(sorted(b.split()))
    return float(max(fuzz.ratio(a, b), fuzz.ratio(sorted_a, sorted_b)))


def _same_work(a: str, b: str) -> bool:
    """Loose test for titles that share an identifier: variants, or one containing the other."""
    shorter, longer = sorted((a, b), key=len)
    return title_score(a, b) >= TITLE_DIFF_CUTOFF or fuzz.partial_ratio(shorter, longer) >= 95


def _guard(a: str, b: str, year_a: int | None, year_b: int | None) -> str:
    """Why two similar titles are still different papers, or "" when nothing speaks against them."""
    if set(_NUMBER.findall(a)) != set(_NUMBER.findall(b)):
        return "titles differ in a number"
    words_a, words_b = set(a.split()), set(b.split())
    if (words_a & _GENRE) != (words_b & _GENRE):
        return "one title is a survey, review or benchmark"
    if year_a and year_b and abs(year_a - year_b) > 2:
        return f"years {year_a} and {year_b} far apart"
    return ""


def _groups(values: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, value in values:
        if value:
            groups[value].append(index)
    return {k: v for k, v in groups.items() if len(v) > 1}


class IdentifierEvidence(NamedTuple):
    edges: list[Edge]
    doubts: list[Doubt]
    suspects: dict[int, set[str]]  # entry -> identifier kinds it carries by mistake


def _outliers(
    members: list[int], keys: EntryKeys, titles: list[str], support: Counter[str]
) -> tuple[int, dict[int, str]]:
    """The group's anchor, and the members whose own title says they are another paper.

    When titles in one identifier group disagree, the title listed most often in the whole corpus keeps
    the identifier: a wrong link is a slip in one place, the right title recurs.
    """
    full = [m for m in members if keys.full[m]]
    by_title = Counter(keys.title_keys[m] for m in full)
    if not by_title:
        return members[0], {}
    main_key = min(by_title, key=lambda k: (-by_title[k], -support[k], k))
    anchor = next(m for m in full if keys.title_keys[m] == main_key)
    name = title_name(titles[anchor])
    outliers: dict[int, str] = {}
    for m in members:
        if keys.full[m]:
            if not _same_work(keys.title_keys[m], main_key):
                outliers[m] = "titles differ"
        elif name:
            label_names = names_in(titles[m])
            if label_names and name not in label_names:
                outliers[m] = f"label names {'/'.join(sorted(label_names))}, the paper is {name}"
    return anchor, outliers


def _label_clashes(
    members: list[int], outliers: dict[int, str], titles: list[str], keys: EntryKeys, what: str
) -> list[Doubt]:
    """Two short labels on one identifier that coin different names (`SLoRA`, `Fed-BBPL`): one is a slip."""
    named = [(m, names_in(titles[m])) for m in members if not keys.full[m] and m not in outliers]
    named = [(m, names) for m, names in named if names]
    doubts = []
    for (a, names_a), (b, names_b) in itertools.pairwise(sorted(named, key=lambda item: sorted(item[1]))):
        if names_a.isdisjoint(names_b):
            doubts.append(Doubt(a, b, 0.0, f"check: same {what}, the labels name different papers", "merged"))
    return doubts


def label_suggestions(keys: EntryKeys, titles: list[str]) -> list[Doubt]:
    """A label that is the coined name of exactly one full title (`FwdLLM` / `FwdLLM: Efficient ...`).

    Labels never merge by name alone (two papers share "FLoRA"), but a curator wants to see these.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for index, title in enumerate(titles):
        if keys.full[index]:
            name = title_name(title)
            if name:
                owners[name].add(keys.title_keys[index])
                first.setdefault(keys.title_keys[index], index)
    doubts = []
    for index, title in enumerate(titles):
        if keys.full[index]:
            continue
        for name in sorted(names_in(title)):
            if len(owners.get(name, ())) == 1:
                paper = first[next(iter(owners[name]))]
                reason = "possible match: the label is this paper's name, but no identifier or page is shared"
                doubts.append(Doubt(paper, index, 0.0, reason, "kept apart"))
    return doubts


def identifier_evidence(keys: EntryKeys, titles: list[str]) -> IdentifierEvidence:
    """Star edges inside each arXiv, DOI and page group; members whose title contradicts it are held out."""
    edges: list[Edge] = []
    doubts: list[Doubt] = []
    suspects: dict[int, set[str]] = defaultdict(set)
    url_pairs = (
        (i, k) for i, ks in enumerate(keys.url_keys) for k in ks if not k.startswith(("arxiv:", "doi:"))
    )
    sources = {
        "arxiv": _groups(enumerate(keys.arxiv)),
        "doi": _groups(enumerate(keys.doi)),
        "url": _groups(url_pairs),
    }
    label = {"arxiv": "arXiv id", "doi": "DOI", "url": "page"}
    support = Counter(k for k, full in zip(keys.title_keys, keys.full, strict=True) if full)
    for kind, groups in sources.items():
        for members in groups.values():
            anchor, outliers = _outliers(members, keys, titles, support)
            doubts.extend(_label_clashes(members, outliers, titles, keys, label[kind]))
            for m in members:
                if m == anchor:
                    continue
                if m in outliers:
                    suspects[m].add(kind)
                    score = round(title_score(keys.title_keys[anchor], keys.title_keys[m]), 1)
                    doubts.append(
                        Doubt(anchor, m, score, f"conflict: same {label[kind]}, {outliers[m]}", "kept apart")
                    )
                else:
                    edges.append(Edge(min(anchor, m), max(anchor, m), kind, 100.0))
    return IdentifierEvidence(edges, doubts, suspects)


def _rare_tokens(keys: list[str], per_title: int = 3) -> list[list[str]]:
    df: Counter[str] = Counter()
    token_lists = []
    for key in keys:
        tokens = [t for t in set(key.split()) if len(t) > 2 and t not in _STOP]
        token_lists.append(tokens)
        df.update(tokens)
    return [sorted(tokens, key=lambda t: (df[t], t))[:per_title] for tokens in token_lists]


def _subtitle_edges(keys: EntryKeys, titles: list[str], by_key: dict[str, list[int]]) -> list[Edge]:
    """`Title: Subtitle` listed elsewhere as just `Title` (or just the subtitle)."""
    edges = []
    first_of: dict[str, int] = {}
    for index, title in enumerate(titles):
        if keys.full[index]:
            first_of.setdefault(title, index)  # entries with one title are joined already
    for title, index in first_of.items():
        segments = _SEGMENT.split(title)
        if len(segments) < 2:
            continue
        parts = {
            title_key(" ".join(segments[i:j]))
            for i in range(len(segments))
            for j in range(i + 1, len(segments) + 1)
        }
        parts.discard(keys.title_keys[index])
        for part in sorted(parts):
            others = by_key.get(part) if is_full_title(part) else None
            if others and not _guard(part, keys.title_keys[index], keys.years[others[0]], keys.years[index]):
                edges.append(Edge(min(index, others[0]), max(index, others[0]), "title", SUBTITLE_SCORE))
    return edges


def _similar_pairs(
    keys: list[str], sorted_keys: list[str], blocks: dict[str, list[int]], cutoff: float
) -> dict[tuple[int, int], float]:
    """Pairs inside each block scoring at least `cutoff`; big blocks are scored in C by rapidfuzz's cdist."""
    found: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        if len(members) <= SMALL_BLOCK:
            for i, p in enumerate(members):
                for q in members[i + 1 :]:
                    pair = (p, q) if p < q else (q, p)
                    if pair not in found:
                        score = title_score(keys[p], keys[q], sorted_keys[p], sorted_keys[q])
                        if score >= cutoff:
                            found[pair] = score
            continue
        plain = process.cdist([keys[m] for m in members], [keys[m] for m in members], scorer=fuzz.ratio,
                              score_cutoff=cutoff, workers=-1)  # fmt: skip
        by_words = [sorted_keys[m] for m in members]
        scores = np.triu(np.maximum(plain, process.cdist(by_words, by_words, scorer=fuzz.ratio,
                                                         score_cutoff=cutoff, workers=-1)), 1)  # fmt: skip
        for i, j in zip(*np.nonzero(scores), strict=True):
            p, q = members[i], members[j]
            found[(p, q) if p < q else (q, p)] = float(scores[i, j])
    return found


def title_evidence(
    keys: EntryKeys, titles: list[str], threshold: float, review_threshold: float
) -> tuple[list[Edge], list[Doubt]]:
    """Exact title-key matches, then fuzzy matches among distinct keys that share a rare word."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys.title_keys):
        if keys.full[index]:
            by_key[key].append(index)
    edges = [Edge(members[0], m, "title", 100.0) for members in by_key.values() for m in members[1:]]
    edges.extend(_subtitle_edges(keys, titles, by_key))
    distinct = sorted(by_key)
    blocks: dict[str, list[int]] = defaultdict(list)
    for position, tokens in enumerate(_rare_tokens(distinct)):
        for token in tokens:
            blocks[token].append(position)
    sorted_keys = [" ".join(sorted(k.split())) for k in distinct]
    similar = _similar_pairs(distinct, sorted_keys, blocks, review_threshold)
    doubts: list[Doubt] = []
    for (p, q), score in sorted(similar.items()):
        a, b = distinct[p], distinct[q]
        ea, eb = by_key[a][0], by_key[b][0]
        guard = _guard(a, b, keys.years[ea], keys.years[eb])
        if score >= threshold and not guard:
            edges.append(Edge(min(ea, eb), max(ea, eb), "title", round(score, 1)))
        else:
            reason = f"near miss: {guard}" if guard else "near miss: similar titles below the threshold"
            doubts.append(Doubt(ea, eb, round(score, 1), reason, "kept apart"))
    return edges, doubts
