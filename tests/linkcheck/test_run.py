"""A link-check run over the portal's own datasets: what the public, the agency and the
transparency pages see afterwards. Real PostgreSQL, Solr and a real loopback link server."""
from __future__ import annotations

import ckan.model as model
import pytest
from sqlalchemy import text

from ckanext.opengov.linkcheck import jobs
from ckanext.opengov.transparency.refresh import refresh
from tests import factories

pytestmark = [
    pytest.mark.ckan_config("ckanext.opengov.linkcheck.connect_timeout", "1"),
    pytest.mark.ckan_config("ckanext.opengov.linkcheck.read_timeout", "1"),
    pytest.mark.ckan_config("ckanext.opengov.linkcheck.deadline", "1.5"),
    pytest.mark.ckan_config("ckanext.opengov.linkcheck.host_delay", "0"),
    pytest.mark.ckan_config("ckanext.opengov.linkcheck.history_size", "2"),
]


def resources(links, *paths):
    return [{"name": f"ไฟล์ {p}", "format": "CSV", "url": links.url(p)} for p in paths]


@pytest.fixture
def world(clean_db, clean_index, api, links):
    org = api("organization_create", **factories.agency())
    public = api("package_create", **factories.tgdc_dataset(
        org["id"], title="สถิติลิงก์เสีย", resources=resources(links, "/ok.csv", "/missing/public.csv", "/html.csv")))
    private = api("package_create", **factories.tgdc_dataset(
        org["id"], private=True, title="ชุดข้อมูลส่วนตัวลิงก์", resources=resources(links, "/missing/private.csv")))
    classified = api("package_create", **factories.tgdc_dataset(
        org["id"], private=True, title="ชุดข้อมูลลับลิงก์", data_category="ข้อมูลส่วนบุคคล",
        data_classification="ลับ", resources=resources(links, "/missing/classified.csv")))
    return {"org": org, "public": public, "private": private, "classified": classified}


def stored():
    return {r.resource_id: r for r in model.Session.execute(text("SELECT * FROM opengov_link_check"))}


def by_url(dataset, path):
    return next(r for r in dataset["resources"] if r["url"].endswith(path))


def test_public_links_are_checked_and_private_or_classified_ones_are_not(world, links):
    counts = jobs.run(model.meta.engine)
    assert counts["checked"] == 3
    rows = stored()
    assert set(rows) == {r["id"] for r in world["public"]["resources"]}
    assert rows[by_url(world["public"], "/ok.csv")["id"]].status == "works"
    broken = rows[by_url(world["public"], "/missing/public.csv")["id"]]
    assert (broken.status, broken.http_status, broken.first_broken_at) == ("broken", 404, broken.checked_at)
    assert rows[by_url(world["public"], "/html.csv")["id"]].served_format == "HTML"
    paths = {path for _, path, _ in links.log}
    assert not paths & {"/missing/private.csv", "/missing/classified.csv"}


def test_anyone_reads_a_public_result_and_nobody_outside_reads_a_private_one(world, app, api):
    jobs.run(model.meta.engine)
    broken = by_url(world["public"], "/missing/public.csv")
    body = app.post("/api/3/action/opengov_linkcheck_show", json={"id": broken["id"]}).json
    assert body["result"]["status"] == "broken" and body["result"]["http_status"] == 404
    assert body["result"]["history"][0]["status"] == "broken"
    for key in ("private", "classified"):
        rid = world[key]["resources"][0]["id"]
        assert app.post("/api/3/action/opengov_linkcheck_show", json={"id": rid}).status_code == 403
    # A sysadmin asking to check a private resource now gets nothing checked.
    assert api("opengov_linkcheck_run", id=world["private"]["resources"][0]["id"])["checked"] == 0


def test_a_dataset_made_private_after_a_check_drops_its_results(world, app, api):
    jobs.run(model.meta.engine)
    rid = by_url(world["public"], "/missing/public.csv")["id"]
    api("package_patch", id=world["public"]["id"], private=True)
    assert app.post("/api/3/action/opengov_linkcheck_show", json={"id": rid}).status_code == 403
    refresh(model.meta.engine, with_overlap=False)
    assert world["public"]["title"] not in app.get("/transparency/").get_data(as_text=True)
    jobs.run(model.meta.engine)
    assert stored() == {}


def test_broken_since_is_kept_history_is_bounded_and_a_new_url_starts_afresh(world, api):
    rid = by_url(world["public"], "/missing/public.csv")["id"]
    for _ in range(3):
        jobs.run(model.meta.engine)
    rows = stored()
    assert rows[rid].first_broken_at < rows[rid].checked_at
    history = model.Session.execute(text(
        "SELECT count(*) FROM opengov_link_history WHERE resource_id = :id"), {"id": rid}).scalar()
    assert history == 2  # ckanext.opengov.linkcheck.history_size
    api("resource_patch", id=rid, url=world["public"]["resources"][0]["url"])  # now the working link
    jobs.run(model.meta.engine)
    assert (stored()[rid].status, stored()[rid].first_broken_at) == ("works", None)


