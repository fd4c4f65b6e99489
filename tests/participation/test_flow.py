"""The whole flow through the API and a real SMTP server: a citizen asks, the agency answers,
the citizen reads the answer in the mail; a follower of an agency gets a digest naming a new
dataset, never a private one."""
from __future__ import annotations

from tests import factories


def test_a_citizen_asks_the_agency_answers_and_the_citizen_is_told(people, call, api, smtp):
    users, a = people["users"], people["a"]
    asked = call("opengov_datarequest_create", users["citizen"], title="ปริมาณน้ำฝนรายวันรายสถานี",
                 description="ขอข้อมูลปริมาณน้ำฝนรายวันของทุกสถานีตั้งแต่ปี 2560", purpose="งานวิจัย",
                 wanted_format="CSV", organization=a["name"])["result"]
    assert asked["status"] == "open" and asked["organization"]["name"] == a["name"]

    # The agency's admin is told.
    told = smtp.wait_for("admin_a@example.test")
    assert told and "ปริมาณน้ำฝนรายวันรายสถานี" in told[0]["body"]
    assert f"/datarequest/{asked['id']}" in told[0]["body"]

    # Another agency's admin cannot answer; a private dataset cannot be the answer.
    call("opengov_datarequest_update", users["admin_b"], expect=403, id=asked["id"], status="received")
    hidden = api("package_create", **factories.tgdc_dataset(a["id"], private=True, title="ชุดลับยังไม่เผยแพร่"))
    refused = call("opengov_datarequest_update", users["admin_a"], expect=409, id=asked["id"],
                   status="published", dataset=hidden["name"])
    assert "dataset" in refused["error"]

    call("opengov_datarequest_update", users["editor_a"], id=asked["id"], status="received")
    public = api("package_create", **factories.tgdc_dataset(a["id"], title="ปริมาณน้ำฝนรายวัน 2560-2568"))
    answered = call("opengov_datarequest_update", users["admin_a"], id=asked["id"],
                    status="published", dataset=public["name"], note="เผยแพร่แล้ว")["result"]
    assert answered["status"] == "published" and answered["dataset"]["name"] == public["name"]
    assert [e["status"] for e in answered["events"]] == ["open", "received", "published"]

    mails = smtp.wait_for("citizen@example.test", count=2)
    last = mails[-1]
    assert f"/dataset/{public['name']}" in last["body"] and "เผยแพร่แล้ว" in last["body"]
    assert "ชุดลับยังไม่เผยแพร่" not in "".join(m["body"] for m in smtp.messages)

    # Anyone sees the status and its history on the public request.
    shown = call("opengov_datarequest_show", None, id=asked["id"])["result"]
    assert shown["status"] == "published" and len(shown["events"]) == 3


def test_a_follower_of_an_agency_gets_a_digest_naming_new_public_datasets_only(people, call, api, smtp):
    from ckanext.opengov.participation import digest

    users, a = people["users"], people["a"]
    call("follow_group", users["other"], id=a["id"])
    call("opengov_digest_subscribe", users["other"], frequency="daily", language="th")
    api("package_create", **factories.tgdc_dataset(a["id"], title="คุณภาพอากาศรายชั่วโมง"))
    api("package_create", **factories.tgdc_dataset(a["id"], private=True, title="ข้อมูลภายในห้ามเผยแพร่"))
    api("package_create", **factories.tgdc_dataset(people["b"]["id"], title="ชุดข้อมูลของกรมอื่น"))

    counts = digest.send_all("daily")
    assert counts["sent"] == 1
    mails = smtp.wait_for("other@example.test")
    body = mails[0]["body"]
    assert "คุณภาพอากาศรายชั่วโมง" in body
    assert "ข้อมูลภายในห้ามเผยแพร่" not in body and "ชุดข้อมูลของกรมอื่น" not in body
    assert "/follow/unsubscribe/" in body and mails[0]["message"]["List-Unsubscribe"]

    # Sent once: the next run has nothing new for the same period.
    assert digest.send_all("daily")["sent"] == 0
