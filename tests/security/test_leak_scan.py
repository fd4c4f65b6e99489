"""The leak scan: every registered route and action, called the way an anonymous person can,
must not show any secret planted in private or classified data (tests/security/planted.py), and
every write must refuse them and change nothing.

Routes and actions are enumerated from the running app (``url_map``, ``ckan.logic._actions``)
and checked against the classification in channels.py; path arguments and parameters are filled
with the planted objects' ids and names.

In-process always (CKAN's test ``app``). A live site is scanned too, through its web server, when
it is named (`make test` names the test deployment's nginx, dev/test-deployment.sh):
    OPENGOV_LEAK_SCAN_URL=https://portal.example OPENGOV_LEAK_SCAN_TOKEN=<sysadmin API token> \\
        pytest --ckan-ini=test.ini tests/security/test_leak_scan.py
(the secrets are planted there with the token; the routes and actions are those of this checkout).
Against a live site two more tests check its cache (nginx's proxy_cache): pages of a logged-in
person are never stored nor served from it, and a dataset made private leaves it within the
window its Cache-Control announced.
"""
from __future__ import annotations

import io
import itertools
import json
import os
import re
import time
import uuid
import zipfile
from dataclasses import dataclass, field

import pytest

from tests.dev.test_deployment import deployment  # noqa: F401  (the test deployment, started when needed)
from tests.security import channels
from tests.security.planted import PASSWORD, Planted, plant

# The live site: OPENGOV_LEAK_SCAN_URL/_TOKEN (make test names its test deployment), else the
# test deployment itself (fixture live_site): the live scan always runs, it is never skipped.
LIVE_URL = os.environ.get("OPENGOV_LEAK_SCAN_URL", "").rstrip("/")
LIVE_TOKEN = os.environ.get("OPENGOV_LEAK_SCAN_TOKEN", "")
MAX_URLS_PER_RULE = 8
REFUSED = {400, 401, 403, 404, 405, 409}


# --- enumeration ------------------------------------------------------------------------------

def registered_routes(flask_app) -> dict[str, list]:
    routes: dict[str, list] = {}
    for rule in flask_app.url_map.iter_rules():
        routes.setdefault(rule.endpoint, []).append(rule)
    return routes


def registered_actions() -> dict:
    from ckan import logic

    logic.get_action("status_show")  # fills the registry after the plugins loaded
    return dict(logic._actions)


def test_every_route_and_action_is_classified(app):
    routes, actions = registered_routes(app.flask_app), registered_actions()
    problems = [f"route {name}: not classified in tests/security/channels.py ROUTES"
                for name in sorted(routes.keys() - channels.ROUTES.keys())]
    problems += [f"action {name}: not classified in tests/security/channels.py ACTIONS"
                 for name in sorted(actions.keys() - channels.ACTIONS.keys())]
    problems += [f"route {name}: classified but no longer registered" for name in sorted(channels.ROUTES.keys() - routes.keys())]
    problems += [f"action {name}: classified but no longer registered"
                 for name in sorted(channels.ACTIONS.keys() - actions.keys() - channels.SOMETIMES_REGISTERED)]
    problems += [f"route {name}: NOT_EXPOSED without a reason in NOT_EXPOSED_WHY"
                 for name, kind in channels.ROUTES.items() if kind == channels.NOT_EXPOSED
                 and name not in channels.NOT_EXPOSED_WHY]
    assert not problems, "\n".join(problems)


# --- clients: in-process or live --------------------------------------------------------------

@dataclass
class Answer:
    status: int
    text: str
    location: str = ""
    error: str = ""  # in-process: the exception a server would have answered with a 500


