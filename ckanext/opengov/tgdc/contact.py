"""Contact details as Thai agencies write them: telephone numbers, URLs and e-mail addresses.

Pure functions returning the reason a value is refused (a message key) or None.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ckan.logic.validators import email_pattern

# Separators people put inside a number: 02-141-7000, 02 141 7000, (02) 141.7000.
_SEPARATORS = re.compile(r"[\s\-.()]")
# "ต่อ 123", "ext. 123", "x123", "#123" after the number.
_EXTENSION = re.compile(r"(?:ต่อ|ext\.?|x|#)\s*\d{1,6}\s*$", re.IGNORECASE)
_NUMBER_PATTERNS = (
    re.compile(r"0[2-7]\d{7}"),  # landline: 0 + area code + number, 9 digits
    re.compile(r"0[689]\d{8}"),  # mobile, 10 digits
    re.compile(r"1\d{3}"),  # four-digit hotline such as 1111
    re.compile(r"1800\d{6}"),  # toll free 1-800-xxx-xxx
)
MAX_URL_LENGTH = 2000


def split_phone_numbers(value: str) -> list[str]:
    """Agencies often give several numbers: "02-141-7000, 081-234-5678"."""
    return [part.strip() for part in re.split(r"[,;/]|\sหรือ\s", value) if part.strip()]


def normalise_phone(number: str) -> str:
    """The digits of one number, +66 turned into the leading 0 and the extension removed."""
    number = _EXTENSION.sub("", number.strip())
    digits = _SEPARATORS.sub("", number)
    if digits.startswith("+66"):
        digits = "0" + digits[3:].lstrip("0")
    return digits


def phone_problem(value: str) -> str | None:
    numbers = split_phone_numbers(value)
    if not numbers:
        return "phone"
    for number in numbers:
        digits = normalise_phone(number)
        if not any(pattern.fullmatch(digits) for pattern in _NUMBER_PATTERNS):
            return "phone"
    return None


def url_problem(value: str) -> str | None:
    if len(value) > MAX_URL_LENGTH or any(ch.isspace() for ch in value):
        return "url"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "url"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "url"
    return None


def email_problem(value: str) -> str | None:
    return None if email_pattern.fullmatch(value.strip()) else "email"


def number_problem(value, low: float, high: float) -> str | None:
    try:
        number = float(str(value).strip())
    except ValueError:
        return "number"
    if not low <= number <= high:  # also refuses NaN
        return "number_range"
    return None
