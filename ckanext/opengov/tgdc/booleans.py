"""Yes/no values as agency catalogs send them (True, "true", "1", "ใช่" ...) and as we store them."""
from __future__ import annotations

from typing import Any

TRUE_WORDS = {"true", "t", "yes", "y", "1", "on", "ใช่"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "off", "ไม่ใช่"}


def as_bool_text(value: Any) -> str | None:
    """The strings the TGDC schema stores ("True"/"False"); None when the value is unreadable."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return "True"
    if text in FALSE_WORDS:
        return "False"
    return None
