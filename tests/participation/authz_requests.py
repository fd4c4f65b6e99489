"""How the authorization matrix (tests/security/test_authz_matrix.py) calls each participation
action and page: ``requests()`` gives entries in its format, for its ``REQUESTS.update(...)``.

Data requests are made once per world (by the sysadmin, addressed to agency A), public or
private after the row's object; ``fresh`` makes a new one for each cell.
"""
from __future__ import annotations

import uuid


def datarequest(world, obj: str) -> dict:
    key = f"datarequest_{obj}"
    if obj == "fresh" or key not in world.objects:
        made = world.api("opengov_datarequest_create", title=f"คำขอทดสอบสิทธิ์ {obj} {uuid.uuid4().hex[:6]}",
                         description="ขอข้อมูลเพื่อทดสอบสิทธิ์", organization=world.a["name"],
                         private=obj == "private")
        if obj == "fresh":
            return made
        world.objects[key] = made
    return world.objects[key]


def _dr_id(world, obj):
    return {"id": datarequest(world, obj)["id"]}


def _dr_title(world, obj):
    return datarequest(world, obj)["title"]


def _search_of_editor_a(world, obj):
    response = world.app.post("/api/3/action/opengov_search_follow", json={"q": uuid.uuid4().hex},
                              headers={"Authorization": world.users["editor_a"]["token"]})
    assert response.json["success"], response.json
    return {"id": response.json["result"]["id"]}


def requests() -> dict:
    # Imported here: the matrix module calls this while it is itself being imported.
    from tests.security.test_authz_matrix import action, page

    return {
        "opengov_datarequest_create": action("opengov_datarequest_create", lambda w, o: {
            "title": "คำขอใหม่", "description": "รายละเอียด", "organization": w.a["name"]}),
        "opengov_datarequest_show": action("opengov_datarequest_show", _dr_id),
        "opengov_datarequest_list": action("opengov_datarequest_list", lambda w, o: {"limit": 100}, _dr_title),
        "opengov_datarequest_update": action("opengov_datarequest_update",
                                             lambda w, o: dict(_dr_id(w, "fresh"), status="received")),
        "opengov_datarequest_comment": action("opengov_datarequest_comment", lambda w, o: dict(_dr_id(w, o), text="ความเห็น")),
        "opengov_datarequest_follow": action("opengov_datarequest_follow", _dr_id),
        "opengov_datarequest_unfollow": action("opengov_datarequest_unfollow", _dr_id),
        "opengov_datarequest_moderate": action("opengov_datarequest_moderate",
                                               lambda w, o: dict(_dr_id(w, "fresh"), action="hide")),
        "opengov_datarequest_responsiveness": action("opengov_datarequest_responsiveness",
                                                     lambda w, o: {"organization": w.a["name"]}),
        "opengov_search_follow": action("opengov_search_follow", lambda w, o: {"organization": w.a["name"]}),
        "opengov_search_unfollow": action("opengov_search_unfollow", _search_of_editor_a),
        "opengov_follow_list": action("opengov_follow_list", lambda w, o: {}),
        "opengov_digest_subscribe": action("opengov_digest_subscribe", lambda w, o: {"frequency": "weekly"}),
        "opengov_digest_send": action("opengov_digest_send", lambda w, o: {"frequency": "weekly"}),
        "opengov_whats_new": action("opengov_whats_new", lambda w, o: {}, lambda w, o: w[o]["name"]),
        "/datarequest/<id>": page(lambda w, o: f"/datarequest/{datarequest(w, o)['id']}"),
        "/datarequest/": page(lambda w, o: "/datarequest/", _dr_title),
        "/datarequest/new": page(lambda w, o: "/datarequest/new"),
        "/datarequest/responsiveness.csv": page(lambda w, o: "/datarequest/responsiveness.csv"),
        "/follow/": page(lambda w, o: "/follow/"),
        "/whats-new": page(lambda w, o: "/whats-new", lambda w, o: w[o]["title"]),
        "/whats-new.atom": page(lambda w, o: "/whats-new.atom", lambda w, o: w[o]["title"]),
        "/whats-new.csv": page(lambda w, o: "/whats-new.csv", lambda w, o: w[o]["name"]),
    }

