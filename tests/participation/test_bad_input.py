"""Bad input to every participation action: a clear Thai/English 4xx, never a 500, nothing stored.

The actions are enumerated from the feature's own table, and each one's fields from its schema,
so a new action or field is covered without editing this file.
"""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from ckanext.opengov.participation import actions, schema

# One schema per action (the fields it reads); the value of "id" points at a real request.
SCHEMAS = {
    "opengov_datarequest_create": schema.create_schema,
    "opengov_datarequest_show": schema.id_schema,
    "opengov_datarequest_list": schema.list_schema,
    "opengov_datarequest_update": schema.update_schema,
    "opengov_datarequest_comment": schema.comment_schema,
    "opengov_datarequest_follow": schema.id_schema,
    "opengov_datarequest_unfollow": schema.id_schema,
    "opengov_datarequest_moderate": schema.moderate_schema,
    "opengov_datarequest_responsiveness": schema.responsiveness_schema,
    "opengov_search_follow": schema.search_follow_schema,
    "opengov_search_unfollow": schema.id_schema,
    "opengov_follow_list": lambda: {},
    "opengov_digest_subscribe": schema.subscribe_schema,
    "opengov_digest_send": schema.send_schema,
    "opengov_whats_new": schema.whats_new_schema,
}
WRONG = [["a", "b"], {"k": "v"}, True, 12.5, "x" * 6000, "a\x00b", "a\x1bb", "<b>bold</b>", "[x](http://127.0.0.2)"]


def test_every_action_has_its_schema_here():
    assert set(SCHEMAS) == set(actions.get_actions())


def _fields(name):
    return [k for k in SCHEMAS[name]() if not k.startswith("__")]


def _stored(conn_tables=("opengov_datarequest", "opengov_datarequest_comment", "opengov_follow_search",
                         "opengov_digest_subscription", "opengov_datarequest_event")):
    import ckan.model as model

    model.Session.remove()
    with model.meta.engine.connect() as conn:
        return {t: conn.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar() for t in conn_tables}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_wrong_values_are_a_clear_4xx(name, app, people, call, sysadmin):
    users = people["users"]
    request = call("opengov_datarequest_create", users["citizen"], title="ขอข้อมูล", description="รายละเอียด",
                   organization=people["a"]["name"])["result"]
    valid = {"id": request["id"], "title": "t", "description": "d", "status": "received", "text": "ข้อความ",
             "action": "hide", "frequency": "daily"}
    before = _stored()
    for field in _fields(name) or ["unknown_field"]:
        for value in WRONG:
            if value is True and field in ("private", "mine"):
                continue  # a yes/no field: True is right
            data = {k: valid[k] for k in _fields(name) if k in valid}
            data[field] = value
            response = app.post(f"/api/3/action/{name}", json=data, headers={"Authorization": sysadmin["token"]})
            assert 400 <= response.status_code < 500, (name, field, value, response.status_code)
            body = response.json
            assert body["success"] is False
            if response.status_code == 409:  # a validation error names the field, in Thai / English
                message = str(body["error"])
                assert field in message or "limit" in message or "id" in message, (name, field, message)
    # An unknown field is refused, not silently dropped.
    if name not in ("opengov_follow_list",):
        response = app.post(f"/api/3/action/{name}", json={"id": request["id"], "no_such_field": 1},
                            headers={"Authorization": sysadmin["token"]})
        assert response.status_code in (403, 404, 409), name
    assert _stored() == before, f"{name} stored something from bad input"


def test_messages_are_thai_and_english(people, call):
    error = call("opengov_datarequest_create", people["users"]["citizen"], expect=409,
                 title="<img src=x>", description="d")["error"]
    assert error["title"] == ["เขียนเป็นข้อความธรรมดา: ไม่รับแท็ก HTML และลิงก์แบบ Markdown / "
                              "Write plain text: HTML tags and Markdown links are not allowed"]


def test_rate_limits_per_person(people, call, ckan_config, monkeypatch):
    monkeypatch.setitem(ckan_config, "ckanext.opengov.participation.requests_per_day", 2)
    monkeypatch.setitem(ckan_config, "ckanext.opengov.participation.comments_per_hour", 1)
    citizen, other = people["users"]["citizen"], people["users"]["other"]
    for n in range(2):
        call("opengov_datarequest_create", citizen, title=f"คำขอ {n}", description="d")
    refused = call("opengov_datarequest_create", citizen, expect=409, title="คำขอที่สาม", description="d")
    assert "limit" in refused["error"]
    asked = call("opengov_datarequest_create", other, title="คำขอของอีกคน", description="d")["result"]
    call("opengov_datarequest_comment", citizen, id=asked["id"], text="ความเห็นแรก")
    call("opengov_datarequest_comment", citizen, expect=409, id=asked["id"], text="ความเห็นที่สอง")
