"""Evidence that two entries are one paper: shared identifiers, shared pages, similar titles.

Candidate pairs come from blocking keys (an identifier, a page, a rare title word), never from all pairs,
so the cost grows with the number of entries, not its square.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from ..text import title_key
from .keys import PAPER_KIND, EntryKeys, is_full_title, is_generic_label, names_in, title_name
from .pair_filter import PairFilter

RANK = {
    "override": 0,
    "arxiv": 1,
    "doi": 2,
    "metadata": 2,  # an arXiv id and a DOI one record links: as strong as a shared DOI
    "url": 3,
    "title": 4,
    "name_prefix": 5,
    "coined_name": 5,  # a label repeating the name one paper's abstract coins (a record's, `resolve/`)
    "short_name_and_repo": 6,
    "short_name_and_page": 6,
}
# English function words only: words common in one field are found rare or not by counting, per corpus.
_STOP = frozenset(
    "a an the of for in on and or with to via by from under over towards toward is are its at as into using "
    "based".split()
)
_NUMBER = re.compile(r"\d+")
_GENRE = frozenset("survey review tutorial overview sok position benchmark benchmarking".split())
# A block (titles sharing a rare word or a first author) of more titles than this is left out and counted:
# that many titles make 50 million pairs, seconds of scoring; smaller blocks are scored in bands of
# `CHUNK_CELLS` scores, so memory stays bounded however big they are. Narrowing (`BROAD_BLOCK`) keeps
# blocks below it; it stays the bound for a caller that scores blocks of its own (`_similar_pairs`).
MAX_BLOCK = 10_000
CHUNK_CELLS = 4_000_000
PARALLEL_CELLS = 50_000
FILTER_PAIRS = 512
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


@lru_cache(maxsize=262144)
def _title_marks(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """A title's numbers and genre words, which `_guard` compares for every similar pair it is in."""
    return frozenset(_NUMBER.findall(title)), frozenset(title.split()) & _GENRE


def _guard(a: str, b: str, year_a: int | None, year_b: int | None) -> str:
    """Why two similar titles are still different papers, or "" when nothing speaks against them."""
    (numbers_a, genre_a), (numbers_b, genre_b) = _title_marks(a), _title_marks(b)
    if numbers_a != numbers_b:
        return "titles differ in a number"
    if genre_a != genre_b:
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
    disputes: dict[int, set[int]]  # entry -> entries that are another paper but share its link
    # For the report only: the held-out members no conflict row names, each with the conflict it shares,
    # so every entry whose identifier no longer binds it is marked as a list's slip.
    echoes: list[Doubt]


# Keys of pages that belong to one paper: a dataset, benchmark or tool citing one is not that page's owner.
PAPER_PAGES = ("arxiv:", "doi:", "openreview:", "neurips:", "iclr:", "pmlr:", "acl:", "ieee:", "aaai:")


class _Claim(NamedTuple):
    """What one or more members of an identifier group say they are: a full title, or a label's names."""

    title: str  # the title key of a full title, "" for a label
    names: frozenset[str]  # a full title's coined name, or the names a label carries


def _compatible(a: _Claim, b: _Claim, paper: bool) -> bool:
    """Whether two claims can be one work: titles that are variants, a label naming the titled paper."""
    if not paper and set(_NUMBER.findall(a.title or " ".join(a.names))) != set(
        _NUMBER.findall(b.title or " ".join(b.names))
    ):
        return False  # `-1M` and `-2M` rows of one dataset family are different datasets
    if a.title and b.title:
        return _same_work(a.title, b.title)
    if a.title or b.title:
        work, label = (a, b) if a.title else (b, a)
        return not work.names or _names_agree(work.names, label.names)
    return _names_agree(a.names, b.names)


NAME_TYPO_SCORE = 85.0


def _names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of coined names share one, allowing a typo (`FedVeNePEF` for `FedVeNePEFT`): on one shared
    identifier a near-identical name is a slip of the pen, not another paper."""
    return not a.isdisjoint(b) or any(
        min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= NAME_TYPO_SCORE for x in a for y in b
    )


def _claims(members: list[int], keys: EntryKeys, titles: list[str]) -> dict[int, _Claim | None]:
    """Each member's claim; None for a label with no name of its own (`PDF`, `link`), which says nothing."""
    claims: dict[int, _Claim | None] = {}
    for m in members:
        if keys.full[m]:
            name = title_name(titles[m])
            claims[m] = _Claim(keys.title_keys[m], frozenset([name]) if name else frozenset())
        else:
            names = names_in(titles[m])
            claims[m] = _Claim("", names) if names else None
    return claims


