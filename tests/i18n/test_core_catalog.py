"""i18n/<locale>/ckan-core.po: our Thai for CKAN core's msgids, merged into ckanext-opengov.mo."""
from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys

from babel.messages.pofile import read_po

from tests.i18n import msgids

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORE_PO = os.path.join(ROOT, "i18n", "th", "ckan-core.po")
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[a-z_]*\}")


def _catalog():
    with open(CORE_PO, "rb") as f:
        return read_po(f, locale="th")


def test_every_entry_is_a_msgid_of_the_installed_ckan_or_scheming(tmp_path):
    known = msgids.core_and_scheming_msgids(tmp_path)
    ids = {" ".join((m.id if isinstance(m.id, str) else m.id[0]).split()) for m in _catalog() if m.id}
    stale = sorted(ids - known)
    assert not stale, f"no longer msgids of the installed CKAN (remove or update them): {stale}"


def test_every_entry_is_translated_with_the_same_placeholders():
    problems = []
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        expected = set(PLACEHOLDER.findall(" ".join(ids)))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != expected:
                problems.append(f"placeholders differ: {ids[0]!r} -> {string!r}")
    assert not problems, "\n".join(problems)


def test_i18n_update_keeps_the_core_translations(tmp_path):
    """`make i18n-update` rewrites ckanext-opengov.po from our code only; the core entries live
    apart and still reach the compiled catalog afterwards."""
    work = tmp_path / "checkout"
    shutil.copytree(os.path.join(ROOT, "i18n"), work / "i18n", ignore=shutil.ignore_patterns("*.mo"))
    shutil.copytree(os.path.join(ROOT, "ckanext"), work / "ckanext", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(os.path.join(ROOT, "babel.cfg"), work)
    before = (work / "i18n" / "th" / "ckan-core.po").read_bytes()
    pybabel = os.path.join(os.path.dirname(sys.executable), "pybabel")
    # The two commands of the Makefile's i18n-update target.
    subprocess.run([pybabel, "-q", "extract", "-F", "babel.cfg", "--no-location", "--sort-output",
                    "-o", "i18n/ckanext-opengov.pot", "ckanext", "i18n/core_js_strings.py"],
                   cwd=work, check=True)
    subprocess.run([pybabel, "-q", "update", "-i", "i18n/ckanext-opengov.pot", "-d", "i18n",
                    "-D", "ckanext-opengov", "--no-fuzzy-matching", "--ignore-pot-creation-date"],
                   cwd=work, check=True)
    assert (work / "i18n" / "th" / "ckan-core.po").read_bytes() == before

    subprocess.run([sys.executable, os.path.join(ROOT, "dev", "compile_catalogs.py"), str(work / "i18n")],
                   check=True)
    thai = gettext.translation("ckanext-opengov", str(work / "i18n"), ["th"])
    assert thai.gettext("Skip to main content") == "ข้ามไปยังเนื้อหาหลัก"  # from ckan-core.po
    assert thai.gettext("Organizations") == "หน่วยงาน"  # replaces core's องค์กร
    assert thai.gettext("Give at least one keyword") == "กรุณาระบุคำสำคัญอย่างน้อยหนึ่งคำ"  # ours
    assert thai.gettext("Reorder resources") == "จัดลำดับทรัพยากร"  # core's, shown by JavaScript
