"""Browser-test fixtures: a live CKAN on 127.0.0.1 and headless Chromium driving it.

General on purpose (other browser tests reuse them):
- ``live_server``: the portal (`ckan -c test.ini run`) in a subprocess on a free loopback port,
  started once per session, against the same database, Solr core and Redis as the tests
  (the CKAN_* variables `make test` exports are inherited). Data made through the in-process
  ``api`` fixture is committed, so the live server sees it.
- ``browser``: Debian's chromium through chromium-driver (selenium), headless, Thai locale,
  fixed window size; ``browser.get_path("/x")`` opens a path on the live server.
- ``browser_login(name, password)``: signs in through CKAN's login form.
- ``screenshot(name)``: saves a PNG under .dev/test-output/screenshots (OPENGOV_TEST_OUTPUT moves it).
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT = os.environ.get("OPENGOV_TEST_OUTPUT") or os.path.join(ROOT, ".dev", "test-output")
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
DRIVER = ("/usr/bin/chromedriver",)
START_TIMEOUT = 90


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _first(paths, what: str) -> str:
    for path in paths:
        if os.path.exists(path):
            return path
    pytest.fail(f"{what} is missing ({' or '.join(paths)}): dev/install.sh installs it "
                "(apt-get install chromium chromium-driver fonts-thai-tlwg)", pytrace=False)


class LiveServer:
    def __init__(self, url: str, process: subprocess.Popen, log_path: str):
        self.url, self.process, self.log_path = url, process, log_path

    def __call__(self, path: str = "/") -> str:
        return self.url + path


@pytest.fixture(scope="session")
def live_server(request):
    ini = request.config.getoption("ckan_ini") or os.path.join(ROOT, "test.ini")
    port = _free_port()
    os.makedirs(os.path.join(OUTPUT, "logs"), exist_ok=True)
    log_path = os.path.join(OUTPUT, "logs", "live-server.log")
    ckan = os.path.join(os.path.dirname(sys.executable), "ckan")
    url = f"http://127.0.0.1:{port}"
    # Its own address as site_url: redirects (after login, say) stay on loopback.
    env = dict(os.environ, CKAN_SITE_URL=url)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [ckan, "-c", ini, "run", "--host", "127.0.0.1", "--port", str(port),
             "--disable-reloader", "--threaded"],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            urllib.request.urlopen(url + "/api/3/action/status_show", timeout=5).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                with open(log_path, encoding="utf-8", errors="replace") as log:
                    tail = log.read()[-3000:]
                pytest.fail(f"the live CKAN server did not start on {url}:\n{tail}", pytrace=False)
            time.sleep(0.5)
    yield LiveServer(url, process, log_path)
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def _chromium_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _first(CHROMIUM, "Chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=th-TH", "--no-proxy-server",
                # Loopback only: no sync, updates or other calls home.
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-extensions",
                # Any host name but loopback fails at once, without a DNS query leaving the machine.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(arg)
    service = Service(executable_path=_first(DRIVER, "chromium-driver"),
                      log_output=os.path.join(OUTPUT, "logs", "chromedriver.log"))
    os.makedirs(os.path.join(OUTPUT, "logs"), exist_ok=True)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def browser(_chromium_driver, live_server):
    """The session's Chromium, cookies cleared, with get_path() bound to the live server."""
    driver = _chromium_driver
    driver.get(live_server("/api/3/action/status_show"))  # cookies can be cleared only on the site
    driver.delete_all_cookies()
    driver.live_url = live_server.url
    driver.get_path = lambda path="/": driver.get(live_server(path))
    return driver


@pytest.fixture
def screenshot(browser, request):
    folder = os.path.join(OUTPUT, "screenshots")
    os.makedirs(folder, exist_ok=True)

    def save(name: str) -> str:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{request.node.name}-{name}")[:150]
        path = os.path.join(folder, stem + ".png")
        assert browser.save_screenshot(path), f"could not save the screenshot {path}"
        return path

    return save


@pytest.fixture
def browser_login(browser, live_server):
    """login(name, password): signs in through CKAN's own login form in the browser."""
    from selenium.webdriver.support.ui import WebDriverWait

    def login(name: str, password: str) -> None:
        browser.get_path("/user/login")
        if not browser.find_elements("id", "field-login"):
            with open(live_server.log_path, encoding="utf-8", errors="replace") as log:
                tail = log.read()[-3000:]
            pytest.fail(f"the login page has no login form ({browser.title!r}); "
                        f"the live server's log ends:\n{tail}", pytrace=False)
        browser.find_element("id", "field-login").send_keys(name)
        password_field = browser.find_element("id", "field-password")
        password_field.send_keys(password)
        password_field.submit()  # the login form itself (the header's search form also has a button)
        WebDriverWait(browser, 20).until(
            lambda d: d.current_url.startswith(browser.live_url) and "/user/login" not in d.current_url)
        assert browser.find_elements("css selector", "form[action$='/user/_logout']"), \
            f"{name} is not signed in (wrong password?)"

    return login
