"""One way for a benchmark to boot CKAN in its own process.

    from benchmarks import boot
    app = boot.ckan()                      # test.ini, under `make bench`'s CKAN_* variables
    boot.ckan(boot.STOCK_HARVESTER_INI)    # the same, plus ckanext-harvest's stock harvester

Every benchmark writes into the database CKAN is pointed at (creates, clears, seeds), so
`ckan()` refuses to start unless that is the benchmark database (`make bench` sets
CKAN_SQLALCHEMY_URL to ckan_bench); an operator's own site is never touched by mistake.
"""
from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_INI = os.path.join(ROOT, "test.ini")
STOCK_HARVESTER_INI = os.path.join(ROOT, "benchmarks", "stock-harvester.ini")
BENCH_DATABASE = "ckan_bench"


def require_bench_database() -> None:
    if BENCH_DATABASE not in os.environ.get("CKAN_SQLALCHEMY_URL", ""):
        sys.exit(f"Run this through `make bench`: it points CKAN at the {BENCH_DATABASE} database.")


def ckan(ini: str = TEST_INI):
    """Load `ini` (with CKAN_* environment overrides) and build CKAN's app; returns the WSGI app."""
    require_bench_database()
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    return make_app(load_config(ini))