def _anchor(members: list[int], keys: EntryKeys, support: Counter[str]) -> int:
    """The member that speaks for an agreeing group: the title listed most often, so ids stay stable."""
    full = [m for m in members if keys.full[m]]
    if not full:
        return members[0]
    by_title = Counter(keys.title_keys[m] for m in full)
    main_key = min(by_title, key=lambda k: (-by_title[k], -support[k], k))
    return next(m for m in full if keys.title_keys[m] == main_key)


def _disagreements(
    members: list[int], claims: dict[int, _Claim | None], paper: bool
) -> list[tuple[int, int]]:
    """Pairs of members whose claims cannot be one work, one pair per two distinct claims."""
    first_of: dict[_Claim, int] = {}
    for m in members:
        claim = claims[m]
        if claim is not None:
            first_of.setdefault(claim, m)
    distinct = list(first_of.items())
    # With a full title present, labels are judged against it only: two lists may coin two names for one
    # paper, but a label cannot name a paper whose title coins another name.
    titled = any(claim.title for claim in first_of)
    return [
        (p, q)
        for (claim_p, p), (claim_q, q) in itertools.combinations(distinct, 2)
        if (claim_p.title or claim_q.title or not titled) and not _compatible(claim_p, claim_q, paper)
    ]


def _describe(a: int, b: int, claims: dict[int, _Claim | None], titles: list[str]) -> str:
    ca, cb = claims[a], claims[b]
    if ca is not None and cb is not None and ca.title and cb.title:
        return "titles differ"
    if ca is not None and cb is not None and not ca.title and not cb.title:
        return "the labels name different papers"
    label = a if ca is not None and not ca.title else b
    work = b if label == a else a
    names = "/".join(sorted(names_in(titles[label])))
    return f"label names {names}, the paper is {title_name(titles[work]) or titles[work]}"


def _identifier_groups(keys: EntryKeys) -> dict[str, dict[str, list[int]]]:
    """Entries sharing an arXiv id, a DOI or a page, grouped within one kind.

    Only papers own arXiv ids, DOIs and proceedings pages; a dataset or tool row that cites one is joined
    by its own page or its title only.
    """
    papers = [f == PAPER_KIND for f in keys.families]

    def page_group(i: int, key: str) -> str:
        # A paper's own page joins a paper and the tool it presents; any other page (a documentation
        # site, a repository) joins only entries of one kind.
        owner = PAPER_KIND if papers[i] and key.startswith(PAPER_PAGES) else keys.kinds[i]
        return f"{owner}|{key}"

    url_pairs = (
        (i, page_group(i, k))
        for i, ks in enumerate(keys.url_keys)
        for k in ks
        if not k.startswith(PAPER_PAGES[:2]) and (papers[i] or not k.startswith(PAPER_PAGES))
    )
    return {
        "arxiv": _groups((i, v) for i, v in enumerate(keys.arxiv) if papers[i]),
        "doi": _groups((i, v) for i, v in enumerate(keys.doi) if papers[i]),
        "url": _groups(url_pairs),
    }


LISTING_USES = 3


def _listing_page(page: str, members: list[int], keys: EntryKeys) -> bool:
    """A page one list gives for several entries, none with a full title (a lab's news page, a year's
    proceedings index behind labels like `abstract`): it lists many things and identifies none."""
    if page.split("|", 1)[1].startswith(PAPER_PAGES) or any(keys.full[m] for m in members):
        return False
    uses = Counter(keys.sources[m] for m in members)
    return max(uses.values()) >= LISTING_USES


