"""The pages: /datarequest (list, new, read, answer), /follow, /whats-new with its Atom and CSV,
and the responsiveness figures on the transparency scorecard."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from tests import factories


def _h(user):
    return {"Authorization": user["token"]} if user else {}


def _ask(call, user, org, **extra):
    return call("opengov_datarequest_create", user, **dict(
        dict(title="ข้อมูลจุดติดตั้งกล้อง CCTV", description="ขอพิกัดกล้องทุกจุด", organization=org), **extra))["result"]


def test_the_request_pages_in_thai(app, people, call):
    users, a = people["users"], people["a"]
    public = _ask(call, users["citizen"], a["name"])
    private = _ask(call, users["citizen"], a["name"], title="คำขอส่วนตัวของประชาชน", private=True)

    listing = app.get("/datarequest").get_data(as_text=True)
    assert "ข้อมูลจุดติดตั้งกล้อง CCTV" in listing and "คำขอส่วนตัวของประชาชน" not in listing
    assert "รอหน่วยงาน" in listing or "Waiting for the agency" in listing
    filtered = app.get(f"/datarequest?organization={people['b']['name']}").get_data(as_text=True)
    assert "ข้อมูลจุดติดตั้งกล้อง CCTV" not in filtered
    assert app.get("/datarequest?status=nonsense").status_code == 400
    assert app.get("/datarequest?q=a&q=b").status_code == 400

    # A private request: its requester and the agency see it; to anyone else it does not exist.
    path = f"/datarequest/{private['id']}"
    assert app.get(path).status_code == 404
    assert app.get(path, headers=_h(users["admin_b"])).status_code == 404
    assert app.get(path, headers=_h(users["citizen"])).status_code == 200
    page = app.get(path, headers=_h(users["editor_a"])).get_data(as_text=True)
    assert "opengov-datarequest-answer" in page

    # Another agency's admin cannot answer through the form either.
    response = app.post(f"/datarequest/{public['id']}/answer", data={"status": "received"},
                        headers=_h(users["admin_b"]))
    assert response.status_code == 403
    response = app.post(f"/datarequest/{public['id']}/answer", data={"status": "received"},
                        headers=_h(users["admin_a"]), follow_redirects=False)
    assert response.status_code == 302
    assert "opengov-datarequest-status" in app.get(f"/datarequest/{public['id']}").get_data(as_text=True)


def test_the_new_request_form_refuses_bad_input_in_thai_and_english(app, people):
    citizen = people["users"]["citizen"]
    assert app.get("/datarequest/new", follow_redirects=False).status_code == 302  # sign in first
    for form, words in [
        ({"title": "<script>alert(1)</script>", "description": "x"}, "HTML"),
        ({"title": "ok", "description": "a\x00b"}, "control characters"),
        ({"title": "ok" * 200, "description": "x"}, "at most 200"),
        ({"title": "", "description": "x"}, "Missing value"),
        ({"title": "ok", "description": "x", "organization": "no-such-agency"}, "no-such-agency"),
        ({"title": "ok", "description": "x", "private": "maybe"}, "true or false"),
    ]:
        response = app.post("/datarequest/new", data=form, headers=_h(citizen))
        body = response.get_data(as_text=True)
        assert response.status_code == 400, form
        assert words in body, (form, body[-2000:])
    response = app.post("/datarequest/new", data={"title": "สถิติผู้ป่วยรายจังหวัด", "description": "รายเดือน"},
                        headers=_h(citizen), follow_redirects=False)
    assert response.status_code == 302 and "/datarequest/" in response.headers["Location"]


def test_whats_new_names_public_changes_only_with_its_feed_and_a_safe_csv(app, people, api, call):
    users, a = people["users"], people["a"]
    api("package_create", **factories.tgdc_dataset(a["id"], title="ดัชนีราคาผู้บริโภครายเดือน"))
    api("package_create", **factories.tgdc_dataset(a["id"], private=True, title="บัญชีเงินเดือนภายใน"))
    withdrawn = api("package_create", **factories.tgdc_dataset(a["id"], title="ชุดข้อมูลที่ถอนออก"))
    api("package_delete", id=withdrawn["id"])
    asked = _ask(call, users["citizen"], a["name"], title="=HYPERLINK(\"http://127.0.0.2\")")
    call("opengov_datarequest_update", users["admin_a"], id=asked["id"], status="received")

    page = app.get("/whats-new").get_data(as_text=True)
    assert "ดัชนีราคาผู้บริโภครายเดือน" in page and "ชุดข้อมูลที่ถอนออก" in page
    assert "บัญชีเงินเดือนภายใน" not in page

    feed = ET.fromstring(app.get(f"/whats-new.atom?organization={a['name']}").get_data())
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any("ดัชนีราคาผู้บริโภครายเดือน" in t for t in titles)
    assert not any("บัญชีเงินเดือนภายใน" in t for t in titles)

    rows = list(csv.DictReader(io.StringIO(app.get("/whats-new.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert {r["kind"] for r in rows} >= {"new", "withdrawn", "answered"}
    assert [r["title"] for r in rows if r["kind"] == "answered"] == ["'=HYPERLINK(\"http://127.0.0.2\")"]
    assert "บัญชีเงินเดือนภายใน" not in str(rows)
    assert app.get("/whats-new?since=yesterday").status_code == 400


def test_the_scorecard_shows_the_agencys_response_figures(app, people, call):
    import ckan.model as model

    from ckanext.opengov.transparency.refresh import refresh

    users, a = people["users"], people["a"]
    for n in range(3):
        _ask(call, users["citizen"], a["name"], title=f"คำขอที่ {n}")
    answered = call("opengov_datarequest_list", None, organization=a["name"])["result"]["results"][0]
    call("opengov_datarequest_update", users["admin_a"], id=answered["id"], status="in_progress")
    refresh(model.meta.engine, with_overlap=False)

    page = app.get(f"/transparency/agency/{a['name']}").get_data(as_text=True)
    assert 'id="tr-responsiveness"' in page
    from bs4 import BeautifulSoup

    table = BeautifulSoup(page, "html.parser").find(id="table-responsiveness")
    cells = [c.get_text(strip=True) for c in table.find("tbody").find("tr").find_all(["th", "td"])]
    # received 3, answered 1, median days to the first answer, 100% within the target, 0 overdue
    assert cells[0] == "3" and cells[1] == "1" and cells[3] == "100%" and cells[4] == "0", cells
    national = app.get("/transparency/").get_data(as_text=True)
    assert 'id="tr-responsiveness"' in national and a["title"] in national.split('id="tr-responsiveness"')[1]
    rows = list(csv.DictReader(io.StringIO(
        app.get("/datarequest/responsiveness.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows == [{"agency": a["name"], "agency_title": a["title"], "received": "3", "answered": "1",
                     "median_days": "0.0", "within_target_share": "1.0", "overdue": "0"}]


def test_one_click_unsubscribe(app, people, call):
    from ckanext.opengov.participation import mail

    other = people["users"]["other"]
    call("opengov_digest_subscribe", other, frequency="weekly", language="en")
    assert app.get("/follow/unsubscribe/not-a-token").status_code == 404
    with app.flask_app.test_request_context():
        token = mail.unsubscribe_token(other["id"])
    assert app.get(f"/follow/unsubscribe/{token}").status_code == 200
    assert call("opengov_follow_list", other)["result"]["digest"]["frequency"] == "off"
    assert app.get("/follow", headers=_h(other)).status_code == 200
