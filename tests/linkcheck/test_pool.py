"""Politeness and isolation of the check pool: per-host slots, delays, dead hosts, the budget."""
from __future__ import annotations

import dataclasses
import threading
import time

from ckanext.opengov.linkcheck import pool, probe
from tests.linkcheck.link_server import LinkServer


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_at_most_per_host_in_flight_and_round_robin():
    items = [("a", n) for n in range(3)] + [("b", n) for n in range(3)]
    hosts = pool.HostQueue(items, lambda i: i[0], pool.Limits(per_host=2, host_delay=0))
    taken = [hosts.take()[0] for _ in range(4)]
    assert [t[0] for t in taken] == ["a", "b", "a", "b"]  # alternating hosts
    # Both hosts now have two in flight: nothing may start until one ends.
    waiter = threading.Thread(target=lambda: taken.append(hosts.take()[0]))
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive()
    hosts.done(taken[0], timed_out=False)
    waiter.join(2)
    assert taken[-1][0] == "a"


def test_the_delay_between_requests_to_one_host():
    clock = Clock()
    hosts = pool.HostQueue([("a", 1), ("a", 2)], lambda i: i[0],
                           pool.Limits(per_host=1, host_delay=5, budget=100), clock=clock)
    first, _ = hosts.take()
    hosts.done(first, timed_out=False)
    clock.now = 5.0  # the delay has passed
    assert hosts.take() == (("a", 2), False)


def test_a_host_that_keeps_timing_out_is_skipped_for_the_rest_of_the_run():
    items = [("dead", n) for n in range(10)]
    hosts = pool.HostQueue(items, lambda i: i[0], pool.Limits(per_host=1, host_delay=0, host_failures=2))
    for _ in range(2):
        item, skipped = hosts.take()
        assert not skipped
        hosts.done(item, timed_out=True)
    rest = [hosts.take() for _ in range(8)]
    assert all(skipped for _, skipped in rest)
    assert hosts.take() is None


def test_the_budget_stops_new_checks_and_counts_the_rest():
    clock = Clock()
    hosts = pool.HostQueue([("a", n) for n in range(5)], lambda i: i[0],
                           pool.Limits(per_host=5, host_delay=0, budget=10), clock=clock)
    hosts.take()
    clock.now = 11
    assert hosts.take() is None
    assert hosts.left() == 4


def test_one_slow_host_does_not_stall_the_others(settings):
    """40 links on a fast host and 6 on a host that answers after 3 s: the fast ones are all
    done while the slow host still holds its two slots."""
    with LinkServer(delay=3.0) as slow, LinkServer() as fast:
        items = [{"url": slow.url(f"/slow/{n}")} for n in range(6)] + [
            {"url": fast.url(f"/ok/{n}")} for n in range(40)]
        limits = pool.Limits(workers=6, per_host=2, host_delay=0, host_failures=99, budget=60)
        policy = dataclasses.replace(settings.policy, read_timeout=5)
        settings = probe.Settings(policy, deadline=5, probe_bytes=1024)
        hosts = pool.HostQueue(items, lambda i: i["url"].split("/")[2], limits)
        started = time.monotonic()
        finished = {}
        for item, result in pool.run(hosts, lambda s, i: probe.check_http(s, i["url"], settings),
                                     timed_out=lambda r: r.status == "timeout",
                                     skipped=lambda i: None, worker_init=lambda: probe.session(settings)):
            assert result.status == "works", (item, result)
            finished[item["url"]] = time.monotonic() - started
        fast_done = max(t for u, t in finished.items() if "/ok/" in u)
        first_slow = min(t for u, t in finished.items() if "/slow/" in u)
        assert fast_done < first_slow < 4  # the fast host finished before the first slow answer
        assert len(finished) == 46
        # Never more than two requests at once on the slow host: 6 links take 3 rounds of 3 s.
        assert max(finished.values()) >= 9


def test_trickling_hosts_holding_every_worker_still_let_the_run_end(settings):
    """As many hosts as there are workers trickle their headers a byte every 0.1 s (no read
    timeout ever fires): each of their checks ends at the 1.5 s deadline as a timeout, each such
    host is given up after `host_failures` of them, and a fast host's links all get checked."""
    with LinkServer() as fast, LinkServer() as drip_a, LinkServer() as drip_b:
        items = [{"url": server.url(f"/drip-head/{n}.csv")} for server in (drip_a, drip_b) for n in range(4)]
        items += [{"url": fast.url(f"/ok/{n}.csv")} for n in range(10)]
        limits = pool.Limits(workers=4, per_host=2, host_delay=0, host_failures=2, budget=60)
        hosts = pool.HostQueue(items, lambda i: i["url"].split("/")[2], limits)
        started = time.monotonic()
        results = {item["url"]: result for item, result in pool.run(
            hosts, lambda s, i: probe.check_http(s, i["url"], settings),
            timed_out=lambda r: r.status == "timeout",
            skipped=lambda i: probe.Result("timeout", reason=pool.UNRESPONSIVE),
            worker_init=lambda: probe.session(settings))}
        took = time.monotonic() - started
    assert len(results) == 18 and hosts.left() == 0
    assert all(r.status == "works" for u, r in results.items() if "/ok/" in u)
    dripping = [r for u, r in results.items() if "/drip-head/" in u]
    assert all(r.status == "timeout" for r in dripping)
    assert sum(r.reason == pool.UNRESPONSIVE for r in dripping) >= 2  # given up on: not asked again
    assert took < 6  # two rounds of 1.5 s at most, not the 30 s each host would take
