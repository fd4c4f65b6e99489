"""The supervised deployment `make run` starts, tested through the one `make test` starts.

dev/test-deployment.sh runs the same stack as `make run` (nginx → gunicorn workers, the CKAN jobs
worker, the harvest gather and fetch consumers and the scheduler, under a private supervisord)
as a site of its own (database, Redis database, site id): these tests reach it over HTTP only,
with the API token of its sysadmin (`dev/test-deployment.sh token`). `make test` starts it first;
these tests start it themselves when it is not running (same script, idempotent). Real
processes, real HTTP, 127.0.0.1 only; every wait is bounded.
"""
from __future__ import annotations

import configparser
import json
import os
import re
import signal
import subprocess
import time
import uuid

import pytest
import requests

from tests import factories
from tests.harvest.dcat_catalog import catalog_ttl
from tests.harvest.fault_server import FaultServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "dev", "test-deployment.sh")
TEMPLATE = os.path.join(ROOT, "dev", "supervisord.conf.in")
ADMIN = os.environ.get("OPENGOV_TEST_DEPLOY_ADMIN", "deploy-admin")
PASSWORD = os.environ.get("OPENGOV_TEST_DEPLOY_ADMIN_PASSWORD", "deployment-test-1234")


def template_programs() -> list[str]:
    """The programs the deployment runs, read from its supervisor template."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read(TEMPLATE)
    return [section.split(":", 1)[1] for section in parser.sections() if section.startswith("program:")]


class Deployment:
    def __init__(self, url: str, folder: str, token: str):
        self.url = url
        self.conf = os.path.join(folder, "supervisord.conf")
        self.token = token
        ini = configparser.ConfigParser(interpolation=None)
        ini.read(os.path.join(folder, "ckan.ini"))
        self.storage = ini["app:main"]["ckan.storage_path"]

    def ctl(self, *args: str) -> str:
        return subprocess.run(["supervisorctl", "-c", self.conf, *args],
                              capture_output=True, text=True, timeout=60).stdout

    def processes(self) -> dict[str, tuple[str, int | None]]:
        """Process name → (state, pid), as supervisorctl shows them."""
        found = {}
        for line in self.ctl("status").splitlines():
            parts = line.split()
            pid = re.search(r"pid (\d+)", line)
            found[parts[0]] = (parts[1], int(pid.group(1)) if pid else None)
        return found

    def get(self, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 60)
        kwargs.setdefault("allow_redirects", False)
        return requests.get(self.url + path, **kwargs)

    def action(self, action_name: str, **data) -> dict:
        """Call the Action API as the deployment's sysadmin."""
        response = requests.post(f"{self.url}/api/3/action/{action_name}", json=data,
                                 headers={"Authorization": self.token}, timeout=60)
        assert response.status_code == 200, response.text[:2000]
        return response.json()["result"]

    def answers(self) -> bool:
        try:
            return self.get("/api/3/action/status_show", params={"probe": uuid.uuid4().hex}).status_code == 200
        except requests.RequestException:
            return False


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"not within {seconds}s: {what}")


@pytest.fixture(scope="module")
def deployment():
    port = os.environ.get("OPENGOV_TEST_CKAN_PORT", "5005")
    url = os.environ.get("OPENGOV_DEPLOYMENT_URL") or f"http://127.0.0.1:{port}"
    folder = os.environ.get("OPENGOV_TEST_DEPLOY_DIR") or os.path.join(ROOT, ".dev", "deploy-test")
    if subprocess.run([SCRIPT, "status"], capture_output=True, timeout=60).returncode != 0:
        started = subprocess.run([SCRIPT, "start"], capture_output=True, text=True, timeout=600)
        assert started.returncode == 0, started.stdout[-2000:] + started.stderr[-3000:]
    token = os.environ.get("OPENGOV_DEPLOYMENT_TOKEN") or subprocess.run(
        [SCRIPT, "token"], capture_output=True, text=True, timeout=180, check=True).stdout.strip()
    return Deployment(url, folder, token)


@pytest.fixture
def records(deployment):
    """An agency of its own with a public and a private dataset (`query` finds exactly those)."""
    agency = deployment.action("organization_create", **factories.agency())
    marker = "probe" + uuid.uuid4().hex[:12]
    public = deployment.action("package_create", **factories.tgdc_dataset(
        agency["id"], title=f"ข้อมูลเปิด {marker}"))
    private = deployment.action("package_create", **factories.tgdc_dataset(
        agency["id"], title=f"ข้อมูลภายใน {marker}", private=True))
    return {"query": f"owner_org:{agency['id']}", "public": public, "private": private, "agency": agency}


# Processes ------------------------------------------------------------------------------------

