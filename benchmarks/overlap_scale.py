"""Overlap pipeline at catalog scale (`make bench`, not `make test`): time and peak memory of the
whole method (profile, document frequencies, MinHash LSH candidates, verification, grouping)
over N synthetic agency records in one process each, so each peak RSS is its own.

Records come from benchmarks/overlap_data.py's renderer: ~4,000 records of its ~900 series
(subject x breakdown, 300 agencies, editions over nine years: duplicates and hard negatives at
the density of the labelled catalog), the rest agencies' own records with their own place names. `python -m benchmarks.overlap_scale [N ...]` (default 100000; the national
catalog is 500000: BENCH_OVERLAP_SIZES=100000,500000).
"""
from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import time

SIZES = [int(s) for s in os.environ.get("BENCH_OVERLAP_SIZES", "100000").split(",")]
AGENCIES = 300
# Place-name syllables: an agency's own records name their own places.
SYLLABLES = "กา นา ศรี บุรี ทอง สวน หนอง บัว ลำ พู ดง โคก ห้วย แก่ง ท่า วัง ไทร ยาง สระ โพธิ์ ขาม เชียง".split()


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def records(n: int, seed: int = 7):
    from benchmarks import overlap_data as data
    from benchmarks.overlap_quality import record

    rng = random.Random(seed)
    pool = data.DEV + data.HELDOUT
    agencies = [(f"หน่วยงานทดสอบที่ {i}", f"Test agency {i}", f"ทส{i}.") for i in range(AGENCIES)]
    options = {s[0]: data.breakdowns(random.Random(s[0]), s, 12) for s in pool}
    words = data.DOMAIN_WORDS
    # ~900 series (subject x breakdown): about four records each, as in the labelled catalog;
    # more would make every series a block of hundreds of copies no real catalog has.
    series_share = min(0.5, 4000 / max(n, 1))
    for i in range(n):
        agency = agencies[rng.randrange(AGENCIES)]
        if rng.random() < series_share:  # a statistical series
            subject = rng.choice(pool)
            row = data.render(rng, subject, rng.choice(options[subject[0]]), agency, rng.randint(2560, 2568))
        else:  # an agency's own record: unique subject words
            place = "".join(rng.choice(SYLLABLES) for _ in range(3))
            row = {"title": f"{rng.choice(words)}บ้าน{place} {agency[0]}", "notes": "", "agency": agency[0],
                   "agency_en": agency[1], "data_type": "ข้อมูลระเบียน"}
        yield record(row)


def cmd_run(n: str) -> dict:
    from ckanext.opengov.overlap import clusters

    names = [f"หน่วยงานทดสอบที่ {i}" for i in range(AGENCIES)] + [f"Test agency {i}" for i in range(AGENCIES)]
    load_start = round(os.getloadavg()[0], 1)
    began = time.perf_counter()
    profs, weights = clusters.profiles(records(int(n)), names)
    profiled = time.perf_counter()
    pairs = clusters.find_pairs(profs, weights)
    paired = time.perf_counter()
    groups = clusters.group(pairs)
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the forked profiling/verifying workers
    # On a shared machine wall time says more about the neighbours than about the code: the CPU
    # time and the load average around the run say how much.
    return {"datasets": int(n), "seconds": round(done - began, 1), "profile_s": round(profiled - began, 1),
            "candidates_and_verify_s": round(paired - profiled, 1), "group_s": round(done - paired, 2),
            "cpu_user_s": round(usage.ru_utime, 1), "cpu_workers_s": round(workers.ru_utime, 1),
            "pairs": len(pairs), "groups": len(groups), "peak_rss_mb": rss_mb(),
            "peak_rss_worker_mb": round(workers.ru_maxrss / 1024, 1), "workers": clusters.WORKERS,
            "load_avg_1m_start": load_start, "load_avg_1m_end": round(os.getloadavg()[0], 1)}


def main(argv: list[str]) -> None:
    if argv[:1] == ["run"]:
        print(json.dumps(cmd_run(argv[1])))
        return
    sizes = [int(a) for a in argv] or SIZES
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    print("overlap pipeline at scale (one process per size)")
    for n in sizes:
        out = subprocess.run([sys.executable, "-m", "benchmarks.overlap_scale", "run", str(n)],
                             cwd=root, capture_output=True, text=True, timeout=3600, check=True)
        print("  " + out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main(sys.argv[1:])
