"""Transparency refresh, pages, downloads and API against the real stack."""
from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest
from ckan.cli.cli import ckan as ckan_cli
from ckan.tests import factories

from tests.transparency.conftest import DUPLICATE_TITLE

SECRET = "เงินเดือนรายบุคคลลับเฉพาะ"


def call(app, action, status=200, user=None, **data):
    headers = {"Authorization": user["token"]} if user else {}
    response = app.post(f"/api/3/action/{action}", json=data, headers=headers, status=status)
    return response.json["result"] if response.json["success"] else response.json["error"]


def test_public_figures_count_only_public_open_datasets(app, catalog):
    summary = call(app, "opengov_transparency_summary")
    assert summary["public_datasets"] == 4  # the private classified one is not counted
    assert summary["agencies_publishing"] == 2
    agencies = call(app, "opengov_transparency_agencies")
    by_name = {row["name"]: row for row in agencies["rows"]}
    assert by_name["nso-test"]["public_datasets"] == 2
    assert "private_datasets" not in agencies["columns"]


def test_the_national_page_shows_thai_figures_charts_and_never_the_secret(app, catalog):
    html = app.get("/transparency").body
    assert "สำนักงานสถิติทดสอบ" in html
    assert 'data-opengov-chart="' in html and "<table" in html
    assert "transparency.js" in html or "chart" in html.lower()
    assert SECRET not in html and "nso-secret-salaries" not in html
    assert 'href="/transparency/"' in app.get("/dataset/").body  # in the main navigation


def test_the_scorecard_lists_what_the_agency_must_fix(app, catalog):
    html = app.get("/transparency/agency/nso-test").body
    assert "ดัชนีราคาผู้บริโภครายเดือน" in html  # overdue: monthly, last updated Jan 2025
    assert SECRET not in html
    card = call(app, "opengov_transparency_agency", id="nso-test")
    assert [d["name"] for d in card["overdue"]] == ["nso-old-monthly"]
    assert "private_datasets" not in card
    dopa = call(app, "opengov_transparency_agency", id="dopa-test")
    assert [d["name"] for d in dopa["no_resources"]] == ["dopa-no-files"]
    assert card["rank"] in (1, 2) and card["score"] is not None


def test_the_agency_admin_sees_its_own_private_count_and_others_do_not(app, catalog, api):
    admin = factories.UserWithToken()
    stranger = factories.UserWithToken()
    api("organization_member_create", id="nso-test", username=admin["name"], role="admin")
    api("organization_member_create", id="dopa-test", username=stranger["name"], role="admin")
    mine = call(app, "opengov_transparency_agency", user=admin, id="nso-test")
    assert mine["private_datasets"] == 1
    theirs = call(app, "opengov_transparency_agency", user=stranger, id="nso-test")
    assert "private_datasets" not in theirs
    page = app.get("/transparency/agency/nso-test", headers={"Authorization": admin["token"]}).body
    assert "opengov-tr-private" in page


def test_overlap_groups_the_same_data_from_two_agencies(app, catalog):
    html = app.get("/transparency/overlap").body
    assert html.count(DUPLICATE_TITLE) >= 2 and "กรมการปกครองทดสอบ" in html
    rows = call(app, "opengov_transparency_overlap")["rows"]
    assert sorted(r["dataset"] for r in rows) == ["dopa-population", "nso-population"]
    assert all(0.5 <= r["similarity"] <= 1 for r in rows)
    objectives = call(app, "opengov_transparency_objectives")["rows"]
    assert {r["objective"] for r in objectives} == {"พันธกิจหน่วยงาน"}


def test_tables_download_as_csv_with_bom_and_json(app, catalog):
    csv_response = app.get("/transparency/download/agencies.csv")
    assert csv_response.headers["Content-Type"].startswith("text/csv")
    raw = csv_response.get_data()
    assert raw.startswith("\ufeff".encode("utf-8"))
    assert "สำนักงานสถิติทดสอบ" in raw.decode("utf-8-sig")
    body = json.loads(app.get("/transparency/download/timeliness.json").get_data())
    assert {r["status"]: r["datasets"] for r in body["rows"]}["overdue"] + \
        {r["status"]: r["datasets"] for r in body["rows"]}["delinquent"] == 1
    listing = app.get("/transparency/download/overdue.csv?agency=nso-test").get_data().decode("utf-8-sig")
    assert "nso-old-monthly" in listing and "nso-secret" not in listing


