"""The nightly transparency refresh at national scale (issue 11): 100,000 → 250,000 → 500,000
datasets from 8,000 agencies, each with one harvest source and ten nightly jobs.

    CKAN_SQLALCHEMY_URL=postgresql://…/ckan_bench_scale … flock /tmp/heavy.lock \
        .venv/bin/python -m benchmarks.transparency_scale

The catalog grows in place (COPY, benchmarks/transparency_seed.py); at each size a refresh
runs in a child process of its own (so its peak RSS is its own; the RSS of CKAN booted alone is
reported beside it), on the next day (snapshots accumulate as they do night after night), and
the pages /transparency and one agency's scorecard are rendered in process (first request after
the refresh, then 20 more). Figures land in benchmarks/results/transparency_scale.{json,md}.
Everything talks to 127.0.0.1 only; every step has a timeout.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INI = os.path.join(ROOT, "test.ini")
SIZES = [int(s) for s in os.environ.get("BENCH_TR_SCALE_SIZES", "100000,250000,500000").split(",")]
AGENCIES = int(os.environ.get("BENCH_TR_SCALE_AGENCIES", 8000))
OVERLAP_AT = [int(s) for s in os.environ.get("BENCH_TR_SCALE_OVERLAP", "").split(",") if s]
PAGE_REQUESTS = 20
STEP_TIMEOUT = 25 * 60
FIRST_DAY = dt.date(2026, 11, 26)
BUDGET_SECONDS = 600  # the nightly refresh of the national catalog: under 10 minutes
RESULTS = os.environ.get("BENCH_TR_SCALE_RESULTS") or os.path.join(ROOT, "benchmarks", "results", "transparency_scale")


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _app():
    from benchmarks import boot

    return boot.ckan(INI)


# ---- steps, each in a child process: `python -m benchmarks.transparency_scale <cmd> …`

def cmd_seed(n: str, start: str) -> dict:
    from benchmarks import transparency_seed as seed
    import ckan.model as model

    _app()
    began = time.perf_counter()
    if int(start) == 0:
        seed.clear(model.meta.engine)
        _clear_snapshots(model.meta.engine)
    seed.seed(model.meta.engine, int(n) - int(start), AGENCIES, int(start))
    if int(start) == 0:
        seed.seed_sources(model.meta.engine, AGENCIES)
    return {"seconds": round(time.perf_counter() - began, 1)}


def _clear_snapshots(engine) -> None:
    from sqlalchemy import text
    from ckanext.opengov.transparency import refresh

    with engine.begin() as conn:
        for table in refresh.TABLES:
            conn.execute(text(f"DELETE FROM {table}"))


def cmd_refresh(day: str, overlap: str) -> dict:
    import ckan.model as model
    from ckanext.opengov.transparency import refresh

    _app()
    booted = rss_mb()
    cpu = time.process_time()
    began = time.perf_counter()
    totals = refresh.refresh(model.meta.engine, day=dt.date.fromisoformat(day),
                             with_overlap=overlap == "yes")
    return {"seconds": round(time.perf_counter() - began, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),
            "rss_mb": rss_mb(), "rss_booted_mb": booted, "phases": totals.get("phases"),
            "public": totals["public_datasets"], "agencies": totals["agencies"],
            "clusters": totals.get("overlap_clusters")}


def cmd_pages() -> dict:
    from werkzeug.test import Client

    app = _app()
    client = Client(app)
    results = {}
    for label, path in {"/transparency": "/transparency/",
                        "/transparency/agency/<agency>": "/transparency/agency/bench-tr-org-7",
                        "/transparency/overlap": "/transparency/overlap"}.items():
        times = []
        size = 0
        for _ in range(PAGE_REQUESTS + 1):
            began = time.perf_counter()
            response = client.get(path)
            body = response.get_data()
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (path, response.status_code, body[-2000:])
            size = len(body)
        warm = sorted(times[1:])
        results[label] = {"first_ms": round(times[0], 1), "p50_ms": round(statistics.median(warm), 1),
                          "p95_ms": round(warm[int(len(warm) * 0.95) - 1], 1), "kb": round(size / 1024)}
    results["rss_mb"] = rss_mb()
    return results


def cmd_sizes() -> dict:
    """Rows and on-disk size of the catalog and of the snapshot tables."""
    import ckan.model as model
    from sqlalchemy import text

    _app()
    with model.meta.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT pg_size_pretty(pg_total_relation_size('{t}'))")).scalar()
                for t in ("package", "resource", "opengov_tr_dataset", "opengov_tr_agency")}


# ---- orchestration

def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.transparency_scale", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=STEP_TIMEOUT)
    if out.returncode != 0:
        sys.exit(f"benchmark step {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def uptime() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def fit(sizes: list[int], seconds: list[float]) -> dict:
    """Least-squares t = a·f(n) through the origin for f = n and n log n; the smaller relative
    residual says which growth the measurements follow (three points: a hint, not a proof)."""
    out = {}
    for name, f in {"n": lambda n: n, "n log n": lambda n: n * math.log(n)}.items():
        xs = [f(n) for n in sizes]
        a = sum(x * t for x, t in zip(xs, seconds)) / sum(x * x for x in xs)
        residual = math.sqrt(sum((a * x - t) ** 2 for x, t in zip(xs, seconds)) / len(xs))
        out[name] = {"coefficient": a, "rms_error_s": round(residual, 2),
                     "predicted_s_at_1M": round(a * f(1_000_000), 1)}
    # The local exponent between the smallest and largest size: 1.0 is linear, 2.0 quadratic.
    out["exponent"] = round(math.log(seconds[-1] / seconds[0]) / math.log(sizes[-1] / sizes[0]), 2)
    return out


def cmd_refresh_at(commit: str, day: str) -> dict:
    """The refresh as it was at `commit` (its refresh.py loaded from git), for a before/after
    ratio in one run. Its snapshot is then replaced by the current code's."""
    import importlib.util
    import tempfile

    source = subprocess.run(["git", "show", f"{commit}:ckanext/opengov/transparency/refresh.py"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    spec = importlib.util.spec_from_file_location("refresh_before", f.name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    os.unlink(f.name)
    import ckan.model as model

    _app()
    began = time.perf_counter()
    totals = module.refresh(model.meta.engine, day=dt.date.fromisoformat(day), with_overlap=False)
    return {"commit": commit, "seconds": round(time.perf_counter() - began, 2), "rss_mb": rss_mb(),
            "public": totals["public_datasets"]}


def cmd_seeded() -> dict:
    import ckan.model as model
    from sqlalchemy import text
    from benchmarks import transparency_seed as seed

    _app()
    with model.meta.engine.connect() as conn:
        return {"datasets": conn.execute(text(
            "SELECT count(*) FROM package WHERE type = 'dataset' AND id LIKE :p"),
            {"p": seed.PREFIX + "%"}).scalar()}


def main() -> None:
    """Grows the catalog to each size in SIZES in turn. Resumable: figures already in the
    results file are kept, and seeding continues from the datasets already in the database, so
    each size can be run on its own (one heavy-lock hold each)."""
    from benchmarks import boot

    boot.require_bench_database()
    report = {"agencies": AGENCIES, "runs": {}}
    if os.path.exists(RESULTS + ".json") and os.environ.get("BENCH_TR_SCALE_FRESH") != "1":
        with open(RESULTS + ".json") as f:
            report = json.load(f)
    before = os.environ.get("BENCH_TR_SCALE_BEFORE")  # a commit whose refresh to run beside ours
    print(f"== Transparency refresh at national scale: {SIZES} datasets, {AGENCIES:,} agencies", flush=True)
    seeded = child("seeded")["datasets"] if report["runs"] else 0
    deadline = float(os.environ.get("BENCH_TR_SCALE_DEADLINE", "inf"))  # epoch seconds: start no size after it
    for n in SIZES:
        if time.time() > deadline:
            print(f"deadline passed: {n:,} not measured", flush=True)
            break
        if n < seeded:
            sys.exit(f"{seeded:,} datasets already seeded: sizes only grow (BENCH_TR_SCALE_FRESH=1 restarts)")
        run = {"load_before": uptime(), "started": dt.datetime.utcnow().isoformat(timespec="seconds")}
        run["seed"] = dict(child("seed", str(n), str(seeded)), from_datasets=seeded)
        seeded = n
        # One day per run: snapshots accumulate as they do night after night.
        day = (FIRST_DAY + dt.timedelta(days=len(report["runs"]))).isoformat()
        run["day"] = day
        if before and n == SIZES[0]:  # once: the old refresh's agency step alone is quadratic
            run["refresh_before_fix"] = child("refresh_at", before, day)
        run["refresh"] = child("refresh", day, "no")
        if n in OVERLAP_AT:
            run["refresh_with_overlap"] = child("refresh", day, "yes")
        run["pages"] = child("pages")
        run["sizes"] = child("sizes")
        run["load_after"] = uptime()
        report["runs"][str(n)] = run
        r = run["refresh"]
        print(f"{n:>8,}: seed {run['seed']['seconds']} s; refresh {r['seconds']} s "
              f"(CPU {r['cpu_seconds']} s), peak RSS {r['rss_mb']} MB (booted {r['rss_booted_mb']}); "
              f"/transparency p50 {run['pages']['/transparency']['p50_ms']} ms; "
              f"agency p50 {run['pages']['/transparency/agency/<agency>']['p50_ms']} ms", flush=True)
        if "refresh_before_fix" in run:
            print(f"          before the fix ({before}): refresh {run['refresh_before_fix']['seconds']} s", flush=True)
        _save(report)
    sizes = sorted(int(n) for n in report["runs"])
    if len(sizes) >= 3:
        report["fit_refresh"] = fit(sizes, [report["runs"][str(n)]["refresh"]["seconds"] for n in sizes])
        _save(report)


def _save(report: dict) -> None:
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS + ".json", "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    with open(RESULTS + ".md", "w") as f:
        f.write(markdown(report))
    print(f"(figures in {RESULTS}.json)", flush=True)


def markdown(report: dict) -> str:
    """The results as the table docs/transparency.md quotes."""
    sizes = sorted(int(n) for n in report["runs"])
    lines = [f"# Transparency refresh at national scale ({report['agencies']:,} agencies)", "",
             "`benchmarks/transparency_scale.py`; each size seeded on top of the previous one (COPY), "
             "each refresh on the next day; refresh without overlap detection; pages rendered in "
             "process (werkzeug test client, one at a time: first request after the refresh, then "
             f"p50/p95 of {PAGE_REQUESTS}). Load average (1/5/15 min) before and after each size.", "",
             "| datasets | refresh s (CPU s) | peak RSS MB (CKAN booted) | before the fix s | "
             "/transparency first / p50 / p95 ms (KB) | agency first / p50 / p95 ms (KB) | overlap page (same) | "
             "opengov_tr_dataset | load before → after |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for n in sizes:
        run = report["runs"][str(n)]
        r, p = run["refresh"], run["pages"]
        before = run.get("refresh_before_fix", {}).get("seconds", "–")
        lines.append(
            f"| {n:,} | {r['seconds']} ({r['cpu_seconds']}) | {r['rss_mb']} ({r['rss_booted_mb']}) | {before} | "
            f"{_page(p['/transparency'])} | {_page(p['/transparency/agency/<agency>'])} | "
            f"{_page(p['/transparency/overlap']) if '/transparency/overlap' in p else '–'} | "
            f"{run['sizes']['opengov_tr_dataset']} | {run['load_before']} → {run['load_after']} |")
    lines += ["", "Seconds per refresh step:", "",
              "| datasets | " + " | ".join(report["runs"][str(sizes[0])]["refresh"]["phases"]) + " |",
              "| --- |" + " --- |" * len(report["runs"][str(sizes[0])]["refresh"]["phases"])]
    for n in sizes:
        phases = report["runs"][str(n)]["refresh"]["phases"]
        lines.append(f"| {n:,} | " + " | ".join(str(v) for v in phases.values()) + " |")
    for n in sizes:
        overlap = report["runs"][str(n)].get("refresh_with_overlap")
        if overlap:
            lines += ["", f"With overlap detection at {n:,}: {overlap['seconds']} s, peak RSS {overlap['rss_mb']} MB, "
                          f"{overlap['clusters']} clusters."]
    if "fit_refresh" in report:
        f = report["fit_refresh"]
        lines += ["", f"Growth of the refresh time: local exponent {f['exponent']} between the smallest and largest "
                      f"size (1 = linear); t = a·n: rms error {f['n']['rms_error_s']} s, 1,000,000 → "
                      f"{f['n']['predicted_s_at_1M']} s; t = a·n log n: rms error {f['n log n']['rms_error_s']} s, "
                      f"1,000,000 → {f['n log n']['predicted_s_at_1M']} s."]
    return "\n".join(lines) + "\n"


def _page(m: dict) -> str:
    return f"{m['first_ms']:.0f} / {m['p50_ms']:.0f} / {m['p95_ms']:.0f} ({m['kb']})"


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(globals()["cmd_" + sys.argv[1]](*sys.argv[2:]), default=str))
    else:
        main()
