"""The one reader of /transparency query parameters.

Each view names the schema of the parameters it reads (``schema.py``, the same validators as
the actions). A parameter given twice reaches the validators as a list and is refused like a
list sent to the API; any refusal is a 400 with the Thai/English message. Parameters a view
does not read are ignored (tracking tags and the like).
"""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.transparency import schema


def parse(wanted: dict) -> dict:
    """The request's query parameters named in ``wanted`` (a schema), validated; else abort 400."""
    data = {key: values[0] if len(values) == 1 else values
            for key, values in tk.request.args.lists() if key in wanted}
    try:
        return schema.validate(data, wanted)
    except tk.ValidationError as error:
        tk.abort(400, schema.messages(error))


def path_name(value) -> str | None:
    """An agency name or id from the URL path, or None when it cannot be one (control
    characters, too long): the view answers 404 rather than asking the database."""
    try:
        return schema.text()(value, {}) or None
    except tk.Invalid:
        return None
