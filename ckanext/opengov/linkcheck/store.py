"""The link checker's tables (migration 0006): which links to check, and their results."""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import bindparam, text

from ckanext.opengov.linkcheck.probe import FAILING, Result
from ckanext.opengov.transparency.refresh import PUBLIC_SQL

# Public resources only (active, dataset active, not private, classified เปิดเผย); links
# over HTTP(S) and uploads. The least recently checked first, so a run cut short by its budget
# or --limit is continued by the next one.
TARGETS_SQL = f"""
SELECT r.id, r.package_id, r.url, coalesce(r.url_type, '') AS url_type
FROM resource r JOIN package p ON p.id = r.package_id
LEFT JOIN opengov_link_check c ON c.resource_id = r.id
WHERE r.state = 'active' AND p.state = 'active' AND p.type = 'dataset' AND {PUBLIC_SQL}
  AND (r.url_type = 'upload' OR r.url ~* '^https?://')
  AND (CAST(:ids AS text[]) IS NULL OR r.id = ANY(CAST(:ids AS text[])))
ORDER BY c.checked_at NULLS FIRST, r.id
LIMIT :limit
"""

UPSERT_SQL = text("""
INSERT INTO opengov_link_check AS c (resource_id, package_id, url, status, http_status, content_type,
  size, served_format, reason, checked_at, first_broken_at)
VALUES (:resource_id, :package_id, :url, :status, :http_status, :content_type, :size, :served_format,
  :reason, :checked_at, CASE WHEN :failing THEN CAST(:checked_at AS timestamp) END)
ON CONFLICT (resource_id) DO UPDATE SET
  package_id = EXCLUDED.package_id, url = EXCLUDED.url, status = EXCLUDED.status,
  http_status = EXCLUDED.http_status, content_type = EXCLUDED.content_type, size = EXCLUDED.size,
  served_format = EXCLUDED.served_format, reason = EXCLUDED.reason, checked_at = EXCLUDED.checked_at,
  -- "broken since": kept while it stays broken at the same URL; a new URL starts afresh
  first_broken_at = CASE WHEN NOT :failing THEN NULL
                         WHEN c.first_broken_at IS NULL OR c.url <> EXCLUDED.url THEN EXCLUDED.checked_at
                         ELSE c.first_broken_at END
""")
HISTORY_SQL = text("INSERT INTO opengov_link_history (resource_id, checked_at, status, http_status) "
                   "VALUES (:resource_id, :checked_at, :status, :http_status)")
TRIM_SQL = text("""
DELETE FROM opengov_link_history h USING (
  SELECT id, row_number() OVER (PARTITION BY resource_id ORDER BY checked_at DESC, id DESC) AS n
  FROM opengov_link_history WHERE resource_id IN :ids) old
WHERE h.id = old.id AND old.n > :keep
""").bindparams(bindparam("ids", expanding=True))
# A resource deleted, purged or no longer public keeps no result (nor is it listed anywhere).
PRUNE_SQL = text(f"""
DELETE FROM opengov_link_check c WHERE NOT EXISTS (
  SELECT 1 FROM resource r JOIN package p ON p.id = r.package_id
  WHERE r.id = c.resource_id AND r.state = 'active' AND p.state = 'active' AND {PUBLIC_SQL})
""")
LOCK = int(hashlib.sha1(b"opengov_linkcheck").hexdigest()[:15], 16) >> 4  # a stable bigint key


def targets(conn, limit: int, ids: list[str] | None = None) -> list[dict]:
    return [dict(r) for r in conn.execute(text(TARGETS_SQL), {"limit": limit, "ids": ids}).mappings()]


def save(conn, batch: list[tuple[dict, Result, dt.datetime]], history_size: int) -> None:
    rows = [dict(resource_id=t["id"], package_id=t["package_id"], url=t["url"] or "",
                 status=r.status, http_status=r.http_status, content_type=r.content_type, size=r.size,
                 served_format=r.served_format, reason=r.reason, checked_at=at,
                 failing=r.status in FAILING) for t, r, at in batch]
    if not rows:
        return
    conn.execute(UPSERT_SQL, rows)
    conn.execute(HISTORY_SQL, rows)
    conn.execute(TRIM_SQL, {"ids": [r["resource_id"] for r in rows], "keep": max(1, history_size)})


def prune(conn) -> int:
    return conn.execute(PRUNE_SQL).rowcount


def latest(conn, resource_id: str) -> dict | None:
    row = conn.execute(text("SELECT * FROM opengov_link_check WHERE resource_id = :id"),
                       {"id": resource_id}).mappings().one_or_none()
    return dict(row) if row else None


def history(conn, resource_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute(text(
        "SELECT checked_at, status, http_status FROM opengov_link_history WHERE resource_id = :id "
        "ORDER BY checked_at DESC, id DESC"), {"id": resource_id}).mappings()]