def identifier_evidence(keys: EntryKeys, titles: list[str]) -> IdentifierEvidence:
    """Star edges inside each arXiv, DOI and page group whose members agree on what they are.

    When members of a group say they are different works, the identifier is evidence for none of them:
    which side carries it by mistake cannot be told, and taking the majority's word let one wrong link
    pull a paper away from its true duplicates. Every member is then held out and flagged; only entries
    saying the very same thing (one title, one label) stay joined, so no chain crosses two works.
    """
    edges: list[Edge] = []
    doubts: list[Doubt] = []
    suspects: dict[int, set[str]] = defaultdict(set)
    disputes: dict[int, set[int]] = defaultdict(set)
    echoes: list[Doubt] = []
    label = {"arxiv": "arXiv id", "doi": "DOI", "url": "page"}
    support = Counter(k for k, full in zip(keys.title_keys, keys.full, strict=True) if full)
    for kind, groups in _identifier_groups(keys).items():
        for page, members in groups.items():
            if kind == "url" and _listing_page(page, members, keys):
                continue
            paper = keys.families[members[0]] == PAPER_KIND
            claims = _claims(members, keys, titles)
            clashes = _disagreements(members, claims, paper)
            if clashes:
                rep = {claim: m for m in reversed(members) if (claim := claims[m]) is not None}
                against: dict[int, set[int]] = defaultdict(set)
                for a, b in clashes:
                    against[a].add(b)
                    against[b].add(a)
                for m in members:
                    suspects[m].add(kind)
                    claim = claims[m]
                    others = against[rep[claim]] if claim is not None else set(rep.values()) - {m}
                    disputes[m].update(others)
                named: dict[int, Doubt] = {}
                for a, b in clashes:
                    score = round(title_score(keys.title_keys[a], keys.title_keys[b]), 1)
                    reason = f"conflict: same {label[kind]}, {_describe(a, b, claims, titles)}"
                    doubts.append(Doubt(a, b, score, reason, "kept apart"))
                    named.setdefault(a, doubts[-1])
                    named.setdefault(b, doubts[-1]._replace(a=b, b=a))
                for m in members:
                    if m not in named:
                        claim = claims[m]
                        like = named.get(rep[claim]) if claim is not None else None
                        other = like.b if like else min(disputes[m] or {m})
                        reason = like.reason if like else f"conflict: same {label[kind]}, lists disagree"
                        echoes.append(Doubt(m, other, 0.0, reason, "kept apart"))
                # Entries that say the very same thing (one title, one label) still agree with each other.
                edges.extend(
                    Edge(min(rep[claim], m), max(rep[claim], m), kind, 100.0)
                    for m in members
                    if (claim := claims[m]) is not None and rep[claim] != m
                )
                continue
            anchor = _anchor(members, keys, support)
            edges.extend(Edge(min(anchor, m), max(anchor, m), kind, 100.0) for m in members if m != anchor)
    edges.extend(_namesakes(keys, titles, suspects))
    return IdentifierEvidence(edges, doubts, suspects, disputes, echoes)


def _head_name(title: str) -> str:
    """A title's coined name, also when written without capitals (`Zoomoru: demystifying ...`)."""
    head, sep, _ = title.partition(":")
    words = title_key(head).split()
    return title_name(title) or (words[0] if sep and len(words) == 1 and len(words[0]) >= 3 else "_")


def _namesakes(keys: EntryKeys, titles: list[str], suspects: dict[int, set[str]]) -> list[Edge]:
    """A dataset or benchmark row named as the paper whose id it cites (`WidgetBench` citing `WidgetBench:
    Training ...`) is that paper listed under a data heading; rows of other names only cite it."""
    edges = []
    for kind, column in (("arxiv", keys.arxiv), ("doi", keys.doi)):
        owners: dict[str, list[int]] = defaultdict(list)
        for i, value in enumerate(column):
            if value and keys.full[i] and keys.families[i] == PAPER_KIND and kind not in suspects.get(i, ()):
                owners[value].append(i)
        for i, value in enumerate(column):
            if not value or keys.families[i] == PAPER_KIND or value not in owners:
                continue
            names = names_in(titles[i]) | {title_key(titles[i]).replace(" ", "")}
            owner = next((p for p in owners[value] if _head_name(titles[p]) in names), None)
            if owner is not None:
                edges.append(Edge(min(owner, i), max(owner, i), kind, 100.0))
    return edges


