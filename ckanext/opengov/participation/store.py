"""Reading and writing the participation tables (SQLAlchemy Core on CKAN's session, so a
request, its event and its follow are written in one transaction with the caller's commit)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Optional

import ckan.model as model
import sqlalchemy as sa

from ckanext.opengov.participation import tables as t

OPEN_CLASSIFICATION = "เปิดเผย"


def now() -> dt.datetime:
    return dt.datetime.utcnow()


def new_id() -> str:
    return str(uuid.uuid4())


def _conn():
    return model.Session.connection()


def get_request(request_id: str) -> Optional[dict]:
    row = _conn().execute(sa.select(t.datarequest).where(t.datarequest.c.id == request_id)).mappings().first()
    return dict(row) if row else None


def insert(table, **values) -> dict:
    _conn().execute(table.insert().values(**values))
    return values


def update_request(request_id: str, **values) -> None:
    _conn().execute(t.datarequest.update().where(t.datarequest.c.id == request_id).values(**values))


def events(request_id: str) -> list[dict]:
    return [dict(r) for r in _conn().execute(
        sa.select(t.event).where(t.event.c.request_id == request_id).order_by(t.event.c.created, t.event.c.id)
    ).mappings()]


def comments(request_id: str, include_hidden: bool) -> list[dict]:
    query = sa.select(t.comment).where(t.comment.c.request_id == request_id)
    if not include_hidden:
        query = query.where(t.comment.c.hidden.is_(False))
    return [dict(r) for r in _conn().execute(query.order_by(t.comment.c.created, t.comment.c.id)).mappings()]


def get_comment(comment_id: str) -> Optional[dict]:
    row = _conn().execute(sa.select(t.comment).where(t.comment.c.id == comment_id)).mappings().first()
    return dict(row) if row else None


def followers(request_id: str) -> list[str]:
    return [r[0] for r in _conn().execute(
        sa.select(t.follow_request.c.user_id).where(t.follow_request.c.request_id == request_id))]


def follow(user_id: str, request_id: str) -> None:
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    _conn().execute(pg_insert(t.follow_request).values(
        user_id=user_id, request_id=request_id, created=now()).on_conflict_do_nothing())


def unfollow(user_id: str, request_id: str) -> None:
    _conn().execute(t.follow_request.delete().where(
        t.follow_request.c.user_id == user_id, t.follow_request.c.request_id == request_id))


def count_since(table, user_id: str, since: dt.datetime) -> int:
    return _conn().execute(sa.select(sa.func.count()).select_from(table).where(
        table.c.user_id == user_id, table.c.created >= since)).scalar()


def agency(id_or_name: str) -> Optional[model.Group]:
    group = model.Group.get(id_or_name)
    if group is None or not group.is_organization or group.state != "active":
        return None
    return group


def public_dataset(id_or_name: str) -> Optional[model.Package]:
    """The dataset if anyone may read it: active, not private, classified เปิดเผย."""
    pkg = model.Package.get(id_or_name)
    if pkg is None or pkg.state != "active" or pkg.private or pkg.type != "dataset":
        return None
    if (pkg.extras or {}).get("data_classification") != OPEN_CLASSIFICATION:
        return None
    return pkg


def agency_recipients(org_id: str) -> list[model.User]:
    """The admins of an agency (who are told of a new request), with an e-mail address."""
    return (model.Session.query(model.User)
            .join(model.Member, model.Member.table_id == model.User.id)
            .filter(model.Member.group_id == org_id, model.Member.table_name == "user",
                    model.Member.state == "active", model.Member.capacity == "admin",
                    model.User.state == "active", model.User.email.isnot(None), model.User.email != "")
            .all())
