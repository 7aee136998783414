"""Retitled papers and short-name-only entries: a short name, a repository or page, and a year, together.

A short name alone joins nothing (two papers share `FooNet`), nor does a repository alone (one repository
may host several papers, or a tool many papers use). Together, with years that agree and no arXiv id or
DOI that differs, they are one paper listed under two titles (`Foo: Old Title` / `Foo: New Title`, or
`Foo` alone). Weaker combinations become `possible match` rows in the review, a few per name or link.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from ..text import title_key
from .evidence import (
    _GENRE,
    _STOP,
    LISTING_USES,
    PAPER_PAGES,
    PREFIX_NAME_CHARS,
    PREFIX_NAME_WORDS,
    PREFIX_YEARS,
    Doubt,
    Edge,
)
from .keys import PAPER_KIND, EntryKeys, is_citation_label, is_generic_label

# A title that is only a name (`Mask R-CNN`, `Movie Gen`) has at most this many words.
NAME_ONLY_WORDS = 3
MIN_NAME_CHARS = 3
SHORT_NAME_SCORE = 90.0
# Suggestions are for names and links few entries share: a name that more clusters carry is a common
# word, a link more clusters give is a hub; either would flood the review with rows nobody can decide.
SUGGEST_CLUSTERS = 4
REPO = "short_name_and_repo"
PAGE = "short_name_and_page"


@lru_cache(maxsize=262144)
def short_name(title: str, full: bool) -> str:
    """The short name a title gives (`foo1` for `Foo-1: Widget ...` or for `Foo-1` alone), or "".

    The head before a colon is a name when it is a word or two, not a genre (`Survey:`) or a link's role;
    a title that is not a full title is itself a name when it is a few words. Memoised: the versions of a
    list give each title forty times.
    """
    head, sep, rest = title.partition(":")
    if sep and rest.strip():
        words = title_key(head).split()
        if not words or len(words) > PREFIX_NAME_WORDS or len(head.strip()) > PREFIX_NAME_CHARS:
            return ""
        if set(words) & (_GENRE | _STOP) or is_generic_label(head):
            return ""
    elif full or is_generic_label(title) or is_citation_label(title):
        return ""
    else:
        words = title_key(title).split()
        if len(words) > NAME_ONLY_WORDS or len(" ".join(words)) > PREFIX_NAME_CHARS:
            return ""
    name = "".join(words)
    # A name is written in Latin letters (`Foo-1`); a short phrase in another script is a heading or a role.
    return name if len(name) >= MIN_NAME_CHARS and re.search("[a-z]", name) else ""


class Linked(NamedTuple):
    """The entries that take part: papers (or what a paper presents), each with its name and links."""

    names: dict[int, str]
    anchors: dict[str, list[int]]  # `repo:` or `page:` key -> entries linking it, in entry order
    links: dict[int, frozenset[str]]  # entry -> the anchors it links


def linked_entries(
    keys: EntryKeys, titles: list[str], suspects: dict[int, set[str]], repeated: set[int]
) -> Linked:
    """Each paper's short name and the repositories and pages it links; made once per run, for the
    short-name edges and for the possible matches."""
    names: dict[int, str] = {}
    anchors: dict[str, list[int]] = defaultdict(list)
    linked: dict[int, frozenset[str]] = {}
    for i, title in enumerate(titles):
        if keys.families[i] != PAPER_KIND or i in repeated:
            continue
        names[i] = short_name(title, keys.full[i])
        links = {f"repo:{r}" for r in keys.repos[i]}
        pages = [*keys.url_keys[i], keys.code_pages[i]]
        if "url" not in suspects.get(i, ()):  # a page the lists dispute identifies nothing
            links.update(f"page:{k}" for k in pages if k and not k.startswith((*PAPER_PAGES, "github.com/")))
        linked[i] = frozenset(links)
        for link in sorted(links):
            anchors[link].append(i)
    return Linked(names, dict(anchors), linked)


def _hosts_several(members: list[int], names: dict[int, str], keys: EntryKeys) -> bool:
    """A link one list gives to entries of two short names or two full titles hosts several papers; one it
    gives to `LISTING_USES` entries, none of them with a full title, is a listing (a talk, a news page)."""
    seen_names: dict[str, set[str]] = defaultdict(set)
    seen_titles: dict[str, set[str]] = defaultdict(set)
    uses: Counter[str] = Counter()
    for m in members:
        source = keys.sources[m]
        uses[source] += 1
        if names[m]:
            seen_names[source].add(names[m])
        if keys.full[m]:
            seen_titles[source].add(keys.title_keys[m])
    listing = any(n >= LISTING_USES and not seen_titles[s] for s, n in uses.items())
    return listing or any(len(v) > 1 for v in (*seen_names.values(), *seen_titles.values()))


def years_agree(years: list[int | None]) -> bool:
    """Years at most `PREFIX_YEARS` apart, where known: a paper's preprint and its publication."""
    known = [y for y in years if y]
    return not known or max(known) - min(known) <= PREFIX_YEARS


