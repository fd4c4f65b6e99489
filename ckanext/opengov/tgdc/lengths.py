"""How long a free-text value may be, per field, and which values of a write are longer.

Pure functions. Without a limit a 100,000-character title reached Solr, which refuses any single
term over 32,766 UTF-8 bytes, and the write ended in a server error. The default (8,000
characters of at most 4 bytes) keeps even a text without spaces indexable; labels get less.
"""
from __future__ import annotations

DEFAULT_LIMIT = 8000  # descriptions (notes, description, calculation_method), tag_string, unknown keys
URL_LIMIT = 2000
SHORT_LIMITS = {
    "title": 500, "name": 500, "title_en": 500,
    "maintainer": 500, "maintainer_email": 500, "telephone_number": 500, "author": 500,
    "author_email": 500, "data_source": 1000, "accessible_condition": 1000,
    "resource_accessible_condition": 1000, "standard": 1000, "unit_of_measure": 500,
    "resource_unit_of_measure": 500, "positional_accuracy": 500, "resource_positional_accuracy": 500,
    "reference_period": 500, "format": 100, "version": 100,
}
URL_FIELDS = {"url", "reference_url_catalog", "image_url", "website", "catalog_url"}


def limit_for(key: str) -> int:
    if key in URL_FIELDS or key.endswith("_url"):
        return URL_LIMIT
    if key.endswith("_other"):  # the free text beside a list's "อื่นๆ"
        return 500
    return SHORT_LIMITS.get(key, DEFAULT_LIMIT)


def too_long(value, path: str = "", key: str = "") -> list[tuple[str, int, int]]:
    """(dotted path, length, limit) of every string in ``value`` longer than its field allows."""
    if isinstance(value, str):
        limit = limit_for(key)
        return [(path, len(value), limit)] if len(value) > limit else []
    if isinstance(value, dict):
        items = ((k, v, str(k)) for k, v in value.items())
    elif isinstance(value, (list, tuple)):
        items = ((i, v, key) for i, v in enumerate(value))  # list items keep their field's limit
    else:
        return []
    found = []
    for step, item, item_key in items:
        found += too_long(item, f"{path}.{step}" if path else str(step), item_key)
    return found