def _text(body: bytes) -> str:
    """The body as text; zip containers (XLSX) are opened, their parts joined."""
    if body[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        except zipfile.BadZipFile:
            pass
    return body.decode("utf-8", "replace")


class InProcess:
    """Anonymous requests through CKAN's test app: a client that keeps no cookies."""

    def __init__(self, app):
        self.client = app.test_client(use_cookies=False)

    def request(self, method: str, path: str, query: dict | None = None, body: dict | None = None) -> Answer:
        try:
            response = self.client.open(path, method=method, query_string=query, json=body, follow_redirects=False)
        except Exception as error:  # the test app propagates what a server would answer with a 500
            from ckan import model

            model.Session.remove()
            return Answer(500, "", error=f"{type(error).__name__}: {error}"[:200])
        return Answer(response.status_code, _text(response.get_data()), response.headers.get("Location", ""))


class Live:
    """Anonymous requests to a live site. It keeps no cookies, as InProcess: a session cookie
    (CKAN sets one with every page's CSRF token) would make nginx treat every later request as
    a person's and bypass its cache, so the scan would never see what the cache serves."""

    def __init__(self, base_url: str):
        from http.cookiejar import DefaultCookiePolicy

        import requests

        self.base, self.session = base_url, requests.Session()
        self.session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))

    def request(self, method: str, path: str, query: dict | None = None, body: dict | None = None) -> Answer:
        response = self.session.request(method, self.base + path, params=query, json=body,
                                        allow_redirects=False, timeout=60)
        return Answer(response.status_code, _text(response.content), response.headers.get("Location", ""))


def live_api(action: str, **data):
    import requests

    response = requests.post(f"{LIVE_URL}/api/3/action/{action}", json=data, timeout=120,
                             headers={"Authorization": LIVE_TOKEN})
    body = response.json()
    assert body.get("success"), (action, body)
    return body["result"]


# --- "nothing changed" ----------------------------------------------------------------------

FINGERPRINT_TABLES = {
    "package": "id, name, title, notes, state, private, owner_org, metadata_modified, extras",
    "resource": "id, package_id, name, url, description, state",
    "resource_view": "id, resource_id, title, config",
    '"group"': "id, name, title, state, is_organization, extras",
    "member": "id, group_id, table_id, capacity, state",
    '"user"': "id, name, email, state, sysadmin, password, about",
    "tag": "id, name", "package_tag": "id, package_id, tag_id, state",
    "api_token": "id, user_id", "activity": "id", "system_info": "key, value",
    "user_following_dataset": "follower_id, object_id", "user_following_user": "follower_id, object_id",
    "user_following_group": "follower_id, object_id", "package_member": "package_id, user_id, capacity",
    "harvest_source": "id, url, config, active", "harvest_job": "id, status", "harvest_object": "id, current",
    "task_status": "id, value", "term_translation": "term, term_translation", "vocabulary": "id, name",
    "package_relationship": "id, state", "file": "id, name", "opengov_tr_snapshot": "*",
}


def database_fingerprint() -> str:
    """Cheap (one query): taken after every write call."""
    import sqlalchemy as sa
    from ckan import model

    parts = ", ".join(
        f"(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM (SELECT {cols} FROM {table}) r)"
        for table, cols in FINGERPRINT_TABLES.items()
    )
    with model.meta.engine.connect() as conn:
        return "".join(conn.execute(sa.text(f"SELECT {parts}")).one())


def api_fingerprint() -> str:
    """Five API calls: taken after each route's or action's writes, not after every call."""
    found = live_api("package_search", q="*:*", include_private=True, include_drafts=True, rows=1000,
                     fl="id,metadata_modified,state,private", sort="id asc")
    return json.dumps([found, live_api("organization_list", all_fields=True),
                       live_api("group_list", all_fields=True), live_api("user_list")], sort_keys=True)


database_fingerprint.per_family = False
api_fingerprint.per_family = True


# --- filling routes and actions with the planted objects --------------------------------------

def _id_kind(endpoint: str) -> str:
    blueprint, _, view = endpoint.partition(".")
    if blueprint in ("organization", "opengov_harvest") or "organization" in view:
        return "organization"
    if blueprint == "group" or view.startswith("group"):
        return "group"
    if blueprint == "user" or view.startswith("user") or endpoint == "feeds.custom":
        return "user"
    if blueprint in ("harvest", "harvester") and endpoint not in ("harvester.job_show", "harvester.job_abort"):
        return "harvest_source"
    if endpoint == "feeds.tag":
        return "tag"
    if endpoint == "file.download":
        return "file"
    return "dataset"


