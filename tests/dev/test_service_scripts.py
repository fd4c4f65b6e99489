"""The service scripts name the problem and the fix, and exit non-zero, when they cannot start."""
from __future__ import annotations

import os
import socket
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def taken_port():
    """A port on 127.0.0.1 that another program holds."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        yield holder.getsockname()[1]


def _run(script: str, tmp_path, **env) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, OPENGOV_DEV_DIR=str(tmp_path / "dev"), **env)
    return subprocess.run(
        [os.path.join(ROOT, "dev", script), "start"], env=full_env,
        capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize(
    "script, variable",
    [("redis.sh", "OPENGOV_REDIS_PORT"), ("postgres.sh", "OPENGOV_PG_PORT"), ("solr.sh", "OPENGOV_SOLR_PORT")],
)
def test_a_taken_port_is_named_with_the_fix(script, variable, taken_port, tmp_path):
    result = _run(script, tmp_path, **{variable: str(taken_port)})
    assert result.returncode != 0
    assert f"port {taken_port} is taken" in result.stderr
    assert variable in result.stderr  # the fix: move the port


def test_missing_java_is_named_with_the_fix(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    result = _run("solr.sh", tmp_path, JAVA="/nonexistent/java", OPENGOV_SOLR_PORT=str(free_port))
    assert result.returncode != 0
    assert "Java is missing" in result.stderr and "apt-get install" in result.stderr
