"""Pages under load through the deployment (`make bench`): ours beside stock CKAN, same run.

dev/bench-deployment.sh starts the bench deployment (nginx → gunicorn, as `make run`) over its own
database and Solr core, with stock CKAN (no opengov plugin, CKAN's own schema) as a second
gunicorn app behind the same nginx over the same data. This module loads a synthetic TGDC
catalog with COPY (benchmarks/transparency_seed.py: 20,000 datasets across 300 agencies by
default), indexes it in Solr with CKAN's own indexer (in parallel processes), refreshes the
transparency snapshot, then runs wrk with 20 and 50 connections on each page, one page after
the other, our page and its stock counterpart back to back. Figures: p50/p95/p99, requests/s,
errors and timeouts, ratios ours/stock, and the load average around each measurement (the
machine may be shared). Written to benchmarks/results/pages.json and pages.md.

    make bench                              # everything, 30 s per page and connection count
    make bench BENCH=pages                  # this benchmark alone
    BENCH_PAGES_SHORT=1 make bench BENCH=pages   # smoke run: 3 s per measurement
Settings: BENCH_PAGES_DURATION (30 s), BENCH_PAGES_CONNECTIONS (20,50), BENCH_PAGES_DATASETS
(20000), BENCH_PAGES_TIMEOUT (10 s: a slower answer counts as a timeout), BENCH_PAGES_INDEX_BUDGET
(7200 s for indexing; past it the run goes on with what Solr has, and says how many).
Everything talks to 127.0.0.1 only; every measurement is bounded in time.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "dev", "bench-deployment.sh")
LUA = os.path.join(ROOT, "benchmarks", "wrk_report.lua")
RESULTS = os.path.join(ROOT, "benchmarks", "results")
SHORT = os.environ.get("BENCH_PAGES_SHORT") == "1"
DURATION = int(os.environ.get("BENCH_PAGES_DURATION", "3" if SHORT else "30"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_PAGES_CONNECTIONS", "20,50").split(",")]
DATASETS = int(os.environ.get("BENCH_PAGES_DATASETS", "20000"))
TIMEOUT = int(os.environ.get("BENCH_PAGES_TIMEOUT", "10"))
INDEX_BUDGET = int(os.environ.get("BENCH_PAGES_INDEX_BUDGET", "7200"))
AGENCIES = 300
OURS = "http://127.0.0.1:{}".format(os.environ.get("OPENGOV_BENCH_CKAN_PORT", "5010"))
STOCK = "http://127.0.0.1:{}".format(os.environ.get("OPENGOV_BENCH_STOCK_PORT", "5011"))
THAI_QUERY = "จังหวัด"  # "province": in about one title in five (transparency_seed.GEO)
GOAL_P95_MS, GOAL_RATIO = 300, 1.1
LOG_DIR = os.environ.get("OPENGOV_BENCH_DEPLOY_LOG_DIR") or os.path.join(ROOT, ".dev", "logs", "deploy-bench")


def clean_env() -> dict:
    """The bench deployment's .ini decides the database (make bench's CKAN_* name another one)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("CKAN_")}