def route_values(planted: Planted, endpoint: str, argument: str) -> list[str]:
    from ckanext.opengov.transparency import tables

    v = planted.values
    by_name = {
        "id": v.get(_id_kind(endpoint), ["none"]), "_id": v["dataset"], "resource_id": v["resource"],
        "view_id": v["view"], "activity_id": v["activity"][:3], "source": v["harvest_source"],
        "source_id": v["harvest_source"], "name": v["organization"][:1], "table": sorted(tables.TABLES),
        "fmt": ["csv", "json", "xlsx"], "_format": ["ttl", "rdf", "jsonld", "xml"], "lang": ["th"],
        "filename": ["data.csv"], "job_id": ["none"], "token": ["none"], "storage_name": ["default"],
        "location": ["none"], "path": ["none"],
    }
    return by_name.get(argument, ["none"])


ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def rule_paths(planted: Planted, rule) -> list[str]:
    arguments = [a for a in ARGUMENT.findall(rule.rule)]
    defaults = {"ver": [str(rule._converters["ver"].min)]} if "ver" in rule.arguments else {}
    choices = [defaults.get(a) or route_values(planted, rule.endpoint, a) for a in arguments]
    paths = []
    for combination in itertools.islice(itertools.product(*choices), MAX_URLS_PER_RULE):
        values = iter(combination)
        paths.append(ARGUMENT.sub(lambda _m: next(values), rule.rule))
    return paths


def page_query(planted: Planted) -> dict:
    """Query parameters the search, autocomplete, change and transparency pages read."""
    activities = planted.values["activity"]
    return {"q": planted.prefix, "incomplete": planted.prefix, "term": planted.prefix,
            "agency": planted.values["organization"][0], "new_id": activities[0], "old_id": activities[-1],
            "since": "2000-01-01"}


ID_PARAMETERS = {
    "package_id": "dataset", "dataset_id": "dataset", "package": "dataset", "resource_id": "resource",
    "source_id": "harvest_source", "harvest_source_id": "harvest_source", "user": "user",
    "user_id": "user", "username": "user", "group": "group", "group_id": "group",
    "organization": "organization", "organization_id": "organization", "owner_org": "organization",
    "object": "dataset", "activity_id": "activity", "agency": "organization", "subject": "dataset",
}


def action_parameters(planted: Planted, name: str, reads: bool) -> list[dict]:
    v = planted.values
    private, classified, public = v["dataset"][0], v["dataset"][4], v["dataset"][5]
    if not reads:  # writes: a few targets are enough to see the refusal
        return [{}, {"id": private}, {"id": v["organization"][0]}, {"id": v["harvest_source"][0]},
                {"id": v["user"][0]}]
    targets = [private, classified, public, v["resource"][0], v["view"][0], v["organization"][0],
               v["group"][0], v["user"][0], v["harvest_source"][0], v["activity"][0]]
    sets: list[dict] = [{}] + [{"id": value} for value in targets]
    documented = set(re.findall(r":param (\w+):", _doc(name))) | {"package_id", "resource_id", "source_id"}
    sets += [{parameter: v[kind][0]} for parameter, kind in ID_PARAMETERS.items() if parameter in documented]
    sets += [
        {"q": planted.prefix}, {"q": "*:*", "include_private": True, "include_drafts": True,
                                "facet.field": json.dumps(["tags", "res_format", "groups", "organization"])},
        {"query": f"name:{planted.prefix}"}, {"incomplete": planted.prefix},
        {"id": v["group"][0], "object_type": "package"}, {"id": v["organization"][0], "object_type": "package"},
        {"id": v["organization"][0], "include_datasets": True, "include_users": True},
        {"id": v["group"][0], "include_datasets": True, "include_users": True},
        {"id": v["user"][0], "include_datasets": True}, {"table": "incomplete", "agency": v["organization"][0]},
        {"since": "2000-01-01"}, {"all_fields": True},
    ]
    return sets


