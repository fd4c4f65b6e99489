"""Index the TGDC reference_url_catalog of datasets: harvests look up every new record's original.

Without it each new harvested record scans the whole package table for a dataset copying the same
original (two sources must not both publish one record).

Revision ID: 0003_reference_url_index
Revises: 0002_transparency_snapshots
Create Date: 2026-11-25
"""
from alembic import op

revision = "0003_reference_url_index"
down_revision = "0002_transparency_snapshots"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "CREATE INDEX IF NOT EXISTS idx_opengov_package_reference_url "
        "ON package ((extras ->> 'reference_url_catalog'))"
    )


def downgrade():
    op.execute("DROP INDEX IF EXISTS idx_opengov_package_reference_url")
