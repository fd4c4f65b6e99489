"""The stored figures (SQL) agree with the pure metric definitions on the same datasets."""
from __future__ import annotations

import datetime as dt

import ckan.model as model
from ckan.cli.cli import ckan as ckan_cli
from sqlalchemy import text

from ckanext.opengov.transparency.metrics import completeness, openness
from ckanext.opengov.transparency.metrics import timeliness as tl
from tests.factories import agency, tgdc_dataset


def cases(today: dt.date) -> list[dict]:
    """Datasets dated relative to `today` (taken when the test runs, not when it is collected:
    a run that crosses midnight UTC would otherwise compare against yesterday)."""
    return [
        dict(license_id="Open Data Common", formats=["xlsx"], update_frequency_unit="วันทำการ",
             last_updated_date=str(today - dt.timedelta(days=2))),
        dict(license_id="Creative Commons Attribution Share-Alike", formats=[".csv", "PDF"],
             update_frequency_unit="ครึ่งปี", update_frequency_interval=2,
             last_updated_date=str(today - dt.timedelta(days=120))),
        dict(license_id="Creative Commons Attribution Non-Commercial", formats=["JSON-LD"],
             update_frequency_unit="ไม่ทราบ"),
        dict(license_id="Open Data Common", formats=["SPARQL", "rdf"], update_frequency_unit="สัปดาห์",
             last_updated_date=str(today - dt.timedelta(days=400))),
        dict(license_id="Open Data Common", formats=["PDF"], update_frequency_unit="วัน",
             last_updated_date=str(today - dt.timedelta(days=1))),
        dict(license_id="Open Data Common", formats=[], update_frequency_unit="เดือน",
             last_updated_date=str(today - dt.timedelta(days=40))),
        dict(license_id="Open Data Common", formats=["Shapefile", "mp4"], update_frequency_unit="ปี",
             last_updated_date=str(today - dt.timedelta(days=500)), legacy_missing=("geo_coverage", "data_source")),
    ]


def test_every_stored_figure_equals_its_definition(clean_db, clean_index, api, cli):
    org = api("organization_create", **agency(name="agency-sql"))
    names = []
    for number, case in enumerate(cases(dt.datetime.utcnow().date())):
        case = dict(case)
        formats = case.pop("formats")
        missing = case.pop("legacy_missing", ())
        dataset = api("package_create", **tgdc_dataset(org["id"], name=f"sql-case-{number}", resources=[
            {"name": f"r{i}", "format": f, "url": f"http://127.0.0.1:9/{number}/{i}"}
            for i, f in enumerate(formats)], **case))
        names.append(dataset["name"])
        if missing:  # a record that reached the database without fields the schema now requires
            with model.meta.engine.begin() as conn:
                for field in missing:
                    conn.execute(text("UPDATE package SET extras = extras - :f, metadata_modified = now() "
                                      "WHERE id = :id"),  # a new date: package_show skips its cache
                                 {"f": field, "id": dataset["id"]})
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0

    with model.meta.engine.connect() as conn:
        stored = {r.name: r for r in conn.execute(text(
            "SELECT name, stars, completeness, missing_fields, timeliness, snapshot_date "
            "FROM opengov_tr_dataset"))}
    for name in names:
        model.Session.remove()
        shown = api("package_show", id=name)
        last = shown.get("last_updated_date") or shown["metadata_modified"]
        expected = (
            openness.dataset_stars([r["format"] for r in shown["resources"]], shown["license_id"]),
            completeness.missing_fields(shown),
            tl.status(shown["update_frequency_unit"], shown.get("update_frequency_interval"),
                      dt.date.fromisoformat(last[:10]), stored[name].snapshot_date),  # the refresh's day
        )
        row = stored[name]
        assert (row.stars, list(row.missing_fields), row.timeliness) == expected, name
        assert abs(row.completeness - completeness.completeness(shown)) < 1e-9
    # The cases cover every star level the definitions give and several statuses.
    assert {stored[n].stars for n in names} == {0, 1, 2, 3, 5}
    assert {stored[n].timeliness for n in names} >= {tl.UP_TO_DATE, tl.DELINQUENT, tl.NOT_APPLICABLE}