def _doc(action: str) -> str:
    import inspect

    from ckan import logic

    return inspect.getdoc(logic._actions[action]) or ""


# --- the scan -------------------------------------------------------------------------------

@dataclass
class Findings:
    """Problems by channel (endpoint or action) and kind, each with a count and one example."""
    problems: dict = field(default_factory=dict)
    seen_public: set = field(default_factory=set)
    calls: int = 0

    def add(self, kind: str, family: str, problem: str, example: str) -> None:
        entry = self.problems.setdefault((kind, family, problem), [0, example])
        entry[0] += 1

    def report(self) -> str:
        out = []
        for kind in ("LEAK", "NOT REFUSED", "CHANGED DATA", "SERVER ERROR"):
            rows = sorted((k, v) for k, v in self.problems.items() if k[0] == kind)
            if rows:
                out.append(f"{kind} ({len(rows)}):")
                out += [f"  {family}: {problem} ({count}x, e.g. {example})"
                        for (_, family, problem), (count, example) in rows]
        return "\n".join(out)


def _check(findings: Findings, planted: Planted, family: str, channel: str, answer: Answer,
           query=None, body=None):
    findings.calls += 1
    if answer.status >= 500:
        detail = answer.error or _api_error(answer.text)
        findings.add("SERVER ERROR", family, f"{answer.status} {detail}".strip(), channel)
    sent = channel + json.dumps([query, body], default=str)
    for what in planted.leaks_in(answer.text + "\n" + answer.location):
        if planted.secrets[what] not in sent:  # an error may repeat what the caller sent
            findings.add("LEAK", family, f"shows the {what}", f"{channel} [{answer.status}]")
    findings.seen_public.update(k for k, marker in planted.public_markers.items() if marker in answer.text)


def _api_error(text: str) -> str:
    try:
        error = json.loads(text).get("error") or {}
    except (ValueError, AttributeError):
        return ""
    return f"{error.get('__type', '')}: {error.get('message', '')}"[:160] if isinstance(error, dict) else ""


def _refused(answer: Answer) -> bool:
    """A 4xx, or a redirect (to the login page, or away from a form that did nothing)."""
    return answer.status in REFUSED or answer.status in (301, 302, 303, 307)


def _expect_unchanged(findings, fingerprint, before, family, channel):
    after = fingerprint()
    if after != before:
        findings.add("CHANGED DATA", family, "an anonymous call changed stored data", channel)
    return after


def scan_routes(client, flask_app, planted: Planted, fingerprint) -> Findings:
    findings = Findings()
    state = fingerprint()
    for endpoint, rules in sorted(registered_routes(flask_app).items()):
        kind = channels.ROUTES.get(endpoint)
        if kind in (None, channels.NOT_EXPOSED):
            continue
        for rule in rules:
            paths = rule_paths(planted, rule)
            for index, path in enumerate(paths):
                if "GET" in rule.methods:
                    queries = [None, page_query(planted)] if index == 0 else [None]
                    for query in queries:
                        answer = client.request("GET", path, query)
                        channel = f"GET {path}" + (f"?{'&'.join(query)}" if query else "")
                        _check(findings, planted, f"GET {endpoint}", channel, answer, query)
                        if kind == channels.LOGIN and answer.status < 500 and not _refused(answer):
                            findings.add("NOT REFUSED", f"GET {endpoint}", f"{answer.status} to anonymous ({kind})",
                                         channel)
                # A form answers bad input with the page again (200): what matters is that
                # nothing changed and nothing leaked.
                if "POST" in rule.methods and kind != channels.READ:
                    answer = client.request("POST", path, body={})
                    channel = f"POST {path}"
                    _check(findings, planted, f"POST {endpoint}", channel, answer)
                    if not fingerprint.per_family:
                        state = _expect_unchanged(findings, fingerprint, state, f"POST {endpoint}", channel)
        if fingerprint.per_family and kind != channels.READ:
            state = _expect_unchanged(findings, fingerprint, state, f"POST {endpoint}", "one of its calls")
    return findings


