"""Build a locale's compiled catalog: our own .po, with CKAN core's missing Thai underneath.

CKAN merges every ITranslation plugin's catalog over core's (flask-babel's Translations.merge:
later wins, and ITranslation iterates the plugins in reverse, so ours comes last), so entries
for core msgids in our domain's .mo replace or complete core's Thai. Those entries live in
<locale>/ckan-core.po, not in <locale>/LC_MESSAGES/ckanext-opengov.po, because `make i18n-update`
would mark them obsolete there: our code does not use them. Where both files hold a msgid,
ckanext-opengov.po wins.

Used by dev/compile_catalogs.py (editable installs) and setup.py's build_py (wheels).
"""
from __future__ import annotations

import os

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "ckanext-opengov"
CORE_SUPPLEMENT = "ckan-core.po"


def sources(i18n_dir: str, locale: str) -> list[str]:
    """The .po files one locale's .mo is made from (the supplement only when it exists)."""
    own = os.path.join(i18n_dir, locale, "LC_MESSAGES", DOMAIN + ".po")
    core = os.path.join(i18n_dir, locale, CORE_SUPPLEMENT)
    return [path for path in (own, core) if os.path.isfile(path)]


def read_catalog(i18n_dir: str, locale: str):
    """The merged catalog; fails naming the file and line when a .po does not parse."""
    own_path, *rest = sources(i18n_dir, locale)
    with open(own_path, "rb") as f:
        catalog = read_po(f, locale=locale, domain=DOMAIN, abort_invalid=True)
    for path in rest:
        with open(path, "rb") as f:
            supplement = read_po(f, locale=locale, abort_invalid=True)
        for message in supplement:
            if message.id and message.id not in catalog:
                catalog[message.id] = message
    return catalog


def compile_locale(i18n_dir: str, locale: str, mo_path: str) -> None:
    catalog = read_catalog(i18n_dir, locale)
    os.makedirs(os.path.dirname(mo_path), exist_ok=True)
    with open(mo_path, "wb") as f:
        write_mo(f, catalog)


def locales(i18n_dir: str) -> list[str]:
    """Locales that have our domain's .po."""
    return sorted(
        name for name in os.listdir(i18n_dir)
        if os.path.isfile(os.path.join(i18n_dir, name, "LC_MESSAGES", DOMAIN + ".po"))
    )
