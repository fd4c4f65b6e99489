"""Compile i18n/<locale>/LC_MESSAGES/ckanext-opengov.po, with i18n/<locale>/ckan-core.po merged
underneath (see i18n/catalogs.py), into the .mo beside it (editable installs).

Fails, naming the file and line, when a catalog does not parse.
Usage: compile_catalogs.py I18N_DIR
"""
import importlib.util
import os
import sys


def _catalogs_module(i18n_dir: str):
    spec = importlib.util.spec_from_file_location("opengov_catalogs", os.path.join(i18n_dir, "catalogs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_all(i18n_dir: str) -> int:
    catalogs = _catalogs_module(i18n_dir)
    count = 0
    for locale in catalogs.locales(i18n_dir):
        mo_path = os.path.join(i18n_dir, locale, "LC_MESSAGES", catalogs.DOMAIN + ".mo")
        newest_source = max(os.path.getmtime(path) for path in catalogs.sources(i18n_dir, locale))
        if os.path.exists(mo_path) and os.path.getmtime(mo_path) >= newest_source:
            continue
        catalogs.compile_locale(i18n_dir, locale, mo_path)
        count += 1
    return count


if __name__ == "__main__":
    compile_all(sys.argv[1])
