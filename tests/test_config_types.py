"""Every numeric or yes/no option the extension declares reaches the code as a number or a
boolean (config_declaration.yaml gives it a `type:` or a converting validator), so no module
casts config values by hand."""
from __future__ import annotations

import ast
import glob
import os

import ckan.plugins.toolkit as tk
import pytest
import yaml

import ckanext.opengov

PACKAGE = os.path.dirname(ckanext.opengov.__file__)


def _options() -> list[dict]:
    with open(os.path.join(PACKAGE, "config_declaration.yaml"), encoding="utf-8") as f:
        declaration = yaml.safe_load(f)
    return [option for group in declaration["groups"] for option in group["options"]]


NUMERIC = [o for o in _options() if isinstance(o.get("default"), (bool, int, float))]


def test_there_are_typed_options_to_check():
    assert len(NUMERIC) >= 20


@pytest.mark.parametrize("option", NUMERIC, ids=[o["key"] for o in NUMERIC])
def test_every_numeric_option_is_typed(option):
    default = option["default"]
    value = tk.config.get(option["key"])
    assert option.get("type") in ("int", "bool") or "convert_float" in option.get("validators", ""), option["key"]
    expected = bool if isinstance(default, bool) else (float if isinstance(default, float) or
                                                      "convert_float" in option.get("validators", "") else int)
    assert isinstance(value, expected), (option["key"], value)


def _reads_option(node) -> bool:
    """x.get("ckanext.opengov..."), or that call `or` a fallback."""
    if isinstance(node, ast.BoolOp):
        node = node.values[0]
    return (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "get" and node.args
            and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).startswith("ckanext.opengov."))


def test_no_module_casts_an_opengov_option_by_hand():
    """int(tk.config.get("ckanext.opengov...")), float(...), tk.asint/asbool(...) of a declared option."""
    casts = []
    for path in glob.glob(os.path.join(PACKAGE, "**", "*.py"), recursive=True):
        where = os.path.relpath(path, PACKAGE)
        tree = ast.parse(open(path, encoding="utf-8").read())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in ("int", "float", "bool", "asint", "asbool") and _reads_option(node.args[0]):
                casts.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    assert casts == [], "\n".join(casts)


def test_the_configuration_page_lists_every_option():
    """docs/configuration.md is the operator's list: an option declared and not listed there is
    one nobody finds."""
    docs = open(os.path.join(os.path.dirname(PACKAGE), "..", "docs", "configuration.md"), encoding="utf-8").read()
    declared = [o["key"] for g in yaml.safe_load(open(os.path.join(PACKAGE, "config_declaration.yaml")))["groups"]
                for o in g["options"]]
    assert [key for key in declared if f"`{key}`" not in docs] == []
