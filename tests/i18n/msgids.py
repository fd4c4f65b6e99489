"""The msgids the interface can show: CKAN core's (its .pot, and its installed templates, which
hold a few strings the shipped .pot lacks), ckanext-scheming's and ckanext-harvest's (they ship no
Thai) and ours, extracted the way `make i18n-update` extracts ours."""
from __future__ import annotations

import os
import subprocess
import sys

import ckan
import ckanext.harvest
import ckanext.scheming

from tests.i18n.visible_text import read_msgids

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORE_POT = os.path.join(os.path.dirname(ckan.__file__), "i18n", "ckan.pot")
TEMPLATES_CFG = "[ckan: **/templates/**.html]\nencoding = utf-8\n"
CODE_AND_TEMPLATES_CFG = "[python: **.py]\n" + TEMPLATES_CFG


def extract(tmp_path, name: str, source_dir: str, cfg_text: str = TEMPLATES_CFG) -> set[str]:
    """pybabel extraction into a scratch .pot (templates only unless told otherwise)."""
    cfg = tmp_path / f"{name}-babel.cfg"
    cfg.write_text(cfg_text)
    pot = tmp_path / f"{name}.pot"
    subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "pybabel"), "-q", "extract",
         "-F", str(cfg), "-o", str(pot), source_dir],
        cwd=ROOT, check=True,
    )
    return read_msgids(str(pot))


def core_and_scheming_msgids(tmp_path) -> set[str]:
    return (
        read_msgids(CORE_POT)
        | extract(tmp_path, "ckan", os.path.dirname(ckan.__file__), CODE_AND_TEMPLATES_CFG)
        | extract(tmp_path, "scheming", os.path.dirname(ckanext.scheming.__file__), CODE_AND_TEMPLATES_CFG)
        | extract(tmp_path, "harvest", os.path.dirname(ckanext.harvest.__file__), CODE_AND_TEMPLATES_CFG)
    )


def interface_msgids(tmp_path) -> set[str]:
    with open(os.path.join(ROOT, "babel.cfg"), encoding="utf-8") as f:
        ours = f.read()
    return core_and_scheming_msgids(tmp_path) | extract(tmp_path, "opengov", "ckanext", ours)
