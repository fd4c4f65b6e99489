"""The refresh at national scale: its work grows with the catalog's rows inside PostgreSQL, not
with round trips per agency or per harvest source (8,000 agencies each with a source; figures in
benchmarks/results/transparency_scale.md)."""
from __future__ import annotations

import re

import ckan.model as model
from ckan.cli.cli import ckan as ckan_cli
from sqlalchemy import event

from ckanext.opengov.transparency import refresh, views
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


def _table(html: str, marker: str) -> list[tuple[str, list[int]]]:
    """(first cell's text, the numbers in the other cells) of each body row of the table at `marker`."""
    body = html[html.index(marker):]
    body = body[body.index("<tbody>"):body.index("</tbody>")]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        head = re.sub(r"<[^>]+>", "", re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1)).strip()
        rows.append((head, [int(n) for n in re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", row)]))
    return rows


def test_overlap_page_matrix_shows_the_busiest_agencies_and_every_objective(app, catalog, api, cli, monkeypatch):
    """Summed in SQL (48,000 cells at national scale were read on every request): the same figures."""
    api("package_create", **tgdc_dataset(catalog["nso"]["id"], name="nso-strategy",
                                         objective=["ยุทธศาสตร์ชาติ", "พันธกิจหน่วยงาน"]))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--no-overlap"]).exit_code == 0
    monkeypatch.setattr(views, "MATRIX_AGENCIES", 1)

    html = app.get("/transparency/overlap").body
    # Objectives in order (พันธกิจหน่วยงาน, ยุทธศาสตร์ชาติ): nso 3 and 1, dopa 2 and 0.
    assert [n for _, n in _table(html, 'id="table-objectives"')] == [[5], [1]]
    assert _table(html, "opengov-tr-matrix") == [("สำนักงานสถิติทดสอบ", [3, 1])]
    assert re.search(r"แสดง 1 หน่วยงานที่มีชุดข้อมูลมากที่สุดจาก\s+2 หน่วยงาน", html)
