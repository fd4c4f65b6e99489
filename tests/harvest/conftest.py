"""Fixtures for harvest tests: real HTTP servers on loopback only."""
from __future__ import annotations

import socket

import pytest

from tests.harvest.fault_server import FaultServer


@pytest.fixture
def fault_server():
    server = FaultServer("127.0.0.1").start()
    yield server
    server.stop()


@pytest.fixture
def forbidden_servers():
    """Servers on loopback addresses left out of the allow-list (stand-ins for private targets).

    They record every request, so a test can show the guard never connected to them.
    """
    servers = [FaultServer("127.0.0.2").start()]
    if socket.has_ipv6:
        servers.append(FaultServer("::1", socket.AF_INET6).start())
    for server in servers:
        server.route("/secret", lambda h: h.send(200, b"metadata-credentials"))
    yield servers
    for server in servers:
        server.stop()
