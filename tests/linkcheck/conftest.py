"""Fixtures of the link-checker tests: a loopback link server, settings with short deadlines."""
from __future__ import annotations

import pytest

from ckanext.opengov.harvest.safe_http import Policy
from ckanext.opengov.linkcheck import pool, probe
from tests.linkcheck.link_server import LinkServer


@pytest.fixture
def links():
    with LinkServer(delay=3.0) as server:
        yield server


@pytest.fixture
def settings():
    """127.0.0.1 allowed (as test.ini); a 1.5 s deadline per link; 1 MB counts as too big."""
    policy = Policy(allowed_hosts=("127.0.0.1",), connect_timeout=1.0, read_timeout=1.0,
                    total_timeout=1.5, max_bytes=1024 * 1024, max_redirects=3, max_retries=0)
    return probe.Settings(policy, deadline=1.5, probe_bytes=4096)


@pytest.fixture
def limits():
    return pool.Limits(workers=8, per_host=2, host_delay=0.0, host_failures=3, budget=60)