def _ids_agree(members: list[int], keys: EntryKeys) -> bool:
    return all(len({column[m] for m in members} - {""}) <= 1 for column in (keys.arxiv, keys.doi))


def _content(i: int, keys: EntryKeys) -> tuple[str, str, str]:
    """What an entry is, whatever its position: so choices among entries survive reordering."""
    return (keys.title_keys[i], keys.sources[i], keys.titles[i])


def short_name_edges(keys: EntryKeys, linked: Linked) -> list[Edge]:
    """Entries of one short name that link one repository or page, with years at most a year apart and
    no two arXiv ids or DOIs among them: one paper, however its titles differ.

    Decided per link over all its entries at once (never pair by pair), so the entries' order changes
    nothing: a link that entries of two names give, or one list gives to two titles, is no evidence.
    """
    edges: dict[tuple[int, int], Edge] = {}
    # Repositories first: a pair sharing both is reported as joined by its repository.
    for anchor in sorted(linked.anchors, key=lambda a: (not a.startswith("repo:"), a)):
        members = linked.anchors[anchor]
        named = [m for m in members if linked.names[m]]
        if len(named) < 2 or len({linked.names[m] for m in members} - {""}) != 1:
            continue
        if _hosts_several(members, linked.names, keys):
            continue
        if not years_agree([keys.years[m] for m in named]) or not _ids_agree(named, keys):
            continue
        hub = min(named, key=lambda m: _content(m, keys))
        kind = REPO if anchor.startswith("repo:") else PAGE
        for m in named:
            pair = (min(hub, m), max(hub, m))
            if m != hub and pair not in edges:
                edges[pair] = Edge(*pair, kind, SHORT_NAME_SCORE)
    return list(edges.values())


def possible_matches(
    keys: EntryKeys,
    linked: Linked,
    roots: list[int],
    differ: Callable[[int, int], bool],
) -> list[Doubt]:
    """Pairs of clusters the short names and links suggest but do not prove are one paper.

    One row per pair of clusters (never per pair of entries), found from entries of two lists: the same
    short name and compatible years, or a shared link under different names. Names and links that more than
    `SUGGEST_CLUSTERS` clusters carry are left out; `differ` says when the clusters' identifiers disagree.
    """
    found: dict[tuple[int, int], tuple[tuple[tuple[str, str, str], ...], Doubt]] = {}

    def offer(a: int, b: int, reason: str) -> None:  # a and b from `_cross_pairs`: two clusters
        if keys.sources[a] == keys.sources[b] or differ(a, b):
            return
        key = (min(roots[a], roots[b]), max(roots[a], roots[b]))
        order = tuple(sorted((_content(a, keys), _content(b, keys))))
        if key not in found or order < found[key][0]:
            found[key] = (order, Doubt(a, b, 0.0, reason, "kept apart"))

    by_name: dict[str, list[int]] = defaultdict(list)
    for i, name in linked.names.items():
        if name:
            by_name[name].append(i)
    for _, members in sorted(by_name.items()):
        if len({roots[m] for m in members}) > SUGGEST_CLUSTERS:
            continue
        for a, b in _cross_pairs(_spread(members, roots, keys), roots):
            links = linked.links[a] & linked.links[b]
            close = years_agree([keys.years[a], keys.years[b]])
            if links:
                what = "code repository" if any(k.startswith("repo:") for k in links) else "page"
                why = "the years are far apart" if not close else "the link is given to other papers too"
                offer(a, b, f"possible match: same short name and {what}, but {why}")
            elif close:
                what = "short name and year" if keys.years[a] and keys.years[b] else "short name"
                offer(a, b, f"possible match: same {what}, but no shared repository or page")
    for anchor, members in sorted(linked.anchors.items()):
        if len({roots[m] for m in members}) > SUGGEST_CLUSTERS or _hosts_several(members, linked.names, keys):
            continue
        what = "code repository" if anchor.startswith("repo:") else "page"
        for a, b in _cross_pairs(_spread(members, roots, keys), roots):
            names = linked.names[a], linked.names[b]
            if all(names) and names[0] != names[1] and years_agree([keys.years[a], keys.years[b]]):
                offer(a, b, f"possible match: same {what}, but different short names")
    return [doubt for _, doubt in sorted(found.values())]


def _cross_pairs(spread: list[int], roots: list[int]) -> Iterator[tuple[int, int]]:
    """The pairs of `spread` in two clusters, in the order `offer` sees them: the versions of one list
    give a name forty entries of one cluster, whose 780 pairs would each be offered only to be dropped."""
    if len({roots[m] for m in spread}) < 2:
        return
    for a, b in itertools.combinations(spread, 2):
        if roots[a] != roots[b]:
            yield a, b


def _spread(members: list[int], roots: list[int], keys: EntryKeys) -> list[int]:
    """One entry per cluster and list: rows are per pair of clusters, so a paper listed a thousand times
    costs no million pairs."""
    chosen: dict[tuple[int, str], int] = {}
    for m in members:
        slot = (roots[m], keys.sources[m])
        if slot not in chosen or _content(m, keys) < _content(chosen[slot], keys):
            chosen[slot] = m
    return sorted(chosen.values())
