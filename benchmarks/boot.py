"""One way for a benchmark to boot CKAN in its own process.

    from benchmarks import boot
    app = boot.ckan()                      # test.ini, under `make bench`'s CKAN_* variables
    boot.ckan(boot.STOCK_HARVESTER_INI)    # the same, plus ckanext-harvest's stock harvester

Every benchmark writes into the database CKAN is pointed at (creates, clears, seeds), so
`ckan()` refuses to start unless that is a benchmark database (`make bench` sets
CKAN_SQLALCHEMY_URL to ckan_bench; the bench deployment's .ini names ckan_bench_deploy); an
operator's own site is never touched by mistake.
"""
from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_INI = os.path.join(ROOT, "test.ini")
STOCK_HARVESTER_INI = os.path.join(ROOT, "benchmarks", "stock-harvester.ini")
BENCH_DATABASE = "ckan_bench"


def require_bench_database(url: str | None = None) -> None:
    """Exit unless CKAN's database (CKAN_SQLALCHEMY_URL, which wins over the .ini, or `url`)
    is a benchmark database (ckan_bench, or the bench deployment's ckan_bench_deploy)."""
    if BENCH_DATABASE not in (os.environ.get("CKAN_SQLALCHEMY_URL") or url or ""):
        sys.exit(f"Run this through `make bench`: it points CKAN at the {BENCH_DATABASE} database.")


def ckan(ini: str = TEST_INI):
    """Load `ini` (with CKAN_* environment overrides) and build CKAN's app; returns the WSGI app."""
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    config = load_config(ini)
    require_bench_database(config.get("sqlalchemy.url"))
    return make_app(config)