def deployment(command: str) -> str:
    done = subprocess.run([SCRIPT, command], capture_output=True, text=True, env=clean_env(), timeout=900)
    if done.returncode:
        sys.exit(f"dev/bench-deployment.sh {command} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done.stdout.strip()


def child(*args: str, timeout: int = 3600) -> dict:
    """`python -m benchmarks.pages <cmd> …` in its own process, on the bench deployment's .ini."""
    env = dict(clean_env(), BENCH_PAGES_INI=deployment("ini"))
    done = subprocess.run([sys.executable, "-m", "benchmarks.pages", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        sys.exit(f"benchmarks.pages {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _engine():
    from benchmarks import boot

    boot.ckan(os.environ["BENCH_PAGES_INI"])
    import ckan.model as model

    return model.meta.engine


def _bench_ids(engine) -> list[str]:
    from sqlalchemy import text

    from benchmarks import transparency_seed

    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM package WHERE id LIKE :p ORDER BY id"),
                                           {"p": transparency_seed.PREFIX + "%"})]


# ---- steps run in child processes --------------------------------------------------------------

def cmd_seed(n: str) -> dict:
    """COPY the catalog in, unless exactly this catalog is there already (runs are repeatable)."""
    from benchmarks import transparency_seed

    engine = _engine()
    if len(_bench_ids(engine)) == int(n):
        return {"seconds": 0, "kept": True}
    began = time.perf_counter()
    transparency_seed.clear(engine)
    transparency_seed.seed(engine, int(n), AGENCIES, 0)
    return {"seconds": round(time.perf_counter() - began, 1), "kept": False}


def _missing(engine) -> list[str]:
    """Seeded datasets Solr does not have (an interrupted run resumes where it stopped)."""
    import ckan.plugins.toolkit as tk

    found = tk.get_action("package_search")({"ignore_auth": True}, {
        "q": "name:bench-tr-*", "rows": 1000000, "fl": "id", "include_private": True})
    indexed = {d["id"] for d in found["results"]}
    return [i for i in _bench_ids(engine) if i not in indexed]


def cmd_index(part: str, parts: str) -> dict:
    """Index every parts-th seeded dataset that Solr lacks, with CKAN's own indexer."""
    from ckan.lib import search

    ids = _missing(_engine())[int(part)::int(parts)]
    began = time.perf_counter()
    search.rebuild(package_ids=ids, defer_commit=True, quiet=True)
    search.commit()
    return {"indexed": len(ids), "seconds": round(time.perf_counter() - began, 1)}


def cmd_indexed() -> dict:
    """Seeded datasets that Solr finds (package_search as the site user: private ones too)."""
    import ckan.plugins.toolkit as tk

    _engine()
    found = tk.get_action("package_search")({"ignore_auth": True}, {
        "q": "name:bench-tr-*", "rows": 0, "include_private": True})
    return {"count": found["count"]}


def cmd_targets() -> dict:
    """A public dataset and an agency of the seed to put in the URLs."""
    from sqlalchemy import text

    engine = _engine()
    with engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM package WHERE id LIKE 'bench-tr-%' AND NOT private "
                                 "AND state = 'active' ORDER BY id LIMIT 1")).scalar()
    return {"dataset": name, "agency": "bench-tr-org-7"}


def cmd_profile(path: str, n: str = "20", stock: str = "") -> dict:
    """Where one page's time goes: render `path` n times in this process (ours, or stock CKAN
    with `stock`), under cProfile; the top functions by cumulative time go to stderr.
    `python -m benchmarks.pages profile /dataset/ 20 [stock]` with BENCH_PAGES_INI set."""
    import cProfile
    import io
    import pstats

    from werkzeug.test import Client

    from benchmarks import boot

    ini = os.environ["BENCH_PAGES_INI"]
    client = Client(boot.ckan(os.path.join(os.path.dirname(ini), "stock.ini") if stock else ini))
    client.get(path)  # first render: templates compiled, caches filled
    profiler = cProfile.Profile()
    began = time.perf_counter()
    profiler.enable()
    for _ in range(int(n)):
        status = client.get(path).status_code
    profiler.disable()
    per_page = (time.perf_counter() - began) / int(n)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
    sys.stderr.write(out.getvalue())
    return {"path": path, "status": status, "ms_per_page": round(per_page * 1000, 1)}


# ---- the run -----------------------------------------------------------------------------------

def loadavg() -> list[float]:
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        print("==> Installing Debian's wrk (apt-get install wrk)", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True, timeout=600)
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=600)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True, timeout=600)
    found = shutil.which("wrk")
    if not found:
        sys.exit("error: wrk is missing and apt-get could not install it: install Debian's `wrk` package "
                 "(apt-get install wrk) and run `make bench` again.")
    return found


