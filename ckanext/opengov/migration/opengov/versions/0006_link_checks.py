"""Tables for the link checker's results (linkcheck/).

opengov_link_check: the last result per resource (one row each, replaced by every check).
opengov_link_history: the last few results per resource (trimmed by every run, so it stays
bounded at resources × ckanext.opengov.linkcheck.history_size rows).
No foreign key to CKAN's resource table: a purged resource's rows are dropped by the next run.

Revision ID: 0006_link_checks
Revises: 0005_public_means_open
Create Date: 2026-11-29
"""
from alembic import op

revision = "0006_link_checks"
down_revision = "0005_public_means_open"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("""
        CREATE TABLE opengov_link_check (
          resource_id text PRIMARY KEY,
          package_id text NOT NULL,
          url text NOT NULL,
          status text NOT NULL CHECK (status IN ('works', 'broken', 'refused', 'timeout', 'too_big')),
          http_status integer,
          content_type text,
          size bigint,
          served_format text,
          reason text,
          checked_at timestamp NOT NULL,
          first_broken_at timestamp
        )""")
    op.execute("CREATE INDEX idx_opengov_link_check_status ON opengov_link_check (status)")
    op.execute("CREATE INDEX idx_opengov_link_check_package ON opengov_link_check (package_id)")
    op.execute("""
        CREATE TABLE opengov_link_history (
          id bigserial PRIMARY KEY,
          resource_id text NOT NULL REFERENCES opengov_link_check (resource_id) ON DELETE CASCADE,
          checked_at timestamp NOT NULL,
          status text NOT NULL,
          http_status integer
        )""")
    op.execute("CREATE INDEX idx_opengov_link_history_resource "
               "ON opengov_link_history (resource_id, checked_at DESC)")


def downgrade():
    op.execute("DROP TABLE IF EXISTS opengov_link_history")
    op.execute("DROP TABLE IF EXISTS opengov_link_check")
