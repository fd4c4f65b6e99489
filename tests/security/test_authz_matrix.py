"""The authorization matrix: who may read and write each agency's data, through the API and pages.

The expected cells live once, in `authz_matrix.yaml` (rendered into `docs/security-matrix.md`,
checked here to stay equal). Each row names a subject (an action, or a page as `/path`), the
object it touches, and one cell per role: an HTTP status, or `shown`/`hidden` (200, and whether
the answer names the object) for reads that list things.

The world: agencies A and B; anonymous, a member and an admin of B, an editor and an admin of A,
a sysadmin; A's datasets public เปิดเผย, private เปิดเผย and classified ลับ (private); a harvest
source of A with a job and an object. Reads use those objects; writes that consume their target
(delete, purge, member changes, job runs) get a fresh one for each cell, so the cells do not
depend on each other's order. Writes that are allowed re-send the object's own values.

`python -m tests.security.test_authz_matrix` rewrites the docs table from the YAML.
"""
from __future__ import annotations

import datetime as dt
import inspect
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Callable

import pytest
import yaml

from tests import factories

HERE = os.path.dirname(os.path.abspath(__file__))
MATRIX = os.path.join(HERE, "authz_matrix.yaml")
DOCS = os.path.join(HERE, "..", "..", "docs", "security-matrix.md")
ROLES = ("anonymous", "member_b", "admin_b", "editor_a", "admin_a", "sysadmin")

# Actions whose names say they touch agency data: each must have a row.
AGENCY_PREFIXES = (
    "package_", "resource_", "organization_", "member_", "harvest_", "opengov_", "bulk_",
    "dataset_", "package_collaborator", "current_package_list",
)


def load_matrix() -> dict:
    with open(MATRIX, encoding="utf-8") as f:
        return yaml.safe_load(f)


# ---------------------------------------------------------------------------------------------
# The world


@dataclass
class World:
    app: object
    api: Callable  # (action, **data) as the sysadmin, returns the result
    users: dict
    a: dict
    b: dict
    records: dict  # object name -> the dict it was created from (re-sent by allowed updates)
    objects: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.objects[name]

    # Fresh targets, one per cell, for writes that consume what they touch.
    def fresh_dataset(self, private=True) -> dict:
        return self.api("package_create", **factories.tgdc_dataset(self.a["id"], private=private))

    def fresh_user(self) -> dict:
        from ckan.tests import factories as ckan_factories

        return ckan_factories.User()

    def fresh_member(self) -> dict:
        user = self.fresh_user()
        self.api("organization_member_create", id=self.a["id"], username=user["name"], role="member")
        return user

    def fresh_agency(self) -> dict:
        return self.api("organization_create", **factories.agency(users=[
            {"name": self.users["admin_a"]["name"], "capacity": "admin"},
            {"name": self.users["editor_a"]["name"], "capacity": "editor"}]))

    def fresh_source(self) -> dict:
        return self.api("harvest_source_create", **source_record(self.a))

    def fresh_job(self) -> dict:
        return self.api("harvest_job_create", source_id=self.fresh_source()["id"])

    def fresh_object(self) -> dict:
        return self.api("harvest_object_create", job_id=self.fresh_job()["id"], guid=uuid.uuid4().hex,
                        content="{}")

    def fresh_view(self) -> dict:
        return self.api("resource_view_create", resource_id=self["private"]["resources"][0]["id"],
                        view_type="image_view", title="ภาพ")


def source_record(agency: dict) -> dict:
    name = f"source-{uuid.uuid4().hex[:8]}"
    return dict(name=name, title="บัญชีข้อมูลกรม", url=f"http://127.0.0.1:9/{name}",
                source_type="opengov_ckan", owner_org=agency["id"], frequency="MANUAL")


