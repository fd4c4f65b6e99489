"""Overlap detection over the public catalog, streamed from the database, stored per day."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import bindparam, text

from ckanext.opengov.overlap import clusters, tokens

# Only what public pages may name: the day's public datasets.
PUBLIC_TEXT_SQL = """
SELECT d.package_id, d.org_id, d.title, p.notes,
       (SELECT array_agg(t.name) FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
        WHERE pt.package_id = p.id AND pt.state = 'active') AS tags
FROM opengov_tr_dataset d JOIN package p ON p.id = d.package_id
WHERE d.snapshot_date = :day AND d.is_public
"""
MEMBERS_SQL = text("""
SELECT d.package_id, d.org_id, d.name, d.title, g.title FROM opengov_tr_dataset d
JOIN "group" g ON g.id = d.org_id WHERE d.snapshot_date = :day AND d.package_id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def store(conn, day: dt.date) -> int:
    ids: list[str] = []

    def docs():
        # A server-side cursor: rows arrive in batches, never the whole catalog at once.
        result = conn.execute(text(PUBLIC_TEXT_SQL), {"day": day},
                              execution_options={"stream_results": True, "yield_per": 2000})
        for pid, org, title, notes, tags in result:
            ids.append(pid)
            yield org, tokens.features(title, notes, tags or ())

    found = clusters.find_clusters(docs())
    for number, cluster in enumerate(found, start=1):
        wanted = [ids[i] for i in cluster.members]
        rows = {r[0]: r for r in conn.execute(MEMBERS_SQL, {"day": day, "ids": wanted})}
        members = [dict(zip(("package_id", "org_id", "name", "title", "org_title"), rows[i]))
                   for i in wanted if i in rows]
        conn.execute(text(
            "INSERT INTO opengov_tr_overlap VALUES (:day, :n, :sim, :agencies, CAST(:members AS jsonb))"),
            dict(day=day, n=number, sim=cluster.similarity,
                 agencies=len({m["org_id"] for m in members}), members=json.dumps(members, ensure_ascii=False)))
    return len(found)
