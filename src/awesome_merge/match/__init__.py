"""De-duplication: evidence edges, constrained clustering, and the report that explains every merge."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from ..config import MatchConfig, Override
from ..diagnostics import Diagnostic
from ..ids import canonical_url, is_http_url
from ..text import title_key
from .cluster import Attributes, cluster, spanning_parents
from .evidence import (
    BlockStats,
    Edge,
    identifier_evidence,
    label_suggestions,
    repeated_titles,
    title_evidence,
)
from .keys import PAPER_KIND, EntryKeys, entry_keys, family, is_full_title
from .review import REVIEW_COLUMNS, review_frame
from .short_names import linked_entries, possible_matches, short_name_edges

if TYPE_CHECKING:
    from ..resolve import Resolution

__all__ = [
    "REPORT_COLUMNS",
    "REVIEW_COLUMNS",
    "BlockStats",
    "ClusterIdentifiers",
    "Matching",
    "match_entries",
]

REPORT_COLUMNS = [
    "cluster_id",
    "source",
    "line",
    "title",
    "url",
    "arxiv_id",
    "doi",
    "matched_by",
    "score",
    "linked_to",
    "note",
    "kind",
]


class ClusterIdentifiers(NamedTuple):
    arxiv_id: str
    doi: str


@dataclass
class Matching:
    """`cluster_ids` is aligned with the entries frame; `report` and `review` are ready to write."""

    cluster_ids: list[str]
    report: pd.DataFrame
    review: pd.DataFrame
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Per entry, the other entries whose different paper its link (arXiv id, DOI or page) also names.
    disputes: dict[int, list[int]] = field(default_factory=dict)
    overrides_applied: int = 0
    # Per entry, the entries its title or page matches but whose identifier differs (kept apart).
    conflicts: dict[int, list[int]] = field(default_factory=dict)
    # Per cluster id, the arXiv id and DOI the cluster holds ("" when none): fusing reads them here.
    identifiers: dict[str, ClusterIdentifiers] = field(default_factory=dict)
    # How many title pairs were compared, and how many were not (blocks too big to score): no silent limit.
    title_pairs: BlockStats = field(default_factory=BlockStats)


class _EntryAttributes:
    """What an entry may not be merged across: its arXiv id, its DOI (unless held out because the lists
    dispute it), and the side of a curator's `different` override it is on.

    A dataset's or benchmark's id is the paper it cites, not its own, but two rows citing different papers
    are not one thing either: every kind's ids bind, and only papers' ids name a cluster (`paper_ids`).
    """

    def __init__(self, keys: EntryKeys, suspects: dict[int, set[str]]) -> None:
        self.keys = keys
        self.suspects = suspects
        self.overrides: dict[int, Attributes] = {}

    def __call__(self, i: int) -> Attributes:
        attrs: Attributes = dict(self.overrides.get(i, {}))
        held_out = self.suspects.get(i, ())
        if self.keys.arxiv[i] and "arxiv" not in held_out:
            attrs["arxiv"] = frozenset([self.keys.arxiv[i]])
        if self.keys.doi[i] and "doi" not in held_out:
            attrs["doi"] = frozenset([self.keys.doi[i]])
        return attrs

    def paper_ids(self, members: list[int]) -> Attributes:
        """The arXiv ids and DOIs a cluster's papers own: what the cluster is called and fused with."""
        papers = [i for i in members if self.keys.families[i] == PAPER_KIND]
        found: Attributes = {}
        for name in ("arxiv", "doi"):
            values = frozenset(v for i in papers if name in (a := self(i)) for v in a[name])
            if values:
                found[name] = values
        return found


def _override_matches(key: str, keys: EntryKeys) -> list[int]:
    """Entries a curator names by URL (any version's page) or by title."""
    if is_http_url(key):
        wanted = canonical_url(key)
        return [i for i, urls in enumerate(keys.url_keys) if wanted in urls]
    wanted = title_key(key)
    return [i for i, k in enumerate(keys.title_keys) if k == wanted]


def _apply_overrides(
    overrides: tuple[Override, ...], keys: EntryKeys, attributes: _EntryAttributes, config_name: str
) -> tuple[list[Edge], list[Diagnostic], int]:
    """Forced edges, problems naming the override at fault, and how many overrides took effect (two or
    more of their names found an entry)."""
    forced: list[Edge] = []
    problems: list[Diagnostic] = []
    applied = 0
    for number, override in enumerate(overrides, 1):
        matched = [_override_matches(k, keys) for k in override.keys]
        for key, hits in zip(override.keys, matched, strict=True):
            if not hits:
                problems.append(Diagnostic(config_name, 0, f"override {number}: {key!r} matches no entry"))
        found = [hits for hits in matched if hits]
        applied += len(found) >= 2
        if override.kind == "same":
            anchor = found[0][0] if found else None
            forced.extend(
                Edge(min(anchor, i), max(anchor, i), "override", 100.0)
                for hits in found
                for i in hits
                if anchor is not None and i != anchor
            )
        else:
            for position, hits in enumerate(matched):
                for i in hits:
                    tags = attributes.overrides.setdefault(i, {})
                    tag = f"override{number}"
                    tags[tag] = tags.get(tag, frozenset()) | {str(position)}
    return forced, problems, applied