@pytest.fixture(scope="module")
def world(module_portal):
    """Built once for the module: every row reads it, writes get fresh targets."""
    from ckan.tests import factories as ckan_factories
    import ckan.model as model

    from ckanext.opengov.transparency.refresh import refresh

    app, sysadmin, api = module_portal
    users = {role: ckan_factories.UserWithToken() for role in ROLES[1:5]}
    users["sysadmin"] = sysadmin
    users["anonymous"] = None
    a = api("organization_create", **factories.agency(users=[
        {"name": users["admin_a"]["name"], "capacity": "admin"},
        {"name": users["editor_a"]["name"], "capacity": "editor"}]))
    b = api("organization_create", **factories.agency(users=[
        {"name": users["admin_b"]["name"], "capacity": "admin"},
        {"name": users["member_b"]["name"], "capacity": "member"}]))
    records = {
        "public": factories.tgdc_dataset(a["id"], title="ชุดข้อมูลสาธารณะทดสอบสิทธิ์"),
        "private": factories.tgdc_dataset(a["id"], private=True, title="ชุดข้อมูลส่วนตัวทดสอบสิทธิ์"),
        "classified": factories.tgdc_dataset(
            a["id"], private=True, title="ชุดข้อมูลลับทดสอบสิทธิ์", data_category="ข้อมูลส่วนบุคคล",
            data_classification="ลับ"),
        "source": source_record(a),
    }
    world = World(app=app, api=api, users=users, a=a, b=b, records=records)
    for name in ("public", "private", "classified"):
        world.objects[name] = api("package_create", **records[name])
    world.objects["source"] = api("harvest_source_create", **records["source"])
    world.objects["view"] = world.fresh_view()
    # The transparency snapshot the agency page reads.
    refresh(model.meta.engine, with_overlap=False)
    return world


# ---------------------------------------------------------------------------------------------
# How each subject is called: (world, object) -> Request. The default is an action with {"id"}.


@dataclass
class Request:
    path: str
    data: dict | None = None  # JSON body for actions (POST); None for a page (GET)
    reveals: str | None = None  # text whose presence in the answer makes a cell "shown"


def _dataset_id(world: World, obj: str) -> str:
    return world[obj]["id"]


def _resend(world: World, obj: str) -> dict:
    """The object as created (ids of its resources included): an allowed update changes nothing."""
    return dict(world[obj])


def _resource(world: World, obj: str) -> dict:
    return world[obj]["resources"][0]


def action(name: str, build: Callable[[World, str], dict], reveals=None) -> Callable:
    def request(world, obj):
        data = build(world, obj)
        return Request(f"/api/3/action/{name}", data, reveals(world, obj) if reveals else None)
    return request


def page(build: Callable[[World, str], str], reveals=None) -> Callable:
    return lambda world, obj: Request(build(world, obj), None, reveals(world, obj) if reveals else None)


by_id = lambda w, o: {"id": w[o]["id"]}  # noqa: E731
name_of = lambda w, o: w[o]["name"]  # noqa: E731
id_of = lambda w, o: w[o]["id"]  # noqa: E731
title_of = lambda w, o: w[o]["title"]  # noqa: E731
agency_of = lambda w, o: w.a  # noqa: E731
none = lambda w, o: {}  # noqa: E731


def _fresh_resource(world, obj):
    return {"id": world.fresh_dataset()["resources"][0]["id"]}


def _collaborator(world, obj):
    return {"id": world[obj]["id"], "user_id": world.fresh_user()["id"], "capacity": "editor"}


def _relationship(world, obj):
    return {"subject": world.fresh_dataset()["id"], "object": world[obj]["id"], "type": "child_of"}


def _existing_relationship(world, obj):
    subject = world.fresh_dataset()
    world.api("package_relationship_create", subject=subject["id"], object=world[obj]["id"], type="child_of")
    return {"subject": subject["id"], "object": world[obj]["id"], "type": "child_of", "comment": "x"}


def _member_create(world, obj):
    return {"id": world.a["id"], "object": world.fresh_user()["id"], "object_type": "user", "capacity": "member"}


def _member_delete(world, obj):
    return {"id": world.a["id"], "object": world.fresh_member()["id"], "object_type": "user"}


def _bulk(world, obj):
    return {"datasets": [world.fresh_dataset(private=obj == "public_fresh")["id"]], "org_id": world.a["id"]}


