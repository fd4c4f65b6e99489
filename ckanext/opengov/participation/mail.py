"""Mail to people, through CKAN's mailer (``smtp.*`` options), in the reader's language.

Sending never breaks what the person did: an unreachable SMTP server is logged and the request,
answer or digest stays stored (a digest is retried next run because ``last_sent`` is not moved).
"""
from __future__ import annotations

import contextlib
import logging
from typing import Optional

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckan.lib import mailer
from itsdangerous import BadSignature, URLSafeSerializer

from ckanext.opengov.participation import tables as t

log = logging.getLogger(__name__)
_SALT = "opengov-digest-unsubscribe"


@contextlib.contextmanager
def language(lang: str):
    """Translate ``tk._`` into ``lang`` (th or en) inside the block."""
    from flask_babel import force_locale

    with force_locale(lang if lang in ("th", "en") else "th"):
        yield


def reader_language(user_id: str) -> str:
    """The language a person chose for mail (their digest setting), else the site's default."""
    chosen = model.Session.connection().execute(
        sa.select(t.subscription.c.language).where(t.subscription.c.user_id == user_id)).scalar()
    return chosen or tk.config.get("ckan.locale_default") or "th"


def send(user: model.User, subject: str, body: str, headers: Optional[dict] = None) -> bool:
    if not user.email:
        return False
    try:
        mailer.mail_recipient(user.display_name, user.email, subject, body, headers=headers)
        return True
    except Exception as error:  # noqa: BLE001  (a misconfigured mailer raises more than MailerException)
        log.warning("participation mail to %s not sent: %r", user.name, error)
        return False


def site_url(path: str) -> str:
    return tk.config.get("ckan.site_url", "").rstrip("/") + path


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(tk.config.get("SECRET_KEY") or tk.config.get("beaker.session.secret"), salt=_SALT)


def unsubscribe_token(user_id: str) -> str:
    return _serializer().dumps(user_id)


def user_of_token(token: str) -> Optional[str]:
    """The user id a token was signed for, or None when it is not one of ours."""
    try:
        value = _serializer().loads(token)
    except (BadSignature, UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, str) else None