def test_the_resource_page_says_when_the_link_was_checked_and_since_when_it_is_broken(world, app):
    broken = by_url(world["public"], "/missing/public.csv")
    page = f"/en/dataset/{world['public']['name']}/resource/{broken['id']}"
    assert "Link checked" not in app.get(page).get_data(as_text=True)
    jobs.run(model.meta.engine)
    html = app.get(page).get_data(as_text=True)
    assert 'data-linkcheck-status="broken"' in html and "broken since" in html and "HTTP 404" in html
    ok = by_url(world["public"], "/ok.csv")
    html = app.get(f"/en/dataset/{world['public']['name']}/resource/{ok['id']}").get_data(as_text=True)
    assert "Link checked on" in html and ": works" in html
    thai = app.get(f"/dataset/{world['public']['name']}/resource/{ok['id']}").get_data(as_text=True)
    assert 'data-linkcheck-status="works"' in thai


def test_the_scorecard_and_the_national_page_list_a_dead_link_after_the_check(world, app):
    refresh(model.meta.engine, with_overlap=False)
    scorecard = f"/transparency/agency/{world['org']['name']}"
    assert "/missing/public.csv" not in app.get(scorecard).get_data(as_text=True)
    jobs.run(model.meta.engine)
    for page in (scorecard, "/transparency/"):
        html = app.get(page).get_data(as_text=True)
        assert "/missing/public.csv" in html and world["public"]["title"] in html
        assert "/ok.csv" not in html.split('id="tr-links"')[1]
    csv = app.get(f"/transparency/download/links.csv?agency={world['org']['name']}").get_data(as_text=True)
    assert "/missing/public.csv" in csv and "private.csv" not in csv and "classified.csv" not in csv


def test_openness_is_scored_on_the_format_actually_served(world, api):
    org = world["org"]["id"]
    served_html = api("package_create", **factories.tgdc_dataset(org, resources=[
        {"name": "ตาราง", "format": "CSV", "url": world["public"]["resources"][2]["url"]}]))
    refresh(model.meta.engine, with_overlap=False)
    stars = lambda: dict(model.Session.execute(text(  # noqa: E731
        "SELECT package_id, stars FROM opengov_tr_dataset")).all())
    assert stars()[served_html["id"]] == 3  # declared CSV
    jobs.run(model.meta.engine)
    refresh(model.meta.engine, with_overlap=False)
    assert stars()[served_html["id"]] == 1  # serves HTML
    assert stars()[world["public"]["id"]] == 3  # its working CSV still counts


def test_an_uploaded_file_is_checked_in_the_file_store(world, api):
    res = api("resource_create", package_id=world["public"]["id"], name="อัปโหลด", format="CSV",
              url="upload.csv", url_type="upload")
    jobs.run(model.meta.engine)
    row = stored()[res["id"]]
    assert (row.status, row.reason) == ("broken", "missing_file")
    path = jobs.upload_path({"id": res["id"], "url": "upload.csv", "url_type": "upload"})
    import os

    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write("ปี,จำนวน\n".encode())
    try:
        jobs.run(model.meta.engine, ids=[res["id"]])
        assert (stored()[res["id"]].status, stored()[res["id"]].size) == ("works", len("ปี,จำนวน\n".encode()))
    finally:
        os.remove(path)


def test_only_sysadmins_run_checks_and_bad_input_is_a_clear_409(world, app, sysadmin, clean_queues):
    from ckan.tests import factories as ckan_factories

    user = ckan_factories.UserWithToken()
    assert app.post("/api/3/action/opengov_linkcheck_run", json={"limit": 1},
                    headers={"Authorization": user["token"]}).status_code == 403
    assert app.post("/api/3/action/opengov_linkcheck_run", json={"limit": 1}).status_code == 403
    admin = {"Authorization": sysadmin["token"]}
    for body in ({"limit": "many"}, {"limit": 0}, {"limit": True}, {"limit": 10 ** 9}, {"id": "no-such"},
                 {"id": {"a": 1}}):
        response = app.post("/api/3/action/opengov_linkcheck_run", json=body, headers=admin)
        assert response.status_code == 409, (body, response.json)
    for body in ({}, {"id": "no-such"}, {"id": ["x"]}, {"id": 5}):
        response = app.post("/api/3/action/opengov_linkcheck_show", json=body)
        assert response.status_code == 409, (body, response.json)
    queued = app.post("/api/3/action/opengov_linkcheck_run", json={"limit": 5}, headers=admin).json
    assert queued["result"]["job_id"]
    # The queued run, done by CKAN's own jobs worker (on Redis).
    from ckan.lib import jobs as ckan_jobs

    ckan_jobs.Worker().work(burst=True)
    assert len(stored()) == 3


def test_the_command_checks_up_to_limit_links(world, cli):
    from ckan.cli.cli import ckan

    result = cli.invoke(ckan, ["opengov", "linkcheck", "run", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "2 checked" in result.output
    assert len(stored()) == 2
    assert cli.invoke(ckan, ["opengov", "linkcheck", "run", "--limit", "0"]).exit_code == 2


def test_the_scheduler_runs_the_check_daily_before_the_transparency_refresh():
    import datetime as dt

    from ckanext.opengov.ops import scheduler

    task = next(t for t in scheduler.tasks() if t.name == "linkcheck")
    assert task.args == ("opengov", "linkcheck", "run")
    assert task.daily_at == dt.time(1, 0)
