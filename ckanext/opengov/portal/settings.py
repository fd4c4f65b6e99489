"""Portal texts sysadmins edit on /ckan-admin/config, in Thai and in English (registered by
plugin.py's IConfigurer.update_config_schema).

CKAN's own keys hold the Thai texts (``ckan.site_title``, ``ckan.site_description``,
``ckan.site_intro_text``, ``ckan.site_about``); the keys below add the English ones and the terms of
use. An empty text falls back to the portal's built-in wording, translated by gettext.
"""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

# kind -> (Thai key, English key)
TEXTS = {
    "title": ("ckan.site_title", "ckanext.opengov.site_title_en"),
    "description": ("ckan.site_description", "ckanext.opengov.site_description_en"),
    "intro": ("ckan.site_intro_text", "ckanext.opengov.site_intro_text_en"),
    "about": ("ckan.site_about", "ckanext.opengov.site_about_en"),
    "terms": ("ckanext.opengov.terms_th", "ckanext.opengov.terms_en"),
}
MAX_LENGTH = 20000
TOO_LONG = N_("At most %(max)s characters")


def own_keys() -> list[str]:
    return [key for pair in TEXTS.values() for key in pair if key.startswith("ckanext.")]


def update_config_schema(schema: dict) -> dict:
    ignore_missing = tk.get_validator("ignore_missing")
    unicode_safe = tk.get_validator("unicode_safe")
    for key in own_keys():
        schema[key] = [ignore_missing, unicode_safe, _not_too_long]
    return schema


def _not_too_long(value: str) -> str:
    if len(value) > MAX_LENGTH:
        raise tk.Invalid(bilingual(TOO_LONG, max=MAX_LENGTH))
    return value


def text(kind: str, lang: str) -> str:
    """The sysadmin's text of ``kind`` for a reader of ``lang``: the English one in English when
    set, else the Thai one; "" when none is set."""
    thai_key, english_key = TEXTS[kind]
    thai = (tk.config.get(thai_key) or "").strip()
    if lang == "en":
        return (tk.config.get(english_key) or "").strip() or ("" if kind in ("intro", "about", "terms") else thai)
    return thai
