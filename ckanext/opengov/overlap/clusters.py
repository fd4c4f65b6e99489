"""Duplicate pairs across agencies, and groups that cannot chain unrelated records.

1. Profile every record (normalise.py, verify.py) and count document frequencies.
2. Candidates: MinHash sketches of each title's subject words and trigrams go into a
   locality-sensitive hash index (datasketch's MinHashLSH), queried before each insert, so the
   work grows with the catalog and not with its square, and no sketch is kept.
3. Verify each cross-agency candidate on text and structured evidence (verify.compare).
4. Agencies' judgements win: a pair judged "not a duplicate" is dropped, a confirmed one kept.
5. Group: a group is a clique, every member verified against every other; a pair that would join
   a group only through one member stays a pair. There is no transitive closure, so two records
   sharing only "by province" with a third never end up together, and no size cut-off is needed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from datasketch import MinHash, MinHashLSH

from ckanext.opengov.overlap import verify
from ckanext.opengov.overlap.normalise import AgencyNames

NUM_PERM = 64
CANDIDATE_THRESHOLD = 0.2   # low on purpose: LSH proposes, verification decides
# A sketch band shared by more records than this is a common word family, not a lead.
MAX_CANDIDATES_PER_RECORD = 200
CONFIRMED = "duplicate"
REJECTED = "not_duplicate"


@dataclass
class Pair:
    a: int
    b: int
    verdict: verify.Verdict
    judgement: str | None = None


@dataclass
class Group:
    members: list[int]
    pairs: list[Pair] = field(default_factory=list)

    @property
    def similarity(self) -> float:
        return round(sum(p.verdict.similarity for p in self.pairs) / len(self.pairs), 3)


_TEMPLATE = MinHash(num_perm=NUM_PERM)  # permutations drawn once, shared by every sketch


def _sketch(p: verify.Profile) -> MinHash | None:
    if not p.title_words:  # a title with no subject left is no evidence of duplication
        return None
    # Trigrams apart from words: "ขยะ" is both, and a one-word subject still needs a sketch.
    feats = set(p.title_words) | {"#" + g for g in p.grams}
    m = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    m.update_batch([f.encode("utf-8") for f in feats])
    return m


def profiles(records: Iterable[verify.Record], agency_names=()) -> tuple[list[verify.Profile], verify.Weights]:
    names = AgencyNames(agency_names)
    weights = verify.Weights()
    out = []
    for record in records:
        p = verify.profile(record, names)
        weights.add(p)
        out.append(p)
    return out, weights


def candidates(profs: list[verify.Profile]) -> Iterable[tuple[int, int]]:
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    for index, p in enumerate(profs):
        sketch = _sketch(p)
        if sketch is None:
            continue
        found = lsh.query(sketch)
        if len(found) <= MAX_CANDIDATES_PER_RECORD:
            for other in found:
                if profs[other].agency != p.agency:
                    yield other, index
        lsh.insert(index, sketch, check_duplication=False)


def find_pairs(profs: list[verify.Profile], weights: verify.Weights,
               judgements: dict[tuple[int, int], str] | None = None,
               threshold: float = verify.THRESHOLD) -> list[Pair]:
    """Verified cross-agency pairs (a < b), judgements applied."""
    judgements = judgements or {}
    found: dict[tuple[int, int], Pair] = {}
    vectors: dict[int, tuple] = {}  # only records that are candidates get vectors

    def vec(i):
        if i not in vectors:
            vectors[i] = weights.vectors(profs[i])
        return vectors[i]

    for a, b in candidates(profs):
        key = (min(a, b), max(a, b))
        if judgements.get(key) == REJECTED:
            continue
        if judgements.get(key) != CONFIRMED and verify.rejects(profs[key[0]], profs[key[1]]):
            continue
        verdict = verify.compare(profs[key[0]], profs[key[1]], weights, threshold, vec(key[0]), vec(key[1]))
        if verdict.duplicate or judgements.get(key) == CONFIRMED:
            found[key] = Pair(*key, verdict, judgements.get(key))
    for key, judgement in judgements.items():  # confirmed pairs the candidates missed
        if judgement == CONFIRMED and key not in found:
            found[key] = Pair(*key, verify.compare(profs[key[0]], profs[key[1]], weights, threshold), judgement)
    return sorted(found.values(), key=lambda p: (-p.verdict.similarity, p.a, p.b))


def group(pairs: list[Pair]) -> list[Group]:
    """Cliques, strongest pairs first; each pair is in exactly one group."""
    linked = {(p.a, p.b) for p in pairs}

    def joined(x: int, y: int) -> bool:
        return (min(x, y), max(x, y)) in linked

    groups: list[Group] = []
    placed: dict[tuple[int, int], Group] = {}
    by_member: dict[int, list[Group]] = {}
    for pair in pairs:
        key = (pair.a, pair.b)
        if key in placed:
            placed[key].pairs.append(pair)
            continue
        home = None
        for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
            for g in by_member.get(x, []):
                if y not in g.members and all(joined(y, m) for m in g.members):
                    home, newcomer = g, y
                    break
            if home:
                break
        if home is None:
            home, newcomer = Group(members=[pair.a]), pair.b
            groups.append(home)
            by_member.setdefault(pair.a, []).append(home)
        for m in home.members:  # the pairs this newcomer closes with every member belong here
            placed[(min(m, newcomer), max(m, newcomer))] = home
        home.members.append(newcomer)
        by_member.setdefault(newcomer, []).append(home)
        home.pairs.append(pair)
    for g in groups:
        g.members.sort()
    return sorted(groups, key=lambda g: (-g.similarity, g.members[0]))


def find_groups(records: Iterable[verify.Record], agency_names=(),
                judgements_by_index=None) -> tuple[list[Group], list[verify.Profile]]:
    profs, weights = profiles(records, agency_names)
    pairs = find_pairs(profs, weights, judgements_by_index)
    return group(pairs), profs
