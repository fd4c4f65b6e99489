"""Today's method before issue 14, kept as the benchmark's baseline (from git: overlap/tokens.py +
overlap/clusters.py at ffbd760): word and word-pair features, MinHash LSH at Jaccard 0.5,
union-find clusters, clusters over 50 dropped."""

from __future__ import annotations
import re
from functools import lru_cache

from pythainlp.corpus import thai_stopwords
from pythainlp.tokenize import word_tokenize

ENGLISH_STOPWORDS = frozenset(
    "a an and are as at by data dataset for from in is of on or the to with".split())
_WORD = re.compile(r"[\w\u0E00-\u0E7F]")
_NUMBER = re.compile(r"^[\d.,/:-]+$")
# Descriptions can be long; their opening says what the data is, the rest adds noise and time.
MAX_NOTES_CHARS = 400


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(thai_stopwords()) | ENGLISH_STOPWORDS


# Small: repeated texts (copied titles, common phrases) hit it; a large one would only hold memory.
@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Meaningful words of one text, in order."""
    stop = _stopwords()
    out = []
    for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
        token = token.strip().lower()
        if len(token) < 2 or token in stop or _NUMBER.match(token) or not _WORD.search(token):
            continue
        out.append(token)
    return tuple(out)


def features(title: str | None, notes: str | None = None, tags=()) -> set[str]:
    """Words and adjacent word pairs of title and description, plus whole tags."""
    feats: set[str] = set()
    for text in (title or "", (notes or "")[:MAX_NOTES_CHARS]):
        seq = words(text)
        feats.update(seq)
        feats.update(f"{a} {b}" for a, b in zip(seq, seq[1:]))
    feats.update("#" + t.strip().lower() for t in tags if t and t.strip())
    return feats


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
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
