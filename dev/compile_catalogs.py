"""Compile every i18n/<locale>/LC_MESSAGES/*.po into a .mo beside it (editable installs).

Fails, naming the file and line, when a catalog does not parse.
Usage: compile_catalogs.py I18N_DIR
"""
import glob
import os
import sys

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_all(i18n_dir: str) -> int:
    count = 0
    for po_path in glob.glob(os.path.join(i18n_dir, "*", "LC_MESSAGES", "*.po")):
        mo_path = po_path[:-3] + ".mo"
        if os.path.exists(mo_path) and os.path.getmtime(mo_path) >= os.path.getmtime(po_path):
            continue
        locale = po_path.split(os.sep)[-3]
        with open(po_path, "rb") as f:
            catalog = read_po(f, locale=locale, abort_invalid=True)
        with open(mo_path, "wb") as f:
            write_mo(f, catalog)
        count += 1
    return count


if __name__ == "__main__":
    compile_all(sys.argv[1])