def label_suggestions(keys: EntryKeys, titles: list[str]) -> list[Doubt]:
    """A label that is the coined name of exactly one full title (`FooNet` / `FooNet: Learning ...`).

    Labels never merge by name alone (two papers share "FooNet"), but a curator wants to see these.
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


def _rare_tokens(keys: list[str], per_title: int = 3) -> list[list[str]]:
    df: Counter[str] = Counter()
    token_lists = []
    for key in keys:
        tokens = [t for t in set(key.split()) if len(t) > 2 and t not in _STOP]
        token_lists.append(tokens)
        df.update(tokens)
    # A word no other title holds blocks a title with nobody: the rarest words that another title shares
    # are the ones worth a block (`PepMLM: Target ...` shares `binders`, not `pepmlm`, with its old title).
    return [
        sorted((t for t in tokens if df[t] > 1), key=lambda t: (df[t], t))[:per_title]
        for tokens in token_lists
    ]


TitleGroups = dict[tuple[str, str], list[int]]  # (kind, title key) -> entries
ANY_KIND = "*"


# `Name: Title` and `Title`: the name is at most this many words, the title at least this many (a
# shorter rest, `Foo: Deep Widgets`, is a phrase many papers share), years at most this far apart.
PREFIX_NAME_WORDS = 2
PREFIX_NAME_CHARS = 24
PREFIX_MIN_WORDS = 4
PREFIX_YEARS = 1
NAME_PREFIX_SCORE = 95.0


@lru_cache(maxsize=262144)
def _name_rest(title: str) -> str:
    """The title key after a short coined name and a colon (`Foo-1: Widget Synthesis ...`), or ""."""
    head, sep, rest = title.partition(":")
    if not sep or not rest.strip():
        return ""
    head_words = title_key(head).split()
    if not head_words or len(head_words) > PREFIX_NAME_WORDS or len(head.strip()) > PREFIX_NAME_CHARS:
        return ""
    if set(head_words) & (_GENRE | _STOP) or is_generic_label(head):
        return ""  # `Survey: ...` is another paper about the title, `PDF: ...` a link's text
    rest_key = title_key(rest)
    return rest_key if rest_key.count(" ") + 1 >= PREFIX_MIN_WORDS else ""


def _name_prefix_edges(keys: EntryKeys, titles: list[str], repeated: set[int]) -> list[Edge]:
    """`Name: Title` listed elsewhere as `Title` alone: one paper, a list dropping or adding its name.

    Guarded: the rest is a title of several words, the years are close, no arXiv id or DOI differs,
    and the bare title is a paper's (a dataset's four-word name is its own thing).
    """
    bare: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys.title_keys):
        if key and index not in repeated and keys.families[index] == PAPER_KIND:
            bare[key].append(index)
    named: dict[str, list[int]] = defaultdict(list)
    for index, title in enumerate(titles):
        if index not in repeated and keys.families[index] == PAPER_KIND:
            rest = _name_rest(title)
            if rest in bare:
                named[rest].append(index)
    edges = []
    for rest, indices in named.items():
        if len({keys.title_keys[i] for i in indices}) > 1:
            continue  # `Foo: Title` and `Bar: Title`: which of them the bare title is, nothing tells
        for other in bare[rest]:
            index = next((i for i in indices if _may_be_one(i, other, keys)), None)
            if index is not None:
                edges.append(Edge(min(index, other), max(index, other), "name_prefix", NAME_PREFIX_SCORE))
    return edges


def _may_be_one(a: int, b: int, keys: EntryKeys) -> bool:
    """No identifier and no year speaks against two entries being one paper."""
    for column in (keys.arxiv, keys.doi):
        if column[a] and column[b] and column[a] != column[b]:
            return False
    year_a, year_b = keys.years[a], keys.years[b]
    return not (year_a and year_b and abs(year_a - year_b) > PREFIX_YEARS)


def _subtitle_edges(
    keys: EntryKeys, titles: list[str], by_key: TitleGroups, repeated: set[int]
) -> list[Edge]:
    """`Title: Subtitle` listed elsewhere as just `Title` (or just the subtitle); a short name before
    the colon is the name prefix rule's (`_name_prefix_edges`)."""
    edges = []
    first_of: dict[str, int] = {}
    for index, title in enumerate(titles):
        if keys.full[index] and index not in repeated:
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
        parts.discard(_name_rest(title))
        for part in sorted(parts):
            others = by_key.get((ANY_KIND, part)) if is_full_title(part) else None
            if others and not _guard(part, keys.title_keys[index], keys.years[others[0]], keys.years[index]):
                edges.append(Edge(min(index, others[0]), max(index, others[0]), "title", SUBTITLE_SCORE))
    return edges


