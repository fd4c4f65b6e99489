"""Link checker benchmark (`make bench BENCH=linkcheck`): 20,000 links on loopback hosts,
some of which answer slowly or never.

Hosts are ports on 127.0.0.1 (the checker's politeness is per host and port), served from a
separate process so the servers do not share the checker's interpreter. Two runs with the
same checker settings:
  1. fast hosts only: the baseline time for their links;
  2. the same links plus a slow host (every answer after LINKCHECK_BENCH_SLOW seconds), a
     dead host (accepts, never answers) and LINKCHECK_BENCH_TRICKLE_HOSTS hosts that trickle
     their headers a byte every 0.1 s (a read timeout never fires; by default as many hosts as
     it takes to hold every worker): the fast links must finish about as soon as in run 1, and
     every trickling check must end at the check's deadline.
Prints total time, links per second, when the fast links were all done, the slow and dead
hosts' own times, how many of the dead host's links were skipped, and the peak RSS.
Nothing leaves 127.0.0.1; every server loop and every check is bounded in time.

    LINKCHECK_BENCH_N=20000 LINKCHECK_BENCH_HOSTS=20 python -m benchmarks.linkcheck
"""
from __future__ import annotations

import collections
import dataclasses
import json
import multiprocessing
import os
import resource
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from ckanext.opengov.harvest.safe_http import Policy  # noqa: E402
from ckanext.opengov.linkcheck import pool, probe  # noqa: E402

N = int(os.environ.get("LINKCHECK_BENCH_N", 20_000))
HOSTS = int(os.environ.get("LINKCHECK_BENCH_HOSTS", 20))
SLOW_LINKS = int(os.environ.get("LINKCHECK_BENCH_SLOW_LINKS", 40))
DEAD_LINKS = int(os.environ.get("LINKCHECK_BENCH_DEAD_LINKS", 400))
TRICKLE_LINKS = 5  # per trickling host
SLOW = float(os.environ.get("LINKCHECK_BENCH_SLOW", 2.0))
DEADLINE = 3.0
LIMITS = pool.Limits(workers=int(os.environ.get("LINKCHECK_BENCH_WORKERS", 32)), per_host=2,
                     host_delay=float(os.environ.get("LINKCHECK_BENCH_DELAY", 0.0)), host_failures=3,
                     budget=1800)
