"""The refresh at national scale: its work grows with the catalog's rows inside PostgreSQL, not
with round trips per agency or per harvest source (8,000 agencies each with a source; figures in
benchmarks/results/transparency_scale.md)."""
from __future__ import annotations

import ckan.model as model
from sqlalchemy import event

from ckanext.opengov.transparency import refresh
from tests.factories import agency, tgdc_dataset


def _statements(engine) -> int:
    count = 0

    def counted(*_):
        nonlocal count
        count += 1

    event.listen(engine, "before_cursor_execute", counted)
    try:
        refresh.refresh(engine, with_overlap=False)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return count


def _agency_with_source(api, n: int) -> None:
    org = api("organization_create", **agency(name=f"scale-agency-{n}", title=f"หน่วยงานขนาด {n}"))
    api("package_create", **tgdc_dataset(org["id"], name=f"scale-dataset-{n}"))
    api("harvest_source_create", name=f"scale-source-{n}", title=f"แคตตาล็อก {n}",
        url=f"http://127.0.0.1:9/{n}", source_type="opengov_ckan", owner_org=org["id"])


def test_refresh_statements_do_not_grow_with_agencies_and_sources(clean_db, clean_index, api):
    for n in range(2):
        _agency_with_source(api, n)
    engine = model.meta.engine
    few = _statements(engine)
    for n in range(2, 7):
        _agency_with_source(api, n)
    many = _statements(engine)

    assert many == few, f"{few} statements for 2 agencies, {many} for 7: a round trip per agency or source"
    # And the snapshot holds every agency's score and every source's status.
    with engine.connect() as conn:
        agencies = conn.exec_driver_sql(
            "SELECT count(*), count(score), count(*) FILTER (WHERE harvest_sources = 1) "
            "FROM opengov_tr_agency WHERE snapshot_date = (SELECT max(snapshot_date) FROM opengov_tr_snapshot)").one()
        sources = conn.exec_driver_sql(
            "SELECT count(*) FROM opengov_tr_harvest WHERE status = 'never' "
            "AND snapshot_date = (SELECT max(snapshot_date) FROM opengov_tr_snapshot)").scalar()
    assert tuple(agencies) == (7, 7, 7) and sources == 7
