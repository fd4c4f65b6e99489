"""A second, real CKAN on 127.0.0.1: the agency catalog our harvester reads.

Same CKAN install as the portal, its own database (ckan_agency) and Solr core (ckan_agency),
both made by dev/postgres.sh and dev/solr.sh, and the agency software's TGDC schema
(dataset.yaml beside this file). Started as `ckan -c agency.ini run`; seeded through its API.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from urllib.parse import urlparse, urlunparse

import requests
from ckanapi import RemoteCKAN

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CKAN = os.path.join(os.path.dirname(sys.executable), "ckan")

INI = """[app:main]
use = egg:ckan
SECRET_KEY = agency-test-secret
api_token.jwt.encode.secret = string:agency-jwt-secret
api_token.jwt.decode.secret = string:agency-jwt-secret
WTF_CSRF_ENABLED = false
ckan.site_url = {url}
ckan.site_id = opengov_agency_test
ckan.site_title = GD Catalog หน่วยงาน (ทดสอบ)
sqlalchemy.url = {db}
solr_url = {solr}
ckan.redis.url = {redis}
ckan.storage_path = {storage}
ckan.plugins = scheming_datasets
scheming.dataset_schemas = file://{schema}
scheming.presets = ckanext.scheming:presets.json
scheming.dataset_fallback = false
ckan.auth.create_user_via_web = false

[loggers]
keys = root
[handlers]
keys = console
[formatters]
keys = generic
[logger_root]
level = WARN
handlers = console
[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic
[formatter_generic]
format = %(asctime)s %(levelname)-5.5s [%(name)s] %(message)s
"""


def _swap_path(url: str, last: str) -> str:
    parts = urlparse(url)
    path = parts.path.rsplit("/", 1)[0] + "/" + last
    return urlunparse(parts._replace(path=path))


class AgencyCkan:
    def __init__(self, workdir: str, port: int, portal_db: str, portal_solr: str, portal_redis: str):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.workdir = workdir
        self.ini = os.path.join(workdir, "agency.ini")
        self.env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        for key in ("CKAN_SQLALCHEMY_URL", "CKAN_SOLR_URL", "CKAN_REDIS_URL", "CKAN_INI"):
            self.env.pop(key, None)  # those point at the portal's test services
        with open(self.ini, "w", encoding="utf-8") as ini:
            ini.write(INI.format(
                url=self.url, db=_swap_path(portal_db, "ckan_agency"),
                solr=_swap_path(portal_solr, "ckan_agency"), redis=_swap_path(portal_redis, "3"),
                storage=os.path.join(workdir, "storage"),
                schema=os.path.join(os.path.dirname(os.path.abspath(__file__)), "dataset.yaml")))
        self.process = None
        self.token = None

    def _ckan(self, *args, check=True) -> str:
        done = subprocess.run([CKAN, "-c", self.ini, *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=300)
        if check and done.returncode != 0:
            raise RuntimeError(f"ckan {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self):
        self._ckan("db", "init")
        self._ckan("user", "add", "seeder", "password=agency-seeder-pw", "email=seeder@agency.example",
                   check=False)  # exists already on a second run
        self._ckan("sysadmin", "add", "seeder")
        out = self._ckan("user", "token", "add", "seeder", "tests")
        self.token = re.findall(r"^\s*(\S+)\s*$", out.strip(), re.M)[-1]
        log = open(os.path.join(self.workdir, "agency-ckan.log"), "w")
        self.process = subprocess.Popen(
            [CKAN, "-c", self.ini, "run", "-H", "127.0.0.1", "-p", str(self.port), "-r", "-t"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the agency CKAN exited; see " + log.name)
            try:
                if requests.get(self.url + "/api/3/action/status_show", timeout=2).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("the agency CKAN did not answer within 120 s; see " + log.name)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def api(self) -> RemoteCKAN:
        return RemoteCKAN(self.url, apikey=self.token)