def _source_update(world, obj):
    return dict(world.records["source"], id=world["source"]["id"])


def _fresh_source_id(world, obj):
    return {"id": world.fresh_source()["id"]}


def _fresh_job_source(world, obj):
    job = world.fresh_job()
    return {"source_id": job["source_id"], "id": job["id"]}


def _view(world, obj):
    res = _resource(world, "private")["id"]
    return {"id": world["view"]["id"], "resource_id": res, "view_type": "image_view", "title": "ภาพ"}


REQUESTS: dict[str, Callable] = {
    # Datasets
    "package_show": action("package_show", by_id),
    "package_search": action(
        "package_search", lambda w, o: {"q": f"name:{w[o]['name']}", "include_private": True}, id_of),
    "package_list": action("package_list", none, name_of),
    "current_package_list_with_resources": action("current_package_list_with_resources", none, name_of),
    "package_autocomplete": action("package_autocomplete", lambda w, o: {"q": w[o]["name"]}, title_of),
    "package_create": action("package_create", lambda w, o: factories.tgdc_dataset(w.a["id"], private=True)),
    "package_update": action("package_update", _resend),
    "package_patch": action("package_patch", lambda w, o: {"id": w[o]["id"], "title": w[o]["title"]}),
    "package_revise": action(
        "package_revise", lambda w, o: {"match": {"id": w[o]["id"]}, "update": {"title": w[o]["title"]}}),
    "package_delete": action("package_delete", lambda w, o: {"id": w.fresh_dataset()["id"]}),
    "dataset_purge": action("dataset_purge", lambda w, o: {"id": w.fresh_dataset()["id"]}),
    "package_owner_org_update": action(
        "package_owner_org_update", lambda w, o: {"id": w.fresh_dataset()["id"], "organization_id": w.a["id"]}),
    "package_resource_reorder": action(
        "package_resource_reorder", lambda w, o: {"id": w[o]["id"], "order": [_resource(w, o)["id"]]}),
    "package_create_default_resource_views": action(
        "package_create_default_resource_views", lambda w, o: {"package": w[o]}),
    "package_activity_list": action("package_activity_list", by_id, id_of),
    "package_relationship_create": action("package_relationship_create", _relationship),
    "package_relationship_update": action("package_relationship_update", _existing_relationship),
    "package_relationship_delete": action("package_relationship_delete", _existing_relationship),
    "package_relationships_list": action("package_relationships_list", by_id),
    "package_collaborator_create": action("package_collaborator_create", _collaborator),
    "package_collaborator_delete": action("package_collaborator_delete", _collaborator),
    "package_collaborator_list": action("package_collaborator_list", by_id),
    "package_collaborator_list_for_user": action(
        "package_collaborator_list_for_user", lambda w, o: {"id": w.users["editor_a"]["id"]}),
    "dataset_follower_count": action("dataset_follower_count", by_id),
    "dataset_follower_list": action("dataset_follower_list", by_id),
    "dataset_followee_count": action("dataset_followee_count", lambda w, o: {"id": w.users["editor_a"]["id"]}),
    "dataset_followee_list": action("dataset_followee_list", lambda w, o: {"id": w.users["editor_a"]["id"]}),
    # Resources
    "resource_show": action("resource_show", lambda w, o: {"id": _resource(w, o)["id"]}),
    "resource_search": action("resource_search", lambda w, o: {"query": f"name:{_resource(w, o)['name']}"},
                              lambda w, o: _resource(w, o)["id"]),
    "resource_create": action("resource_create", lambda w, o: {
        "package_id": w[o]["id"], "name": "ไฟล์ใหม่", "url": "http://127.0.0.1:9/new.csv", "format": "CSV"}),
    "resource_update": action("resource_update", lambda w, o: dict(_resource(w, o))),
    "resource_patch": action(
        "resource_patch", lambda w, o: {"id": _resource(w, o)["id"], "name": _resource(w, o)["name"]}),
    "resource_delete": action("resource_delete", _fresh_resource),
    "resource_view_list": action("resource_view_list", lambda w, o: {"id": _resource(w, o)["id"]}),
    "resource_view_show": action("resource_view_show", lambda w, o: {"id": w["view"]["id"]}),
    "resource_view_create": action("resource_view_create", lambda w, o: {
        "resource_id": _resource(w, o)["id"], "view_type": "image_view", "title": "ภาพ"}),
    "resource_view_update": action("resource_view_update", _view),
    "resource_view_delete": action("resource_view_delete", lambda w, o: {"id": w.fresh_view()["id"]}),
    "resource_view_reorder": action("resource_view_reorder", lambda w, o: {
        "id": _resource(w, o)["id"], "order": [w["view"]["id"]]}),
    "resource_view_clear": action("resource_view_clear", lambda w, o: {"view_types": ["no_such_view"]}),
    "resource_create_default_resource_views": action(
        "resource_create_default_resource_views", lambda w, o: {"resource": _resource(w, o), "package": w[o]}),
    # Agencies and memberships
    "organization_show": action(
        "organization_show", lambda w, o: {"id": w.a["id"], "include_datasets": True}, name_of),
    "organization_list": action("organization_list", lambda w, o: {"all_fields": True}, lambda w, o: w.a["name"]),
    "organization_list_for_user": action(
        "organization_list_for_user", lambda w, o: {"permission": "manage_group"}, lambda w, o: w.a["name"]),
    "organization_autocomplete": action("organization_autocomplete", lambda w, o: {"q": w.a["name"]}),
    "organization_create": action("organization_create", lambda w, o: factories.agency()),
    "organization_update": action("organization_update", lambda w, o: dict(
        {k: v for k, v in w.a.items() if k not in ("users", "packages", "groups", "extras", "tags")})),
    "organization_patch": action("organization_patch", lambda w, o: {"id": w.a["id"], "title": w.a["title"]}),
    "organization_delete": action("organization_delete", lambda w, o: {"id": w.fresh_agency()["id"]}),
    "organization_purge": action("organization_purge", lambda w, o: {"id": w.fresh_agency()["id"]}),
    "organization_member_create": action("organization_member_create", lambda w, o: {
        "id": w.a["id"], "username": w.fresh_user()["name"], "role": "member"}),
    "organization_member_delete": action("organization_member_delete", lambda w, o: {
        "id": w.a["id"], "username": w.fresh_member()["name"]}),
    "organization_activity_list": action("organization_activity_list", lambda w, o: {"id": w.a["id"]}, id_of),
    "organization_follower_count": action("organization_follower_count", lambda w, o: {"id": w.a["id"]}),
    "organization_follower_list": action("organization_follower_list", lambda w, o: {"id": w.a["id"]}),
    "organization_followee_count": action(
        "organization_followee_count", lambda w, o: {"id": w.users["editor_a"]["id"]}),
    "organization_followee_list": action(
        "organization_followee_list", lambda w, o: {"id": w.users["editor_a"]["id"]}),
    "member_create": action("member_create", _member_create),
    "member_delete": action("member_delete", _member_delete),
    "member_list": action("member_list", lambda w, o: {"id": w.a["id"], "object_type": "package"}, id_of),
    "member_roles_list": action("member_roles_list", lambda w, o: {"group_type": "organization"}),
    "bulk_update_public": action("bulk_update_public", _bulk),
    "bulk_update_private": action("bulk_update_private", lambda w, o: {
        "datasets": [w.fresh_dataset(private=False)["id"]], "org_id": w.a["id"]}),
    "bulk_update_delete": action("bulk_update_delete", _bulk),
    # ckanext-harvest
    "harvest_source_show": action("harvest_source_show", by_id),
    "harvest_source_show_status": action("harvest_source_show_status", by_id),
    "harvest_source_list": action("harvest_source_list", none, name_of),
    "harvest_source_create": action("harvest_source_create", lambda w, o: source_record(w.a)),
    "harvest_source_update": action("harvest_source_update", _source_update),
    "harvest_source_patch": action("harvest_source_patch", lambda w, o: {"id": w[o]["id"], "title": w[o]["title"]}),
    "harvest_source_delete": action("harvest_source_delete", _fresh_source_id),
    "harvest_source_clear": action("harvest_source_clear", _fresh_source_id),
    "harvest_source_index_clear": action("harvest_source_index_clear", _fresh_source_id),
    "harvest_source_reindex": action("harvest_source_reindex", by_id),
    "harvest_source_job_history_clear": action("harvest_source_job_history_clear", _fresh_source_id),
    "harvest_sources_job_history_clear": action("harvest_sources_job_history_clear", none),
    "harvest_sources_reindex": action("harvest_sources_reindex", none),
    "harvest_job_create": action("harvest_job_create", lambda w, o: {"source_id": w.fresh_source()["id"]}),
    "harvest_job_create_all": action("harvest_job_create_all", none),
    "harvest_job_show": action("harvest_job_show", lambda w, o: {"id": w.fresh_job()["id"]}),
    "harvest_job_report": action("harvest_job_report", lambda w, o: {"id": w.fresh_job()["id"]}),
    "harvest_job_list": action("harvest_job_list", lambda w, o: {"source_id": w["source"]["id"]}),
    "harvest_job_abort": action("harvest_job_abort", _fresh_job_source),
    "harvest_jobs_run": action("harvest_jobs_run", lambda w, o: {"source_id": w.fresh_source()["id"]}),
    "harvest_send_job_to_gather_queue": action(
        "harvest_send_job_to_gather_queue", lambda w, o: {"id": w.fresh_job()["id"]}),
    "harvest_abort_failed_jobs": action(
        "harvest_abort_failed_jobs", lambda w, o: {"life_span": 100000, "include": w.fresh_source()["id"]}),
    "harvest_get_notifications_recipients": action(
        "harvest_get_notifications_recipients", lambda w, o: {"source_id": w["source"]["id"]},
        lambda w, o: w.users["admin_a"]["email"]),
    "harvest_log_list": action("harvest_log_list", none),
    "harvest_object_create": action("harvest_object_create", lambda w, o: {
        "job_id": w.fresh_job()["id"], "guid": f"guid-{uuid.uuid4().hex}", "content": "{}"}),
    "harvest_object_show": action("harvest_object_show", lambda w, o: {"id": w.fresh_object()["id"]}),
    "harvest_object_list": action(
        "harvest_object_list", lambda w, o: {"source_id": w.fresh_object()["harvest_source_id"]}),
    "harvest_objects_import": action("harvest_objects_import", lambda w, o: {"source_id": w.fresh_source()["id"]}),
    "harvesters_info_show": action("harvesters_info_show", none),
    # The agency harvest API
    "opengov_harvest_source_create": action("opengov_harvest_source_create", lambda w, o: {
        k: v for k, v in source_record(w.a).items() if k != "name"}),
    "opengov_harvest_source_update": action(
        "opengov_harvest_source_update", lambda w, o: {"id": w[o]["id"], "title": w[o]["title"]}),
    "opengov_harvest_source_delete": action("opengov_harvest_source_delete", _fresh_source_id),
    "opengov_harvest_source_show": action("opengov_harvest_source_show", by_id),
    "opengov_harvest_source_list": action(
        "opengov_harvest_source_list", lambda w, o: {"organization": w.a["id"]}, name_of),
    "opengov_harvest_job_start": action(
        "opengov_harvest_job_start", lambda w, o: {"source_id": w.fresh_source()["id"]}),
    "opengov_harvest_job_list": action("opengov_harvest_job_list", lambda w, o: {"source_id": w["source"]["id"]}),
    "opengov_harvest_job_show": action("opengov_harvest_job_show", lambda w, o: {"job_id": w.fresh_job()["id"]}),
    # Transparency
    "opengov_transparency_agency": action(
        "opengov_transparency_agency", lambda w, o: {"id": w.a["name"]}, lambda w, o: '"private_datasets"'),
    "opengov_transparency_table": action(
        "opengov_transparency_table", lambda w, o: {"table": "incomplete", "agency": w.a["name"]}, name_of),
    "opengov_transparency_changes": action(
        "opengov_transparency_changes", lambda w, o: {"since": str(dt.date.today())}, name_of),
    "opengov_transparency_refresh": action("opengov_transparency_refresh", none),
    # Pages
    "/dataset/<id>": page(lambda w, o: f"/dataset/{w[o]['name']}"),
    "/dataset/edit/<id>": page(lambda w, o: f"/dataset/edit/{w[o]['name']}"),
    "/dataset/activity/<id>": page(lambda w, o: f"/dataset/activity/{w[o]['name']}"),
    "/dataset/?q=<name>": page(lambda w, o: f"/dataset/?q=name:{w[o]['name']}", title_of),
    # Searched by name: A's page lists its newest datasets first, and each write cell adds one.
    "/organization/<id>": page(lambda w, o: f"/organization/{w.a['name']}?q=name:{w[o]['name']}", title_of),
    "/organization/edit/<id>": page(lambda w, o: f"/organization/edit/{w.a['name']}"),
    "/organization/<id>/harvest": page(lambda w, o: f"/organization/{w.a['name']}/harvest"),
    "/harvest/<source>": page(lambda w, o: f"/harvest/{w['source']['name']}"),
    "/harvest/edit/<source>": page(lambda w, o: f"/harvest/edit/{w['source']['name']}"),
    "/harvest/": page(lambda w, o: "/harvest/", lambda w, o: w["source"]["name"]),
    "/transparency/agency/<id>": page(
        lambda w, o: f"/transparency/agency/{w.a['name']}", lambda w, o: "opengov-tr-private"),
    "/transparency/download/incomplete.csv": page(
        lambda w, o: f"/transparency/download/incomplete.csv?agency={w.a['name']}", name_of),
    "/transparency/catalog.csv": page(lambda w, o: "/transparency/catalog.csv", name_of),
    "/catalog.ttl": page(lambda w, o: "/catalog.ttl", name_of),
    "/dataset/<id>.ttl": page(lambda w, o: f"/dataset/{w[o]['name']}.ttl"),
}
# Transparency reads that name no single dataset: everyone gets the public figures.
for _table in ("summary", "agencies", "ministries", "openness", "timeliness", "thresholds", "harvest",
               "growth", "history", "objectives", "overlap", "overdue", "incomplete", "no_resources",
               "links"):
    _name = f"opengov_transparency_{_table}"
    REQUESTS.setdefault(_name, action(_name, lambda w, o: {"agency": w.a["name"]}, name_of))
