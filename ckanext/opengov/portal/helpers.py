"""portal: template helpers (registered by plugin.py)."""
from __future__ import annotations

import datetime as dt

import ckan.plugins.toolkit as tk

from ckanext.opengov.portal import categories, home, names, settings
from ckanext.opengov.tgdc import dates


def opengov_portal_text(kind: str) -> str:
    """The sysadmin's title / description / intro / about / terms text in the reader's language
    ("" when none is set: the template then shows the built-in, translated wording)."""
    return settings.text(kind, tk.h.lang())


def opengov_home() -> dict:
    return {
        "figures": home.figures(),
        "latest": home.latest(),
        "most_viewed": home.most_viewed(),
        "tracking": home.tracking_enabled(),
        "categories": home.categories(),
        "ministries": home.ministries(),
    }


def opengov_title(obj, fallback: str = "") -> str:
    """An agency's or category's title in the reader's language (``title_en`` in English)."""
    return names.title(obj, fallback)


def opengov_group_for_view(group_dict) -> str:
    """Called once at the top of the agency/category page templates: core prepares only some
    of those pages for view (not members, edit, bulk, admins), so the page's dict gets its
    display name in the reader's language here. Returns "" to be used in ``{% do %}``."""
    names.group_for_view(group_dict)
    return ""


def opengov_text(value):
    """Free text that is exactly an agency's Thai title (a data source), in the reader's language."""
    return names.text(value)


def opengov_names_in_text(message):
    """A message core wrote around a Thai title (error pages), with English titles in English."""
    return names.names_in_text(message)


# Facets that hold an agency or category name (or a ministry's Thai title).
_NAMED_FACETS = ("organization", "groups", "owner_org", "vocab_ministry")


@tk.chained_helper
def get_facet_items_dict(next_helper, facet, search_facets, *args, **kwargs):
    """Every facet list (dataset search, agency, category, bulk pages) names agencies, categories
    and ministries in the reader's language; the filter value stays the name."""
    items = next_helper(facet, search_facets, *args, **kwargs)
    if facet in _NAMED_FACETS and names.in_english():
        for item in items:
            item["display_name"] = names.title(item.get("name"), item.get("display_name") or "")
    return items


def opengov_facet_links(name: str, items: list[dict], label_function=None) -> list[dict]:
    """Each item of a search facet with its link (the filter added, or removed when active),
    label and count. CKAN's facet_list builds every link with url_for and re-reads the request
    per item; the TGDC's nine facet lists made that a large part of the search page
    (docs/benchmarks.md). The page's URL is built once per list here; the links are the same
    as CKAN's add_url_param / remove_url_param make."""
    from ckan.lib import helpers as core

    base = core._create_url_with_params(params=None)
    current = [(k, v) for k, v in tk.request.args.items(multi=True) if k != "page"]
    links = []
    for item in items:
        if item.get("active"):
            params = list(current)
            params.remove((name, item["name"]))
        else:
            params = current + [(name, item["name"])]
        links.append({"href": core._url_with_params(base, params), "active": item.get("active"),
                      "label": label_function(item) if label_function else item["display_name"],
                      "count": item["count"]})
    return links


@tk.chained_helper
def scheming_field_choices(next_helper, field):
    """A form's choice whose value is an agency or category (the ministry list) is labelled with
    its English title for English readers; bilingual vocabulary labels are left to scheming."""
    choices = next_helper(field)
    if not choices or not names.in_english():
        return choices
    titles = names.english_titles()
    return [dict(c, label=titles[c["value"]])
            if isinstance(c, dict) and isinstance(c.get("label"), str) and c.get("value") in titles else c
            for c in choices]


def opengov_month(value: str) -> str:
    """"2026-11" → "พ.ย. 2569" in Thai, "Nov 2026" in English."""
    try:
        year, month = (int(part) for part in str(value)[:7].split("-"))
        day = dt.date(year, month, 1)
    except (TypeError, ValueError):
        return str(value or "")
    if tk.h.lang() == "th":
        return f"{dates.THAI_MONTHS_SHORT[month - 1]} {year + dates.BE_OFFSET}"
    return day.strftime("%b %Y")


def opengov_date(value) -> str:
    """Any date or datetime (ISO text or object) as a reader expects it: "29 พ.ย. 2569" in
    Thai (Buddhist Era), "29 Nov 2026" in English."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if tk.h.lang() == "th":
        return dates.format_thai_date(value)
    return f"{value.day} {value.strftime('%b %Y')}"


def opengov_category_groups(groups: list[dict]) -> list[dict]:
    return categories.ordered(groups)


def opengov_all_categories() -> list[dict]:
    return categories.all_ordered()


@tk.chained_helper
def render_datetime(next_helper, datetime_, date_format=None, with_hours=False, with_seconds=False):
    """Core's dates in Thai read "29 พฤศจิกายน ค.ศ. 2026": give Thai readers the Buddhist Era
    ("29 พ.ย. 2569", with the time when asked); English and explicit formats stay core's."""
    if date_format or tk.h.lang() != "th":
        return next_helper(datetime_, date_format, with_hours, with_seconds)
    value = _as_datetime(datetime_)
    if value is None:
        return next_helper(datetime_, date_format, with_hours, with_seconds)
    shown = dates.format_thai_date(value.date())
    if with_hours or with_seconds:
        value = _display_time(value)
        shown = f"{dates.format_thai_date(value.date())} {value.strftime('%H:%M:%S' if with_seconds else '%H:%M')}"
    return shown


def _as_datetime(value):
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def _display_time(value: dt.datetime) -> dt.datetime:
    """UTC (CKAN stores naive UTC) in the site's display timezone, as core shows it."""
    try:
        zone = tk.h.get_display_timezone()
    except Exception:  # noqa: BLE001 (no request: keep UTC)
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(zone)


@tk.chained_helper
def get_translated(next_helper, data_dict, field):
    """Core's breadcrumbs ask for an agency's or category's translated title: give English readers
    its ``title_en``."""
    is_group = isinstance(data_dict, dict) and "is_organization" in data_dict  # not a dataset
    if field == "title" and is_group and names.in_english():
        english = names.title(data_dict)
        if english:
            return english
    return next_helper(data_dict, field)


def opengov_csrf_meta_needed() -> bool:
    from flask import request, session

    from ckanext.opengov.web import csrf

    field = tk.config.get("WTF_CSRF_FIELD_NAME") or "_csrf_token"
    return csrf.page_needs_token(tk.current_user.is_authenticated, request.method,
                                 request.endpoint, field in session)


def get_helpers() -> dict:
    return {
        "opengov_csrf_meta_needed": opengov_csrf_meta_needed,
        "opengov_portal_text": opengov_portal_text,
        "opengov_home": opengov_home,
        "opengov_title": opengov_title,
        "opengov_group_for_view": opengov_group_for_view,
        "opengov_text": opengov_text,
        "opengov_names_in_text": opengov_names_in_text,
        "get_facet_items_dict": get_facet_items_dict,
        "opengov_facet_links": opengov_facet_links,
        "scheming_field_choices": scheming_field_choices,
        "opengov_month": opengov_month,
        "opengov_date": opengov_date,
        "opengov_category_groups": opengov_category_groups,
        "opengov_all_categories": opengov_all_categories,
        "render_datetime": render_datetime,
        "get_translated": get_translated,
    }
