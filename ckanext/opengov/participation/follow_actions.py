"""participation: saved searches, the digest setting, digests, what's new (actions).

Datasets, agencies and categories are followed with CKAN core's own actions (follow_dataset,
follow_group, unfollow_*); this module adds what core has not: saved searches and digests.
"""
from __future__ import annotations

import datetime as dt

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.participation import access, changes, config, digest, schema, store
from ckanext.opengov.participation import tables as t

SEARCH_NOT_FOUND = N_("Saved search not found")
EMPTY_SEARCH = N_("Give words or a filter (agency or category) to follow")
TOO_MANY_SEARCHES = N_("You follow %(limit)s searches already: unfollow one first")
UNKNOWN_AGENCY = N_("Agency not found: %(agency)s")
UNKNOWN_GROUP = N_("Category not found: %(group)s")
WEEK = dt.timedelta(days=7)


def _user_id(context) -> str:
    return access.Viewer.of(context.get("user")).user_id


def _search_dict(row: dict) -> dict:
    return {"id": row["id"], "q": row["q"], "organization": row["organization"], "groups": row["groups"],
            "created": row["created"].isoformat() if row["created"] else None}


def opengov_search_follow(context, data_dict):
    """Follow a search of the catalog: ``q``, ``organization``, ``groups`` (names)."""
    data = schema.validate(data_dict, schema.search_follow_schema())
    tk.check_access("opengov_search_follow", context, data)
    q, org, group = data.get("q", ""), data.get("organization", ""), data.get("groups", "")
    if not (q or org or group):
        raise tk.ValidationError({"q": [bilingual(EMPTY_SEARCH)]})
    if org and store.agency(org) is None:
        raise tk.ValidationError({"organization": [bilingual(UNKNOWN_AGENCY, agency=org)]})
    if org:
        org = store.agency(org).name
    if group:
        found = model.Group.get(group)
        if found is None or found.is_organization or found.state != "active":
            raise tk.ValidationError({"groups": [bilingual(UNKNOWN_GROUP, group=group)]})
        group = found.name
    user_id = _user_id(context)
    conn = model.Session.connection()
    count = conn.execute(sa.select(sa.func.count()).select_from(t.follow_search)
                         .where(t.follow_search.c.user_id == user_id)).scalar()
    limit = config.follows_per_day()
    if count >= limit:
        raise tk.ValidationError({"limit": [bilingual(TOO_MANY_SEARCHES, limit=limit)]})
    row = dict(id=store.new_id(), user_id=user_id, q=q, organization=org, groups=group, created=store.now())
    conn.execute(pg_insert(t.follow_search).values(**row).on_conflict_do_nothing())
    existing = dict(conn.execute(sa.select(t.follow_search).where(
        t.follow_search.c.user_id == user_id, t.follow_search.c.q == q,
        t.follow_search.c.organization == org, t.follow_search.c.groups == group)).mappings().first())
    model.Session.commit()
    return _search_dict(existing)


def opengov_search_unfollow(context, data_dict):
    """Stop following one of your saved searches: ``id``."""
    data = schema.validate(data_dict, schema.id_schema())
    conn = model.Session.connection()
    row = conn.execute(sa.select(t.follow_search).where(t.follow_search.c.id == data["id"])).mappings().first()
    if row is None:
        raise tk.ObjectNotFound(bilingual(SEARCH_NOT_FOUND))
    tk.check_access("opengov_search_unfollow", context, data)
    conn.execute(t.follow_search.delete().where(t.follow_search.c.id == data["id"]))
    model.Session.commit()
    return {"id": data["id"], "following": False}