def scan_actions(client, planted: Planted, fingerprint, findings: Findings) -> Findings:
    state = fingerprint()
    for name in sorted(registered_actions()):
        kind = channels.ACTIONS.get(name)
        if kind in (None, channels.NOT_EXPOSED):
            continue
        reads = kind == channels.READ
        for data in action_parameters(planted, name, reads=kind in (channels.READ, channels.LOGIN)):
            answer = client.request("POST", f"/api/3/action/{name}", body=data)
            channel = json.dumps(data, ensure_ascii=False)
            family = f"action {name}"
            _check(findings, planted, family, channel, answer, body=data)
            if not reads and answer.status < 500 and answer.status not in REFUSED:
                findings.add("NOT REFUSED", family, f"{answer.status} to anonymous ({kind})", channel)
            if not reads and not fingerprint.per_family:
                state = _expect_unchanged(findings, fingerprint, state, family, channel)
        if not reads and fingerprint.per_family:
            state = _expect_unchanged(findings, fingerprint, state, f"action {name}", "one of its calls")
    return findings


@pytest.fixture(scope="module")
def live_site(deployment):  # noqa: F811
    """The live site's address; without OPENGOV_LEAK_SCAN_URL/_TOKEN, the test deployment
    (started by its script when it is not running; a failure to start fails the run, naming why)."""
    global LIVE_URL, LIVE_TOKEN
    if not (LIVE_URL and LIVE_TOKEN):
        LIVE_URL, LIVE_TOKEN = deployment.url.rstrip("/"), deployment.token
    return LIVE_URL


@pytest.fixture(params=["in-process", "live"])
def target(request, app):
    """The site to scan, with the secrets planted: this process, and the live site through nginx."""
    if request.param == "live":  # the live site's database is its own: nothing here is emptied
        request.getfixturevalue("live_site")
        planted = plant(live_api)
        live_api("opengov_transparency_refresh")
        return Live(LIVE_URL), planted, api_fingerprint
    from ckan.cli.cli import ckan as ckan_cli

    request.getfixturevalue("clean_db")
    request.getfixturevalue("clean_index")
    planted = plant(request.getfixturevalue("api"))
    result = request.getfixturevalue("cli").invoke(ckan_cli, ["opengov", "transparency", "refresh"])
    assert result.exit_code == 0, result.output
    return InProcess(app), planted, database_fingerprint


def test_no_secret_reaches_anonymous_callers_through_any_channel(app, target):
    client, planted, fingerprint = target
    findings = scan_routes(client, app.flask_app, planted, fingerprint)
    scan_actions(client, planted, fingerprint, findings)
    # The control: the public dataset was seen, so the scan reached real content.
    assert findings.seen_public == set(planted.public_markers), (findings.seen_public, findings.calls)
    assert not findings.report(), f"after {findings.calls} anonymous calls:\n{findings.report()}"


# --- a live site's cache (nginx's proxy_cache in front of CKAN) --------------------------------

# Beyond the max-age the cached answer announced: nginx counts whole seconds, and the polling
# request takes its own time.
STALE_SLACK_SECONDS = 5
PERSONAL_CACHE_CONTROL = "private, no-store"  # dev/nginx.conf.in: every answer to a person
LIVE_WALK_CLIENTS = 3  # pages asked for at once in the logged-in walk (bounded; a small site's workers)


def log_in(name: str, password: str):
    """A browser session of `name` on the live site, logged in through the login form."""
    import requests

    session = requests.Session()
    page = session.get(LIVE_URL + "/user/login", timeout=60)
    token = re.search(r'name="_csrf_token" (?:content|value)="([^"]+)"', page.text)
    assert token, page.text[:500]
    answer = session.post(LIVE_URL + "/user/login", timeout=60, allow_redirects=False,
                          data={"login": name, "password": password, "_csrf_token": token.group(1)})
    assert answer.status_code in (302, 303), answer.text[:1000]
    return session


