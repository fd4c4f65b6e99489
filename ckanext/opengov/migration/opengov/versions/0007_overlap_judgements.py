"""Tables for agencies' judgements on duplicate pairs (overlap/).

Revision ID: 0007_overlap_judgements
Revises: 0006_link_checks
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007_overlap_judgements"
down_revision = "0006_link_checks"
branch_labels = None
depends_on = None


def upgrade():
    # One judgement per pair (package_a < package_b); the latest one wins.
    op.create_table(
        "opengov_overlap_judgement",
        sa.Column("package_a", sa.UnicodeText, primary_key=True),
        sa.Column("package_b", sa.UnicodeText, primary_key=True),
        sa.Column("verdict", sa.UnicodeText, nullable=False),
        sa.Column("note", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("user_id", sa.UnicodeText, nullable=False),
        sa.Column("org_id", sa.UnicodeText, nullable=False),   # the agency the judge spoke for
        sa.Column("created", sa.DateTime, nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("package_a < package_b", name="opengov_overlap_judgement_ordered"),
        sa.CheckConstraint("verdict IN ('duplicate', 'not_duplicate')", name="opengov_overlap_judgement_verdict"),
    )
    # Each stored group names its pairs with the evidence ("why") the page shows.
    op.add_column("opengov_tr_overlap", sa.Column("pairs", JSONB, nullable=False, server_default="[]"))


def downgrade():
    op.drop_column("opengov_tr_overlap", "pairs")
    op.drop_table("opengov_overlap_judgement")
