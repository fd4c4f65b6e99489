"""Tables for agencies' judgements on duplicate pairs (overlap/).

Revision ID: 0007_overlap_judgements
Revises: 0006_link_checks
Create Date: 2026-11-29
"""
from alembic import op  # noqa: F401

revision = "0007_overlap_judgements"
down_revision = "0006_link_checks"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