def _representative(members: list[int], keys: EntryKeys) -> int:
    """The entry that speaks for the cluster: an identified, fully titled one, then the first listed."""
    return min(members, key=lambda i: (not (keys.arxiv[i] or keys.doi[i]), not keys.full[i], i))


def _cluster_key(members: list[int], keys: EntryKeys, attrs: Attributes) -> str:
    """Content-derived id: the strongest identifier the cluster holds, so it survives reordering and edits."""
    if attrs.get("arxiv"):
        return f"arxiv:{min(attrs['arxiv'])}"
    if attrs.get("doi"):
        return f"doi:{min(attrs['doi'])}"
    urls = Counter(u for i in members for u in keys.url_keys[i])
    if urls:
        best = min(urls, key=lambda u: (-urls[u], u))
        return "url:" + hashlib.sha1(best.encode()).hexdigest()[:12]
    titles = Counter(keys.title_keys[i] for i in members)
    best = min(titles, key=lambda t: (-titles[t], t))
    return "title:" + hashlib.sha1(best.encode()).hexdigest()[:12]


def _where(entries: pd.DataFrame, i: int) -> str:
    return f"{entries['source'].iat[i]}:{entries['line'].iat[i]}"


def match_entries(
    entries: pd.DataFrame,
    config: MatchConfig,
    overrides: tuple[Override, ...] = (),
    config_name: str = "",
    precomputed: tuple[list[str], list[list[str]]] | None = None,
    resolution: Resolution | None = None,
) -> Matching:
    """`precomputed`: the entries' `comparison_keys`, when the parse workers already made them;
    `resolution`: what the papers' records say (a label's full title is title evidence like a list's)."""
    entries = entries.reset_index(drop=True)
    n = len(entries)
    keys = entry_keys(entries, precomputed)
    attributes = _EntryAttributes(keys, {})
    config_name = config_name or "awesome-merge.toml"
    # Overrides name entries as the lists write them, so they are read before a record retitles a label.
    forced, problems, applied = _apply_overrides(overrides, keys, attributes, config_name)
    if resolution is not None:
        _retitle(keys, resolution.titles)
    titles = keys.titles
    ident = identifier_evidence(keys, titles)
    attributes.suspects = ident.suspects
    repeated = repeated_titles(keys)  # no title evidence, for the title and short-name rules alike
    title_edges, near_misses, title_pairs = title_evidence(
        keys, titles, repeated, config.title_threshold, config.review_threshold
    )
    edges = ident.edges  # extended in place: no second list of a million edges
    edges.extend(title_edges)
    linked = linked_entries(keys, titles, ident.suspects, repeated)
    edges.extend(short_name_edges(keys, linked))
    if resolution is not None:
        edges.extend(Edge(a, b, "metadata", 100.0) for a, b in resolution.links)
        edges.extend(Edge(a, b, "coined_name", 100.0) for a, b in resolution.coined)
    uf, used, refused = cluster(n, attributes, edges, forced)
    # What the review and the report do not need is let go before they are built: the edges, the near
    # misses and the short names' links were 108 MB of matching's peak at 100k entries (`used` keeps
    # the edges used).
    edges.clear()
    del title_edges
    roots = [uf.find(i) for i in range(n)]

    members_by_root: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        members_by_root[root].append(i)
    representative = {root: _representative(m, keys) for root, m in members_by_root.items()}
    owned = {root: attributes.paper_ids(m) for root, m in members_by_root.items()}
    cluster_of_root = _unique_ids(members_by_root, keys, owned.__getitem__)
    parent, via = spanning_parents(n, members_by_root, representative, used)

    notes: dict[int, list[str]] = defaultdict(list)
    for doubt in ident.doubts + refused:
        notes[doubt.b].append(f"{doubt.reason} ({_where(entries, doubt.a)})")
        notes[doubt.a].append(f"{doubt.reason} ({_where(entries, doubt.b)})")
    for echo in ident.echoes:
        notes[echo.a].append(f"{echo.reason} ({_where(entries, echo.b)})")
    # A near miss or suggestion that other evidence joined after all is no longer in doubt.
    open_questions = [d for d in near_misses + label_suggestions(keys, titles) if roots[d.a] != roots[d.b]]
    del near_misses
    # A pair already in question keeps the reason it has: a short name is the weaker word on it.
    asked = {frozenset((d.a, d.b)) for d in open_questions}
    open_questions += [
        d
        for d in possible_matches(keys, linked, roots, lambda a, b: bool(uf.conflict(a, b)))
        if frozenset((d.a, d.b)) not in asked
    ]
    del linked, asked
    decided = [
        d._replace(decision="merged" if roots[d.a] == roots[d.b] else "kept apart") for d in ident.doubts
    ]
    if resolution is not None:  # a record's doubt about one entry alone: the record was not used
        decided += [
            d._replace(decision="record not used" if d.a == d.b else _decision(roots, d.a, d.b))
            for d in resolution.doubts
        ]
    report = _report(
        entries, roots, cluster_of_root, parent, [used[k] if k >= 0 else None for k in via], notes
    )
    review = review_frame(entries, [*decided, *refused, *open_questions], keys)
    disputes = {i: sorted(others) for i, others in ident.disputes.items()}
    conflicts: dict[int, list[int]] = defaultdict(list)
    for doubt in refused:
        if "override" not in doubt.reason:  # a curator's decision is no doubt
            conflicts[doubt.a].append(doubt.b)
            conflicts[doubt.b].append(doubt.a)
    cluster_ids = [cluster_of_root[r] for r in roots]
    identifiers = {
        cluster_of_root[root]: ClusterIdentifiers(
            min(owned[root].get("arxiv") or [""]), min(owned[root].get("doi") or [""])
        )
        for root in members_by_root
    }
    return Matching(
        cluster_ids, report, review, problems, disputes, applied, dict(conflicts), identifiers, title_pairs
    )


