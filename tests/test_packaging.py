"""Packaging: the wheel installs WITH its declared dependencies into a fresh environment and the
plugin modules import there; every third-party module the package imports is declared."""
from __future__ import annotations

import ast
import glob
import importlib.metadata
import os
import re
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "ckanext", "opengov")
# Wheels of the declared dependencies, kept between runs (the first run downloads them, with
# the development venv's versions as constraints; later runs install offline from here).
WHEELHOUSE = os.path.join(ROOT, ".dev", "wheelhouse")


def _imported_top_levels() -> dict[str, str]:
    """Top-level module -> one file of ckanext/opengov that imports it (absolute imports)."""
    found: dict[str, str] = {}
    for path in glob.glob(os.path.join(PACKAGE, "**", "*.py"), recursive=True):
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], os.path.relpath(path, ROOT))
    return found


def _declared() -> list[str]:
    """setup.py's install_requires, read from its source (names with extras, no versions)."""
    tree = ast.parse(open(os.path.join(ROOT, "setup.py"), encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "install_requires":
            return [re.match(r"[A-Za-z0-9_.\-]+(\[[^\]]*\])?", elt.value).group(0) for elt in node.value.elts]
    raise AssertionError("setup.py has no install_requires")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _provided(requirements: list[str]) -> set[str]:
    """Distributions the declared requirements bring, with the extras they ask for (installed
    metadata of the development venv)."""
    seen: set[str] = set()
    todo = list(requirements)
    while todo:
        requirement = todo.pop()
        match = re.match(r"([A-Za-z0-9_.\-]+)(?:\[([^\]]*)\])?", requirement)
        name, extras = _norm(match.group(1)), {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
        key = name + "[" + ",".join(sorted(extras)) + "]"
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for spec in requires:
            spec_name, _, marker = spec.partition(";")
            wanted = re.findall(r'extra\s*==\s*"([^"]+)"', marker)
            if wanted and not set(wanted) & extras:
                continue
            todo.append(re.match(r"[A-Za-z0-9_.\-]+(\[[^\]]*\])?", spec_name.strip()).group(0))
    return {key.split("[")[0] for key in seen}


def test_every_third_party_import_is_declared():
    distributions = importlib.metadata.packages_distributions()
    provided = _provided(_declared())
    missing = {}
    for module, where in sorted(_imported_top_levels().items()):
        if module in sys.stdlib_module_names or module in ("ckan", "ckanext"):
            continue  # CKAN and ckanext-* (namespace) packages
        owners = {_norm(d) for d in distributions.get(module, [])}
        if not owners & provided:
            missing[module] = (where, sorted(owners) or "not installed")
    assert not missing, f"imported but not in setup.py install_requires: {missing}"


CHECK = textwrap.dedent(
    """
    import importlib, importlib.metadata, os, pkgutil, sys
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
    # Every plugin and DCAT profile the wheel registers loads, and every module imports
    # (alembic revisions run only inside a migration; ops.wsgi builds the app from CKAN_INI).
    for group in ("ckan.plugins", "ckan.rdf.profiles"):
        for ep in importlib.metadata.entry_points(group=group):
            if ep.value.startswith("ckanext.opengov."):
                ep.load()
    for info in pkgutil.walk_packages(ckanext.opengov.__path__, "ckanext.opengov."):
        if ".migration." not in info.name and info.name != "ckanext.opengov.ops.wsgi":
            importlib.import_module(info.name)
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


def _pip(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True, **kwargs)


def test_wheel_installs_with_its_dependencies_into_a_fresh_venv(tmp_path):
    built = _pip("wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"), ROOT)
    assert built.returncode == 0, built.stderr
    (wheel,) = glob.glob(str(tmp_path / "dist" / "ckanext_opengov-*.whl"))
    # The development venv's versions as constraints: the fresh install gets what the tests ran on.
    frozen = _pip("freeze", "--exclude-editable")
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("\n".join(line for line in frozen.stdout.splitlines()
                                     if "==" in line and not line.lower().startswith("ckanext-opengov")))
    os.makedirs(WHEELHOUSE, exist_ok=True)
    fetch = ["wheel", "-q", "-w", WHEELHOUSE, "--find-links", WHEELHOUSE, "-c", str(constraints), wheel]
    if _pip(*fetch, "--no-index").returncode != 0:  # something not in the wheelhouse yet
        fetched = _pip(*fetch, timeout=900)
        assert fetched.returncode == 0, fetched.stderr[-3000:]

    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True)
    fresh_python = str(fresh / "bin" / "python")
    # Nothing of the development venv is visible: only the wheel and what it declares.
    installed = _pip("--python", fresh_python, "install", "-q", "--no-index", "--find-links", WHEELHOUSE,
                     "-c", str(constraints), wheel)
    assert installed.returncode == 0, installed.stderr[-3000:]
    result = subprocess.run([fresh_python, "-c", CHECK], cwd=str(tmp_path), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
