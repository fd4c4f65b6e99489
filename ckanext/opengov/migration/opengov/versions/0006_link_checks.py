"""Tables for the link checker's results (linkcheck/).

Revision ID: 0006_link_checks
Revises: 0005_public_means_open
Create Date: 2026-11-29
"""
from alembic import op  # noqa: F401

revision = "0006_link_checks"
down_revision = "0005_public_means_open"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
