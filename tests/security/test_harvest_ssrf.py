"""The portal attacks itself: harvest sources aimed at forbidden addresses (issue 9, finding 4).

Stand-ins for private targets are real listening servers on 127.0.0.2 and [::1] (outside the
allow-list, which is 127.0.0.1 in test.ini); each counts the requests it receives, and none may
arrive, whatever the harvester type, the spelling of the address, a redirect or the way the
source was registered.
"""
from __future__ import annotations

import json
import uuid

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk
import pytest
from ckan.tests import factories as ckan_factories
from ckanext.harvest.interfaces import IHarvester
from ckanext.harvest.model import HarvestSource

from tests import factories
from tests.harvest.conftest import fault_server, forbidden_servers  # noqa: F401  (the harvest fixtures)
from tests.harvest.helpers import create_source, run_job

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

GUARDED = {"opengov_ckan", "opengov_dcat", "opengov_sheet"}


def enabled_source_types() -> list[str]:
    return sorted(h.info()["name"] for h in p.PluginImplementations(IHarvester))


@pytest.fixture
def harvest_people(api):
    admin, editor = ckan_factories.UserWithToken(), ckan_factories.UserWithToken()
    agency = api("organization_create", **factories.agency(users=[
        {"name": admin["name"], "capacity": "admin"}, {"name": editor["name"], "capacity": "editor"}]))
    return {"admin": admin, "editor": editor, "agency": agency}


class _RedirectEverything(dict):
    """Routes of a FaultServer on the allowed address: every path redirects to `target`."""

    def __init__(self, target: str):
        super().__init__()
        self.target = target

    def get(self, path, default=None):
        return lambda h: h.send(302, b"", headers={"Location": self.target})


def _forbidden_urls(forbidden_servers) -> list[str]:
    """Every way of writing a forbidden stand-in's address in a source URL."""
    v4 = next(s for s in forbidden_servers if s.host == "127.0.0.2")
    urls = [
        f"http://127.0.0.2:{v4.port}/secret",
        f"http://2130706434:{v4.port}/secret",          # integer
        f"http://0177.0.0.02:{v4.port}/secret",          # octal
        f"http://0x7f.0.0.2:{v4.port}/secret",           # hex
        f"http://127.2:{v4.port}/secret",                # short form
        f"http://[::ffff:127.0.0.2]:{v4.port}/secret",   # IPv4-mapped IPv6
    ]
    urls += [f"{s.base}/secret" for s in forbidden_servers if s.host == "::1"]
    return urls


def test_the_portal_enables_only_guarded_harvester_types():
    assert set(enabled_source_types()) <= GUARDED, enabled_source_types()


@pytest.mark.parametrize("source_type", enabled_source_types())
def test_every_harvester_type_reaches_no_forbidden_address(source_type, forbidden_servers, fault_server, api):
    """A source stored with a forbidden URL (before registration checked it, or through a
    name whose DNS answer changed), and a source whose allowed host redirects there."""
    agency = api("organization_create", **factories.agency())
    stored_urls = _forbidden_urls(forbidden_servers)
    fault_server.httpd.routes = _RedirectEverything(stored_urls[0])
    reports = [run_job(create_source(fault_server.base + "/catalog", agency["id"], source_type=source_type)["id"])]
    for url in stored_urls:
        source = create_source(f"{fault_server.base}/{uuid.uuid4().hex}", agency["id"], source_type=source_type)
        stored = HarvestSource.get(source["id"])
        stored.url = url  # as if stored before the registration check existed
        model.Session.commit()
        reports.append(run_job(source["id"]))

    for server in forbidden_servers:
        assert server.requests == [], f"{source_type} reached {server.base}: {server.requests}"
    assert fault_server.requests, "the redirecting (allowed) server was asked first"
    for report in reports:
        assert report["stats"].get("added", 0) == 0
        assert any("private, local or reserved" in e for e in report["gather_errors"]), report["gather_errors"]


FORBIDDEN_AT_REGISTRATION = [
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/",
    "http://0251.0376.0251.0376/",
    "http://0xa9fea9fe/",
    "http://2852039166/",
    "http://169.254.43518/",
    "http://127.0.0.2/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://[fd00:ec2::254]/",
    "http://user:password@192.168.1.1/",
]


@pytest.mark.parametrize("url", FORBIDDEN_AT_REGISTRATION)
def test_forbidden_addresses_are_refused_when_a_source_is_registered(url, harvest_people, call):
    admin, agency = harvest_people["admin"], harvest_people["agency"]
    error = call("opengov_harvest_source_create", admin, status=409, owner_org=agency["id"],
                         title="แหล่ง", url=url, source_type="opengov_ckan")
    assert "private, local or reserved" in error["url"][0]
    # ckanext-harvest's own action, even for a sysadmin and even with ignore_auth
    with pytest.raises(tk.ValidationError) as raised:
        tk.get_action("harvest_source_create")({"ignore_auth": True, "user": ""}, {
            "name": f"s-{uuid.uuid4().hex[:8]}", "url": url, "source_type": "opengov_ckan",
            "owner_org": agency["id"], "config": "{}"})
    assert "url" in raised.value.error_dict
    assert model.Session.query(HarvestSource).count() == 0


