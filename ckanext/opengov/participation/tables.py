"""The participation tables (created by migration 0008_participation), for SQLAlchemy Core.

Kept on a MetaData of their own: CKAN's model does not know them, so ``ckan db`` never creates
or drops them; the migration does.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

datarequest = sa.Table(
    "opengov_datarequest", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("title", sa.UnicodeText),
    sa.Column("description", sa.UnicodeText),
    sa.Column("purpose", sa.UnicodeText),
    sa.Column("wanted_format", sa.UnicodeText),
    sa.Column("owner_org", sa.UnicodeText),
    sa.Column("user_id", sa.UnicodeText),
    sa.Column("private", sa.Boolean),
    sa.Column("status", sa.UnicodeText),
    sa.Column("dataset_id", sa.UnicodeText),
    sa.Column("reason", sa.UnicodeText),
    sa.Column("hidden", sa.Boolean),
    sa.Column("created", sa.DateTime),
    sa.Column("modified", sa.DateTime),
    sa.Column("first_answered", sa.DateTime),
    sa.Column("closed", sa.DateTime),
)

event = sa.Table(
    "opengov_datarequest_event", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("request_id", sa.UnicodeText),
    sa.Column("user_id", sa.UnicodeText),
    sa.Column("status", sa.UnicodeText),
    sa.Column("owner_org", sa.UnicodeText),
    sa.Column("note", sa.UnicodeText),
    sa.Column("dataset_id", sa.UnicodeText),
    sa.Column("created", sa.DateTime),
)

comment = sa.Table(
    "opengov_datarequest_comment", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("request_id", sa.UnicodeText),
    sa.Column("user_id", sa.UnicodeText),
    sa.Column("body", sa.UnicodeText),
    sa.Column("hidden", sa.Boolean),
    sa.Column("created", sa.DateTime),
)

follow_request = sa.Table(
    "opengov_follow_datarequest", metadata,
    sa.Column("user_id", sa.UnicodeText, primary_key=True),
    sa.Column("request_id", sa.UnicodeText, primary_key=True),
    sa.Column("created", sa.DateTime),
)

follow_search = sa.Table(
    "opengov_follow_search", metadata,
    sa.Column("id", sa.UnicodeText, primary_key=True),
    sa.Column("user_id", sa.UnicodeText),
    sa.Column("q", sa.UnicodeText),
    sa.Column("organization", sa.UnicodeText),
    sa.Column("groups", sa.UnicodeText),
    sa.Column("created", sa.DateTime),
)

subscription = sa.Table(
    "opengov_digest_subscription", metadata,
    sa.Column("user_id", sa.UnicodeText, primary_key=True),
    sa.Column("frequency", sa.UnicodeText),
    sa.Column("language", sa.UnicodeText),
    sa.Column("last_sent", sa.DateTime),
    sa.Column("created", sa.DateTime),
)
