"""Yes/no values as agency catalogs send them (True, "true", "1", "ใช่" ...) and as we store them.

One reading for every yes/no value, ``private`` included: what the classification gate judges
must be what is stored, so a spelling is either understood the same way everywhere or refused.
"""
from __future__ import annotations

from typing import Any

TRUE_WORDS = {"true", "t", "yes", "y", "1", "on", "ใช่"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "off", "ไม่ใช่"}


def as_bool_text(value: Any) -> str | None:
    """The strings the TGDC schema stores ("True"/"False"); None when the value is unreadable."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if value is None or not isinstance(value, (str, int)):
        return None  # lists, dicts, floats: no clear yes or no
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return "True"
    if text in FALSE_WORDS:
        return "False"
    return None


def as_bool(value: Any) -> bool | None:
    """True or False for a clear yes/no value; None for anything else ("maybe", 2, ["true"], {})."""
    text = as_bool_text(value)
    return None if text is None else text == "True"
