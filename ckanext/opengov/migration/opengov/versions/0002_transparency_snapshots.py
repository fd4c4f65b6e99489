"""Transparency snapshots: one set of rows per day, re-running a day replaces it.

Revision ID: 0002_transparency_snapshots
Revises: 0001_opengov_baseline
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

revision = "0002_transparency_snapshots"
down_revision = "0001_opengov_baseline"
branch_labels = None
depends_on = None

# Agency-entered text: a malformed date or list must not stop the refresh of every other row.
SAFE_FUNCTIONS = """
CREATE OR REPLACE FUNCTION opengov_safe_date(value text) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value IS NULL OR value !~ '^\\d{4}-\\d{2}-\\d{2}' THEN RETURN NULL; END IF;
  RETURN substring(value FROM 1 FOR 10)::date;
EXCEPTION WHEN others THEN RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION opengov_safe_text_array(value text) RETURNS SETOF text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value IS NULL OR btrim(value) = '' THEN RETURN; END IF;
  IF left(btrim(value), 1) = '[' THEN
    BEGIN
      RETURN QUERY SELECT jsonb_array_elements_text(value::jsonb);
      RETURN;
    EXCEPTION WHEN others THEN NULL;
    END;
  END IF;
  RETURN NEXT value;
END $$;
"""


def upgrade():
    op.execute(SAFE_FUNCTIONS)
    op.create_table(
        "opengov_tr_snapshot",
        sa.Column("snapshot_date", sa.Date, primary_key=True),
        sa.Column("computed_at", sa.DateTime, nullable=False),
        sa.Column("seconds", sa.Float),
        sa.Column("totals", JSONB, nullable=False),
    )
    op.create_table(
        "opengov_tr_dataset",
        sa.Column("snapshot_date", sa.Date, primary_key=True),
        sa.Column("package_id", sa.UnicodeText, primary_key=True),
        sa.Column("org_id", sa.UnicodeText, nullable=False),
        sa.Column("name", sa.UnicodeText, nullable=False),
        sa.Column("title", sa.UnicodeText),
        sa.Column("is_public", sa.Boolean, nullable=False),
        sa.Column("stars", sa.SmallInteger, nullable=False),
        sa.Column("completeness", sa.Float, nullable=False),
        sa.Column("missing_fields", ARRAY(sa.UnicodeText), nullable=False),
        sa.Column("timeliness", sa.UnicodeText, nullable=False),
        sa.Column("update_frequency_unit", sa.UnicodeText),
        sa.Column("last_updated", sa.Date),
        sa.Column("resource_count", sa.Integer, nullable=False),
        sa.Column("created", sa.DateTime),
    )
    op.create_index("opengov_tr_dataset_org", "opengov_tr_dataset", ["snapshot_date", "org_id"])
    op.create_table(
        "opengov_tr_agency",
        sa.Column("snapshot_date", sa.Date, primary_key=True),
        sa.Column("org_id", sa.UnicodeText, primary_key=True),
        sa.Column("name", sa.UnicodeText, nullable=False),
        sa.Column("title", sa.UnicodeText),
        sa.Column("title_en", sa.UnicodeText),
        sa.Column("ministry", sa.UnicodeText),
        sa.Column("public_datasets", sa.Integer, nullable=False),
        sa.Column("private_datasets", sa.Integer, nullable=False),
        sa.Column("mean_stars", sa.Float),
        sa.Column("stars", JSONB, nullable=False),
        sa.Column("mean_completeness", sa.Float),
        sa.Column("timeliness", JSONB, nullable=False),
        sa.Column("no_resources", sa.Integer, nullable=False),
        sa.Column("incomplete", sa.Integer, nullable=False),
        sa.Column("harvest_sources", sa.Integer, nullable=False, server_default="0"),
        sa.Column("harvest_status", sa.UnicodeText),
        sa.Column("harvest_last_success", sa.DateTime),
        sa.Column("harvest_errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("score", sa.Float),
        sa.Column("rank", sa.Integer),
        sa.Column("ministry_rank", sa.Integer),
    )
    op.create_table(
        "opengov_tr_harvest",
        sa.Column("snapshot_date", sa.Date, primary_key=True),
        sa.Column("source_id", sa.UnicodeText, primary_key=True),
        sa.Column("org_id", sa.UnicodeText),
        sa.Column("title", sa.UnicodeText),
        sa.Column("url", sa.UnicodeText),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("last_finished", sa.DateTime),
        sa.Column("last_success", sa.DateTime),
        sa.Column("last_errors", sa.Integer, nullable=False),
        sa.Column("status", sa.UnicodeText, nullable=False),
    )
    op.create_table(
        "opengov_tr_objective",
        sa.Column("snapshot_date", sa.Date, primary_key=True),
        sa.Column("org_id", sa.UnicodeText, primary_key=True),
        sa.Column("objective", sa.UnicodeText, primary_key=True),
        sa.Column("datasets", sa.Integer, nullable=False),
    )
    op.create_table(
        "opengov_tr_overlap",
        sa.Column("snapshot_date", sa.Date, primary_key=True),
        sa.Column("cluster_id", sa.Integer, primary_key=True),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("agencies", sa.Integer, nullable=False),
        sa.Column("members", JSONB, nullable=False),
    )


def downgrade():
    for table in ("opengov_tr_overlap", "opengov_tr_objective", "opengov_tr_harvest",
                  "opengov_tr_agency", "opengov_tr_dataset", "opengov_tr_snapshot"):
        op.drop_table(table)
    op.execute("DROP FUNCTION IF EXISTS opengov_safe_text_array(text)")
    op.execute("DROP FUNCTION IF EXISTS opengov_safe_date(text)")