class BlockStats(NamedTuple):
    """How much title comparing a run did and what it left out, for the run summary."""

    pairs_scored: int = 0
    blocks_skipped: int = 0
    pairs_skipped: int = 0
    blocks_narrowed: int = 0  # broad blocks, and broad blocks of shared keys, narrowed (`_narrowed`)


# A block of more titles than this shares a word too common to say much (or a first author of very many
# papers): its titles are compared only when they share a second block's key too. Real lists, 75 merged
# at once, make blocks of at most about 500 titles; a million synthetic entries make blocks of thousands.
BROAD_BLOCK = 1_000
_PAIR_KEY = "\1"


def _narrowed(blocks: dict[str, list[int]]) -> tuple[dict[str, list[int]], int]:
    """Blocks with each broad one replaced by blocks of its titles that share one more broad key, and how
    many broad blocks there were.

    A title in a broad block is compared with the titles sharing another of its keys: when that key's
    block is not broad, it is scored there in full already; when it is broad too, the titles sharing
    both keys form a block of their own, narrowed again while still broad. So a broad block loses only
    pairs that share nothing but keys thousands of titles share.
    """
    broad = {key for key, members in blocks.items() if len(members) > BROAD_BLOCK}
    if not broad:
        return blocks, 0
    kept = {key: members for key, members in blocks.items() if key not in broad}
    keys_of: dict[int, list[str]] = defaultdict(list)
    for key in sorted(broad):
        for position in blocks[key]:
            keys_of[position].append(key)  # in sorted order: each combination is made once
    wide = [((key,), blocks[key]) for key in sorted(broad)]
    narrowed = 0
    while wide:
        narrowed += len(wide)
        deeper: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for combination, members in wide:
            last = combination[-1]
            for position in members:
                for key in keys_of[position]:
                    if key > last:
                        deeper[(*combination, key)].append(position)
        wide = []
        for combination, members in sorted(deeper.items()):
            if len(members) > BROAD_BLOCK:
                wide.append((combination, members))
            elif len(members) > 1:
                kept[_PAIR_KEY.join(combination)] = members
    return kept, narrowed


def _band(texts: list[str], top: int, bottom: int) -> tuple[list[str], list[str]]:
    """The rows `top:bottom` and the columns from `top` on (the pairs below the diagonal were scored by
    earlier bands). A band of the whole block passes one list as both: rapidfuzz then scores each pair
    of a symmetric scorer once and mirrors it (measured: 1.7 times faster on a block of 750 titles),
    where two equal lists have it score every pair twice."""
    if top == 0 and bottom == len(texts):
        return texts, texts
    return texts[top:bottom], texts[top:]


