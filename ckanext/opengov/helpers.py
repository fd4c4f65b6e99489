"""Template helpers (``h.opengov_*``)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.tgdc import agencies
from ckanext.opengov.tgdc import datatypes, dates, vocabularies


def opengov_language_switch_enabled() -> bool:
    return tk.config.get("ckanext.opengov.language_switch")


def opengov_other_locale() -> str:
    """The locale the header's switch offers: Thai readers get English, everyone else Thai."""
    return "en" if tk.h.lang() == "th" else "th"


def opengov_language_switch_url() -> str:
    """This page, query included, in the other locale ('default' drops the locale prefix)."""
    other = opengov_other_locale()
    locale = "default" if other == tk.config.get("ckan.locale_default") else other
    request = tk.request
    params = dict(request.view_args or {})
    for key, values in request.args.lists():  # keeps repeated filters such as ?tags=a&tags=b
        params[key] = values if len(values) > 1 else values[0]
    return tk.h.url_for(request.endpoint, locale=locale, **params)


def opengov_vocabulary_choices(field: dict) -> list[dict]:
    """scheming ``choices_helper``: the choices of the vocabulary named by ``field['vocabulary']``."""
    return vocabularies.scheming_choices(field["vocabulary"])


def opengov_display_date(value) -> str:
    """A stored ISO date as readers expect it: "25 พ.ย. 2569" in Thai, ISO in English."""
    if not value:
        return ""
    return dates.format_thai_date(value) if tk.h.lang() == "th" else str(value)[:10]


def opengov_fields_to_show(fields, data, pkg_dict, exclude=()) -> list[dict]:
    return datatypes.fields_to_show(fields, data or {}, (pkg_dict or {}).get("data_type"), exclude)


def opengov_form_rules(fields, package_id=None) -> dict:
    """The form script's rules; a resource form also gets its dataset's type."""
    rules = datatypes.form_rules(fields)
    if package_id:
        try:
            dataset = tk.get_action("package_show")({}, {"id": package_id})
        except (tk.ObjectNotFound, tk.NotAuthorized):
            dataset = {}
        rules["current_type"] = datatypes.type_code(dataset.get("data_type"))
    return rules


def opengov_facet_label(item: dict) -> str:
    """A facet value as shown: an agency's or category's English title to English readers."""
    from ckanext.opengov.portal import names

    shown = item.get("display_name") or item.get("name", "")
    if names.in_english() and item.get("name"):
        return names.english_titles().get(item["name"]) or shown
    return shown


def get_helpers() -> dict:
    return {
        "opengov_facet_label": opengov_facet_label,
        "opengov_ministry_choices": agencies.ministry_choices,
        "opengov_agency_tree": agencies.tree,
        "opengov_fields_to_show": opengov_fields_to_show,
        "opengov_form_rules": opengov_form_rules,
        "opengov_display_date": opengov_display_date,
        "opengov_language_switch_enabled": opengov_language_switch_enabled,
        "opengov_other_locale": opengov_other_locale,
        "opengov_language_switch_url": opengov_language_switch_url,
        "opengov_vocabulary_choices": opengov_vocabulary_choices,
    }