def index_in_parallel() -> float:
    """One indexing process per core, each bounded by INDEX_BUDGET seconds: past it the run goes on
    with what Solr has, and the report says how many (`indexed`)."""
    began = time.perf_counter()
    parts = max(os.cpu_count() or 1, 1)
    logs = [open(os.path.join(ROOT, ".dev", "logs", f"bench-index-{i}.log"), "w") for i in range(parts)]
    procs = [subprocess.Popen([sys.executable, "-m", "benchmarks.pages", "index", str(i), str(parts)], cwd=ROOT,
                              env=dict(clean_env(), BENCH_PAGES_INI=deployment("ini")),
                              stdout=subprocess.DEVNULL, stderr=logs[i]) for i in range(parts)]
    for i, proc in enumerate(procs):
        try:
            proc.wait(timeout=max(INDEX_BUDGET - (time.perf_counter() - began), 1))
        except subprocess.TimeoutExpired:
            print(f"  indexing stopped after its budget of {INDEX_BUDGET} s (BENCH_PAGES_INDEX_BUDGET)", flush=True)
            for other in procs:
                other.terminate()
            for other in procs:
                other.wait(timeout=60)
            break
        if proc.returncode:
            sys.exit(f"indexing failed; see .dev/logs/bench-index-{i}.log")
    for log in logs:
        log.close()
    return round(time.perf_counter() - began, 1)


