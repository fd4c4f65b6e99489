"""How the portal names a harvest source's URL without giving away its secrets (transparency
pages and downloads, and the harvested records that point back at their source).

A source URL may carry credentials: ``http://user:password@host/path?token=…``, an API key as a
path segment, a signed query. The public sees only what identifies the source (scheme, host,
port); an agency's own admins, on its scorecard, see the whole URL only when nothing in it looks
like a credential, and otherwise the same public form. Pure functions, no CKAN.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

# Query keys and path words that name a secret (matched inside longer names: access_token, x-api-key).
_SECRET_WORDS = re.compile(
    r"token|key|secret|pass|pwd|auth|sig|session|sid|credential|cred|otp|code|ticket|jwt|bearer",
    re.IGNORECASE)
# A value that reads like a generated secret: long, and mixing letters with digits.
_TOKEN_LIKE = re.compile(r"^[A-Za-z0-9_\-.~+/=%]{20,}$")


def _looks_generated(text: str) -> bool:
    return bool(_TOKEN_LIKE.match(text)) and any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _split(url):
    try:
        parts = urlsplit(str(url or "").strip())
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "ftp", "ftps") or not parts.hostname:
        return None
    return parts


def public_form(url) -> str:
    """``scheme://host[:port]``: no user, password, path, query or fragment ('' if unreadable)."""
    parts = _split(url)
    if parts is None:
        return ""
    host = parts.hostname
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.lower()}://{host}{port}"


def holds_credentials(url) -> bool:
    """True when any part of the URL may be a secret: a user or password, a query key or path
    segment naming one, or a value that looks generated. Unreadable URLs count as secret."""
    parts = _split(url)
    if parts is None:
        return True
    if "@" in parts.netloc:
        return True
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if _SECRET_WORDS.search(key) or _looks_generated(value):
            return True
    for segment in unquote(parts.path).split("/"):
        if _looks_generated(segment) or (_SECRET_WORDS.search(segment) and "=" in segment):
            return True
    for piece in re.split(r"[;&]", unquote(parts.fragment)):
        if piece and (_SECRET_WORDS.search(piece) or _looks_generated(piece.split("=")[-1])):
            return True
    return False


def admin_form(url) -> str:
    """For the agency's own admins: the URL as registered when it holds no credentials, else the
    public form. Never a password."""
    if holds_credentials(url):
        return public_form(url)
    return str(url).strip()
