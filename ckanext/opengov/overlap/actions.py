"""overlap: agencies' judgements on duplicate pairs (``opengov_overlap_judge``,
``opengov_overlap_judgement_list``). The next refresh reads them (transparency/overlap_store.py)."""
from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
from sqlalchemy import text

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.overlap import schema
from ckanext.opengov.transparency.queries import LIVE_PUBLIC

SAME_DATASET = N_("A pair needs two different datasets")
SAME_AGENCY = N_("Both datasets belong to the same agency: duplication is counted across agencies")

UPSERT = text("""
INSERT INTO opengov_overlap_judgement (package_a, package_b, verdict, note, user_id, org_id, created)
VALUES (:a, :b, :verdict, :note, :user_id, :org_id, now() at time zone 'utc')
ON CONFLICT (package_a, package_b) DO UPDATE SET verdict = EXCLUDED.verdict, note = EXCLUDED.note,
  user_id = EXCLUDED.user_id, org_id = EXCLUDED.org_id, created = EXCLUDED.created
RETURNING package_a, package_b, verdict, note, created
""")
LIST = f"""
SELECT j.package_a, j.package_b, j.verdict, j.note, j.created, g.name AS agency, g.title AS agency_title
FROM opengov_overlap_judgement j LEFT JOIN "group" g ON g.id = j.org_id
WHERE {LIVE_PUBLIC.format(id="j.package_a")} AND {LIVE_PUBLIC.format(id="j.package_b")}
  AND (CAST(:pid AS text) IS NULL OR :pid IN (j.package_a, j.package_b))
ORDER BY j.created DESC, j.package_a, j.package_b LIMIT :limit OFFSET :offset
"""


UNKNOWN_FIELD = N_("Unknown field")


def _validate(data_dict, schema_):
    unknown = sorted(str(k) for k in set(data_dict or {}) - set(schema_))
    if unknown:
        # One key of our own: CKAN's error summary reads some field names ("tags") specially.
        raise tk.ValidationError({"unknown_fields": [f"{bilingual(UNKNOWN_FIELD)}: {', '.join(unknown)}"]})
    data, errors = tk.navl_validate(dict(data_dict or {}), schema_, {"session": model.Session})
    if errors:
        raise tk.ValidationError(errors)
    return data


def opengov_overlap_judge(context, data_dict):
    """Mark a pair ``verdict`` = duplicate (confirmed) or not_duplicate, with a ``note``.
    Allowed to editors and admins of either dataset's agency; the latest judgement wins."""
    data = _validate(data_dict, schema.judge_schema())
    a, b = model.Package.get(data["package_a"]), model.Package.get(data["package_b"])
    tk.check_access("opengov_overlap_judge", context, {"package_a": a.id, "package_b": b.id})
    if a.id == b.id:
        raise tk.ValidationError({"package_b": [bilingual(SAME_DATASET)]})
    if a.owner_org == b.owner_org:
        raise tk.ValidationError({"package_b": [bilingual(SAME_AGENCY)]})
    user = model.User.get(context["user"])
    # Which agency spoke: the judge's own one of the two (a sysadmin speaks for neither: the first).
    org = next((o for o in (a.owner_org, b.owner_org)
                if authz.has_user_permission_for_group_or_org(o, user.name, "update_dataset")), a.owner_org)
    first, second = sorted((a.id, b.id))
    row = model.Session.execute(UPSERT, dict(a=first, b=second, verdict=data["verdict"], note=data["note"],
                                             user_id=user.id, org_id=org)).mappings().one()
    model.Session.commit()
    return dict(row, created=row["created"].isoformat(timespec="seconds"))


def opengov_overlap_judgement_list(context, data_dict):
    """Judgements on pairs of public datasets, newest first (optional ``id``: one dataset's)."""
    tk.check_access("opengov_overlap_judgement_list", context, data_dict)
    data = _validate(data_dict, schema.list_schema())
    pid = None
    if data.get("id"):
        pid = model.Package.get(data["id"]).id
    rows = model.Session.execute(text(LIST), dict(pid=pid, limit=data["limit"], offset=data["offset"])).mappings()
    return [dict(r, created=r["created"].isoformat(timespec="seconds")) for r in rows]


def get_actions() -> dict:
    return {"opengov_overlap_judge": opengov_overlap_judge,
            "opengov_overlap_judgement_list": opengov_overlap_judgement_list}
