"""Mails about one data request: to the agency's admins when it is asked (or redirected to them),
to its requester and followers when the agency answers. Each reader gets it in their language
and only if they may see the request."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.participation import access, labels, mail, store


def _link(request: dict) -> str:
    return mail.site_url(f"/datarequest/{request['id']}")


def request_asked(request: dict, exclude_user_id: str | None = None) -> int:
    """Tell the admins of the agency the request is addressed to."""
    if not request["owner_org"]:
        return 0
    sent = 0
    for user in store.agency_recipients(request["owner_org"]):
        if user.id == exclude_user_id:
            continue
        with mail.language(mail.reader_language(user.id)):
            subject = tk._("New data request: %(title)s") % {"title": request["title"]}
            body = "\n\n".join([
                tk._("A data request was addressed to your agency."),
                request["title"], request["description"],
                tk._("Answer it here: %(url)s") % {"url": _link(request)},
            ])
        sent += mail.send(user, subject, body)
    return sent


def request_answered(request: dict, event: dict, answered_by: str | None) -> int:
    """Tell the requester and the followers who may still see the request."""
    recipients = dict.fromkeys([request["user_id"], *store.followers(request["id"])])
    recipients.pop(answered_by, None)
    dataset = store.public_dataset(event["dataset_id"]) if event.get("dataset_id") else None
    sent = 0
    for user_id in recipients:
        user = model.User.get(user_id)
        if user is None or user.state != "active":
            continue
        if not access.can_see(request, access.Viewer.of(user.name)):
            continue
        with mail.language(mail.reader_language(user.id)):
            subject = tk._("Your data request: %(status)s") % {"status": labels.status(event["status"])} \
                if user.id == request["user_id"] else \
                tk._("Data request answered: %(status)s") % {"status": labels.status(event["status"])}
            parts = [request["title"], tk._("Status: %(status)s") % {"status": labels.status(event["status"])}]
            if event.get("note"):
                parts.append(event["note"])
            if dataset is not None:
                parts.append(tk._("The dataset: %(url)s") % {"url": mail.site_url(f"/dataset/{dataset.name}")})
            parts.append(tk._("See the request: %(url)s") % {"url": _link(request)})
            body = "\n\n".join(parts)
        sent += mail.send(user, subject, body)
    return sent