TRICKLE_HOSTS = int(os.environ.get("LINKCHECK_BENCH_TRICKLE_HOSTS", LIMITS.workers // LIMITS.per_host))


def serve(count: int, slow: float, ports, stop) -> None:
    """In a child process: `count` fast servers, one slow, one dead, the trickling ones; their
    ports go to `ports`."""
    sys.path.insert(0, ROOT)
    from tests.linkcheck.link_server import LinkServer

    servers = [LinkServer(delay=slow).__enter__() for _ in range(count + 2 + TRICKLE_HOSTS)]
    ports.put([s.port for s in servers])
    stop.wait(3600)
    for server in servers:
        server.__exit__(None, None, None)


def links(ports: list[int], with_bad_hosts: bool) -> list[dict]:
    fast, slow, dead, trickle = ports[:HOSTS], ports[HOSTS], ports[HOSTS + 1], ports[HOSTS + 2:]
    bad = SLOW_LINKS + DEAD_LINKS + TRICKLE_LINKS * len(trickle)
    out = []
    for i in range(N - (bad if with_bad_hosts else 0)):
        path = f"/missing/{i}.csv" if i % 20 == 0 else f"/ok/{i}.csv"  # one in 20 is broken
        out.append({"url": f"http://127.0.0.1:{fast[i % len(fast)]}{path}", "kind": "fast"})
    if with_bad_hosts:
        out += [{"url": f"http://127.0.0.1:{slow}/slow/{i}.csv", "kind": "slow"} for i in range(SLOW_LINKS)]
        out += [{"url": f"http://127.0.0.1:{dead}/hang/{i}.csv", "kind": "dead"} for i in range(DEAD_LINKS)]
        out += [{"url": f"http://127.0.0.1:{port}/drip-head/{i}.csv", "kind": "trickle"}
                for port in trickle for i in range(TRICKLE_LINKS)]
    return out


Timed = collections.namedtuple("Timed", "result seconds")  # a check's result and how long it took


def run(items: list[dict]) -> dict:
    policy = Policy(allowed_hosts=("127.0.0.1",), connect_timeout=DEADLINE, read_timeout=DEADLINE,
                    total_timeout=DEADLINE, max_bytes=50 * 1024 * 1024, max_redirects=5, max_retries=0)
    settings = probe.Settings(policy, deadline=DEADLINE, probe_bytes=16 * 1024)
    hosts = pool.HostQueue(items, lambda i: i["url"].split("/")[2], LIMITS)
    done_at: dict[str, float] = collections.defaultdict(float)
    statuses: collections.Counter = collections.Counter()
    skipped = 0
    longest: collections.Counter = collections.Counter()

    def timed_check(session, item) -> Timed:
        began = time.monotonic()
        return Timed(probe.check_http(session, item["url"], settings), time.monotonic() - began)

    started = time.monotonic()
    for item, (result, seconds) in pool.run(
            hosts, timed_check, timed_out=lambda t: t.result.status == probe.TIMEOUT,
            skipped=lambda i: Timed(probe.Result(probe.TIMEOUT, reason=pool.UNRESPONSIVE), 0.0),
            worker_init=lambda: probe.session(settings)):
        statuses[(item["kind"], result.status)] += 1
        longest[item["kind"]] = max(longest[item["kind"]], seconds)
        skipped += result.reason == pool.UNRESPONSIVE
        done_at[item["kind"]] = time.monotonic() - started
    total = time.monotonic() - started
    return {"links": len(items), "seconds": round(total, 1), "per_second": round(len(items) / total),
            "done_at": {k: round(v, 1) for k, v in done_at.items()}, "skipped": skipped,
            "longest_check": {k: round(v, 1) for k, v in longest.items()},
            "statuses": {f"{kind} {status}": n for (kind, status), n in sorted(statuses.items())},
            "not_reached": hosts.left()}


def main() -> None:
    ctx = multiprocessing.get_context("spawn")
    ports, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(HOSTS, SLOW, ports, stop), daemon=True)
    server.start()
    try:
        port_list = ports.get(timeout=60)
        started = {"utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg": os.getloadavg()}
        print(f"link checker: {N} links, {HOSTS} fast hosts (ports on 127.0.0.1), "
              f"{dataclasses.asdict(LIMITS)}, deadline {DEADLINE}s")
        baseline = run(links(port_list, with_bad_hosts=False))
        print(f"  fast hosts only:       {baseline['links']} links in {baseline['seconds']}s "
              f"({baseline['per_second']}/s)")
        mixed = run(links(port_list, with_bad_hosts=True))
        fast_done = mixed["done_at"]["fast"]
        print(f"  + slow, dead and {TRICKLE_HOSTS} trickling hosts: {mixed['links']} links in {mixed['seconds']}s "
              f"({mixed['per_second']}/s); fast links done at {fast_done}s, slow host's {SLOW_LINKS} at "
              f"{mixed['done_at'].get('slow')}s ({SLOW}s each, 2 at a time), dead host's {DEAD_LINKS} at "
              f"{mixed['done_at'].get('dead')}s, trickling hosts' {TRICKLE_LINKS * TRICKLE_HOSTS} at "
              f"{mixed['done_at'].get('trickle')}s ({mixed['skipped']} skipped after "
              f"{LIMITS.host_failures} timeouts in a row)")
        print(f"  longest single check by kind: {mixed['longest_check']} (deadline {DEADLINE}s)")
        print(f"  statuses: {mixed['statuses']}; not reached: {mixed['not_reached']}")
        rss = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(f"  peak RSS: {rss} MB")
        # The bad hosts hold their own slots only while a check lasts, and no check outlasts the
        # deadline by more than a scheduling hiccup: the fast links must not wait for them.
        stalled = fast_done > baseline["seconds"] * 1.5 + 2 * DEADLINE
        overran = max(mixed["longest_check"].values()) > DEADLINE + 2
        print("  one slow host stalls the rest: " + ("YES (failure)" if stalled else "no"))
        print("  a check outlasted its deadline: " + ("YES (failure)" if overran else "no"))
        os.makedirs(os.path.join(ROOT, "benchmarks", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "benchmarks", "results", "linkcheck.json"), "w") as out:
            json.dump({"links": N, "fast_hosts": HOSTS, "trickle_hosts": TRICKLE_HOSTS, "cores": os.cpu_count(),
                       "limits": dataclasses.asdict(LIMITS), "deadline": DEADLINE, "started": started,
                       "ended": {"utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                 "loadavg": os.getloadavg()},
                       "fast_only": baseline, "mixed": mixed,
                       "peak_rss_mb": rss, "stalled": stalled, "overran": overran}, out, indent=1)
        if stalled or overran:
            sys.exit(1)
    finally:
        stop.set()
        server.join(10)
        if server.is_alive():
            server.terminate()


if __name__ == "__main__":
    main()
