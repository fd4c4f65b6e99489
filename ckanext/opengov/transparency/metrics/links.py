"""Broken links: the public resources whose last link check failed (linkcheck/).

Read live from opengov_link_check rather than from the day's snapshot, so a dead link is listed
on its agency's scorecard as soon as a check has found it; every read re-checks that the dataset
is still public (queries.LIVE_PUBLIC) and that the resource still has the URL that was checked.
"""
from __future__ import annotations

from ckanext.opengov.messages import N_
from ckanext.opengov.transparency import queries

FAILING = ("broken", "refused", "timeout")  # linkcheck.probe.FAILING, kept free of its imports

COLUMNS = (
    ("agency", N_("Agency ID")), ("agency_title", N_("Agency")), ("dataset", N_("Dataset ID")),
    ("dataset_title", N_("Dataset")), ("resource", N_("Resource")), ("url", N_("URL")),
    ("status", N_("Link status")), ("http_status", N_("HTTP status")),
    ("broken_since", N_("Broken since")), ("checked_at", N_("Last checked")),
)

SQL = f"""
SELECT g.name AS agency, g.title AS agency_title, p.name AS dataset, p.title AS dataset_title,
       coalesce(nullif(r.name, ''), r.id) AS resource, c.url, c.status, c.http_status,
       c.first_broken_at::date AS broken_since, c.checked_at::date AS checked_at
FROM opengov_link_check c
JOIN resource r ON r.id = c.resource_id AND r.state = 'active' AND r.url = c.url
JOIN package p ON p.id = r.package_id
JOIN "group" g ON g.id = p.owner_org AND g.state = 'active'
WHERE c.status IN {tuple(FAILING)} AND {queries.LIVE_PUBLIC.format(id="p.id")}
  AND (CAST(:agency AS text) IS NULL OR g.id = :agency OR g.name = :agency)
ORDER BY g.title, c.first_broken_at, p.title, r.position
"""


def rows(conn, day=None, agency=None, **_):
    yield from queries.rows(conn, SQL, agency=agency)