REQUESTS.update({
    "opengov_overlap_judge": action("opengov_overlap_judge", lambda w, o: {
        "package_a": w[o]["id"], "package_b": w.api("package_create", **factories.tgdc_dataset(w.b["id"]))["id"],
        "verdict": "not_duplicate", "note": "matrix"}),
    "opengov_overlap_judgement_list": action("opengov_overlap_judgement_list", none, lambda w, o: w[o]["id"]),
    "opengov_policy_map": action("opengov_policy_map", none),
    "opengov_linkcheck_run": action("opengov_linkcheck_run", lambda w, o: {"limit": 1}),
    "opengov_linkcheck_show": action("opengov_linkcheck_show", lambda w, o: {"id": _resource(w, o)["id"]}),
})
# Data requests, follows, digests and what's new build their requests beside their tests.
from tests.participation import authz_requests as _participation  # noqa: E402

REQUESTS.update(_participation.requests())


def observe(world: World, subject: str, obj: str, role: str) -> str:
    """One cell as it is: the status, or shown/hidden when the row looks for the object."""
    request = REQUESTS[subject](world, obj)
    user = world.users[role]
    headers = {"Authorization": user["token"]} if user else {}
    if request.data is None:
        try:
            response = world.app.get(request.path, headers=headers, follow_redirects=False)
        except Exception:  # noqa: BLE001  (test.ini's `testing` lets a page's crash through: a 500)
            return "500"
    else:
        response = world.app.post(request.path, json=request.data, headers=headers)
    status = response.status_code
    if request.reveals is not None and status == 200:
        text = response.get_data(as_text=True)
        if response.is_json:  # Thai arrives as \\u escapes: compare the decoded text
            text = json.dumps(response.json, ensure_ascii=False)
        return "shown" if request.reveals in text else "hidden"
    return str(status)


