"""participation: the Action API (``opengov_datarequest_*``, follows, digests, what's new).

Each action: validate (schema.py) → check_access on the object touched (auth.py) → the tables.
"""
from __future__ import annotations

import datetime as dt

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.participation import access, config, labels, notify, schema, store
from ckanext.opengov.participation import tables as t
from ckanext.opengov.transparency.metrics import responsiveness

NOT_FOUND = N_("Data request not found")
COMMENT_NOT_FOUND = N_("Comment not found")
UNKNOWN_AGENCY = N_("Agency not found: %(agency)s")
NOT_PUBLIC_DATASET = N_("Link a public dataset (not private, classified เปิดเผย) that exists")
NEEDS_DATASET = N_("A published answer links the dataset: give its name or id")
NEEDS_REASON = N_("Say why the request is declined")
NEEDS_AGENCY = N_("Name the agency the request is redirected to")
SAME_AGENCY = N_("The request is already addressed to that agency")
TOO_MANY = N_("Too many in a short time: at most %(limit)s per %(period)s. Please try again later")
ONE_TARGET = N_("Give either id (a request) or comment_id (a comment)")
ONLY_PUBLISHED = N_("A dataset is linked only to a published answer")
ONLY_REDIRECTED = N_("An agency is named only when the request is redirected")
PERIOD_DAY, PERIOD_HOUR = N_("day"), N_("hour")


def _viewer(context) -> access.Viewer:
    return access.Viewer.of(context.get("user"))


def _request(request_id: str) -> dict:
    request = store.get_request(request_id)
    if request is None:
        raise tk.ObjectNotFound(bilingual(NOT_FOUND))
    return request


def _limit(table, viewer: access.Viewer, limit: int, hours: int, period: str) -> None:
    if viewer.sysadmin:
        return
    if store.count_since(table, viewer.user_id, store.now() - dt.timedelta(hours=hours)) >= limit:
        raise tk.ValidationError({"limit": [bilingual(TOO_MANY, limit=limit, period=tk._(period))]})


def _time(value):
    return value.isoformat() if isinstance(value, (dt.datetime, dt.date)) else value


def _user_name(user_id):
    user = model.User.get(user_id) if user_id else None
    return user.display_name if user else None


def _agency(org_id):
    group = model.Group.get(org_id) if org_id else None
    return {"name": group.name, "title": group.title} if group else None


def request_dict(request: dict, viewer: access.Viewer, details: bool = False) -> dict:
    """A request as the reader may see it: the linked dataset only while it is public."""
    dataset = store.public_dataset(request["dataset_id"]) if request["dataset_id"] else None
    out = {
        "id": request["id"], "title": request["title"], "description": request["description"],
        "purpose": request["purpose"], "wanted_format": request["wanted_format"],
        "organization": _agency(request["owner_org"]), "private": request["private"],
        "status": request["status"], "status_label": labels.status(request["status"]),
        "reason": request["reason"], "hidden": request["hidden"],
        "dataset": {"name": dataset.name, "title": dataset.title} if dataset else None,
        "requester": _user_name(request["user_id"]),
        "created": _time(request["created"]), "modified": _time(request["modified"]),
        "first_answered": _time(request["first_answered"]),
        "can_answer": access.can_answer(request, viewer),
        "is_mine": viewer.signed_in and request["user_id"] == viewer.user_id,
    }
    if details:
        out["events"] = [dict(
            status=e["status"], status_label=labels.status(e["status"]), note=e["note"],
            organization=_agency(e["owner_org"]), created=_time(e["created"]),
            dataset=({"name": d.name, "title": d.title} if (d := store.public_dataset(e["dataset_id"])
                                                            if e["dataset_id"] else None) else None),
        ) for e in store.events(request["id"])]
        out["comments"] = [dict(id=c["id"], text=c["body"], author=_user_name(c["user_id"]),
                                created=_time(c["created"]), hidden=c["hidden"])
                           for c in store.comments(request["id"], include_hidden=viewer.sysadmin)]
        out["followers"] = len(store.followers(request["id"]))
        out["following"] = viewer.signed_in and viewer.user_id in store.followers(request["id"])
    return out


# ---------------------------------------------------------------------------------------------
# Data requests


def opengov_datarequest_create(context, data_dict):
    """Ask for data: ``title``, ``description``, optional ``purpose``, ``wanted_format``,
    ``organization`` (the agency asked) and ``private`` (seen by the agency and you only)."""
    data = schema.validate(data_dict, schema.create_schema())
    tk.check_access("opengov_datarequest_create", context, data)
    viewer = _viewer(context)
    _limit(t.datarequest, viewer, config.requests_per_day(), 24, PERIOD_DAY)
    org_id = None
    if data.get("organization"):
        group = store.agency(data["organization"])
        if group is None:
            raise tk.ValidationError({"organization": [bilingual(UNKNOWN_AGENCY, agency=data["organization"])]})
        org_id = group.id
    now = store.now()
    request = store.insert(
        t.datarequest, id=store.new_id(), title=data["title"], description=data["description"],
        purpose=data.get("purpose", ""), wanted_format=data.get("wanted_format", ""), owner_org=org_id,
        user_id=viewer.user_id, private=bool(data.get("private", False)), status="open", dataset_id=None,
        reason="", hidden=False, created=now, modified=now, first_answered=None, closed=None)
    store.insert(t.event, id=store.new_id(), request_id=request["id"], user_id=viewer.user_id,
                 status="open", owner_org=org_id, note="", dataset_id=None, created=now)
    store.follow(viewer.user_id, request["id"])
    model.Session.commit()
    notify.request_asked(request, exclude_user_id=viewer.user_id)
    return request_dict(request, viewer)


