"""Overlap detection over the public catalog, stored per day with each pair's evidence.

Only the day's public datasets are read (never private or classified ones). Agencies'
judgements (opengov_overlap_judgement) are applied: a pair judged "not a duplicate" is not
stored again, a confirmed one stays even if the method would not find it.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import bindparam, text

from ckanext.opengov.overlap import clusters, verify

PUBLIC_RECORDS_SQL = """
SELECT d.package_id, d.org_id, d.title, p.notes,
       (SELECT array_agg(t.name) FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
        WHERE pt.package_id = p.id AND pt.state = 'active') AS tags,
       p.extras ->> 'data_type', p.extras ->> 'unit_of_measure', p.extras ->> 'geo_coverage',
       p.extras ->> 'update_frequency_unit',
       ARRAY(SELECT opengov_safe_text_array(p.extras ->> 'disaggregate')),
       g.title, g.extras ->> 'title_en'
FROM opengov_tr_dataset d JOIN package p ON p.id = d.package_id JOIN "group" g ON g.id = d.org_id
WHERE d.snapshot_date = :day AND d.is_public
ORDER BY d.package_id
"""
AGENCY_NAMES_SQL = """
SELECT title, extras ->> 'title_en' FROM "group" WHERE is_organization AND state = 'active'
"""
MEMBERS_SQL = text("""
SELECT d.package_id, d.org_id, d.name, d.title, g.title FROM opengov_tr_dataset d
JOIN "group" g ON g.id = d.org_id WHERE d.snapshot_date = :day AND d.package_id IN :ids
""").bindparams(bindparam("ids", expanding=True))
JUDGEMENTS_SQL = "SELECT package_a, package_b, verdict FROM opengov_overlap_judgement"


def _records(conn, day: dt.date, ids: list[str]):
    result = conn.execute(text(PUBLIC_RECORDS_SQL), {"day": day},
                          execution_options={"stream_results": True, "yield_per": 2000})
    for pid, org, title, notes, tags, dtype, unit, geo, freq, disagg, org_title, org_en in result:
        ids.append(pid)
        yield verify.Record(agency=org, title=title or "", notes=notes or "", tags=tuple(tags or ()),
                            data_type=dtype, unit=unit, geo_coverage=geo, frequency=freq,
                            disaggregate=tuple(disagg or ()), agency_names=(org_title or "", org_en or ""))


def store(conn, day: dt.date) -> int:
    ids: list[str] = []
    names = [n for row in conn.execute(text(AGENCY_NAMES_SQL)) for n in row if n]
    profs, weights = clusters.profiles(_records(conn, day, ids), names)
    position = {pid: i for i, pid in enumerate(ids)}
    judgements = {}
    for a, b, verdict in conn.execute(text(JUDGEMENTS_SQL)):
        if a in position and b in position:
            judgements[tuple(sorted((position[a], position[b])))] = verdict
    groups = clusters.group(clusters.find_pairs(profs, weights, judgements))
    for number, group in enumerate(groups, start=1):
        wanted = [ids[i] for i in group.members]
        rows = {r[0]: r for r in conn.execute(MEMBERS_SQL, {"day": day, "ids": wanted})}
        members = [dict(zip(("package_id", "org_id", "name", "title", "org_title"), rows[i]))
                   for i in wanted if i in rows]
        pairs = [{"a": ids[p.a], "b": ids[p.b], "similarity": p.verdict.similarity,
                  "terms": p.verdict.terms, "matching": p.verdict.matching,
                  "conflicts": p.verdict.conflicts, "judgement": p.judgement} for p in group.pairs]
        conn.execute(text(
            "INSERT INTO opengov_tr_overlap (snapshot_date, cluster_id, similarity, agencies, members, pairs) "
            "VALUES (:day, :n, :sim, :agencies, CAST(:members AS jsonb), CAST(:pairs AS jsonb))"),
            dict(day=day, n=number, sim=group.similarity, agencies=len({m["org_id"] for m in members}),
                 members=json.dumps(members, ensure_ascii=False), pairs=json.dumps(pairs, ensure_ascii=False)))
    return len(groups)


def agency_counts(conn, day: dt.date, org_id: str) -> dict:
    """For an agency's scorecard: its pairs shown as possible duplicates, and those confirmed
    (by it or the other agency), as of the snapshot, with judgements made since counted."""
    rows = conn.execute(text(
        "SELECT members, pairs FROM opengov_tr_overlap WHERE snapshot_date = :day "
        "AND members @> CAST(:probe AS jsonb)"), {"day": day, "probe": json.dumps([{"org_id": org_id}])}).all()
    verdicts = {(a, b): v for a, b, v in conn.execute(text(JUDGEMENTS_SQL))}
    possible = confirmed = rejected = 0
    for members, pairs in rows:
        orgs = {m["package_id"]: m["org_id"] for m in members}
        for pair in pairs or []:
            if org_id not in (orgs.get(pair["a"]), orgs.get(pair["b"])):
                continue
            verdict = verdicts.get(tuple(sorted((pair["a"], pair["b"]))))
            confirmed += verdict == clusters.CONFIRMED
            rejected += verdict == clusters.REJECTED
            possible += verdict is None
    return {"possible": possible, "confirmed": confirmed, "rejected": rejected}


def explain(conn, groups: list[dict]) -> list[dict]:
    """Groups for the page: each pair with its members, its evidence and the judgement on it now
    (judgements made since the snapshot show at once). Pairs with a member no longer public are
    left out (the groups come through queries.public_clusters)."""
    verdicts = {(a, b): (v, note) for a, b, v, note in conn.execute(text(
        "SELECT package_a, package_b, verdict, note FROM opengov_overlap_judgement"))}
    for group in groups:
        members = {m["package_id"]: m for m in group["members"]}
        pairs = []
        for pair in group.get("pairs") or []:
            if pair["a"] in members and pair["b"] in members:
                verdict, note = verdicts.get(tuple(sorted((pair["a"], pair["b"]))), (None, ""))
                pairs.append(dict(pair, member_a=members[pair["a"]], member_b=members[pair["b"]],
                                  verdict=verdict, note=note))
        group["pairs"] = pairs
    return groups
