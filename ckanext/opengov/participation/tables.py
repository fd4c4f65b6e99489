"""The participation tables, for SQLAlchemy Core: the one reading of their schema in the code.

Migration 0008_participation created them and stays as written (a migration is a frozen record of
the schema at its revision); every column, default, key, constraint and index it made is declared
here too, and tests/participation/test_schema.py checks the two against the migrated PostgreSQL.
A later migration that changes these tables changes this module with it.

Kept on a MetaData of their own: CKAN's model does not know them, so ``ckan db`` never creates
or drops them; the migrations do. Foreign keys name CKAN's tables by string (never resolved here:
every join in participation/ gives its condition).
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _now():
    return sa.text("(now() at time zone 'utc')")


def _created():
    return sa.Column("created", sa.DateTime, nullable=False, server_default=_now())


# A request for data; owner_org is the agency asked (NULL: "any agency"). Status changes,
# redirects and answers are kept in the event table (the history shown on the page).
datarequest = sa.Table(
    "opengov_datarequest", metadata,
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
    _created(),
    sa.Column("modified", sa.DateTime, nullable=False, server_default=_now()),
    sa.Column("first_answered", sa.DateTime, nullable=True),
    sa.Column("closed", sa.DateTime, nullable=True),
    sa.CheckConstraint(
        "status IN ('open', 'received', 'in_progress', 'published', 'declined', 'redirected')",
        name="opengov_datarequest_status"),
    sa.Index("opengov_datarequest_org_idx", "owner_org", "status"),
    sa.Index("opengov_datarequest_user_idx", "user_id", "created"),
)

event = sa.Table(
    "opengov_datarequest_event", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("request_id", sa.UnicodeText, sa.ForeignKey("opengov_datarequest.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="SET NULL"), nullable=True),
    sa.Column("status", sa.UnicodeText, nullable=False),
    sa.Column("owner_org", sa.UnicodeText, nullable=True),
    sa.Column("note", sa.UnicodeText, nullable=False, server_default=""),
    sa.Column("dataset_id", sa.UnicodeText, nullable=True),
    _created(),
    sa.Index("opengov_datarequest_event_idx", "request_id", "created"),
    sa.Index("opengov_datarequest_event_time_idx", "created"),
)

comment = sa.Table(
    "opengov_datarequest_comment", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("request_id", sa.UnicodeText, sa.ForeignKey("opengov_datarequest.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), nullable=False),
    sa.Column("body", sa.UnicodeText, nullable=False),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
    _created(),
    sa.Index("opengov_datarequest_comment_idx", "request_id", "created"),
    sa.Index("opengov_datarequest_comment_user_idx", "user_id", "created"),
)

follow_request = sa.Table(
    "opengov_follow_datarequest", metadata,
    sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("request_id", sa.UnicodeText, sa.ForeignKey("opengov_datarequest.id", ondelete="CASCADE"),
              primary_key=True),
    _created(),
)

# A saved search: the words and filters of /dataset that a person wants to hear about.
follow_search = sa.Table(
    "opengov_follow_search", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), nullable=False),
    sa.Column("q", sa.UnicodeText, nullable=False, server_default=""),
    sa.Column("organization", sa.UnicodeText, nullable=False, server_default=""),
    sa.Column("groups", sa.UnicodeText, nullable=False, server_default=""),
    _created(),
    sa.UniqueConstraint("user_id", "q", "organization", "groups", name="opengov_follow_search_once"),
)

# Who wants digests, how often and in which language; last_sent bounds the next digest.
subscription = sa.Table(
    "opengov_digest_subscription", metadata,
    sa.Column("user_id", sa.UnicodeText, sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("frequency", sa.UnicodeText, nullable=False, server_default="daily"),
    sa.Column("language", sa.UnicodeText, nullable=False, server_default="th"),
    sa.Column("last_sent", sa.DateTime, nullable=True),
    _created(),
    sa.CheckConstraint("frequency IN ('daily', 'weekly', 'off')", name="opengov_digest_frequency"),
    sa.CheckConstraint("language IN ('th', 'en')", name="opengov_digest_language"),
)
