"""Values of the wrong type and size for any action parameter, and the parameter names to send.

Hypothesis strategies only (no CKAN): the fuzz in test_no_server_errors.py draws a request body
from `request_bodies(names, real_ids)` for each action.
"""
from __future__ import annotations

import inspect
import re

from hypothesis import strategies as st

# Names almost every action reads, whatever its docstring says.
COMMON_PARAMS = (
    "id", "name", "q", "query", "fq", "limit", "offset", "rows", "start", "sort", "owner_org",
    "package_id", "resource_id", "user", "user_id", "username", "object", "object_type", "capacity",
    "role", "type", "state", "include_private", "include_datasets", "all_fields", "groups", "tags",
    "resources", "extras", "url", "title", "org_id", "datasets", "source_id", "job_id", "organization",
    "since", "date", "table", "agency", "filters", "facet.field", "fields", "order", "view_type",
)

HUGE = 100_000
CONTROL = "".join(chr(c) for c in range(0, 32)) + "\x7f"


def _nested(depth: int, leaf):
    """A list or dict nested `depth` levels (deep, but within what a JSON parser must accept)."""
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**31, -(2**63), 2**64, 10**30]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.5, -1e308, 1e308, 1e-320]),
    st.text(max_size=20),
    st.text(alphabet=CONTROL + "aก/\\'\"%:*", min_size=1, max_size=20),
    st.sampled_from(["", " ", "\x00", "a\x00b", "\ud800",
                     "*:*", "id:*", "{!join}", "[* TO *]", "../../etc/passwd", "true", "null", "-1", "1e999",
                     "2569-13-45", "ข้อมูล", "%00", "'; DROP TABLE package; --"]),
)

sizes = st.sampled_from([
    "x" * HUGE, "ก" * HUGE, "\x00" * 1000, "a\x01" * 5000,
    ["x"] * 10_000, {f"k{i}": i for i in range(2000)},
])

deep = st.builds(_nested, st.sampled_from([5, 40, 200]), scalars)

containers = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8,
)

bad_values = st.one_of(scalars, containers, sizes, deep)


def documented_params(function) -> list[str]:
    """The parameter names an action's docstring names (`:param name:`) and its source reads."""
    doc = inspect.getdoc(function) or ""
    names = set(re.findall(r":param ([A-Za-z_][\w.]*)", doc))
    try:
        source = inspect.getsource(inspect.unwrap(function))
    except (OSError, TypeError):
        source = ""
    names |= set(re.findall(r"data_dict(?:\.get\(|\[)\s*['\"]([\w.]+)['\"]", source))
    return sorted(names)


def request_bodies(names: list[str], real_ids: list[str]):
    """A JSON object: one to four of the action's parameters, each a bad value or a real id
    (so that checks past the first "not found" are reached too)."""
    keys = st.sampled_from(sorted(set(names) | set(COMMON_PARAMS)))
    values = st.one_of(bad_values, st.sampled_from(real_ids)) if real_ids else bad_values
    return st.dictionaries(keys, values, min_size=1, max_size=4)
