"""Many checks at once, polite to each host: pure scheduling, no CKAN.

Workers take the next link whose host has a free slot (at most `per_host` requests in flight)
and whose politeness delay has passed, round-robin across hosts, so a slow or dead host holds
only its own slots while the others go on. After `host_failures` timeouts in a row a host's
remaining links in this run are recorded as timeouts without asking it again. The run stops
starting checks when its `budget` is spent; what was not reached is checked first next time.
"""
from __future__ import annotations

import collections
import dataclasses
import queue
import threading
import time
from typing import Callable, Hashable, Iterable, Iterator

UNRESPONSIVE = "host_unresponsive"


@dataclasses.dataclass(frozen=True)
class Limits:
    workers: int = 16          # checks in flight across all hosts
    per_host: int = 2          # checks in flight per host
    host_delay: float = 0.5    # seconds between the end of one check and the next on a host
    host_failures: int = 3     # timeouts in a row after which a host is skipped for this run
    budget: float = 3000.0     # seconds after which no new check starts


class HostQueue:
    """The links of a run grouped by host; `take` blocks until one may start."""

    def __init__(self, items: Iterable, host_of: Callable[[object], Hashable], limits: Limits,
                 clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self.clock = clock
        self.queues: collections.OrderedDict = collections.OrderedDict()
        for item in items:
            self.queues.setdefault(host_of(item), collections.deque()).append(item)
        self.host_of = host_of
        self.active: collections.Counter = collections.Counter()
        self.ready_at: dict = {}
        self.timeouts: collections.Counter = collections.Counter()
        self.stop_at = clock() + limits.budget
        self.cond = threading.Condition()

    def take(self):
        """(item, skipped) or None when the run is over (nothing left, or the budget spent)."""
        with self.cond:
            while True:
                now = self.clock()
                if not self.queues or now >= self.stop_at:
                    return None
                wait = None
                for host in list(self.queues):
                    pending = self.queues[host]
                    if self.timeouts[host] >= self.limits.host_failures:
                        item = pending.popleft()
                        self._drop_if_empty(host)
                        return item, True
                    if self.active[host] >= self.limits.per_host:
                        continue
                    at = self.ready_at.get(host, 0.0)
                    if at > now:
                        wait = at - now if wait is None else min(wait, at - now)
                        continue
                    item = pending.popleft()
                    self.active[host] += 1
                    self.queues.move_to_end(host)  # round-robin: the next take tries another host
                    self._drop_if_empty(host)
                    return item, False
                self.cond.wait(min(wait or 1.0, max(self.stop_at - now, 0.01)))

    def done(self, item, timed_out: bool) -> None:
        host = self.host_of(item)
        with self.cond:
            self.active[host] -= 1
            self.ready_at[host] = self.clock() + self.limits.host_delay
            self.timeouts[host] = self.timeouts[host] + 1 if timed_out else 0
            self.cond.notify_all()

    def left(self) -> int:
        with self.cond:
            return sum(len(q) for q in self.queues.values())

    def _drop_if_empty(self, host) -> None:
        if not self.queues[host]:
            del self.queues[host]


def run(hosts: HostQueue, check: Callable, timed_out: Callable, skipped: Callable,
        worker_init: Callable[[], object] = lambda: None) -> Iterator[tuple]:
    """Yield (item, result) as checks finish, in the caller's thread (`hosts.left()` after:
    the links the budget did not reach).

    check(state, item) → result, in a worker; `state` is what worker_init made for that
    worker (its HTTP session). timed_out(result) → bool; skipped(item) → the result recorded
    for a link of a host given up on.
    """
    results: queue.Queue = queue.Queue()
    DONE = object()

    def work():
        state = worker_init()
        try:
            while True:
                taken = hosts.take()
                if taken is None:
                    return
                item, skip = taken
                if skip:
                    results.put((item, skipped(item)))
                    continue
                try:
                    result = check(state, item)
                except Exception as error:  # noqa: BLE001  one bad link must not end the run
                    result = error
                hosts.done(item, not isinstance(result, Exception) and timed_out(result))
                results.put((item, result))
        finally:
            results.put(DONE)

    threads = [threading.Thread(target=work, daemon=True, name=f"linkcheck-{n}")
               for n in range(max(1, hosts.limits.workers))]
    for thread in threads:
        thread.start()
    running = len(threads)
    while running:
        got = results.get()
        if got is DONE:
            running -= 1
            continue
        yield got