@tk.side_effect_free
def opengov_datarequest_show(context, data_dict):
    """One request with its status history and comments: ``id``."""
    data = schema.validate(data_dict, schema.id_schema())
    request = _request(data["id"])
    tk.check_access("opengov_datarequest_show", context, data)
    return request_dict(request, _viewer(context), details=True)


@tk.side_effect_free
def opengov_datarequest_list(context, data_dict):
    """Requests the reader may see, newest first: ``q`` (words of the title or description),
    ``organization``, ``status``, ``mine`` (yours only), ``limit`` (≤ 100), ``offset``."""
    data = schema.validate(data_dict, schema.list_schema())
    tk.check_access("opengov_datarequest_list", context, data)
    viewer = _viewer(context)
    r = t.datarequest
    query = sa.select(r).where(access.visible_clause(r, viewer))
    if data.get("q"):
        like = "%" + data["q"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(sa.or_(r.c.title.ilike(like), r.c.description.ilike(like)))
    if data.get("organization"):
        group = store.agency(data["organization"])
        if group is None:
            raise tk.ValidationError({"organization": [bilingual(UNKNOWN_AGENCY, agency=data["organization"])]})
        query = query.where(r.c.owner_org == group.id)
    if data.get("status"):
        query = query.where(r.c.status == data["status"])
    if data.get("mine"):
        query = query.where(r.c.user_id == (viewer.user_id or ""))
    conn = model.Session.connection()
    count = conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar()
    rows = conn.execute(query.order_by(r.c.created.desc(), r.c.id)
                        .limit(data.get("limit", 20)).offset(data.get("offset", 0))).mappings()
    return {"count": count, "results": [request_dict(dict(row), viewer) for row in rows]}


def opengov_datarequest_update(context, data_dict):
    """The agency's answer: ``id``, ``status`` (received, in_progress, published, declined,
    redirected), ``note``; ``dataset`` (public) when published, a reason (``note``) when
    declined, ``organization`` when redirected."""
    data = schema.validate(data_dict, schema.update_schema())
    request = _request(data["id"])
    tk.check_access("opengov_datarequest_update", context, data)
    viewer = _viewer(context)
    status, note = data["status"], data.get("note", "")
    values: dict = {"status": status}
    dataset_id, org_id = None, request["owner_org"]
    # A dataset or agency given with another status would be silently dropped: refuse it.
    if data.get("dataset") and status != "published":
        raise tk.ValidationError({"dataset": [bilingual(ONLY_PUBLISHED)]})
    if data.get("organization") and status != "redirected":
        raise tk.ValidationError({"organization": [bilingual(ONLY_REDIRECTED)]})
    if status == "published":
        if not data.get("dataset"):
            raise tk.ValidationError({"dataset": [bilingual(NEEDS_DATASET)]})
        dataset = store.public_dataset(data["dataset"])
        if dataset is None:
            raise tk.ValidationError({"dataset": [bilingual(NOT_PUBLIC_DATASET)]})
        dataset_id = values["dataset_id"] = dataset.id
    if status == "declined":
        if not note:
            raise tk.ValidationError({"note": [bilingual(NEEDS_REASON)]})
        values["reason"] = note
    if status == "redirected":
        group = store.agency(data["organization"]) if data.get("organization") else None
        if not data.get("organization"):
            raise tk.ValidationError({"organization": [bilingual(NEEDS_AGENCY)]})
        if group is None:
            raise tk.ValidationError({"organization": [bilingual(UNKNOWN_AGENCY, agency=data["organization"])]})
        if group.id == request["owner_org"]:
            raise tk.ValidationError({"organization": [bilingual(SAME_AGENCY)]})
        org_id = values["owner_org"] = group.id
    now = store.now()
    values["modified"] = now
    values["closed"] = now if status in ("published", "declined") else None
    if request["first_answered"] is None:
        values["first_answered"] = now
    store.update_request(request["id"], **values)
    event = store.insert(t.event, id=store.new_id(), request_id=request["id"], user_id=viewer.user_id,
                         status=status, owner_org=org_id, note=note, dataset_id=dataset_id, created=now)
    model.Session.commit()
    updated = store.get_request(request["id"])
    notify.request_answered(updated, event, answered_by=viewer.user_id)
    if status == "redirected":
        notify.request_asked(updated, exclude_user_id=viewer.user_id)
    return request_dict(updated, viewer, details=True)


def opengov_datarequest_comment(context, data_dict):
    """Comment on a request you can see: ``id``, ``text``."""
    data = schema.validate(data_dict, schema.comment_schema())
    request = _request(data["id"])
    tk.check_access("opengov_datarequest_comment", context, data)
    viewer = _viewer(context)
    _limit(t.comment, viewer, config.comments_per_hour(), 1, PERIOD_HOUR)
    row = store.insert(t.comment, id=store.new_id(), request_id=request["id"], user_id=viewer.user_id,
                       body=data["text"], hidden=False, created=store.now())
    model.Session.commit()
    return {"id": row["id"], "text": row["body"], "author": _user_name(viewer.user_id),
            "created": _time(row["created"])}


def opengov_datarequest_follow(context, data_dict):
    """Be told (in your digest) when a request you can see is answered: ``id``."""
    data = schema.validate(data_dict, schema.id_schema())
    request = _request(data["id"])
    tk.check_access("opengov_datarequest_follow", context, data)
    store.follow(_viewer(context).user_id, request["id"])
    model.Session.commit()
    return {"id": request["id"], "following": True}


def opengov_datarequest_unfollow(context, data_dict):
    data = schema.validate(data_dict, schema.id_schema())
    request = _request(data["id"])
    tk.check_access("opengov_datarequest_unfollow", context, data)
    store.unfollow(_viewer(context).user_id, request["id"])
    model.Session.commit()
    return {"id": request["id"], "following": False}


def opengov_datarequest_moderate(context, data_dict):
    """Sysadmins: ``action`` hide, show or delete a request (``id``) or a comment (``comment_id``)."""
    data = schema.validate(data_dict, schema.moderate_schema())
    if bool(data.get("id")) == bool(data.get("comment_id")):
        raise tk.ValidationError({"id": [bilingual(ONE_TARGET)]})
    tk.check_access("opengov_datarequest_moderate", context, data)
    conn = model.Session.connection()
    if data.get("comment_id"):
        if store.get_comment(data["comment_id"]) is None:
            raise tk.ObjectNotFound(bilingual(COMMENT_NOT_FOUND))
        table, key = t.comment, data["comment_id"]
    else:
        _request(data["id"])
        table, key = t.datarequest, data["id"]
    if data["action"] == "delete":
        conn.execute(table.delete().where(table.c.id == key))
    else:
        conn.execute(table.update().where(table.c.id == key).values(hidden=data["action"] == "hide"))
    model.Session.commit()
    return {"id": key, "action": data["action"]}


@tk.side_effect_free
def opengov_datarequest_responsiveness(context, data_dict):
    """Per agency: requests received, answered, median days to a first answer, the share
    answered within the target (``ckanext.opengov.participation.answer_target_days``) and
    those overdue; optional ``organization``."""
    data = schema.validate(data_dict, schema.responsiveness_schema())
    tk.check_access("opengov_datarequest_responsiveness", context, data)
    org_id = None
    if data.get("organization"):
        group = store.agency(data["organization"])
        if group is None:
            raise tk.ObjectNotFound(bilingual(UNKNOWN_AGENCY, agency=data["organization"]))
        org_id = group.id
    return {"target_days": config.target_days(), "rows": responsiveness_rows(org_id)}


def responsiveness_rows(org_id: str | None = None) -> list[dict]:
    r = t.datarequest
    g = sa.table("group", sa.column("id"), sa.column("name"), sa.column("title"), sa.column("state"))
    query = (sa.select(g.c.name, g.c.title, r.c.created, r.c.first_answered)
             .join(g, g.c.id == r.c.owner_org).where(r.c.hidden.is_(False), g.c.state == "active")
             .order_by(g.c.name))
    if org_id:
        query = query.where(r.c.owner_org == org_id)
    per_agency: dict[tuple, list] = {}
    for row in model.Session.connection().execute(query):
        per_agency.setdefault((row.name, row.title), []).append((row.created, row.first_answered))
    now, target = store.now(), config.target_days()
    return [dict(agency=name, agency_title=title, **responsiveness.figures(pairs, now, target))
            for (name, title), pairs in per_agency.items()]


def get_actions() -> dict:
    from ckanext.opengov.participation import follow_actions as f

    return {
        "opengov_datarequest_create": opengov_datarequest_create,
        "opengov_datarequest_show": opengov_datarequest_show,
        "opengov_datarequest_list": opengov_datarequest_list,
        "opengov_datarequest_update": opengov_datarequest_update,
        "opengov_datarequest_comment": opengov_datarequest_comment,
        "opengov_datarequest_follow": opengov_datarequest_follow,
        "opengov_datarequest_unfollow": opengov_datarequest_unfollow,
        "opengov_datarequest_moderate": opengov_datarequest_moderate,
        "opengov_datarequest_responsiveness": opengov_datarequest_responsiveness,
        "opengov_search_follow": f.opengov_search_follow,
        "opengov_search_unfollow": f.opengov_search_unfollow,
        "opengov_follow_list": f.opengov_follow_list,
        "opengov_digest_subscribe": f.opengov_digest_subscribe,
        "opengov_digest_send": f.opengov_digest_send,
        "opengov_whats_new": f.opengov_whats_new,
    }