def _chunked_scores(
    texts: list[str], sorted_texts: list[str], cutoff: float
) -> Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per band of rows, the pairs i < j whose better score, of the titles and of their sorted words, is
    at least `cutoff`: (rows, columns, scores) arrays, so that memory stays within `CHUNK_CELLS` scores
    however big the block (the pairs are never gathered: a block of thousands of titles has millions above
    the cutoff). Every core scores a big band (`workers=-1`): the parse is over by then, and each cell's
    score is the same however many threads fill the matrix."""
    n = len(texts)
    rows = max(1, CHUNK_CELLS // n)
    for top in range(0, n - 1, rows):
        bottom = min(n, top + rows)
        # Threads cost more than they save on a small band.
        workers = -1 if (bottom - top) * (n - top) >= PARALLEL_CELLS else 1
        scores = process.cdist(*_band(texts, top, bottom), scorer=fuzz.ratio, score_cutoff=cutoff,
                               dtype=np.float32, workers=workers)  # fmt: skip
        by_words = process.cdist(*_band(sorted_texts, top, bottom), scorer=fuzz.ratio,
                                 score_cutoff=cutoff, dtype=np.float32, workers=workers)  # fmt: skip
        np.maximum(scores, by_words, out=scores)
        del by_words
        scores = np.triu(scores, 1)  # row r is entry top + r, column c is entry top + c
        r, c = np.nonzero(scores)
        yield r + top, c + top, scores[r, c]


def _similar_pairs(
    keys: list[str],
    sorted_keys: list[str],
    blocks: dict[str, list[int]],
    cutoff: float,
    keep: Callable[[int, int, float], bool] = lambda p, q, score: True,
    may_keep: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> tuple[dict[tuple[int, int], float], BlockStats]:
    """Pairs inside each block scoring at least `cutoff` that `keep` wants, and what was scored.

    Big blocks are scored in C by rapidfuzz's cdist, in bounded bands; only a block of more than
    `MAX_BLOCK` titles (tens of millions of pairs) is left out, and counted. Filtering here keeps the
    many low-scoring pairs out of memory. `may_keep`, a necessary condition of `keep` over arrays of
    pairs, cuts a band's pairs in numpy before `keep` sees them one by one.
    """
    found: dict[tuple[int, int], float] = {}
    scored = skipped_blocks = skipped_pairs = 0
    for _, members in sorted(blocks.items()):
        size = len(members)
        if size < 2:
            continue
        if size > MAX_BLOCK:
            skipped_blocks += 1
            skipped_pairs += size * (size - 1) // 2
            continue
        scored += size * (size - 1) // 2
        if size <= SMALL_BLOCK:
            for i, p in enumerate(members):
                for q in members[i + 1 :]:
                    pair = (p, q) if p < q else (q, p)
                    if pair not in found:
                        score = title_score(keys[p], keys[q], sorted_keys[p], sorted_keys[q])
                        if score >= cutoff and keep(*pair, score):
                            found[pair] = score
            continue
        texts, sorted_texts = [keys[m] for m in members], [sorted_keys[m] for m in members]
        positions = np.asarray(members)
        for rows, columns, scores in _chunked_scores(texts, sorted_texts, cutoff):
            ends = positions[rows], positions[columns]
            low, high = np.minimum(*ends), np.maximum(*ends)
            if may_keep is not None and len(low) >= FILTER_PAIRS:  # arrays cost more on a few pairs
                wanted = may_keep(low, high, scores)
                low, high, scores = low[wanted], high[wanted], scores[wanted]
            for p, q, score in zip(low.tolist(), high.tolist(), scores.tolist(), strict=True):
                if (p, q) not in found and keep(p, q, score):
                    found[p, q] = score
    return found, BlockStats(scored, skipped_blocks, skipped_pairs)


RETITLE_CUTOFF = 65.0
RETITLE_MIN_WORDS = 3
FIRST_AUTHOR_CUTOFF = 70.0
MOST_WORDS = 0.8


def _retitled(a: str, b: str, ea: int, eb: int, score: float, keys: EntryKeys) -> str:
    """Why two titles too different to merge may be one paper renamed between versions, or "".

    Cheap set tests only: this runs on every pair above the retitle cutoff.
    """
    words_a, words_b = set(a.split()), set(b.split())
    shorter = min(len(words_a), len(words_b))
    if shorter >= RETITLE_MIN_WORDS and (words_a <= words_b or words_b <= words_a):
        return "one title contains the other"
    author = keys.first_authors[ea]
    if author and author == keys.first_authors[eb] and score >= FIRST_AUTHOR_CUTOFF:
        return "same first author"
    year = keys.years[ea]
    most = MOST_WORDS * max(len(words_a), len(words_b))
    if year and year == keys.years[eb] and len(words_a & words_b) >= most:
        return "same year and most words"
    return ""


# A title one list gives to this many entries with different links is a misread or a shared heading.
REPEATED_TITLE = 3


def repeated_titles(keys: EntryKeys) -> set[int]:
    """Entries whose list gives their title to `REPEATED_TITLE` or more entries with different links.

    Such a title names no one paper (a table read into one repeated cell, a column label), so it is no
    title evidence, as a generic label is none; identifiers and pages still join those entries.
    """
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, key in enumerate(keys.title_keys):
        if key:
            group = (keys.sources[index], key)
            members[group].append(index)
            links[group].add(keys.url_keys[index][0] if keys.url_keys[index] else "")
    return {
        i
        for group, found in members.items()
        if len(found) >= REPEATED_TITLE and len(links[group]) >= REPEATED_TITLE
        for i in found
    }


def _searchable(keys: EntryKeys, repeated: set[int]) -> TitleGroups:
    """Titles worth comparing: full titles, and labels of a few words that may be a retitled paper's name."""
    by_key: TitleGroups = defaultdict(list)
    for index, key in enumerate(keys.title_keys):
        if index in repeated:
            continue
        kind = keys.families[index]
        if keys.full[index]:  # a full title names one work whatever heading a list files it under
            by_key[(ANY_KIND, key)].append(index)
        elif key and (kind != PAPER_KIND or key.count(" ") + 1 >= RETITLE_MIN_WORDS):
            by_key[(kind, key)].append(index)
    return by_key


