"""Buddhist Era in Thai, typed and shown; Common Era in English."""
from __future__ import annotations

import datetime as dt
import html

from ckanext.opengov.tgdc.dates import BE_OFFSET, THAI_MONTHS_SHORT


def test_dataset_and_resource_pages_show_be_dates_in_thai_and_ce_in_english(app, front):
    resource = front["public"]["resources"][0]["id"]
    be_year = str(dt.date.today().year + BE_OFFSET)
    assert "ค.ศ." not in app.get("/dataset/population-front").body
    path = f"/dataset/population-front/resource/{resource}"
    thai = app.get(path).body
    assert "ค.ศ." not in thai and be_year in thai  # core wrote "29 พฤศจิกายน ค.ศ. 2026"
    english = app.get("/en" + path).body
    assert str(dt.date.today().year) in english and be_year not in english


def test_transparency_growth_months_read_in_thai(app, front):
    today = dt.date.today()
    label = f"{THAI_MONTHS_SHORT[today.month - 1]} {today.year + BE_OFFSET}"
    page = html.unescape(app.get("/transparency/").body)
    assert label in page
    assert today.strftime("%b %Y") in html.unescape(app.get("/en/transparency/").body)


def test_what_changed_since_takes_a_be_date_and_explains_an_early_one(app, front):
    today = dt.date.today()
    be = f"{today.day}/{today.month}/{today.year + BE_OFFSET}"
    response = app.get(f"/transparency/changes.csv?since={be}&form=1")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/csv")
    early = app.get("/transparency/changes.csv?since=1/1/2500&form=1", follow_redirects=False)
    assert early.status_code == 302 and "/transparency" in early.headers["Location"]
    page = app.get("/transparency/").body
    assert "2500" in page or "history" in page.lower() or "ประวัติ" in page
    # Without the form's marker (an API client) the answer stays a 400.
    assert app.get("/transparency/changes.csv?since=1/1/2500", status=None).status_code == 400
