"""Names in the reader's language: an agency's or category's ``title_en`` in English, its Thai
title otherwise. One query per request for the whole site (a few thousand rows at most)."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk


def english_titles() -> dict[str, str]:
    """name, id and Thai title -> title_en of every active agency and category that has one."""
    return _titles()[0]


def english_of_thai_titles() -> dict[str, str]:
    """Thai title -> title_en only: for free text (a data source, a message) that names an agency."""
    return _titles()[1]


def _titles() -> tuple[dict[str, str], dict[str, str]]:
    cache = getattr(tk.g, "_opengov_english_titles", None) if _has_g() else None
    if cache is not None:
        return cache
    rows = (
        model.Session.query(model.Group.id, model.Group.name, model.Group.title, model.Group.extras)
        .filter(model.Group.state == "active")
    )
    titles, of_thai = {}, {}
    for group_id, name, thai_title, extras in rows:
        title_en = (extras or {}).get("title_en")
        if isinstance(title_en, str) and title_en.strip():
            titles[name] = titles[group_id] = title_en.strip()
            # Facets such as the ministry index the Thai title itself.
            if thai_title:
                titles.setdefault(thai_title, title_en.strip())
                of_thai.setdefault(thai_title, title_en.strip())
    if _has_g():
        tk.g._opengov_english_titles = (titles, of_thai)
    return titles, of_thai


def _has_g() -> bool:
    try:
        tk.g._get_current_object()  # noqa: SLF001 (raises outside a request)
        return True
    except (RuntimeError, AttributeError):
        return False


def in_english() -> bool:
    try:
        return tk.h.lang() == "en"
    except (RuntimeError, AttributeError):
        return False


def title(obj, fallback: str = "") -> str:
    """The title to show for an agency/category dict (or its name/id): English when the reader
    reads English and an English title exists."""
    if isinstance(obj, dict):
        key_name, key_id = obj.get("name"), obj.get("id")
        shown = obj.get("title") or obj.get("display_name") or key_name or fallback
        own_en = obj.get("title_en")
    else:
        key_name = key_id = obj
        shown, own_en = fallback or obj, None
    if not in_english():
        return shown or ""
    if isinstance(own_en, str) and own_en.strip():
        return own_en.strip()
    titles = english_titles()
    return titles.get(key_name) or titles.get(key_id) or shown or ""


def text(value: str) -> str:
    """Free text as shown: in English, a text that is exactly an agency's or category's Thai
    title (a data source, a ministry facet value) becomes its English title."""
    if not isinstance(value, str) or not in_english():
        return value
    return english_of_thai_titles().get(value.strip(), value)


def names_in_text(message: str) -> str:
    """A sentence core wrote around a Thai title ("Not authorized to access <title> members
    download") with the English title in its place, for English readers."""
    if not isinstance(message, str) or not in_english():
        return message
    # Longest first: a title inside another title ("กรม…" in "สำนักงาน…กรม…") is not split.
    for thai, english in sorted(english_of_thai_titles().items(), key=lambda kv: -len(kv[0])):
        if thai in message:
            message = message.replace(thai, english)
    return message


def group_for_view(group_dict: dict) -> dict:
    """An agency or category dict made for a page (CKAN's before_view, ``for_view`` contexts
    only, never the API; and every agency/category page through ``h.opengov_group_for_view``,
    since core prepares only some of them for view): its display name in the reader's
    language. ``title`` is left alone: the edit form shows it as the Thai name."""
    if isinstance(group_dict, dict) and in_english():
        shown = title(group_dict)
        if shown:
            group_dict["display_name"] = shown
    return group_dict


def dataset_for_view(pkg_dict: dict) -> dict:
    """A dataset dict made for its page: its agency and categories named in the reader's language."""
    if not in_english():
        return pkg_dict
    organization = pkg_dict.get("organization")
    if isinstance(organization, dict):
        organization["title"] = organization["display_name"] = title(organization) or organization.get("title")
    for group in pkg_dict.get("groups") or []:
        if isinstance(group, dict):
            group["title"] = group["display_name"] = title(group) or group.get("title")
    return pkg_dict


def agency_rows_for_view(rows: list[dict], name_key: str = "name", title_key: str = "title") -> list[dict]:
    """Table rows that name an agency (snapshot tables, SQL results), its title in the reader's
    language; the rows are the page's own copies."""
    if in_english():
        for row in rows:
            row[title_key] = title({"name": row.get(name_key), "title": row.get(title_key)})
    return rows
