"""Clusters of near-duplicate datasets held by different agencies.

MinHash sketches of each dataset's features go into a locality-sensitive hash index
(datasketch's MinHashLSH); only datasets that share a band are compared, so the work grows
with the number of datasets and not with its square. A candidate pair counts when the two
belong to different agencies and their estimated Jaccard similarity reaches the threshold;
pairs are joined into clusters (union-find).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.5
# A cluster this big is a family of look-alike titles, not one duplicated dataset: cut it off.
MAX_CLUSTER = 50


@dataclass
class Cluster:
    members: list[int]
    similarity: float          # mean estimated Jaccard of the pairs that joined it
    pairs: list[tuple[int, int, float]] = field(default_factory=list)


class _UnionFind:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _sketch(feats: set[str]) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([f.encode("utf-8") for f in feats])
    return LeanMinHash(m)  # drops the permutation tables: a few hundred bytes per dataset


def find_clusters(docs: Iterable[tuple[str, set[str]]], threshold: float = THRESHOLD) -> list[Cluster]:
    """docs: (agency id, features) per dataset, in a stable order; members are positions in it."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    agencies: list[str] = []
    sketches: list[LeanMinHash | None] = []
    for index, (agency, feats) in enumerate(docs):
        agencies.append(agency)
        if len(feats) < 2:  # nothing to compare: an empty title is no evidence of duplication
            sketches.append(None)
            continue
        sketch = _sketch(feats)
        sketches.append(sketch)
        lsh.insert(index, sketch, check_duplication=False)

    union = _UnionFind()
    pairs: list[tuple[int, int, float]] = []
    for index, sketch in enumerate(sketches):
        if sketch is None:
            continue
        for other in lsh.query(sketch):
            if other <= index or agencies[other] == agencies[index]:
                continue
            similarity = float(np.mean(sketch.hashvalues == sketches[other].hashvalues))
            if similarity >= threshold:
                pairs.append((index, other, similarity))
                union.union(index, other)

    grouped: dict[int, Cluster] = {}
    for a, b, similarity in pairs:
        root = union.find(a)
        grouped.setdefault(root, Cluster(members=[], similarity=0.0)).pairs.append((a, b, similarity))
    out = []
    for cluster in grouped.values():
        members = sorted({i for a, b, _ in cluster.pairs for i in (a, b)})
        if len(members) > MAX_CLUSTER:
            continue
        cluster.members = members
        cluster.similarity = round(sum(s for _, _, s in cluster.pairs) / len(cluster.pairs), 3)
        out.append(cluster)
    out.sort(key=lambda c: (-c.similarity, c.members[0]))
    return out


def pairwise_clusters(docs: list[tuple[str, set[str]]], threshold: float = THRESHOLD) -> list[set[int]]:
    """The baseline the benchmark compares with: exact Jaccard of every cross-agency pair."""
    union = _UnionFind()
    linked = set()
    for i in range(len(docs)):
        agency_i, feats_i = docs[i]
        if len(feats_i) < 2:
            continue
        for j in range(i + 1, len(docs)):
            agency_j, feats_j = docs[j]
            if agency_i == agency_j or len(feats_j) < 2:
                continue
            inter = len(feats_i & feats_j)
            if inter and inter / (len(feats_i) + len(feats_j) - inter) >= threshold:
                union.union(i, j)
                linked.update((i, j))
    groups: dict[int, set[int]] = {}
    for i in linked:
        groups.setdefault(union.find(i), set()).add(i)
    return list(groups.values())