def logged_in_paths(flask_app, planted: Planted) -> list[str]:
    """One path of every page a logged-in person reads (each READ, LOGIN and FORM endpoint with
    a GET rule), filled with the planted private objects first: enumerated, not listed by hand.
    The public forms (log in, log out, register) are left out: they change the session itself."""
    paths = []
    for endpoint, rules in sorted(registered_routes(flask_app).items()):
        if channels.ROUTES.get(endpoint) not in (channels.READ, channels.LOGIN, channels.FORM):
            continue
        rule = next((rule for rule in rules if "GET" in rule.methods), None)
        if rule is not None:
            paths.append(rule_paths(planted, rule)[0])
    return paths


def _walk_one(editor, anonymous: Live, planted: Planted, path: str) -> tuple[list[str], list[str]]:
    """(problems, secrets shown to the editor) for one page: the editor's visit, then an
    anonymous one when the editor was shown a secret."""
    problems = []
    mine = editor.get(LIVE_URL + path, timeout=60, allow_redirects=False)
    cache = mine.headers.get("X-Cache-Status")  # absent: a static file nginx served itself
    if cache is not None and (cache != "BYPASS" or mine.headers.get("Cache-Control") != PERSONAL_CACHE_CONTROL):
        problems.append(f"GET {path} as the editor: X-Cache-Status {cache}, "
                        f"Cache-Control {mine.headers.get('Cache-Control')!r}")
    # Secrets the editor was shown and the path does not name (a page may repeat its URL).
    shown = [what for what in planted.leaks_in(_text(mine.content) + "\n" + mine.headers.get("Location", ""))
             if planted.secrets[what] not in path]
    if shown:  # nothing secret on the editor's page: no cached copy of it could leak one
        seen = anonymous.request("GET", path)
        problems += [f"GET {path} anonymously after the editor: shows the {what} [{seen.status}]"
                     for what in planted.leaks_in(seen.text + "\n" + seen.location) if what in shown]
    return problems, shown


def test_pages_of_a_logged_in_person_never_reach_an_anonymous_visitor_through_the_cache(app, live_site):
    """Every page the agency's editor reads (private datasets in it) is neither stored nor served
    from the cache; the same page asked for anonymously right after shows none of it."""
    from concurrent.futures import ThreadPoolExecutor

    planted = plant(live_api)
    editor = log_in(planted.objects["editor"]["name"], PASSWORD)
    anonymous = Live(LIVE_URL)
    paths = logged_in_paths(app.flask_app, planted)
    with ThreadPoolExecutor(max_workers=LIVE_WALK_CLIENTS) as pool:
        walked = list(pool.map(lambda path: _walk_one(editor, anonymous, planted, path), paths))
    problems = [problem for found, _ in walked for problem in found]
    # The control: the walk went through pages that show the editor the private data.
    seen_by_editor = {what for _, shown in walked for what in shown}
    assert "private dataset title" in seen_by_editor, (len(paths), sorted(seen_by_editor))
    assert not problems, f"{len(problems)} problems in {len(paths)} pages:\n" + "\n".join(problems)


def cache_window(cache_control: str) -> tuple[int, int]:
    """(max-age, stale-while-revalidate) an answer announced: nginx may serve it for max-age
    seconds, then, while one background request refreshes it, for stale-while-revalidate more
    (dev/nginx.conf.in, ckanext.opengov.cache_stale_seconds)."""
    max_age = re.search(r"max-age=(\d+)", cache_control)
    stale = re.search(r"stale-while-revalidate=(\d+)", cache_control)
    assert max_age, cache_control
    return int(max_age.group(1)), int(stale.group(1)) if stale else 0


