"""ckanext-opengov baseline: the root of our migration history (no tables yet).

Revision ID: 0001_opengov_baseline
Revises:
Create Date: 2026-11-25
"""

revision = "0001_opengov_baseline"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
