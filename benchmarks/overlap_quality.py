"""Duplication quality (`make bench`): precision, recall and F1 of the overlap method on the
project's labelled sets (benchmarks/data/, built by benchmarks/overlap_data.py), beside the
method before issue 14 (benchmarks/overlap_baseline.py) and an exact normalised-title match.

- pairs, dev: the set the method was tuned on; pairs, held-out: never tuned on (but written by the
  glossary's author); pairs, unseen: written by hand before the second round of changes, frozen,
  never tuned on (benchmarks/overlap_unseen.py states its provenance); pairs, unseen2: a third
  hand-written set, written and committed before the third round, never tuned on.
- catalog: 2,000 records of 14 agencies; the cross-agency pairs the page would show (every pair
  inside a shown group) against the known duplicate pairs.
Pure Python, no services: `python -m benchmarks.overlap_quality [--json]`.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from itertools import combinations

from benchmarks import overlap_baseline as old
from ckanext.opengov.overlap import clusters, verify

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def load(name: str) -> list[dict]:
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def record(r: dict) -> verify.Record:
    return verify.Record(
        agency=r["agency"], title=r["title"], notes=r.get("notes") or "", tags=tuple(r.get("tags") or ()),
        data_type=r.get("data_type"), unit=r.get("unit"), geo_coverage=r.get("geo_coverage"),
        frequency=r.get("update_frequency_unit"), disaggregate=tuple(r.get("disaggregate") or ()),
        agency_names=(r["agency"], r.get("agency_en") or ""))


def agency_names(rows: list[dict]) -> list[str]:
    return sorted({n for r in rows for n in (r["agency"], r.get("agency_en"))} - {None})


_SIMPLE = re.compile(r"[\s\d๐-๙().,\-–/:]+|พ\.ศ\.|ปี")


def simple_key(r: dict) -> str:
    return _SIMPLE.sub("", r["title"].lower())


def scores(predicted: set, truth: set) -> dict:
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 0.0
    rc = tp / len(truth) if truth else 0.0
    return {"precision": round(p, 3), "recall": round(rc, 3),
            "f1": round(2 * p * rc / (p + rc), 3) if p + rc else 0.0,
            "predicted": len(predicted), "true": len(truth), "correct": tp}


def pairs_set(name: str) -> dict:
    rows = load(name)
    truth = {i for i, row in enumerate(rows) if row["label"]}
    records = [r for row in rows for r in (row["a"], row["b"])]
    profs, weights = clusters.profiles([record(r) for r in records], agency_names(records))
    new = {i for i in range(len(rows)) if verify.compare(profs[2 * i], profs[2 * i + 1], weights, verify.THRESHOLD).duplicate}
    feats = [old.features(r["title"], r.get("notes"), r.get("tags") or ()) for r in records]
    before = {i for i in range(len(rows)) if old.jaccard(feats[2 * i], feats[2 * i + 1]) >= old.THRESHOLD}
    simple = {i for i in range(len(rows)) if simple_key(rows[i]["a"]) == simple_key(rows[i]["b"])}
    misses = [(rows[i]["kind"], rows[i]["a"]["title"], rows[i]["b"]["title"]) for i in sorted(truth - new)][:40]
    wrong = [(rows[i]["kind"], rows[i]["a"]["title"], rows[i]["b"]["title"]) for i in sorted(new - truth)][:8]
    return {"pairs": len(rows), "new": scores(new, truth), "before": scores(before, truth),
            "title_match": scores(simple, truth), "examples_missed": misses, "examples_wrong": wrong}


def _cross(rows, members) -> set:
    return {(a, b) for a, b in combinations(sorted(members), 2) if rows[a]["agency"] != rows[b]["agency"]}


def catalog_set(name: str = "overlap_catalog.jsonl") -> dict:
    rows = load(name)
    series: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        series.setdefault(r["series"], []).append(i)
    truth = set().union(*(_cross(rows, m) for m in series.values()))
    began = time.perf_counter()
    groups, _ = clusters.find_groups([record(r) for r in rows], agency_names(rows))
    seconds = round(time.perf_counter() - began, 2)
    new = set().union(*(_cross(rows, g.members) for g in groups)) if groups else set()
    found = old.find_clusters((r["agency"], old.features(r["title"], r.get("notes"), r.get("tags") or ()))
                              for r in rows)
    before = set().union(*(_cross(rows, c.members) for c in found)) if found else set()
    by_title: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_title.setdefault(simple_key(r), []).append(i)
    simple = set().union(*(_cross(rows, m) for m in by_title.values()))
    return {"records": len(rows), "agencies": len({r["agency"] for r in rows}), "known_pairs": len(truth),
            "new": dict(scores(new, truth), groups=len(groups), largest_group=max((len(g.members) for g in groups), default=0),
                        seconds=seconds),
            "before": dict(scores(before, truth), groups=len(found)),
            "title_match": scores(simple, truth)}


def main() -> None:
    result = {"pairs_dev": pairs_set("overlap_pairs_dev.jsonl"),
              "pairs_heldout": pairs_set("overlap_pairs_heldout.jsonl"),
              "pairs_unseen": pairs_set("overlap_pairs_unseen.jsonl"),
              "pairs_unseen2": pairs_set("overlap_pairs_unseen2.jsonl"),
              "catalog": catalog_set()}
    if "--json" in sys.argv:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print("overlap quality: precision / recall / F1")
    for key, res in result.items():
        extra = f" ({res.get('pairs') or res.get('known_pairs')} {'pairs' if 'pairs' in res else 'known pairs'})"
        print(f"  {key}{extra}")
        for method in ("new", "before", "title_match"):
            s = res[method]
            print(f"    {method:12s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                  f"  (predicted {s['predicted']}, correct {s['correct']})")
    for key in ("pairs_dev", "pairs_heldout", "pairs_unseen", "pairs_unseen2"):
        for kind in ("examples_missed", "examples_wrong"):
            for ex in result[key][kind]:
                print(f"  {key} {kind[9:]}: {ex}")


if __name__ == "__main__":
    main()
