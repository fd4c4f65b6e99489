"""Who may see and answer a data request: decided from the stored request and the person's
memberships, never from what the caller sends.

``viewer`` describes the person once (``Viewer.of(user_name)``); the rules are pure functions of
a stored request row and that description, so pages, actions, mail and feeds share them.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

import ckan.authz as authz
import ckan.model as model

ANSWERING_ROLES = ("admin", "editor")


@dataclasses.dataclass(frozen=True)
class Viewer:
    user_id: Optional[str] = None
    sysadmin: bool = False
    # agency id -> the person's role in it (member, editor, admin)
    roles: dict = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, user_name: Optional[str]) -> "Viewer":
        user = model.User.get(user_name) if user_name else None
        if user is None or user.state != "active":
            return cls()
        rows = (model.Session.query(model.Member.group_id, model.Member.capacity)
                .join(model.Group, model.Group.id == model.Member.group_id)
                .filter(model.Member.table_name == "user", model.Member.table_id == user.id,
                        model.Member.state == "active", model.Group.state == "active",
                        model.Group.is_organization.is_(True)))
        return cls(user_id=user.id, sysadmin=authz.is_sysadmin(user.name), roles=dict(rows))

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None


def can_see(request: dict, viewer: Viewer) -> bool:
    """Public requests are seen by everyone until a sysadmin hides them; a private or hidden one
    by its requester, the agency it is addressed to and sysadmins."""
    if viewer.sysadmin or (viewer.signed_in and request["user_id"] == viewer.user_id):
        return True
    if request["owner_org"] and request["owner_org"] in viewer.roles and not request["hidden"]:
        return True
    return not request["private"] and not request["hidden"]


def can_answer(request: dict, viewer: Viewer) -> bool:
    """The admins and editors of the agency the request is addressed to now (and sysadmins)."""
    if viewer.sysadmin:
        return True
    return bool(request["owner_org"]) and viewer.roles.get(request["owner_org"]) in ANSWERING_ROLES


def visible_clause(table, viewer: Viewer):
    """``can_see`` as a SQL condition, for lists."""
    import sqlalchemy as sa

    if viewer.sysadmin:
        return sa.true()
    public = sa.and_(table.c.private.is_(False), table.c.hidden.is_(False))
    if not viewer.signed_in:
        return public
    clauses = [public, table.c.user_id == viewer.user_id]
    if viewer.roles:
        clauses.append(sa.and_(table.c.owner_org.in_(list(viewer.roles)), table.c.hidden.is_(False)))
    return sa.or_(*clauses)
