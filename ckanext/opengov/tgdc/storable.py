"""Text that cannot be stored or published: NUL, other control characters, lone surrogates.

PostgreSQL refuses NUL with a server error; other C0 control characters and the non-characters
U+FFFE/U+FFFF are stored but make the dataset's RDF/XML export unreadable (XML 1.0 forbids
them); lone surrogates cannot be encoded as UTF-8. We refuse them first, naming the field.
Tab, line feed and carriage return stay allowed (descriptions are Markdown).
"""
from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def has_forbidden_characters(text: str) -> bool:
    return bool(_FORBIDDEN.search(text))


def unstorable_fields(value, path: str = "") -> list[str]:
    """Dotted paths (``resources.0.name``) of the strings in ``value`` holding such characters."""
    if isinstance(value, str):
        return [path] if has_forbidden_characters(value) else []
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return []
    found = []
    for key, item in items:
        found += unstorable_fields(item, f"{path}.{key}" if path else str(key))
    return found
