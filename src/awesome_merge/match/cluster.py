"""Clusters from evidence edges under cannot-link constraints, strongest evidence first.

A union is refused when the two clusters carry different arXiv ids or different publisher DOIs (or a
curator said they differ), so A~B and B~C never pull A and C together when A and C conflict.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterable

from ..ids import is_preprint_doi
from .evidence import Doubt, Edge

Attributes = dict[str, frozenset[str]]


class ConstrainedUnionFind:
    """Union-find whose roots carry the identifiers of their cluster.

    A singleton's attributes come from `base` when asked for; only merged clusters store theirs, so a
    million mostly unmerged entries cost no dictionary each.
    """

    def __init__(self, n: int, base: Callable[[int], Attributes]) -> None:
        self.parent = list(range(n))
        self.size = [1] * n
        self.base = base
        self.merged: dict[int, Attributes] = {}

    def attrs(self, root: int) -> Attributes:
        found = self.merged.get(root)
        return found if found is not None else self.base(root)

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: int, b: int) -> str:
        """The attribute on which the clusters of a and b disagree, or ""."""
        ra, rb = self.find(a), self.find(b)
        small, large = sorted((self.attrs(ra), self.attrs(rb)), key=len)
        for name, values in small.items():
            other = large.get(name)
            if other is not None and values.isdisjoint(other):
                return name
        return ""

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        merged = dict(self.attrs(ra))
        for name, values in self.attrs(rb).items():
            merged[name] = merged.get(name, frozenset()) | values
        self.merged[ra] = merged
        self.merged.pop(rb, None)


_CONFLICT_TEXT = {"arxiv": "different arXiv ids", "doi": "different DOIs"}


def _only_preprints(dois: frozenset[str]) -> bool:
    return bool(dois) and all(map(is_preprint_doi, dois))


def _no_preprint(dois: frozenset[str]) -> bool:
    return bool(dois) and not any(map(is_preprint_doi, dois))


def _refusal(uf: ConstrainedUnionFind, edge: Edge, clash: str) -> Doubt:
    """Why a constraint refused the edge. A preprint server's DOI on one side and a publisher's on the other
    is likely the preprint and its published version: a possible match for a curator, never a merge, since
    two DOIs in one paper are what a list's slip looks like too."""
    if clash == "doi":
        a, b = (uf.attrs(uf.find(x)).get("doi", frozenset()) for x in (edge.a, edge.b))
        if (_only_preprints(a) and _no_preprint(b)) or (_only_preprints(b) and _no_preprint(a)):
            reason = f"possible match: same {edge.kind}, a preprint's DOI and a published DOI (one paper?)"
            return Doubt(edge.a, edge.b, edge.score, reason, "kept apart")
    text = _CONFLICT_TEXT.get(clash, "a curator override keeps them apart")
    return Doubt(edge.a, edge.b, edge.score, f"conflict: same {edge.kind}, {text}", "kept apart")


def cluster(
    n: int, base: Callable[[int], Attributes], edges: list[Edge], forced: Iterable[Edge] = ()
) -> tuple[ConstrainedUnionFind, list[Edge], list[Doubt]]:
    """The clusters, the edges that were used (a spanning forest), and the edges a constraint refused.

    `edges` is sorted in place, strongest first.
    """
    uf = ConstrainedUnionFind(n, base)
    used: list[Edge] = []
    refused: list[Doubt] = []
    for edge in forced:
        if uf.find(edge.a) != uf.find(edge.b):
            uf.union(edge.a, edge.b)
            used.append(edge)
    edges.sort(key=Edge.order)
    for edge in edges:
        if uf.find(edge.a) == uf.find(edge.b):
            continue
        clash = uf.conflict(edge.a, edge.b)
        if clash:
            refused.append(_refusal(uf, edge, clash))
            continue
        uf.union(edge.a, edge.b)
        used.append(edge)
    return uf, used, refused


def spanning_parents(
    n: int, members_by_root: dict[int, list[int]], representative: dict[int, int], used: list[Edge]
) -> tuple[array[int], array[int]]:
    """For every entry the entry it hangs from in its cluster's tree (-1 for the representative), and the
    index in `used` of the edge between them: the chain of evidence back to the representative.

    The tree is a breadth-first walk from the representative, strongest edge first (`used` is in the
    order the clusters were joined). Adjacency lives in flat integer arrays: a million entries fit in a
    few megabytes instead of a dictionary of tuples.
    """
    parent = array("q", [-1]) * n
    via = array("q", [-1]) * n
    if not used:
        return parent, via
    degree = array("q", [0]) * (n + 1)
    for edge in used:
        degree[edge.a + 1] += 1
        degree[edge.b + 1] += 1
    for node in range(n):
        degree[node + 1] += degree[node]
    start = degree  # start[node] .. start[node + 1]: the node's slots, filled in edge order below
    fill = array("q", start)
    neighbour = array("q", [0]) * (2 * len(used))
    edge_of = array("q", [0]) * (2 * len(used))
    for index, edge in enumerate(used):
        for node, other in ((edge.a, edge.b), (edge.b, edge.a)):
            neighbour[fill[node]] = other
            edge_of[fill[node]] = index
            fill[node] += 1
    for root, members in members_by_root.items():
        if len(members) == 1:
            continue
        first = representative[root]
        seen = {first}
        queue = deque([first])
        while queue:
            node = queue.popleft()
            for slot in range(start[node], start[node + 1]):
                other = neighbour[slot]
                if other not in seen:
                    seen.add(other)
                    parent[other] = node
                    via[other] = edge_of[slot]
                    queue.append(other)
    return parent, via