def _made_private_on_the_live_site(marker: str) -> tuple[list[str], int, int]:
    """A public dataset of a new agency, each of its `paths` seen anonymously (so cached), then
    made private: (paths, max-age, stale-while-revalidate) announced by the cached answer."""
    from tests import factories

    agency = live_api("organization_create", **factories.agency())
    dataset = live_api("package_create", **factories.tgdc_dataset(agency["id"], title=f"ข้อมูลเปิด {marker}"))
    paths = [f"/api/3/action/package_show?id={dataset['name']}",
             f"/api/3/action/package_search?q=name:{dataset['name']}",
             f"/dataset/{dataset['name']}", f"/dataset/?q=name:{dataset['name']}"]
    anonymous = Live(LIVE_URL)
    for path in paths:
        assert marker in anonymous.request("GET", path).text, path
    cached = anonymous.session.get(LIVE_URL + paths[0], timeout=60)
    assert cached.headers.get("X-Cache-Status") == "HIT", cached.headers  # the window exists
    max_age, stale = cache_window(cached.headers["Cache-Control"])
    live_api("package_patch", id=dataset["id"], private=True)
    return paths, max_age, stale


def test_a_dataset_made_private_leaves_the_cache_within_the_window_it_announced(live_site):
    """An anonymous answer may be served from the cache for as long as its Cache-Control said
    (max-age, then stale-while-revalidate while it is refreshed; docs/deployment.md,
    "Staleness"), never longer: then the dataset made private is gone."""
    marker = f"zzstale{uuid.uuid4().hex[:10]}"
    paths, max_age, stale = _made_private_on_the_live_site(marker)
    made_private = time.monotonic()
    window = max_age + stale + STALE_SLACK_SECONDS
    deadline = made_private + window
    anonymous = Live(LIVE_URL)
    while True:
        showing = [path for path in paths if marker in anonymous.request("GET", path).text]
        if not showing:
            break
        assert time.monotonic() < deadline, (
            f"{window} s after the dataset was made private, anonymous visitors still get it from "
            f"{showing} (Cache-Control max-age={max_age}, stale-while-revalidate={stale})")
        time.sleep(1)
    gone = anonymous.request("GET", paths[0])
    assert gone.status in (403, 404), gone.status


LOAD_CLIENTS = 4  # anonymous visitors asking without pause while the cached copy ages (bounded)


def test_a_page_made_private_is_not_served_past_the_bound_while_requests_keep_coming(live_site):
    """Under steady anonymous load, each request for an expired entry starts a background
    refresh that answers 403/404 (so stores nothing) and gets the stale copy: the stale copy is
    served during the window (that is the point of it) and never after max-age +
    stale-while-revalidate, however many requests keep coming."""
    import requests
    from concurrent.futures import ThreadPoolExecutor

    marker = f"zzload{uuid.uuid4().hex[:10]}"
    paths, max_age, stale = _made_private_on_the_live_site(marker)
    made_private = time.monotonic()
    bound = made_private + max_age + stale + STALE_SLACK_SECONDS
    stop = bound + stale + STALE_SLACK_SECONDS  # keep the load on a while past the bound

    def visitor(offset: int) -> list[tuple[float, str, str, bool]]:
        seen, session, turn = [], requests.Session(), offset
        while time.monotonic() < stop:
            path = paths[turn % len(paths)]
            turn += 1
            answer = session.get(LIVE_URL + path, timeout=60, allow_redirects=False)
            seen.append((time.monotonic(), path, answer.headers.get("X-Cache-Status", ""), marker in answer.text))
        return seen

    with ThreadPoolExecutor(max_workers=LOAD_CLIENTS) as pool:
        answers = [a for seen in pool.map(visitor, range(LOAD_CLIENTS)) for a in seen]
    late = [(round(at - made_private, 1), path, cache) for at, path, cache, shown in answers
            if shown and at > bound]
    assert not late, f"served after max-age {max_age} + stale {stale} (+{STALE_SLACK_SECONDS} s): {late[:10]}"
    # The control: the window exists (ckanext.opengov.cache_stale_seconds) and the stale copy
    # was really served while it was being refreshed.
    assert stale > 0, "no stale-while-revalidate in the cached answer's Cache-Control"
    assert any(shown and cache in ("STALE", "UPDATING") for _, _, cache, shown in answers), \
        sorted({cache for *_, cache, _ in answers})
    assert any(at > bound for at, *_ in answers), "the load did not go on past the bound"
