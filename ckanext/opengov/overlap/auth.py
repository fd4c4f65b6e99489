"""overlap: who may judge a pair (the agencies that hold it) and who may read judgements (all)."""
from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk


def _orgs_of(data_dict) -> set[str]:
    """The organizations of the two datasets named, read from the datasets themselves."""
    orgs = set()
    for key in ("package_a", "package_b"):
        package = model.Package.get(str((data_dict or {}).get(key) or ""))
        if package is not None and package.owner_org:
            orgs.add(package.owner_org)
    return orgs


def opengov_overlap_judge(context, data_dict=None):
    """Editors and admins of either dataset's agency (sysadmins pass before this runs)."""
    user = context.get("user")
    allowed = bool(user) and any(authz.has_user_permission_for_group_or_org(org, user, "update_dataset")
                                 for org in _orgs_of(data_dict))
    return {"success": allowed}


@tk.auth_allow_anonymous_access
def opengov_overlap_judgement_list(context, data_dict=None):
    """Judgements on public pairs are public: the page shows them."""
    return {"success": True}


def get_auth_functions() -> dict:
    return {"opengov_overlap_judge": opengov_overlap_judge,
            "opengov_overlap_judgement_list": opengov_overlap_judgement_list}
