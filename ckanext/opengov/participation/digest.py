"""E-mail digests: for each subscriber, what changed in what they follow since their last digest.

What a person follows: datasets, agencies and categories through CKAN core's follow tables
(follow_dataset / follow_group), saved searches and data requests through ours. Changes come
from changes.py (the activity stream, public datasets only); a saved search is run as an
anonymous reader, so it can only ever name public datasets.
"""
from __future__ import annotations

import datetime as dt
import logging

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckan.lib.search import SearchError

from ckanext.opengov.participation import access, changes, labels, mail, store
from ckanext.opengov.participation import tables as t

log = logging.getLogger(__name__)
PERIODS = {"daily": dt.timedelta(days=1), "weekly": dt.timedelta(days=7)}
MAX_ITEMS = 200


def scope_of(user_id: str) -> changes.Scope:
    datasets = [f.object_id for f in model.UserFollowingDataset.followee_list(user_id)]
    agencies, groups = [], []
    for f in model.UserFollowingGroup.followee_list(user_id):
        group = model.Group.get(f.object_id)
        if group is not None and group.state == "active":
            (agencies if group.is_organization else groups).append(group.id)
    return changes.Scope(datasets=tuple(datasets), agencies=tuple(agencies), groups=tuple(groups))


def saved_searches(user_id: str) -> list[dict]:
    return [dict(r) for r in model.Session.connection().execute(
        sa.select(t.follow_search).where(t.follow_search.c.user_id == user_id)
        .order_by(t.follow_search.c.created)).mappings()]


def search_fq(search: dict) -> str:
    parts = []
    if search["organization"]:
        parts.append(f'organization:"{search["organization"]}"')
    if search["groups"]:
        parts.append(f'groups:"{search["groups"]}"')
    return " ".join(parts)


def _search_changes(search: dict, since: dt.datetime) -> list[dict]:
    """Public datasets matching a saved search that changed since ``since`` (an anonymous search)."""
    fq = search_fq(search) + f" metadata_modified:[{since.isoformat()}Z TO *]"
    try:
        result = tk.get_action("package_search")(
            {"user": "", "ignore_auth": False}, {"q": search["q"] or "*:*", "fq": fq.strip(), "rows": 50,
                                                 "include_private": False, "sort": "metadata_modified desc"})
    except (tk.ValidationError, tk.ObjectNotFound, tk.NotAuthorized, SearchError) as error:
        log.warning("saved search %s could not run: %s", search["id"], error)
        return []
    out = []
    for pkg in result["results"]:
        if pkg.get("private") or store.public_dataset(pkg["id"]) is None:
            continue
        created = dt.datetime.fromisoformat(pkg["metadata_created"])
        org = pkg.get("organization") or {}
        out.append({"kind": "new" if created >= since else "updated", "name": pkg["name"], "title": pkg["title"],
                    "agency": org.get("name"), "agency_title": org.get("title"),
                    "at": dt.datetime.fromisoformat(pkg["metadata_modified"]), "request_id": None})
    return out


def _followed_requests(user_id: str) -> list[str]:
    conn = model.Session.connection()
    mine = conn.execute(sa.select(t.datarequest.c.id).where(t.datarequest.c.user_id == user_id)).scalars()
    followed = conn.execute(sa.select(t.follow_request.c.request_id)
                            .where(t.follow_request.c.user_id == user_id)).scalars()
    return sorted(set(mine) | set(followed))


def items_for(user: model.User, since: dt.datetime, until: dt.datetime) -> list[dict]:
    """Everything one person is told about, newest first, each dataset once."""
    items = changes.dataset_changes(since, until, scope_of(user.id), limit=MAX_ITEMS)
    for search in saved_searches(user.id):
        items += _search_changes(search, since)
    viewer = access.Viewer.of(user.name)
    request_ids = _followed_requests(user.id)
    if request_ids:
        items += [i for i in changes.answered_requests(since, until, request_ids, public_only=False)
                  if access.can_see(i["request"], viewer)]
    seen, unique = set(), []
    for item in sorted(items, key=lambda i: i["at"], reverse=True):
        key = (item["name"], item["request_id"], item["kind"] if item["request_id"] else None)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique[:MAX_ITEMS]


def item_url(item: dict) -> str:
    if item["request_id"]:
        return mail.site_url(f"/datarequest/{item['request_id']}")
    if item["kind"] == "withdrawn":
        return mail.site_url("/whats-new")
    return mail.site_url(f"/dataset/{item['name']}")


def compose(user: model.User, items: list[dict], frequency: str) -> tuple[str, str, dict]:
    """(subject, body, headers) in the reader's language; the body ends with the one-click
    unsubscribe link, also given in the List-Unsubscribe header."""
    unsubscribe = mail.site_url(f"/follow/unsubscribe/{mail.unsubscribe_token(user.id)}")
    with mail.language(mail.reader_language(user.id)):
        subject = tk._("%(site)s: %(count)s changes in what you follow") % {
            "site": tk.config.get("ckan.site_title"), "count": len(items)}
        lines = [tk._("What changed in the datasets, agencies, categories, searches and requests you follow "
                      "(%(frequency)s digest):") % {"frequency": labels.frequency(frequency)}, ""]
        for item in items:
            status = f" – {labels.status(item['status'])}" if item.get("status") else ""
            agency = f" ({item['agency_title']})" if item.get("agency_title") else ""
            lines.append(f"• {labels.kind(item['kind'])}{status}: {item['title']}{agency}")
            lines.append(f"  {item_url(item)}")
        lines += ["", tk._("Stop these e-mails with one click: %(url)s") % {"url": unsubscribe},
                  tk._("Change what you follow: %(url)s") % {"url": mail.site_url("/follow")}]
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return subject, "\n".join(lines), headers


def send_all(frequency: str, now: dt.datetime | None = None) -> dict:
    """Send every due ``frequency`` digest. A digest whose mail fails keeps its ``last_sent``, so
    the next run covers the same period again."""
    now = now or store.now()
    period = PERIODS[frequency]
    s = t.subscription
    due = model.Session.connection().execute(sa.select(s).where(
        s.c.frequency == frequency,
        sa.or_(s.c.last_sent.is_(None), s.c.last_sent <= now - period + dt.timedelta(hours=1)))).mappings().all()
    counts = {"due": len(due), "sent": 0, "empty": 0, "failed": 0}
    for sub in due:
        user = model.User.get(sub["user_id"])
        if user is None or user.state != "active":
            continue
        since = sub["last_sent"] or now - period
        items = items_for(user, since, now)
        if not items:
            counts["empty"] += 1
        else:
            subject, body, headers = compose(user, items, frequency)
            if not mail.send(user, subject, body, headers):
                counts["failed"] += 1
                continue
            counts["sent"] += 1
        model.Session.connection().execute(s.update().where(s.c.user_id == user.id).values(last_sent=now))
        model.Session.commit()  # one by one: a crash midway does not send the earlier ones again
    return counts
