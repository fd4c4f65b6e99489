"""Readable URLs from Thai titles: romanised words joined by hyphens (PyThaiNLP's Royal Institute
system), or a short stable id when nothing Latin is left. Pure functions, no CKAN."""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80  # shorter than CKAN's 100, leaving room for a "-2" suffix
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _romanised_words(title: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize
    from pythainlp.transliterate import romanize

    words = []
    for word in word_tokenize(title, keep_whitespace=False):
        words.append(romanize(word) if _THAI.search(word) else word)
    return words


def _ascii(text: str) -> str:
    # romanize() leaves a stray Thai vowel now and then ("kramoุtunimwitya"): drop whatever
    # is not a-z/0-9 once accents are folded.
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")


def slug_from_title(title: str, prefix: str = "d") -> str:
    """ "สถิติประชากรรายจังหวัด" → "sathiti-prachakn-rai-changwat"; "Air quality 2569" →
    "air-quality-2569"; a title with nothing to romanise → "<prefix>-<8 hex of its hash>"."""
    title = (title or "").strip()
    if not title:
        return ""
    slug = "-".join(part for part in (_ascii(w) for w in _romanised_words(title)) if part)
    slug = slug[:MAX_LENGTH].rstrip("-")
    if len(slug) < 2:
        slug = f"{prefix}-{hashlib.sha1(title.encode()).hexdigest()[:8]}"
    return slug


def first_free(slug: str, taken) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… : the first for which ``taken(name)`` is false."""
    if not taken(slug):
        return slug
    n = 2
    while taken(f"{slug}-{n}"):
        n += 1
    return f"{slug}-{n}"