def title_evidence(
    keys: EntryKeys, titles: list[str], repeated: set[int], threshold: float, review_threshold: float
) -> tuple[list[Edge], list[Doubt], BlockStats]:
    """Exact title-key matches, then fuzzy matches among distinct keys that share a rare word.

    Full titles join whatever their kind; a dataset's or benchmark's short name joins only the same name
    of the same kind. Pairs below the review threshold are still shown as near misses
    when they look like one paper retitled (one title inside the other, one first author, one year and
    most words): nothing else would tell a curator about them. `repeated` is `repeated_titles(keys)`.
    """
    searchable = _searchable(keys, repeated)
    # A dataset's or benchmark's name is short by nature: the same name is the same one.
    by_key = {
        k: members
        for k, members in searchable.items()
        if k[0] == ANY_KIND or (k[0] != PAPER_KIND and not is_generic_label(keys.titles[members[0]]))
    }
    edges = [Edge(members[0], m, "title", 100.0) for members in by_key.values() for m in members[1:]]
    edges.extend(_subtitle_edges(keys, titles, by_key, repeated))
    edges.extend(_name_prefix_edges(keys, titles, repeated))
    distinct = sorted(searchable)
    texts = [key for _, key in distinct]
    blocks: dict[str, list[int]] = defaultdict(list)
    for position, tokens in enumerate(_rare_tokens(texts)):
        for token in tokens:
            blocks[token].append(position)
        # A retitled paper may share no rare word with its old title, but keeps its first author.
        authors = {keys.first_authors[i] for i in searchable[distinct[position]]} - {""}
        for author in authors:
            blocks["\0" + author].append(position)
    blocks, narrowed = _narrowed(blocks)
    sorted_keys = [" ".join(sorted(k.split())) for k in texts]
    first = [searchable[k][0] for k in distinct]

    def worth_keeping(p: int, q: int, score: float) -> bool:
        kinds = {distinct[p][0], distinct[q][0]}
        if len(kinds) > 1 and not kinds <= {ANY_KIND, PAPER_KIND}:
            return False  # a dataset's short name is compared with other datasets' names only
        full = keys.full[first[p]] and keys.full[first[q]]
        return (full and score >= review_threshold) or bool(
            _retitled(texts[p], texts[q], first[p], first[q], score, keys)
        )

    may_keep = PairFilter(
        texts,
        [kind for kind, _ in distinct],
        frozenset({ANY_KIND, PAPER_KIND}),
        [keys.full[e] for e in first],
        [keys.first_authors[e] for e in first],
        [keys.years[e] for e in first],
        keep_score=review_threshold,
        contained_words=RETITLE_MIN_WORDS,
        author_score=FIRST_AUTHOR_CUTOFF,
        most_words=MOST_WORDS,
    )
    cutoff = min(review_threshold, RETITLE_CUTOFF)
    similar, stats = _similar_pairs(texts, sorted_keys, blocks, cutoff, worth_keeping, may_keep)
    stats = stats._replace(blocks_narrowed=narrowed)
    doubts: list[Doubt] = []
    for (p, q), score in sorted(similar.items()):
        a, b = texts[p], texts[q]
        ea, eb = first[p], first[q]
        full = keys.full[ea] and keys.full[eb]
        guard = _guard(a, b, keys.years[ea], keys.years[eb])
        if full and score >= threshold and not guard:
            edges.append(Edge(min(ea, eb), max(ea, eb), "title", round(score, 1)))
            continue
        if full and score >= review_threshold:
            reason = f"near miss: {guard}" if guard else "near miss: similar titles below the threshold"
        elif guard:
            continue
        else:
            reason = f"near miss: {_retitled(a, b, ea, eb, score, keys)}"
        doubts.append(Doubt(ea, eb, round(score, 1), reason, "kept apart"))
    return edges, doubts, stats
