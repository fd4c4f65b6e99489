"""Tables for data requests, follows and digests (participation/).

Revision ID: 0008_participation
Revises: 0007_overlap_judgements
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_participation"
down_revision = "0007_overlap_judgements"
branch_labels = None
depends_on = None


def _now():
    return sa.text("(now() at time zone 'utc')")


def upgrade():
    # A request for data; owner_org is the agency asked (NULL: "any agency"). Status changes,
    # redirects and answers are kept in opengov_datarequest_event (the history shown on the page).
    op.create_table(
        "opengov_datarequest",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("title", sa.UnicodeText, nullable=False),
        sa.Column("description", sa.UnicodeText, nullable=False),
        sa.Column("purpose", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("wanted_format", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("owner_org", sa.UnicodeText, sa.ForeignKey("group.id", ondelete="SET NULL"), nullable=True),
        sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), nullable=False),
        sa.Column("private", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("status", sa.UnicodeText, nullable=False, server_default="open"),
        sa.Column("dataset_id", sa.UnicodeText, sa.ForeignKey("package.id", ondelete="SET NULL"), nullable=True),
        sa.Column("reason", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created", sa.DateTime, nullable=False, server_default=_now()),
        sa.Column("modified", sa.DateTime, nullable=False, server_default=_now()),
        sa.Column("first_answered", sa.DateTime, nullable=True),
        sa.Column("closed", sa.DateTime, nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'received', 'in_progress', 'published', 'declined', 'redirected')",
            name="opengov_datarequest_status"),
    )
    op.create_index("opengov_datarequest_org_idx", "opengov_datarequest", ["owner_org", "status"])
    op.create_index("opengov_datarequest_user_idx", "opengov_datarequest", ["user_id", "created"])
    op.create_table(
        "opengov_datarequest_event",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("request_id", sa.UnicodeText, sa.ForeignKey("opengov_datarequest.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="SET NULL"), nullable=True),
        sa.Column("status", sa.UnicodeText, nullable=False),
        sa.Column("owner_org", sa.UnicodeText, nullable=True),
        sa.Column("note", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("dataset_id", sa.UnicodeText, nullable=True),
        sa.Column("created", sa.DateTime, nullable=False, server_default=_now()),
    )
    op.create_index("opengov_datarequest_event_idx", "opengov_datarequest_event", ["request_id", "created"])
    op.create_index("opengov_datarequest_event_time_idx", "opengov_datarequest_event", ["created"])
    op.create_table(
        "opengov_datarequest_comment",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("request_id", sa.UnicodeText, sa.ForeignKey("opengov_datarequest.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), nullable=False),
        sa.Column("body", sa.UnicodeText, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created", sa.DateTime, nullable=False, server_default=_now()),
    )
    op.create_index("opengov_datarequest_comment_idx", "opengov_datarequest_comment", ["request_id", "created"])
    op.create_index("opengov_datarequest_comment_user_idx", "opengov_datarequest_comment", ["user_id", "created"])
    op.create_table(
        "opengov_follow_datarequest",
        sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("request_id", sa.UnicodeText, sa.ForeignKey("opengov_datarequest.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("created", sa.DateTime, nullable=False, server_default=_now()),
    )
    # A saved search: the words and filters of /dataset that a person wants to hear about.
    op.create_table(
        "opengov_follow_search",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), nullable=False),
        sa.Column("q", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("organization", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("groups", sa.UnicodeText, nullable=False, server_default=""),
        sa.Column("created", sa.DateTime, nullable=False, server_default=_now()),
        sa.UniqueConstraint("user_id", "q", "organization", "groups", name="opengov_follow_search_once"),
    )
    # Who wants digests, how often and in which language; last_sent bounds the next digest.
    op.create_table(
        "opengov_digest_subscription",
        sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("frequency", sa.UnicodeText, nullable=False, server_default="daily"),
        sa.Column("language", sa.UnicodeText, nullable=False, server_default="th"),
        sa.Column("last_sent", sa.DateTime, nullable=True),
        sa.Column("created", sa.DateTime, nullable=False, server_default=_now()),
        sa.CheckConstraint("frequency IN ('daily', 'weekly', 'off')", name="opengov_digest_frequency"),
        sa.CheckConstraint("language IN ('th', 'en')", name="opengov_digest_language"),
    )
    # What's new, feeds and digests read a period of CKAN's activity stream; core indexes it by
    # object and by user only, so a week of the whole catalog would be a scan of every row.
    # (The activity plugin owns the table: skipped if its migrations have not run yet.)
    op.execute("""DO $$ BEGIN
        IF to_regclass('activity') IS NOT NULL THEN
            CREATE INDEX IF NOT EXISTS opengov_activity_timestamp_idx ON activity (timestamp);
        END IF; END $$""")


def downgrade():
    op.execute("DROP INDEX IF EXISTS opengov_activity_timestamp_idx")
    # IF EXISTS: a database that ran this revision's earlier no-op placeholder has none of them.
    for table in ("opengov_digest_subscription", "opengov_follow_search", "opengov_follow_datarequest",
                  "opengov_datarequest_comment", "opengov_datarequest_event", "opengov_datarequest"):
        op.execute(f'DROP TABLE IF EXISTS "{table}"')