def test_the_catalog_exports_every_tgdc_field_and_only_public_datasets(app, catalog):
    text = app.get("/transparency/catalog.csv").get_data().decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert {"data_type", "objective", "update_frequency_unit", "data_classification"} <= set(header)
    assert "nso-population" in text and "nso-secret-salaries" not in text
    body = json.loads(app.get("/transparency/catalog.json").get_data())
    assert {r["name"] for r in body["rows"]} == {
        "nso-population", "dopa-population", "nso-old-monthly", "dopa-no-files"}
    assert body["rows"][0]["resources"] is not None
    book = openpyxl.load_workbook(io.BytesIO(app.get("/transparency/catalog.xlsx").get_data()), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 5 and "data_type" in rows[0]


def test_what_changed_since_and_history(app, catalog):
    today = str(dt.date.today())
    body = json.loads(app.get(f"/transparency/changes.json?since={today}").get_data())
    assert body["meta"]["since"] == today and body["rows"] == []
    csv_text = app.get(f"/transparency/changes.csv?since={today}").get_data().decode("utf-8-sig")
    assert csv_text.startswith("change,name,title,agency")
    refused = app.get("/transparency/changes.csv?since=2020-01-01", status=400).body
    assert today in refused  # history starts with the first snapshot
    history = call(app, "opengov_transparency_history")["rows"]
    assert len(history) == 1 and history[0]["public_datasets"] == 4


def test_refreshing_the_same_day_replaces_it(app, catalog, cli, api):
    api("package_delete", id="dopa-no-files")
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"])
    assert result.exit_code == 0, result.output
    history = call(app, "opengov_transparency_history")["rows"]
    assert len(history) == 1 and history[0]["public_datasets"] == 3


@pytest.mark.parametrize("url", [
    "/transparency/download/agencies.csv?date=25-11-2569",
    "/transparency/changes.csv?since=yesterday",
    "/transparency/download/overdue.csv",
])
def test_bad_requests_get_a_clear_400(app, catalog, url):
    response = app.get(url, status=400)
    assert "YYYY-MM-DD" in response.body or "agency" in response.body


def test_unknown_table_and_agency(app, catalog):
    error = call(app, "opengov_transparency_table", status=409, table="salaries")
    assert "agencies" in error["table"][0]
    app.get("/transparency/agency/no-such-agency", status=404)


def test_anyone_reads_but_only_sysadmins_refresh(app, catalog, sysadmin, api, clean_queues):
    call(app, "opengov_transparency_refresh", status=403)
    user = factories.UserWithToken()
    call(app, "opengov_transparency_refresh", status=403, user=user)
    api("package_delete", id="dopa-no-files")
    job = call(app, "opengov_transparency_refresh", user=sysadmin)
    assert job["job_id"]
    # The background job, run by CKAN's own worker (on Redis), replaces today's snapshot.
    from ckan.lib import jobs

    jobs.Worker().work(burst=True)
    assert call(app, "opengov_transparency_summary")["public_datasets"] == 3


def test_pages_say_so_before_the_first_refresh(app, clean_db):
    html = app.get("/transparency").body
    assert "ckan opengov transparency refresh" in html
    call(app, "opengov_transparency_summary", status=404)


def test_history_tells_what_changed_since_an_earlier_day(app, catalog, cli, api):
    today = dt.date.today()
    earlier, long_ago = str(today - dt.timedelta(days=10)), str(today - dt.timedelta(days=200))
    for day in (long_ago, earlier):
        result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--date", day])
        assert result.exit_code == 0, result.output
    api("package_delete", id="dopa-no-files")
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0

    since = str(today - dt.timedelta(days=5))
    changes = json.loads(app.get(f"/transparency/changes.json?since={since}").get_data())
    assert [(r["change"], r["name"]) for r in changes["rows"]] == [("removed", "dopa-no-files")]
    history = call(app, "opengov_transparency_history")["rows"]
    assert [(h["snapshot_date"], h["public_datasets"]) for h in history] == [
        (long_ago, 4), (earlier, 4), (str(today), 3)]
    then = call(app, "opengov_transparency_summary", date=str(today - dt.timedelta(days=1)))
    assert then["snapshot_date"] == earlier and then["public_datasets"] == 4
    # Per-dataset rows older than history_days (90) were pruned: say so rather than guess.
    error = call(app, "opengov_transparency_changes", status=409, since=str(today - dt.timedelta(days=150)))
    assert earlier in error["since"][0]


def test_the_cli_refuses_a_bad_date_in_thai_and_english(cli, clean_db):
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--date", "15/01/2569"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output and "กรุณาเขียนวันที่" in result.output


def test_english_readers_get_english_labels(app, catalog):
    html = app.get("/en/transparency/").body
    assert "How agencies publish open data" in html and "Working days" in html
    overlap = app.get("/en/transparency/overlap").body
    assert "Agency mission" in overlap  # the TGDC objective พันธกิจหน่วยงาน


def test_a_dataset_made_private_after_the_refresh_is_no_longer_named(app, catalog, api, cli):
    yesterday = str(dt.date.today() - dt.timedelta(days=1))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--date", yesterday]).exit_code == 0
    api("package_patch", id="dopa-population", private=True)
    api("package_patch", id="nso-old-monthly", private=True)
    assert call(app, "opengov_transparency_overlap")["rows"] == []  # one agency left: no cluster
    assert DUPLICATE_TITLE not in app.get("/transparency/overlap").body
    assert call(app, "opengov_transparency_agency", id="nso-test")["overdue"] == []
    assert "ดัชนีราคาผู้บริโภครายเดือน" not in app.get("/transparency/agency/nso-test").body
    assert "nso-old-monthly" not in app.get(
        "/transparency/download/overdue.csv?agency=nso-test").get_data().decode("utf-8-sig")
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0
    changes = call(app, "opengov_transparency_changes", since=yesterday)["rows"]
    assert sorted((r["change"], r["name"], r["title"]) for r in changes) == [
        ("removed", None, None), ("removed", None, None)]  # counted, not named


def test_a_download_holds_every_row_where_the_api_gives_a_page(app, clean_db, cli):
    """The API answers at most 1,000 rows a call (limit/offset); a download is the whole table
    (it stopped at 1,000 rows without a word)."""
    import ckan.model as model

    from benchmarks import transparency_seed

    transparency_seed.seed(model.meta.engine, 1100, agencies=1100)
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--no-overlap"])
    assert result.exit_code == 0, result.output
    page = call(app, "opengov_transparency_table", table="agencies")
    assert len(page["rows"]) == 1000
    rest = call(app, "opengov_transparency_table", table="agencies", offset=1000)
    assert len(rest["rows"]) >= 100
    listed = app.get("/transparency/download/agencies.csv").get_data().decode("utf-8-sig").splitlines()
    assert len(listed) - 1 == len(page["rows"]) + len(rest["rows"])  # header + every agency
    body = json.loads(app.get("/transparency/download/agencies.json").get_data())
    assert len(body["rows"]) == len(listed) - 1