def test_status_lists_every_process_and_names_one_that_is_down(deployment):
    programs = template_programs()
    assert {"web", "nginx", "jobs-worker", "gather-consumer", "fetch-consumer", "scheduler"} <= set(programs)
    result = subprocess.run([SCRIPT, "status"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
    for program in programs:
        assert re.search(rf"^\s+{program}\S*\s+RUNNING", result.stdout, re.M), (program, result.stdout)

    deployment.ctl("stop", "scheduler")
    try:
        down = subprocess.run([SCRIPT, "status"], capture_output=True, text=True, timeout=60)
        assert down.returncode != 0
        assert "down: scheduler" in down.stdout
    finally:
        deployment.ctl("start", "scheduler")
    assert deployment.processes()["scheduler"][0] == "RUNNING"


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.add(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


def test_a_killed_web_worker_is_replaced(deployment):
    master = deployment.processes()["web"][1]
    workers = _children(master)
    assert workers, "gunicorn runs no worker"
    victim = min(workers)
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: victim not in _children(master) and len(_children(master)) == len(workers),
             90, "gunicorn replaces the killed worker")
    assert deployment.processes()["web"][1] == master
    wait_for(deployment.answers, 90, "the portal answers")


@pytest.mark.parametrize("program", template_programs())
def test_a_killed_process_is_restarted_by_the_supervisor(deployment, program):
    name, (state, pid) = next((n, p) for n, p in deployment.processes().items()
                              if n == program or n.startswith(program + ":"))
    assert state == "RUNNING" and pid
    os.kill(pid, signal.SIGKILL)

    def back():
        state, new_pid = deployment.processes().get(name, (None, None))
        return state == "RUNNING" and new_pid not in (None, pid)
    wait_for(back, 90, f"{name} restarted")
    wait_for(deployment.answers, 120, "the portal answers")


# The web tier ---------------------------------------------------------------------------------

def test_nginx_passes_ckan_through_without_naming_its_version(deployment, app):
    path = "/api/3/action/status_show"
    response = deployment.get(path)
    assert response.status_code == 200 and response.json()["success"]
    assert response.headers["Server"] == "nginx"          # server_tokens off
    # The app's own security headers reach the browser unchanged.
    direct = app.get(path)
    for header in ("X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy", "X-Frame-Options"):
        assert response.headers.get(header) == direct.headers.get(header), header


def test_static_files_come_from_nginx(deployment):
    import ckan

    logo = os.path.join(os.path.dirname(ckan.__file__), "public", "base", "images", "ckan-logo.png")
    storage = os.path.join(deployment.storage, "webassets")
    built = next(os.path.join(d, f) for d, dirs, files in os.walk(storage) if ".webassets-cache" not in d
                 for f in files if f.endswith((".css", ".js")))
    for path, url, kept in ((logo, "/base/images/ckan-logo.png", 3600),
                            (built, "/webassets/" + os.path.relpath(built, storage), 30 * 86400)):
        response = deployment.get(url)
        assert response.status_code == 200, url
        with open(path, "rb") as f:
            assert response.content == f.read(), url
        assert "X-Cache-Status" not in response.headers, url    # never went to the CKAN workers
        assert response.headers["Cache-Control"] == f"max-age={kept}", url  # nginx's `expires`
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert deployment.get("/webassets/.webassets-cache/").status_code == 404
    # CKAN itself would serve its middleware's source files from the site root.
    for source in ("/flask_app.py", "/__init__.py", "/__pycache__/flask_app.cpython-311.pyc"):
        assert deployment.get(source).status_code == 404, source


def test_an_anonymous_answer_is_cached(deployment, records):
    path = f"/api/3/action/package_search?q={records['query']}"
    first, second = deployment.get(path), deployment.get(path)
    assert first.headers["X-Cache-Status"] == "MISS"
    assert second.headers["X-Cache-Status"] == "HIT"
    assert "public" in second.headers["Cache-Control"] and "max-age=" in second.headers["Cache-Control"]
    # The bounded stale window nginx honours (ckanext.opengov.cache_stale_seconds, docs/deployment.md).
    assert "stale-while-revalidate=" in second.headers["Cache-Control"]
    assert second.json() == first.json()


def _names(response: requests.Response) -> set[str]:
    return {d["name"] for d in response.json()["result"]["results"]}


def test_token_requests_are_never_cached_nor_served_from_the_cache(deployment, records):
    public, private = records["public"]["name"], records["private"]["name"]
    token = {"Authorization": deployment.token}

    # Anonymous first: cached; the token holder still gets the live answer with the private one.
    path = f"/api/3/action/package_search?q={records['query']}&include_private=true"
    assert _names(deployment.get(path)) == {public}
    personal = deployment.get(path, headers=token)
    assert personal.headers["X-Cache-Status"] == "BYPASS"
    assert personal.headers["Cache-Control"] == "private, no-store"
    assert _names(personal) == {public, private}
    again = deployment.get(path)
    assert again.headers["X-Cache-Status"] == "HIT" and _names(again) == {public}

    # The token holder first: nothing is stored for the anonymous visitor after them.
    path2 = f"/api/3/action/package_show?id={private}"
    assert deployment.get(path2, headers=token).json()["result"]["name"] == private
    for _ in range(2):
        anonymous = deployment.get(path2)
        assert anonymous.headers["X-Cache-Status"] != "HIT"
        assert anonymous.status_code in (403, 404) and private not in anonymous.text.replace(path2, "")


def _login(deployment) -> requests.Session:
    session = requests.Session()
    page = session.get(deployment.url + "/user/login", timeout=60)
    token = re.search(r'name="_csrf_token" (?:type="hidden" )?value="([^"]+)"', page.text) \
        or re.search(r'<meta name="_csrf_token" content="([^"]+)"', page.text)
    response = session.post(deployment.url + "/user/login", timeout=60, allow_redirects=False, data={
        "login": ADMIN, "password": PASSWORD, "_csrf_token": token.group(1)})
    assert response.status_code in (302, 303), response.text[:1000]
    assert "ckan" in session.cookies
    return session


def test_pages_of_a_logged_in_user_are_never_cached_nor_served_from_the_cache(deployment, records):
    private = records["private"]
    session = _login(deployment)
    for path in (f"/dataset/{private['name']}", f"/dataset/?q={records['query']}"):
        anonymous_before = deployment.get(path)
        mine = session.get(deployment.url + path, timeout=60, allow_redirects=False)
        assert mine.status_code == 200 and private["title"] in mine.text, path
        assert mine.headers["X-Cache-Status"] == "BYPASS", path
        assert mine.headers["Cache-Control"] == "private, no-store", path
        for anonymous in (anonymous_before, deployment.get(path), deployment.get(path)):
            assert private["title"] not in anonymous.text, path
            assert private["name"] not in anonymous.text.replace(path, ""), path


def test_an_anonymous_page_with_a_csrf_token_is_never_stored(deployment):
    """A page with a form carries a per-visitor CSRF token (and sets it in a cookie): such a page
    is never stored, so no visitor gets another's token."""
    path = f"/user/login?probe={uuid.uuid4().hex}"
    tokens = set()
    for _ in range(2):
        page = deployment.get(path)
        assert page.status_code == 200
        assert page.headers["X-Cache-Status"] != "HIT"
        assert page.headers["Cache-Control"] == "private, no-store"
        tokens.add(re.search(r'name="_csrf_token" value="([^"]+)"', page.text).group(1))
    assert len(tokens) == 2


def test_anonymous_reading_pages_carry_no_token_and_come_from_the_cache(deployment, records):
    """CKAN 2.12 puts a CSRF token (and a session cookie) in every page, which kept every page out
    of the cache: pages an anonymous reader sees without a form carry none, so nginx serves them."""
    dataset = records["public"]["name"]
    for path in (f"/dataset/?q={records['query']}", f"/dataset/{dataset}", f"/en/dataset/{dataset}",
                 "/", "/organization/", "/group/", "/transparency"):
        first = deployment.get(path)
        assert first.status_code == 200, path
        assert "Set-Cookie" not in first.headers, path
        assert "_csrf_token" not in first.text, path
        again = deployment.get(path)
        assert again.headers["X-Cache-Status"] == "HIT", (path, again.headers)
        assert again.text == first.text


# Background processes -------------------------------------------------------------------------

@pytest.fixture
def agency_catalog():
    server = FaultServer("127.0.0.1").start()
    base = server.base
    server.route("/catalog.ttl", lambda h: h.send(200, catalog_ttl(base, [1, 2]).encode(), "text/turtle"))
    yield server
    server.stop()


@pytest.mark.parametrize("start", ["the agency starts a job", "the source's frequency is due"])
def test_a_source_registered_by_an_agency_is_harvested_without_a_command(
        deployment, agency_catalog, start):
    agency = deployment.action("organization_create", **factories.agency())
    source = deployment.action("opengov_harvest_source_create", **{
        "owner_org": agency["id"], "title": "บัญชีข้อมูลหน่วยงาน", "url": agency_catalog.base + "/catalog.ttl",
        "source_type": "opengov_dcat", "frequency": "MANUAL" if "job" in start else "DAILY"})
    if "job" in start:
        # Queued for the gather consumer at once.
        deployment.action("opengov_harvest_job_start", source_id=source["id"])
    # Otherwise the scheduler's next `harvester run` makes the job. Either way the consumers
    # gather and fetch, and a later `harvester run` closes the job: nothing typed by hand.

    def finished():
        jobs = deployment.action("harvest_job_list", source_id=source["id"])
        return next((j for j in jobs if j["status"] == "Finished"), None)
    job = wait_for(finished, 120, "the source is harvested within two minutes")
    assert job["stats"].get("added") == 2, job["stats"]
    assert ("GET", "/catalog.ttl") in agency_catalog.requests
    found = deployment.action("package_search", fq=f"owner_org:{agency['id']}", include_private=True)
    assert found["count"] == 2
