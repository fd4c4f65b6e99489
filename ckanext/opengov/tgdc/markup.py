"""Values that a browser would run: script URL schemes in links, markup in short labels.

Pure functions. A resource URL becomes an ``href`` (the download button) and a format is
echoed by CKAN core's format autocomplete without escaping, so both are checked on write.
"""
from __future__ import annotations

import html
import re
import unicodedata

SAFE_SCHEMES = ("http", "https", "ftp")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_MARKUP = re.compile("[<>\"'`]")


def _as_browser_reads(url: str) -> str:
    """The URL as a browser resolves its scheme: entities decoded (an ``href`` is HTML), and
    whitespace, control and invisible format characters dropped (browsers skip tab and line
    breaks inside a scheme: "java\\tscript:" runs), lower case."""
    for _ in range(3):  # "&amp;#106;" decodes to "&#106;", then to "j"
        decoded = html.unescape(url)
        if decoded == url:
            break
        url = decoded
    kept = (c for c in url if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf")))
    return "".join(kept).lower()


def url_scheme_problem(url: str) -> str | None:
    """"scheme" when the URL names a scheme other than http, https or ftp; None otherwise.

    A URL with no scheme at all (the file name CKAN stores for an upload) is fine.
    """
    match = _SCHEME.match(_as_browser_reads(url))
    if match and match.group(1) not in SAFE_SCHEMES:
        return "scheme"
    return None


def has_markup(text: str) -> bool:
    """Characters that open a tag or end an attribute: < > " ' `."""
    return bool(_MARKUP.search(text))
