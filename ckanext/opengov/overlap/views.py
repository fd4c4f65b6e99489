"""overlap: the form on /transparency/overlap that records an agency's judgement (POST, CSRF)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint

from ckanext.opengov.messages import N_, bilingual

overlap = Blueprint("opengov_overlap", __name__, url_prefix="/transparency/overlap")
SAVED = N_("Your judgement was recorded; the next refresh uses it.")
FIELDS = ("package_a", "package_b", "verdict", "note")


def judge():
    context = {"user": tk.current_user.name if tk.current_user.is_authenticated else None}
    data = {k: tk.request.form.get(k) for k in FIELDS if tk.request.form.get(k) is not None}
    try:
        tk.get_action("opengov_overlap_judge")(context, data)
    except tk.NotAuthorized:
        tk.abort(403, bilingual(N_("Only the agencies that hold these datasets may judge this pair")))
    except tk.ValidationError as error:
        messages = "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in error.error_dict.items())
        tk.abort(400, messages)
    tk.h.flash_success(bilingual(SAVED))
    return tk.redirect_to("opengov_transparency.overlap")


overlap.add_url_rule("/judge", view_func=judge, endpoint="judge", methods=["POST"])


def get_blueprints() -> list:
    return [overlap]