def test_a_source_cannot_be_moved_to_a_forbidden_address_afterwards(harvest_people, call, sysadmin):
    admin, agency = harvest_people["admin"], harvest_people["agency"]
    source = call("opengov_harvest_source_create", admin, owner_org=agency["id"], title="แหล่ง",
                          url="https://catalog.example.go.th/", source_type="opengov_ckan")
    call("opengov_harvest_source_update", admin, status=409, id=source["id"], url="http://169.254.169.254/")
    call("harvest_source_patch", sysadmin, status=409, id=source["id"], url="http://0251.0376.0251.0376/")
    shown = call("harvest_source_show", sysadmin, id=source["id"])
    shown.pop("status", None)
    call("harvest_source_update", sysadmin, status=409,
                 **dict(shown, url="http://[::ffff:169.254.169.254]/"))
    assert HarvestSource.get(source["id"]).url == "https://catalog.example.go.th/"


def test_agency_editors_cannot_register_change_or_run_sources_through_ckanext_harvest(
        harvest_people, call, fault_server):
    editor, admin, agency = harvest_people["editor"], harvest_people["admin"], harvest_people["agency"]
    new = {"name": f"s-{uuid.uuid4().hex[:8]}", "title": "แหล่ง", "url": fault_server.base + "/x",
           "source_type": "opengov_ckan", "owner_org": agency["id"], "config": "{}"}
    call("harvest_source_create", editor, status=403, **new)
    source = call("harvest_source_create", admin, **new)
    call("harvest_source_patch", editor, status=403, id=source["id"], title="x")
    call("harvest_source_update", editor, status=403, **dict(source, title="x"))
    call("harvest_job_create", editor, status=403, source_id=source["id"])
    call("harvest_source_delete", editor, status=403, id=source["id"])
    call("harvest_source_clear", editor, status=403, id=source["id"])
    assert call("harvest_source_show", admin, id=source["id"])["title"] == "แหล่ง"
    call("harvest_source_patch", admin, id=source["id"], title="แหล่งใหม่")
    assert call("harvest_source_show", admin, id=source["id"])["title"] == "แหล่งใหม่"


STOCK = ("opengov scheming_datasets scheming_organizations scheming_groups activity harvest "
         "ckan_harvester opengov_ckan opengov_dcat opengov_sheet dcat")


@pytest.mark.ckan_config("ckan.plugins", STOCK)
def test_a_site_that_loads_the_stock_harvester_still_cannot_use_it(api, call, sysadmin, fault_server,
                                                                  forbidden_servers):
    assert "ckan" in enabled_source_types()
    agency = api("organization_create", **factories.agency())
    error = call("harvest_source_create", sysadmin, status=409, name="stock", url=fault_server.base,
                         source_type="ckan", owner_org=agency["id"], config="{}")
    assert "opengov_ckan" in error["source_type"][0]
    source = create_source(fault_server.base, agency["id"])
    call("harvest_source_patch", sysadmin, status=409, id=source["id"], source_type="ckan")
    # One stored before the guard, then aimed at a forbidden address: never run.
    stored = HarvestSource.get(source["id"])
    stored.type, stored.url = "ckan", forbidden_servers[0].base + "/secret"
    model.Session.commit()
    error = call("harvest_job_create", sysadmin, status=409, source_id=source["id"])
    assert "ckan" in error["source_type"][0]
    with pytest.raises(tk.ValidationError):
        run_job(source["id"])
    assert forbidden_servers[0].requests == []


def test_registration_accepts_public_and_allow_listed_addresses(harvest_people, call, fault_server):
    admin, agency = harvest_people["admin"], harvest_people["agency"]
    for url in ("https://catalog.example.go.th/", fault_server.base + "/api", "http://8.8.8.8/"):
        created = call("opengov_harvest_source_create", admin, owner_org=agency["id"], title="แหล่ง",
                               url=url, source_type="opengov_ckan", config=json.dumps({}))
        assert created["url"] == url


def test_the_guard_for_core_package_writes_on_sources(harvest_people, call, fault_server, api):
    """harvest_guards.harvest_package_guard, for the chained core package_* actions to call
    (ckanext-harvest's /harvest/new and /harvest/edit forms write through them)."""
    from ckanext.opengov.logic.harvest_guards import harvest_package_guard

    editor, admin, agency = harvest_people["editor"], harvest_people["admin"], harvest_people["agency"]
    source = create_source(fault_server.base + "/core", agency["id"])
    dataset = api("package_create", **factories.tgdc_dataset(agency["id"]))
    new = {"type": "harvest", "name": "s-core", "url": "http://169.254.169.254/", "source_type": "opengov_ckan",
           "owner_org": agency["id"]}
    with pytest.raises(tk.NotAuthorized):
        harvest_package_guard("package_create", {"user": editor["name"]}, new)
    with pytest.raises(tk.ValidationError):
        harvest_package_guard("package_create", {"user": admin["name"]}, new)
    with pytest.raises(tk.NotAuthorized):
        harvest_package_guard("package_patch", {"user": editor["name"]}, {"id": source["id"], "title": "x"})
    with pytest.raises(tk.NotAuthorized):
        harvest_package_guard("package_delete", {"user": editor["name"]}, {"id": source["name"]})
    with pytest.raises(tk.ValidationError):
        harvest_package_guard("package_patch", {"user": admin["name"]}, {"id": source["id"], "source_type": "ckan"})
    with pytest.raises(tk.ValidationError):
        harvest_package_guard("package_update", {"user": editor["name"]}, {"id": dataset["id"], "type": "harvest"})
    harvest_package_guard("package_patch", {"user": admin["name"]}, {"id": source["id"], "title": "x"})
    harvest_package_guard("package_update", {"user": editor["name"]}, {"id": dataset["id"], "title": "x"})
    harvest_package_guard("package_create", {"user": editor["name"]}, {"name": "d", "owner_org": agency["id"]})
