"""Tag rules that accept Thai.

CKAN's stock tag validator matches ``[\\w \\-.]``, and ``\\w`` excludes the combining marks
(Unicode category Mn) that Thai writes vowels and tone marks with, so "น้ำ" or "ข้าว" are
refused. Here a tag may hold letters, combining marks and digits of any script, spaces and
``- _ .``; control characters and markup are still refused.
"""
from __future__ import annotations

import unicodedata

MIN_LENGTH = 2
MAX_LENGTH = 100
_PUNCTUATION_ALLOWED = frozenset(" -_.")


def _char_allowed(char: str) -> bool:
    if char in _PUNCTUATION_ALLOWED:
        return True
    return unicodedata.category(char)[0] in ("L", "M", "N")


def split_tag_string(value: str) -> list[str]:
    """Split a comma-separated tag string the way CKAN's form sends it."""
    return [tag.strip() for tag in value.split(",") if tag.strip()]


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not an acceptable tag, as a key of TAG_MESSAGES, or None when it is fine."""
    if len(tag) < MIN_LENGTH:
        return "too_short"
    if len(tag) > MAX_LENGTH:
        return "too_long"
    if not all(_char_allowed(c) for c in tag):
        return "bad_characters"
    return None