def settle(base: str, limit: float = 180) -> None:
    """Wait (bounded) until the site answers a trivial request within a second: requests that
    an overloaded previous row left queued in the workers must not be charged to the next row."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        began = time.monotonic()
        try:
            urllib.request.urlopen(f"{base}/api/3/action/status_show?settle={time.time_ns()}", timeout=30).read()
            if time.monotonic() - began < 1:
                return
        except OSError:
            pass
        time.sleep(2)


class WorkerBoots:
    """gunicorn workers (re)started during a measurement, read from the app's log: a worker
    recycled by --max-requests stalls the requests queued for it while it loads CKAN again."""

    def __init__(self, url: str):
        name = "stock-web.log" if url.startswith(STOCK) else "web.log"
        self.path = os.path.join(LOG_DIR, name)
        self.offset = self._size()

    def _size(self) -> int:
        try:
            return os.path.getsize(self.path)
        except OSError:
            return 0

    def count(self) -> int:
        if self._size() < self.offset:  # supervisor rotated the log
            self.offset = 0
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                return f.read().count(b"Booting worker")
        except OSError:
            return 0


def wrk(binary: str, url: str, connections: int, bust: bool) -> dict:
    env = dict(os.environ, WRK_BUST="1" if bust else "0")
    settle(url[:url.index("/", len("http://"))])
    if not bust:
        # As deployed, a page with visitors is never cold: its entry is refreshed in the
        # background within stale-while-revalidate. The row is measured from a warm entry; the
        # cold start of a page idle for longer than max-age + N (every request going to CKAN
        # until one answer is stored) is a separate figure (docs/benchmarks.md).
        urllib.request.urlopen(url, timeout=120).read()
    boots = WorkerBoots(url)
    before = loadavg()
    done = subprocess.run([binary, "-t", "2", "-c", str(connections), "-d", f"{DURATION}s",
                           "--timeout", f"{TIMEOUT}s", "-s", LUA, url],
                          capture_output=True, text=True, env=env, timeout=DURATION + TIMEOUT + 60)
    line = next((l for l in done.stdout.splitlines() if l.startswith("WRK-JSON ")), None)
    if line is None:
        sys.exit(f"wrk gave no figures for {url}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    raw = json.loads(line[len("WRK-JSON "):])
    seconds = raw["duration_us"] / 1e6
    errors = raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["non_2xx_3xx"]
    return {"url": url, "connections": connections, "seconds": round(seconds, 1), "requests": raw["requests"],
            "req_per_s": round(raw["requests"] / seconds, 1), "p50_ms": round(raw["p50_us"] / 1000, 1),
            "p95_ms": round(raw["p95_us"] / 1000, 1), "p99_ms": round(raw["p99_us"] / 1000, 1),
            "errors": errors, "timeouts": raw["timeouts"], "loadavg_before": before, "loadavg_after": loadavg(),
            "worker_boots": boots.count()}


def pages(targets: dict) -> list[tuple[str, str, str | None, bool]]:
    """(label, our path, the stock counterpart's path or None, bypass nginx's cache)."""
    dataset, agency = targets["dataset"], targets["agency"]
    search = "/api/3/action/package_search?" + urllib.parse.urlencode({"q": THAI_QUERY, "rows": 10})
    # As deployed: anonymous pages come from nginx's cache (ckan.cache_expires); stock CKAN's
    # pages set a session cookie, so nginx never keeps them. "application" rows bypass the cache
    # on both sides: what a page costs when it is not cached (its first visitor each minute).
    app = " (application, not from nginx's cache)"
    return [
        ("/ (home)", "/", None, False),
        ("/ (home)" + app, "/", None, True),
        ("/dataset/", "/dataset/", "/dataset/", False),
        ("/dataset/" + app, "/dataset/", "/dataset/", True),
        ("dataset page", f"/dataset/{dataset}", f"/dataset/{dataset}", False),
        ("dataset page" + app, f"/dataset/{dataset}", f"/dataset/{dataset}", True),
        ("/transparency", "/transparency/", None, False),
        ("/transparency" + app, "/transparency/", None, True),
        ("agency scorecard", f"/transparency/agency/{agency}", None, False),
        ("agency scorecard" + app, f"/transparency/agency/{agency}", None, True),
        ("/transparency/overlap", "/transparency/overlap", None, False),
        ("/transparency/overlap" + app, "/transparency/overlap", None, True),
        (f"package_search q={THAI_QUERY}" + app, search, search, True),
        (f"package_search q={THAI_QUERY} (anonymous, nginx's cache)", search, None, False),
    ]


def check(url: str) -> None:
    """Each page answers 200 before it is measured (wrk would count a 404 page as fast)."""
    with urllib.request.urlopen(url, timeout=120) as answer:
        if answer.status != 200:
            sys.exit(f"{url} answers {answer.status}")


def main() -> None:
    binary = ensure_wrk()
    report = {"started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "cores": os.cpu_count(), "duration_s": DURATION, "datasets": DATASETS,
              "loadavg_start": loadavg()}
    print(f"==> Pages through the bench deployment: {DATASETS:,} datasets, wrk {DURATION} s per page "
          f"at {', '.join(map(str, CONNECTIONS))} connections (load average {report['loadavg_start']})", flush=True)
    print(deployment("start").splitlines()[-1], flush=True)
    report["seed"] = child("seed", str(DATASETS))
    if child("indexed")["count"] != DATASETS:
        report["index_seconds"] = index_in_parallel()
    report["indexed"] = child("indexed")["count"]
    refresh = subprocess.run([os.path.join(os.path.dirname(sys.executable), "ckan"), "-c", deployment("ini"),
                              "opengov", "transparency", "refresh"], capture_output=True, text=True,
                             env=clean_env(), timeout=3600)
    if refresh.returncode:
        sys.exit(f"transparency refresh failed:\n{refresh.stderr[-3000:]}")
    targets = child("targets")
    rows = []
    for label, ours, stock, bust in pages(targets):
        check(OURS + ours)
        if stock:
            check(STOCK + stock)
    for connections in CONNECTIONS:
        for label, ours, stock, bust in pages(targets):
            row = {"page": label, "connections": connections, "ours": wrk(binary, OURS + ours, connections, bust)}
            if stock:
                row["stock"] = wrk(binary, STOCK + stock, connections, bust)
                row["p95_ratio"] = round(row["ours"]["p95_ms"] / max(row["stock"]["p95_ms"], 0.1), 2)
                row["p50_ratio"] = round(row["ours"]["p50_ms"] / max(row["stock"]["p50_ms"], 0.1), 2)
            rows.append(row)
            print("  " + _line(row), flush=True)
    report["rows"] = rows
    report["loadavg_end"] = loadavg()
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "pages.json"), "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    table = markdown(report)
    with open(os.path.join(RESULTS, "pages.md"), "w") as f:
        f.write(table)
    print("\n" + table)
    print(f"(figures in {os.path.relpath(RESULTS, ROOT)}/pages.json and pages.md)")


def _line(row: dict) -> str:
    o = row["ours"]
    text = (f"{row['page']:60} c={row['connections']:<3} ours p50 {o['p50_ms']:7.0f} p95 {o['p95_ms']:7.0f} "
            f"p99 {o['p99_ms']:7.0f} ms {o['req_per_s']:6.1f} req/s err {o['errors']} to {o['timeouts']}")
    if "stock" in row:
        s = row["stock"]
        text += f" | stock p95 {s['p95_ms']:7.0f} ms {s['req_per_s']:6.1f} req/s; ours/stock p95 {row['p95_ratio']}"
    return text


def _cells(m: dict) -> str:
    """p50 / p95 / p99, or why there are none: wrk records no latency for a timed-out request."""
    if m["p50_ms"] == 0:
        return f"none within {TIMEOUT} s"
    return f"{m['p50_ms']:.0f} / {m['p95_ms']:.0f} / {m['p99_ms']:.0f}"


def _ratio(row: dict) -> str:
    if "stock" not in row:
        return "-"
    if row["ours"]["p50_ms"] == 0 or row["stock"]["p50_ms"] == 0:
        return "n/a"
    return f"**{row['p95_ratio']}×**"


def markdown(report: dict) -> str:
    out = [f"Pages through the bench deployment (nginx → gunicorn, {report['cores']} cores), "
           f"{report['datasets']:,} datasets in the database, {report['indexed']:,} of them indexed in Solr, wrk {report['duration_s']} s per row, run "
           f"{report['started']}; load average {report['loadavg_start']} at the start, "
           f"{report['loadavg_end']} at the end (the machine is shared).", "",
           "| page | conn. | ours p50 / p95 / p99 ms | ours req/s | errors / timeouts | stock p50 / p95 / p99 ms "
           "| stock req/s | ours/stock p95 | load before → after | workers booted (ours / stock) |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in report["rows"]:
        o, s = row["ours"], row.get("stock")
        stock_cells = f"{_cells(s)} | {s['req_per_s']} | {_ratio(row)}" if s else "- | - | -"
        out.append(f"| {row['page']} | {row['connections']} | {_cells(o)} "
                   f"| {o['req_per_s']} | {o['errors']} / {o['timeouts']}"
                   + (f" (stock {s['errors']} / {s['timeouts']})" if s else "")
                   + f" | {stock_cells} | {o['loadavg_before'][0]} → {o['loadavg_after'][0]} "
                   + f"| {o.get('worker_boots', '-')} / {s.get('worker_boots', '-') if s else '-'} |")
    fifty = [r for r in report["rows"] if r["connections"] == max(CONNECTIONS)]
    over = [r["page"] for r in fifty if r["ours"]["p95_ms"] >= GOAL_P95_MS or r["ours"]["p50_ms"] == 0]
    slower = [f"{r['page']} at {r['connections']}" for r in report["rows"] if "stock" in r
              and (r["ours"]["p50_ms"] == 0 or r.get("p95_ratio", 0) > GOAL_RATIO)]
    out += ["", f"Goal p95 < {GOAL_P95_MS} ms at {max(CONNECTIONS)} connections: "
                + ("met." if not over else f"missed by {', '.join(over)}."),
            f"Goal ours ≤ {GOAL_RATIO}× stock (p95): " + ("met." if not slower else f"missed by {', '.join(slower)}."), ""]
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(globals()["cmd_" + sys.argv[1]](*sys.argv[2:])))
    else:
        main()