def test_every_cell_of_the_matrix(world):
    """All rows in one pass (the world is built once); every wrong cell is listed."""
    only = os.environ.get("AUTHZ_MATRIX_ONLY")  # e.g. "package_show,/dataset/<id>" while debugging
    wrong = []
    for row in load_matrix()["rows"]:
        if only and row["do"] not in only.split(","):
            continue
        for role, cell in zip(ROLES, row["expect"]):
            actual = observe(world, row["do"], row["object"], role)
            if actual != str(cell):
                wrong.append(f"{row['do']} on {row['object']} as {role}: expected {cell}, got {actual}")
    assert not wrong, f"{len(wrong)} cells differ from {MATRIX}:\n" + "\n".join(wrong)


# ---------------------------------------------------------------------------------------------
# Coverage and the docs


def test_every_action_touching_agency_data_has_a_row(with_plugins):
    """A new action (core, a plugin, ours) that touches agency data must be placed in the matrix."""
    import ckan.logic as logic

    logic.clear_actions_cache()
    logic.get_action("package_show")  # fills logic._actions with every plugin's actions
    subjects = {row["do"] for row in load_matrix()["rows"]}
    # ckanext-harvest fills its action and auth tables into one shared dict, so once its plugin
    # has been loaded twice (as tests do) its auth functions are listed as actions too: not ours.
    auth_leaks = {name for name, function in logic._actions.items()
                  if ".logic.auth" in getattr(inspect.unwrap(function), "__module__", "")}
    # Others appear only after the plugins were loaded again in this process (after the fuzz
    # module, say): channels.py lists them.
    from tests.security.channels import SOMETIMES_REGISTERED

    missing = sorted(name for name in logic._actions
                     if name.startswith(AGENCY_PREFIXES) and name not in subjects | auth_leaks | SOMETIMES_REGISTERED)
    assert not missing, f"actions without a row in {MATRIX}: {missing}"
    unknown = sorted(s for s in subjects if not s.startswith("/") and s not in logic._actions)
    assert not unknown, f"rows for actions that do not exist: {unknown}"
    assert subjects <= REQUESTS.keys(), f"rows without a request: {sorted(subjects - REQUESTS.keys())}"


