"""A plain (non-editable) install carries the schemas and the compiled Thai catalog."""
from __future__ import annotations

import glob
import os
import subprocess
import sys
import sysconfig
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CHECK = textwrap.dedent(
    """
    import importlib.metadata, os, sys
    import ckanext.opengov, ckanext.opengov.schemas, yaml
    pkg = os.path.dirname(ckanext.opengov.__file__)
    assert pkg.startswith(sys.prefix), pkg  # the wheel's copy, not the checkout
    schema = yaml.safe_load(open(os.path.join(pkg, "schemas", "dataset.yaml"), encoding="utf-8"))
    assert schema["dataset_type"] == "dataset"
    for name in ("organization.yaml", "group.yaml"):
        assert os.path.isfile(os.path.join(pkg, "schemas", name)), name
    assert os.path.isfile(os.path.join(pkg, "i18n", "th", "LC_MESSAGES", "ckanext-opengov.mo"))
    assert os.path.isfile(os.path.join(pkg, "config_declaration.yaml"))
    assert os.path.isfile(os.path.join(pkg, "migration", "opengov", "alembic.ini"))
    assert os.path.isfile(os.path.join(pkg, "templates", "base.html"))
    (ep,) = importlib.metadata.entry_points(group="ckan.plugins", name="opengov")
    plugin = ep.load()()
    assert plugin.i18n_directory() == os.path.join(pkg, "i18n"), plugin.i18n_directory()
    import gettext
    thai = gettext.translation("ckanext-opengov", plugin.i18n_directory(), ["th"])
    assert "คำสำคัญ" in thai.gettext('Tag "%(tag)s" is shorter than %(min)s characters')
    assert thai.gettext("Skip to main content") == "ข้ามไปยังเนื้อหาหลัก"  # i18n/th/ckan-core.po
    print("ok")
    """
)


def test_wheel_installs_schemas_and_translations_into_a_fresh_venv(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), ROOT],
        check=True,
    )
    (wheel,) = glob.glob(str(tmp_path / "dist" / "ckanext_opengov-*.whl"))
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True)
    fresh_python = str(fresh / "bin" / "python")
    # CKAN and its requirements come from the development venv (after the fresh site-packages,
    # and without its .pth hooks, so the editable checkout is not visible).
    fresh_site = subprocess.run(
        [fresh_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    with open(os.path.join(fresh_site, "zz_dev_site.pth"), "w") as f:
        f.write(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", fresh_python, "install", "--no-deps", "-q", wheel],
        check=True,
    )
    result = subprocess.run(
        [fresh_python, "-c", CHECK], cwd=str(tmp_path), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