@tk.side_effect_free
def opengov_follow_list(context, data_dict):
    """What you follow (yours only): datasets, agencies, categories (CKAN core's follows), saved
    searches and data requests, and your digest setting."""
    schema.validate(data_dict, schema._strict({}))
    tk.check_access("opengov_follow_list", context, data_dict)
    viewer = access.Viewer.of(context.get("user"))
    scope = digest.scope_of(viewer.user_id)
    datasets = [p for p in (model.Package.get(i) for i in scope.datasets) if p is not None]

    def groups(ids):
        return [{"name": g.name, "title": g.title} for g in (model.Group.get(i) for i in ids) if g]

    conn = model.Session.connection()
    r = t.datarequest
    requests = conn.execute(sa.select(r.c.id, r.c.title).join(t.follow_request, t.follow_request.c.request_id == r.c.id)
                            .where(t.follow_request.c.user_id == viewer.user_id)
                            .where(access.visible_clause(r, viewer))).mappings()
    sub = conn.execute(sa.select(t.subscription).where(t.subscription.c.user_id == viewer.user_id)).mappings().first()
    return {
        # Only what the reader may open: a followed dataset made private since drops out.
        "datasets": [{"name": p.name, "title": p.title} for p in datasets
                     if store.public_dataset(p.id) or _can_read(context, p.id)],
        "agencies": groups(scope.agencies), "groups": groups(scope.groups),
        "searches": [_search_dict(s) for s in digest.saved_searches(viewer.user_id)],
        "requests": [dict(row) for row in requests],
        "digest": {"frequency": sub["frequency"], "language": sub["language"]} if sub else
                  {"frequency": "off", "language": None},
    }


def _can_read(context, package_id: str) -> bool:
    try:
        tk.check_access("package_show", {"user": context.get("user")}, {"id": package_id})
        return True
    except tk.NotAuthorized:
        return False


def opengov_digest_subscribe(context, data_dict):
    """Your digest: ``frequency`` daily, weekly or off; ``language`` th or en."""
    data = schema.validate(data_dict, schema.subscribe_schema())
    tk.check_access("opengov_digest_subscribe", context, data)
    user_id = _user_id(context)
    language = data.get("language") or _current_language()
    values = dict(frequency=data["frequency"], language=language)
    model.Session.connection().execute(
        pg_insert(t.subscription).values(user_id=user_id, created=store.now(), **values)
        .on_conflict_do_update(index_elements=["user_id"], set_=values))
    model.Session.commit()
    return values


def _current_language() -> str:
    try:
        return "en" if tk.h.lang() == "en" else "th"
    except (RuntimeError, AttributeError):
        return "th"


def opengov_digest_send(context, data_dict):
    """Sysadmins: send the due digests of ``frequency`` (daily or weekly) now."""
    data = schema.validate(data_dict, schema.send_schema())
    tk.check_access("opengov_digest_send", context, data)
    return digest.send_all(data.get("frequency", "daily"))


@tk.side_effect_free
def opengov_whats_new(context, data_dict):
    """Public changes of the catalog since ``since`` (default: a week ago): new, updated,
    withdrawn, harvested datasets and answered public requests; optional ``organization``,
    ``group`` or ``dataset`` narrow it; ``limit`` ≤ 1000."""
    data = schema.validate(data_dict, schema.whats_new_schema())
    tk.check_access("opengov_whats_new", context, data)
    until = store.now()
    since = dt.datetime.combine(data["since"], dt.time()) if data.get("since") else until - WEEK
    limit = data.get("limit", 1000)
    scope, narrowed = changes.Scope(everything=True), False
    for key, kind in (("organization", "agency"), ("group", "group"), ("dataset", "dataset")):
        if data.get(key):
            scope, narrowed = _narrow(key, data[key]), True
    items = changes.dataset_changes(since, until, scope, limit=limit)
    if not narrowed or data.get("organization"):
        answered = changes.answered_requests(since, until, limit=limit)
        if data.get("organization"):
            answered = [a for a in answered if a["agency"] == scope_name(scope)]
        items += answered
    items.sort(key=lambda i: i["at"], reverse=True)
    return {"since": since.isoformat(), "until": until.isoformat(),
            "items": [_jsonable(i) for i in items[:limit]]}


def scope_name(scope: changes.Scope):
    group = model.Group.get(scope.agencies[0]) if scope.agencies else None
    return group.name if group else None


def _narrow(key: str, value: str) -> changes.Scope:
    if key == "dataset":
        pkg = store.public_dataset(value)
        if pkg is None:
            raise tk.ObjectNotFound(bilingual(N_("Dataset not found")))
        return changes.Scope(datasets=(pkg.id,))
    group = model.Group.get(value)
    if group is None or group.state != "active" or group.is_organization != (key == "organization"):
        raise tk.ObjectNotFound(bilingual(UNKNOWN_AGENCY if key == "organization" else UNKNOWN_GROUP,
                                          agency=value, group=value))
    return changes.Scope(agencies=(group.id,)) if key == "organization" else changes.Scope(groups=(group.id,))


def _jsonable(item: dict) -> dict:
    out = {k: v for k, v in item.items() if k != "request"}
    out["at"] = item["at"].isoformat()
    return out
