"""What changed in the public catalog over a period, read from CKAN's activity stream.

One reader for the digest mails, the Atom feeds and /whats-new. Safety is decided on the
dataset as it is *now*: a new or updated dataset is named only while it is active, not private
and classified เปิดเผย; a withdrawn (deleted) one only if its deletion was recorded as public
(the permission labels CKAN wrote, from our IPermissionLabels, on its last activity before
the deletion). A dataset made
private or classified is never named, whatever it was before.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable, Optional

import ckan.model as model
import sqlalchemy as sa

from ckanext.opengov.participation import tables as t

KINDS = ("new", "updated", "new_resource", "harvested", "withdrawn", "answered")
OPEN_CLASSIFICATION = "เปิดเผย"


@dataclasses.dataclass(frozen=True)
class Scope:
    """Which datasets a reader follows; all four empty with ``everything``: the whole catalog."""
    everything: bool = False
    datasets: tuple = ()
    agencies: tuple = ()
    groups: tuple = ()

    def empty(self) -> bool:
        return not (self.everything or self.datasets or self.agencies or self.groups)


_DATASETS = sa.text("""
WITH touched AS (
  SELECT a.object_id AS package_id,
         bool_or(a.activity_type = 'new package') AS created,
         -- CKAN labels a deleted dataset for its agency only: judge it by what it was just before.
         bool_or(a.activity_type = 'deleted package' AND coalesce((
           SELECT 'public' = ANY(b.permission_labels) FROM activity b
           WHERE b.object_id = a.object_id AND b.timestamp < a.timestamp
             AND b.activity_type <> 'deleted package'
           ORDER BY b.timestamp DESC LIMIT 1), false)) AS deleted_public,
         max(a.timestamp) AS at
  FROM activity a
  WHERE a.timestamp >= :since AND a.timestamp < :until
    AND a.activity_type IN ('new package', 'changed package', 'deleted package')
  GROUP BY a.object_id
)
SELECT p.id, p.name, p.title, p.state, p.private, p.type, touched.created, touched.deleted_public,
       touched.at, o.name AS agency, o.title AS agency_title,
       p.extras ->> 'data_classification' AS classification,
       EXISTS (SELECT 1 FROM resource r WHERE r.package_id = p.id AND r.state = 'active'
               AND r.created >= :since) AS new_resource,
       EXISTS (SELECT 1 FROM harvest_object h WHERE h.package_id = p.id AND h.current) AS harvested
FROM touched
JOIN package p ON p.id = touched.package_id
LEFT JOIN "group" o ON o.id = p.owner_org
WHERE p.type = 'dataset'
  AND (:everything
       OR p.id = ANY(:datasets) OR p.owner_org = ANY(:agencies)
       OR EXISTS (SELECT 1 FROM member m WHERE m.table_id = p.id AND m.table_name = 'package'
                  AND m.state = 'active' AND m.group_id = ANY(:groups)))
ORDER BY touched.at DESC
LIMIT :limit
""")


def dataset_changes(since: dt.datetime, until: dt.datetime, scope: Scope, limit: int = 1000) -> list[dict]:
    if scope.empty():
        return []
    rows = model.Session.connection().execute(_DATASETS, {
        "since": since, "until": until, "everything": scope.everything, "datasets": list(scope.datasets),
        "agencies": list(scope.agencies), "groups": list(scope.groups), "limit": limit,
    }).mappings()
    return [change for change in (_change(dict(r)) for r in rows) if change]


def _change(row: dict) -> Optional[dict]:
    public_now = (row["state"] == "active" and not row["private"]
                  and row["classification"] == OPEN_CLASSIFICATION)
    if row["state"] == "deleted" and row["deleted_public"]:
        kind = "withdrawn"
    elif not public_now:
        return None  # private, classified or in draft now: never named
    elif row["created"]:
        kind = "harvested" if row["harvested"] else "new"
    elif row["new_resource"]:
        kind = "new_resource"
    else:
        kind = "harvested" if row["harvested"] else "updated"
    return {"kind": kind, "name": row["name"], "title": row["title"], "agency": row["agency"],
            "agency_title": row["agency_title"], "at": row["at"], "request_id": None}


def answered_requests(since: dt.datetime, until: dt.datetime, request_ids: Optional[Iterable[str]] = None,
                      public_only: bool = True, limit: int = 1000) -> list[dict]:
    """Answers (status changes by the agency) given in the period: of public requests, or of the
    requests named (the reader's own and those they follow; their visibility is checked by the caller)."""
    e, r = t.event, t.datarequest
    o = sa.table("group", sa.column("id"), sa.column("name"), sa.column("title"))
    query = (sa.select(e.c.request_id, e.c.status, e.c.created, r.c.title, r.c.private, r.c.hidden,
                       r.c.user_id, r.c.owner_org, o.c.name.label("agency"), o.c.title.label("agency_title"))
             .join(r, r.c.id == e.c.request_id).outerjoin(o, o.c.id == r.c.owner_org)
             .where(e.c.created >= since, e.c.created < until, e.c.status != "open")
             .order_by(e.c.created.desc()).limit(limit))
    if request_ids is not None:
        query = query.where(e.c.request_id.in_(list(request_ids)))
    if public_only:
        query = query.where(r.c.private.is_(False), r.c.hidden.is_(False))
    return [{"kind": "answered", "name": None, "title": row["title"], "agency": row["agency"],
             "agency_title": row["agency_title"], "at": row["created"], "request_id": row["request_id"],
             "status": row["status"], "request": dict(row)}
            for row in model.Session.connection().execute(query).mappings()]
