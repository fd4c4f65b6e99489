"""Every string the extension marks for translation is in the Thai catalog, translated."""
from __future__ import annotations

import os
import subprocess
import sys

from babel.messages.pofile import read_po

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THAI_PO = os.path.join(ROOT, "i18n", "th", "LC_MESSAGES", "ckanext-opengov.po")


def _extracted_msgids(tmp_path) -> set[str]:
    pot = tmp_path / "extracted.pot"
    subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "pybabel"), "-q", "extract",
         "-F", "babel.cfg", "-o", str(pot), "ckanext"],
        cwd=ROOT, check=True,
    )
    with open(pot, "rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


def _thai_catalog():
    with open(THAI_PO, "rb") as f:
        return read_po(f, locale="th")


def test_thai_catalog_holds_every_marked_string(tmp_path):
    in_source = _extracted_msgids(tmp_path)
    in_catalog = {m.id if isinstance(m.id, str) else m.id[0] for m in _thai_catalog() if m.id}
    assert in_source, "extraction found no strings: babel.cfg is broken"
    missing = sorted(in_source - in_catalog)
    assert not missing, f"run `make i18n-update` and translate: {missing}"


def test_every_thai_entry_is_translated():
    untranslated = [
        m.id for m in _thai_catalog()
        if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert not untranslated, f"untranslated or fuzzy in th: {untranslated}"
