"""Participation fixtures: a real SMTP server on loopback (aiosmtpd) that CKAN's mailer sends to,
and a small world (a citizen, two agencies with an admin each, public and private datasets)."""
from __future__ import annotations

import email
import email.policy
import socket
import time

import pytest

from tests import factories


class Mailbox:
    """Messages received by the SMTP server, parsed."""

    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append({"to": envelope.rcpt_tos, "subject": str(message["Subject"]),
                              "body": message.get_body(("plain",)).get_content(), "message": message})
        return "250 OK"

    def to(self, address: str) -> list[dict]:
        return [m for m in self.messages if address in m["to"]]

    def wait_for(self, address: str, count: int = 1, timeout: float = 10) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.to(address)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.to(address)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(ckan_config, monkeypatch):
    """A real SMTP server on 127.0.0.1; CKAN's smtp.server points at it for the test."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setitem(ckan_config, "smtp.server", f"127.0.0.1:{port}")
    monkeypatch.setitem(ckan_config, "smtp.mail_from", "portal@data.go.th.test")
    yield mailbox
    controller.stop()


@pytest.fixture
def people(clean_db, api):
    """citizen, other (a second citizen), admin_a/editor_a of agency A, admin_b of agency B."""
    from ckan.tests import factories as ckan_factories

    users = {role: ckan_factories.UserWithToken(email=f"{role}@example.test")
             for role in ("citizen", "other", "admin_a", "editor_a", "admin_b")}
    a = api("organization_create", **factories.agency(users=[
        {"name": users["admin_a"]["name"], "capacity": "admin"},
        {"name": users["editor_a"]["name"], "capacity": "editor"}]))
    b = api("organization_create", **factories.agency(
        title="กรมอุตุนิยมวิทยา", title_en="Thai Meteorological Department",
        users=[{"name": users["admin_b"]["name"], "capacity": "admin"}]))
    return {"users": users, "a": a, "b": b}


@pytest.fixture
def call(app):
    """call(action, user or None, expect=200, **data) over HTTP; the parsed JSON body."""
    def do(action: str, user: dict | None, expect: int = 200, **data):
        headers = {"Authorization": user["token"]} if user else {}
        response = app.post(f"/api/3/action/{action}", json=data, headers=headers)
        assert response.status_code == expect, (action, response.status_code, response.get_data(as_text=True))
        return response.json
    return do
