"""participation: who may do what, judged on the request (or comment, or saved search) touched,
loaded here from its id, never on a parameter such as an agency or a user the caller sends."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ckanext.opengov.participation import access, store
from ckanext.opengov.participation import tables as t


def _viewer(context) -> access.Viewer:
    return access.Viewer.of(context.get("user"))


def _request(data_dict):
    key = (data_dict or {}).get("id")
    return store.get_request(key) if isinstance(key, str) else None


def _signed_in(context, data_dict=None):
    return {"success": _viewer(context).signed_in}


def _sees(context, data_dict):
    """Signed in and allowed to see the request (comment, follow)."""
    viewer, request = _viewer(context), _request(data_dict)
    return {"success": viewer.signed_in and request is not None and access.can_see(request, viewer)}


@tk.auth_allow_anonymous_access
def opengov_datarequest_show(context, data_dict):
    request = _request(data_dict)
    return {"success": request is not None and access.can_see(request, _viewer(context))}


@tk.auth_allow_anonymous_access
def _public(context, data_dict=None):
    """Everyone: the action itself leaves out what the reader may not see."""
    return {"success": True}


def opengov_datarequest_update(context, data_dict):
    request = _request(data_dict)
    return {"success": request is not None and access.can_answer(request, _viewer(context))}


def _sysadmins_only(context, data_dict=None):
    return {"success": False}  # sysadmins pass every check before this runs


def opengov_search_unfollow(context, data_dict):
    key = (data_dict or {}).get("id")
    owner = model.Session.connection().execute(
        sa.select(t.follow_search.c.user_id).where(t.follow_search.c.id == key)).scalar() \
        if isinstance(key, str) else None
    viewer = _viewer(context)
    return {"success": viewer.signed_in and owner == viewer.user_id}


def get_auth_functions() -> dict:
    return {
        "opengov_datarequest_create": _signed_in,
        "opengov_datarequest_show": opengov_datarequest_show,
        "opengov_datarequest_list": _public,
        "opengov_datarequest_update": opengov_datarequest_update,
        "opengov_datarequest_comment": _sees,
        "opengov_datarequest_follow": _sees,
        "opengov_datarequest_unfollow": _sees,
        "opengov_datarequest_moderate": _sysadmins_only,
        "opengov_datarequest_responsiveness": _public,
        "opengov_search_follow": _signed_in,
        "opengov_search_unfollow": opengov_search_unfollow,
        "opengov_follow_list": _signed_in,
        "opengov_digest_subscribe": _signed_in,
        "opengov_digest_send": _sysadmins_only,
        "opengov_whats_new": _public,
    }
