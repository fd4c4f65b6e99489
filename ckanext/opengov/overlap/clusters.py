"""Duplicate pairs across agencies, and groups that cannot chain unrelated records.

1. Profile every record (normalise.py, verify.py) and count document frequencies.
2. Candidates: MinHash sketches (datasketch) of each title's subject words and trigrams, cut
   into LSH bands; each band's keys are sorted once (numpy) and records sharing a key are
   candidates, so the work grows as n log n; a bucket of more than 100 records, or a record
   with more than 200 candidates, is a word family and skipped. Only 28 band keys per record are kept, never the sketch.
   Profiling and verification run on every core (forked workers) once a catalog has more than
   one chunk of records.
3. Verify each cross-agency candidate on text and structured evidence (verify.compare).
4. Agencies' judgements win: a pair judged "not a duplicate" is dropped, a confirmed one kept.
5. Group: a group is a clique, every member verified against every other; a pair that would join
   a group only through one member stays a pair. There is no transitive closure, so two records
   sharing only "by province" with a third never end up together, and no size cut-off is needed.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable

import numpy as np
from datasketch import MinHash

from ckanext.opengov.overlap import verify, wordnet
from ckanext.opengov.overlap.normalise import AgencyNames

NUM_PERM = 64
BANDS, ROWS = 28, 2         # datasketch's optimum for Jaccard 0.2 at 64 permutations
CANDIDATE_THRESHOLD = 0.2   # low on purpose: LSH proposes, verification decides
# A sketch band shared by more records than this is a common word family, not a lead; so is a
# record with more candidates than this in all.
MAX_CANDIDATES_PER_RECORD = 200
# A band bucket this full is read no further: its records share little more than a word family,
# and the pairs of one such bucket alone (n²/2) would be most of the memory at catalog scale.
MAX_BUCKET = 100
PAIRS_PER_STEP = 1_000_000  # pairs built at once (memory stays flat)
CONFIRMED = "duplicate"
REJECTED = "not_duplicate"
# Catalogs this large are profiled and verified on every core (forked workers, chunks of this
# many records or pairs); smaller ones in-process.
CHUNK = 5000
WORKERS = min(4, os.cpu_count() or 1)


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
    # Concepts too: a Thai and an English title share no word or trigram, only concepts.
    feats = set(p.title_words) | {"#" + g for g in p.grams} | set(verify.concept_terms(p))
    m = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    m.update_batch([f.encode("utf-8") for f in feats])
    return m


def _band_keys(p: verify.Profile) -> np.ndarray | None:
    """One 64-bit key per LSH band (two min-hashes each): records sharing a key are candidates."""
    sketch = _sketch(p)
    if sketch is None:
        return None
    hv = np.asarray(sketch.hashvalues[:BANDS * ROWS], dtype=np.uint64).reshape(BANDS, ROWS)
    return hv[:, 0] * np.uint64(0x9E3779B97F4A7C15) ^ hv[:, 1]


def _profile_chunk(chunk: list[verify.Record]) -> list[tuple[verify.Profile, np.ndarray | None]]:
    return [(p, _band_keys(p)) for p in (verify.profile(r, _SHARED["names"]) for r in chunk)]


_SHARED: dict = {}  # what forked workers read: set before the pool forks, never sent


def _chunks(items: Iterable, size: int):
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _run(function, chunks, workers: int):
    """function over chunks, in order: in-process for one chunk, else on forked workers with a
    bounded number of chunks in flight (memory stays flat however long the catalog)."""
    chunks = iter(chunks)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None or workers <= 1:
        yield function(first)
        if second is not None:
            yield function(second)
            for chunk in chunks:
                yield function(chunk)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = deque(pool.apply_async(function, (c,)) for c in (first, second))
        for chunk in chunks:
            pending.append(pool.apply_async(function, (chunk,)))
            while len(pending) > 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


class Profiles(list):
    """The profiles of a catalog, in record order, with their LSH band keys (one row each)."""
    keys: np.ndarray


def profiles(records: Iterable[verify.Record], agency_names=(),
             workers: int = WORKERS) -> tuple[Profiles, verify.Weights]:
    _SHARED["names"] = AgencyNames(agency_names)
    wordnet.load()  # before the workers fork: they share its ~70 MB instead of each reading it
    weights = verify.Weights()
    out = Profiles()
    keys = []
    for done in _run(_profile_chunk, _chunks(records, CHUNK), workers):
        for p, k in done:
            p = verify.share_strings(p)
            weights.add(p)
            out.append(p)
            keys.append(k)
    empty = np.zeros(BANDS, dtype=np.uint64)
    out.keys = np.stack([empty if k is None else k for k in keys]) if keys else np.zeros((0, BANDS), np.uint64)
    out.sketched = np.array([k is not None for k in keys], dtype=bool)
    return out, weights


def candidates(profs: list[verify.Profile]) -> Iterable[tuple[int, int]]:
    """Cross-agency pairs (a < b) sharing an LSH band. Vectorised: each band's keys are sorted
    once and equal runs read off, so the work is n log n and a huge bucket (a word family) is
    skipped instead of read."""
    keys = getattr(profs, "keys", None)
    if keys is None:  # profiles built elsewhere: sketch them here
        rows = [_band_keys(p) for p in profs]
        keys = np.stack([np.zeros(BANDS, np.uint64) if k is None else k for k in rows]) if rows else None
        sketched = np.array([k is not None for k in rows], dtype=bool)
    else:
        sketched = profs.sketched
    if keys is None or not len(profs):
        return
    index = np.flatnonzero(sketched)
    agency_ids = {}
    agency = np.array([agency_ids.setdefault(p.agency, len(agency_ids)) for p in profs], dtype=np.int64)
    n = np.int64(len(profs))
    codes = []
    for band in range(BANDS):
        column = keys[index, band]
        order = np.argsort(column, kind="stable")
        sorted_keys, members = column[order], index[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(sorted_keys)])
        band_codes = []
        for size in sorted(set(sizes[(sizes >= 2) & (sizes <= MAX_BUCKET)].tolist())):
            i, j = np.triu_indices(size, 1)
            every = starts[sizes == size]
            step = max(1, PAIRS_PER_STEP // len(i))
            for first in range(0, len(every), step):
                block = members[every[first:first + step, None] + np.arange(size)]  # a row per bucket
                a, b = block[:, i].ravel(), block[:, j].ravel()
                lo, hi = np.minimum(a, b), np.maximum(a, b)
                cross = agency[lo] != agency[hi]
                band_codes.append(lo[cross] * n + hi[cross])
                if sum(len(c) for c in band_codes) > PAIRS_PER_STEP:
                    band_codes = [_distinct(np.concatenate(band_codes))]
        if band_codes:
            codes.append(_distinct(np.concatenate(band_codes)))
        if len(codes) > 4:  # keep memory flat: merge as we go
            codes = [_distinct(np.concatenate(codes))]
    if not codes:
        return
    pairs = _distinct(np.concatenate(codes))
    lo, hi = pairs // n, pairs % n
    per_record = np.bincount(np.r_[lo, hi], minlength=len(profs))
    keep = (per_record[lo] <= MAX_CANDIDATES_PER_RECORD) & (per_record[hi] <= MAX_CANDIDATES_PER_RECORD)
    yield from zip(lo[keep].tolist(), hi[keep].tolist())


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (a sort: numpy's hash-based unique is far slower on these)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _verify_chunk(chunk: list[tuple[int, int]]) -> list[Pair]:
    profs, weights, threshold = _SHARED["profs"], _SHARED["weights"], _SHARED["threshold"]
    vectors = _SHARED.setdefault("vectors", {})  # per process: only records that are candidates
    found = []
    for a, b in chunk:
        if verify.rejects(profs[a], profs[b]):
            continue
        for i in (a, b):
            if i not in vectors:
                vectors[i] = weights.vectors(profs[i])
        verdict = verify.compare(profs[a], profs[b], weights, threshold, vectors[a], vectors[b])
        if verdict.duplicate:
            found.append(Pair(a, b, verdict))
    return found


def find_pairs(profs: list[verify.Profile], weights: verify.Weights,
               judgements: dict[tuple[int, int], str] | None = None,
               threshold: float = verify.THRESHOLD, workers: int = WORKERS) -> list[Pair]:
    """Verified cross-agency pairs (a < b), judgements applied."""
    judgements = judgements or {}
    _SHARED.update(profs=profs, weights=weights, threshold=threshold, vectors={})
    try:
        wanted = ((a, b) for a, b in candidates(profs) if not judgements.get((a, b)))
        found = {(p.a, p.b): p for done in _run(_verify_chunk, _chunks(wanted, CHUNK * 4), workers) for p in done}
    finally:
        _SHARED.pop("vectors", None)
    for key, judgement in judgements.items():  # judged pairs: the agencies' word wins
        if judgement == CONFIRMED:
            found[key] = Pair(*key, verify.compare(profs[key[0]], profs[key[1]], weights, threshold), judgement)
        else:
            found.pop(key, None)
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
