"""WSGI entry point for the web workers (gunicorn ``ckanext.opengov.ops.wsgi:application``).

CKAN's deployment docs use the same three steps in their ``wsgi.py``: logging from the ini,
the config through ``CKANConfigLoader``, then ``make_app``. The ini is named by ``CKAN_INI``
(the variable the ``ckan`` command reads too), so one module serves every site.
"""
from __future__ import annotations

import os
from logging.config import fileConfig

from ckan.cli import CKANConfigLoader
from ckan.config.middleware import make_app

_ini = os.environ.get("CKAN_INI")
if not _ini:
    raise RuntimeError("CKAN_INI must name the site's .ini file")
fileConfig(_ini, disable_existing_loggers=False)
application = make_app(CKANConfigLoader(_ini).get_config())
