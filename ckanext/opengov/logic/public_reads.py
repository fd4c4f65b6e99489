"""Guards on CKAN core reads that would otherwise name private or classified datasets' content
(tags, memberships) to people outside the owning agency. (Core's agency and category counts
already apply permission labels: tests/security/test_public_reads.py holds them to it.)

Core answers these from SQL over every dataset. We ask Solr instead, through package_search as the
caller: it applies the caller's permission labels (tgdc/permissions.py), so a value is kept only
when some dataset the caller may read carries it (public and เปิดเผย, or their own agency's).
"""
from __future__ import annotations

from typing import Any, Iterable

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.logic.core_guards import NUL_IN_TEXT, problem_message
from ckanext.opengov.messages import bilingual

CHUNK = 200  # values per Solr query, well under Solr's 1,024 boolean clauses


def _sees_everything(context: dict) -> bool:
    return bool(context.get("ignore_auth")) or authz.is_sysadmin(context.get("user"))


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _search(context: dict, **params) -> dict:
    """package_search as the caller (never with ignore_auth), private datasets they may read included."""
    as_caller = {"user": context.get("user") or "", "auth_user_obj": context.get("auth_user_obj")}
    return tk.get_action("package_search")(as_caller, {"include_private": True, **params})


def readable_values(context: dict, field: str, candidates: Iterable[str] | None = None) -> set[str]:
    """Values of the Solr ``field`` found on at least one dataset the caller may read."""
    facet = {"q": "*:*", "rows": 0, "facet.field": [field], "facet.limit": -1, "facet.mincount": 1}
    if candidates is None:
        return set(_search(context, **facet)["facets"].get(field, {}))
    wanted = sorted({c for c in candidates if isinstance(c, str)})
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        fq = f"{field}:(" + " OR ".join(_quoted(v) for v in chunk) + ")"
        found |= set(_search(context, fq=fq, **facet)["facets"].get(field, {})) & set(chunk)
    return found


def _tag_field(data_dict: dict) -> str:
    """Free tags are indexed as ``tags``, a vocabulary's tags as ``vocab_<vocabulary name>``."""
    vocabulary = data_dict.get("vocabulary_id")
    if not vocabulary:
        return "tags"
    found = model.Vocabulary.get(vocabulary)
    return f"vocab_{found.name}" if found else "tags"


def _tag_name(tag: Any) -> str:
    return tag["name"] if isinstance(tag, dict) else tag


def _refuse_nul(data_dict: dict) -> None:
    """Core matches the tag query in SQL, and PostgreSQL refuses a NUL character (a 500)."""
    errors = {}
    for field in ("q", "query", "vocabulary_id"):
        value = data_dict.get(field)
        if any(isinstance(v, str) and "\x00" in v for v in (value if isinstance(value, list) else [value])):
            errors[field] = [bilingual(NUL_IN_TEXT)]
    if errors:
        raise tk.ValidationError(errors)


def _refuse_wrong_types(data_dict: dict, parameters: dict) -> None:
    errors = {field: [bilingual(message)] for field, kind in parameters.items()
              if (message := problem_message(kind, (data_dict or {}).get(field)))}
    if errors:
        raise tk.ValidationError(errors)


def _page(items: list, data_dict: dict) -> list:
    offset = tk.asint(data_dict.get("offset") or 0)
    limit = data_dict.get("limit")
    return items[offset:] if limit in (None, "") else items[offset:offset + tk.asint(limit)]


def _unpaged(data_dict: dict) -> dict:
    return {k: v for k, v in data_dict.items() if k not in ("limit", "offset")}


@tk.chained_action
@tk.side_effect_free
def tag_list(original_action, context, data_dict):
    _refuse_nul(data_dict)
    _refuse_wrong_types(data_dict, {"query": "text", "vocabulary_id": "text", "all_fields": "boolean"})
    tags = original_action(context, data_dict)
    if _sees_everything(context):
        return tags
    readable = readable_values(context, _tag_field(data_dict))
    return [tag for tag in tags if _tag_name(tag) in readable]


@tk.chained_action
@tk.side_effect_free
def tag_search(original_action, context, data_dict):
    _refuse_nul(data_dict)
    if _sees_everything(context):
        return original_action(context, data_dict)
    found = original_action(context, _unpaged(data_dict))
    readable = readable_values(context, _tag_field(data_dict), [t["name"] for t in found["results"]])
    results = [tag for tag in found["results"] if tag["name"] in readable]
    return {"count": len(results), "results": _page(results, data_dict)}


@tk.chained_action
@tk.side_effect_free
def tag_autocomplete(original_action, context, data_dict):
    """Also behind /api/2/util/tag/autocomplete, the keyword box of the dataset form."""
    _refuse_nul(data_dict)
    if _sees_everything(context):
        return original_action(context, data_dict)
    names = original_action(context, _unpaged(data_dict))
    limit = data_dict.get("limit")
    wanted = None if limit in (None, "") else tk.asint(data_dict.get("offset") or 0) + tk.asint(limit)
    kept: list[str] = []
    for start in range(0, len(names), CHUNK):  # a keystroke asks Solr only until the page is full
        chunk = names[start:start + CHUNK]
        readable = readable_values(context, _tag_field(data_dict), chunk)
        kept += [name for name in chunk if name in readable]
        if wanted is not None and len(kept) >= wanted:
            break
    return _page(kept, data_dict)


@tk.chained_action
@tk.side_effect_free
def member_list(original_action, context, data_dict):
    """A group's or agency's dataset members, only those the caller may read (ids of private
    and classified datasets told outsiders they exist)."""
    members = original_action(context, data_dict)
    if _sees_everything(context):
        return members
    dataset_ids = [m[0] for m in members if m[1] == "package"]
    readable = readable_values(context, "id", dataset_ids) if dataset_ids else set()
    return [m for m in members if m[1] != "package" or m[0] in readable]


def get_actions() -> dict:
    return {
        "tag_list": tag_list,
        "tag_search": tag_search,
        "tag_autocomplete": tag_autocomplete,
        "member_list": member_list,
    }


def get_auth_functions() -> dict:
    return {}