def render_markdown(matrix: dict) -> str:
    head = "| subject | object | " + " | ".join(ROLES) + " | note |"
    lines = [head, "|" + " --- |" * (len(ROLES) + 3)]
    for row in matrix["rows"]:
        cells = " | ".join(str(c) for c in row["expect"])
        lines.append(f"| `{row['do']}` | {row['object']} | {cells} | {row.get('why', '')} |")
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- matrix: begin (generated from tests/security/authz_matrix.yaml) -->", "<!-- matrix: end -->"


def docs_table(text: str) -> str:
    match = re.search(re.escape(BEGIN) + r"\n(.*?)" + re.escape(END), text, re.S)
    return match.group(1) if match else ""


def test_docs_table_equals_the_data_table():
    with open(DOCS, encoding="utf-8") as f:
        assert docs_table(f.read()) == render_markdown(load_matrix()), (
            "docs/security-matrix.md differs from authz_matrix.yaml: "
            "run `python -m tests.security.test_authz_matrix`")


def write_docs() -> None:
    with open(DOCS, encoding="utf-8") as f:
        text = f.read()
    table = render_markdown(load_matrix())
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + r"\n.*?" + re.escape(END), lambda m: f"{BEGIN}\n{table}{END}", text,
                      flags=re.S)
    else:
        text += f"\n{BEGIN}\n{table}{END}\n"
    with open(DOCS, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    write_docs()
