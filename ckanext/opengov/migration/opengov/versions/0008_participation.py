"""Tables for data requests, follows and digests (participation/).

Revision ID: 0008_participation
Revises: 0007_overlap_judgements
Create Date: 2026-11-29
"""
from alembic import op  # noqa: F401

revision = "0008_participation"
down_revision = "0007_overlap_judgements"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
