"""Secrets planted on every kind of object the public must not read, for the leak scan and the
authorization matrix.

``plant(api)`` creates, through the Action API as a sysadmin (``api(action, **data)`` returns the
result, like the ``api`` fixture in tests/conftest.py, or a live site's API with a token):
an agency with an editor, a second agency, a category, a public dataset (the control: its
marker must be seen, or the scan proves nothing), a private dataset classified เปิดเผย, a
classified (ลับ) private dataset, their resources and a resource view, and a harvest source
whose URL carries a password and whose configuration carries a secret.

Every secret is a distinct ASCII word (``zzsecret<run>…``) so it survives HTML escaping, JSON
\\u-escaping of Thai and URL quoting unchanged, and so a hit names the field that leaked.
Ids and names of private objects are not secrets: the scan sends them in requests, and an
error may repeat what the caller sent.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Callable

Api = Callable[..., dict]

PASSWORD = "correct123-leak"


@dataclass
class Planted:
    run: str
    secrets: dict[str, str]          # what leaked (for the report) -> the secret text
    public_markers: dict[str, str]   # text the public must see (the scan's control)
    objects: dict[str, dict] = field(default_factory=dict)   # kind -> the object as created
    # path/parameter values naming the planted objects, by kind (ids and names)
    values: dict[str, list[str]] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """The start every secret shares (autocomplete and search terms)."""
        return f"zzsecret{self.run}"

    def leaks_in(self, text: str) -> list[str]:
        return sorted(what for what, secret in self.secrets.items() if secret in text)


def _dataset(owner_org: str, name: str, **fields) -> dict:
    from tests.factories import tgdc_dataset

    return tgdc_dataset(owner_org, name=name, **fields)


def plant(api: Api, run: str | None = None) -> Planted:
    run = run or uuid.uuid4().hex[:8]
    s = lambda what: f"zzsecret{run}{what}"  # noqa: E731
    p = lambda what: f"zzpublic{run}{what}"  # noqa: E731
    secrets: dict[str, str] = {}

    def secret(what: str, key: str) -> str:
        secrets[what] = s(key)
        return secrets[what]

    editor = api("user_create", name=f"leak-editor-{run}", password=PASSWORD,
                 email=secret("user e-mail", "mail") + "@example.go.th",
                 fullname="บรรณาธิการ หน่วยงานทดสอบ")
    agency = api("organization_create", name=f"leak-agency-{run}", title="หน่วยงานทดสอบการรั่วไหล",
                 title_en="Leak test agency", users=[{"name": editor["name"], "capacity": "editor"}])
    outsider = api("organization_create", name=f"leak-outsider-{run}", title="หน่วยงานอื่น",
                   title_en="Another agency")
    category = api("group_create", name=f"leak-category-{run}", title="หมวดหมู่ทดสอบ")
    groups = [{"name": category["name"]}]

    public = api("package_create", **_dataset(
        agency["id"], f"leak-public-{run}", title=p("title"), notes=p("notes"), tag_string=p("tag"),
        groups=groups,
        resources=[{"name": p("resname"), "format": "CSV", "url": f"http://127.0.0.1:9/{p('resurl')}.csv",
                    "description": p("resdesc")}],
    ))

    def hidden(kind: str, label: str, **fields) -> dict:
        return api("package_create", **_dataset(
            agency["id"], f"leak-{kind}-{run}", private=True, groups=groups,
            title=secret(f"{label} title", f"{kind}title") + " ข้อมูลลับ",
            notes=secret(f"{label} notes", f"{kind}notes"),
            tag_string=secret(f"{label} tag", f"{kind}tag"),
            maintainer=secret(f"{label} maintainer (extra)", f"{kind}maintainer"),
            data_source=secret(f"{label} data source (extra)", f"{kind}source"),
            resources=[{
                "name": secret(f"{label} resource name", f"{kind}resname"), "format": "CSV",
                "url": "http://127.0.0.1:9/" + secret(f"{label} resource URL", f"{kind}resurl") + ".csv",
                "description": secret(f"{label} resource description", f"{kind}resdesc"),
            }],
            **fields,
        ))

    private = hidden("private", "private dataset")
    classified = hidden("classified", "classified dataset",
                        data_category="ข้อมูลความมั่นคง", data_classification="ลับ")
    view = api("resource_view_create", resource_id=private["resources"][0]["id"], view_type="image_view",
               title=secret("private resource view title", "viewtitle"),
               image_url="http://127.0.0.1:9/" + secret("private resource view image URL", "viewurl") + ".png")

    harvest_password = secret("harvest source URL password", "harvestpass")
    source = api("opengov_harvest_source_create", owner_org=agency["id"], title="บัญชีข้อมูลของหน่วยงาน",
                 url=f"http://harvester:{harvest_password}@127.0.0.1:9/catalog", source_type="opengov_ckan",
                 config=json.dumps({"organization": secret("harvest source config", "harvestcfg")}))

    activities = [
        activity["id"]
        for dataset in (private, classified)
        for activity in api("package_activity_list", id=dataset["id"])
    ]
    resources = [d["resources"][0] for d in (private, classified, public)]
    datasets = [private, classified, public]
    values = {
        "dataset": [d["id"] for d in datasets] + [d["name"] for d in datasets],
        "resource": [r["id"] for r in resources],
        "view": [view["id"]],
        "organization": [agency["name"], agency["id"], outsider["name"]],
        "group": [category["name"], category["id"]],
        "user": [editor["name"], editor["id"]],
        "harvest_source": [source["id"]],
        "activity": activities,
        "tag": [secrets["private dataset tag"], secrets["classified dataset tag"], p("tag")],
    }
    return Planted(
        run=run, secrets=secrets,
        public_markers={"public dataset title": p("title"), "public resource name": p("resname")},
        objects={"editor": editor, "agency": agency, "outsider": outsider, "category": category,
                 "public": public, "private": private, "classified": classified, "view": view,
                 "harvest_source": source},
        values=values,
    )