def _decision(roots: list[int], a: int, b: int) -> str:
    return "merged" if roots[a] == roots[b] else "kept apart"


def _retitle(keys: EntryKeys, titles: dict[int, str]) -> None:
    """Entries whose record gives the full title their label lacks are matched under that title."""
    for i, title in titles.items():
        keys.titles[i] = title
        keys.title_keys[i] = title_key(title)
        keys.full[i] = is_full_title(keys.title_keys[i])
        keys.families[i] = family(keys.kinds[i], keys.full[i])


def _unique_ids(
    members_by_root: dict[int, list[int]], keys: EntryKeys, attrs: Callable[[int], Attributes]
) -> dict[int, str]:
    """Cluster ids; two clusters that claim one identifier (a conflict kept apart) get a title suffix."""
    raw = {root: _cluster_key(m, keys, attrs(root)) for root, m in members_by_root.items()}
    counts = Counter(raw.values())
    result = {}
    for root, cid in raw.items():
        if counts[cid] > 1:
            rep_titles = sorted(keys.title_keys[i] for i in members_by_root[root])
            cid = f"{cid}~{hashlib.sha1(rep_titles[0].encode()).hexdigest()[:6]}"
        result[root] = cid
    # Two clusters whose first titles are one key too (a paper and a dataset of its name) would be fused
    # into one paper: the rest of their titles and pages tell them apart.
    counts = Counter(result.values())
    for root, cid in list(result.items()):
        if counts[cid] > 1:
            members = members_by_root[root]
            content = sorted(
                {keys.title_keys[i] for i in members} | {u for i in members for u in keys.url_keys[i]}
            )
            content += sorted(f"{keys.kinds[i]}|{keys.titles[i]}" for i in members)
            result[root] = f"{cid}.{hashlib.sha1(chr(0).join(content).encode()).hexdigest()[:6]}"
    return result


def _report(
    entries: pd.DataFrame,
    roots: list[int],
    cluster_of_root: dict[int, str],
    parent: Sequence[int],
    edge_of: list[Edge | None],
    notes: dict[int, list[str]],
) -> pd.DataFrame:
    matched_by, score, linked_to = [], [], []
    sources, lines = entries["source"].tolist(), entries["line"].tolist()
    for i, edge in enumerate(edge_of):
        if edge is not None:
            matched_by.append(edge.kind)
            score.append(edge.score)
            linked_to.append(f"{sources[parent[i]]}:{lines[parent[i]]}")
        else:
            matched_by.append("self")
            score.append(100.0)
            linked_to.append("")
    report = pd.DataFrame(
        {
            "cluster_id": [cluster_of_root[r] for r in roots],
            "source": entries["source"],
            "line": entries["line"],
            "title": entries["title"],
            "url": entries["url"],
            "arxiv_id": entries["arxiv_id"],
            "doi": entries["doi"],
            "matched_by": matched_by,
            "score": score,
            "linked_to": linked_to,
            "note": ["; ".join(notes.get(i, [])) for i in range(len(entries))],
            "kind": entries["kind"],
        }
    )
    return report.astype({c: "string" for c in REPORT_COLUMNS if c not in ("line", "score")})
