"""Validators that give a dataset or an agency a URL name when the person left it empty (a
pure-Thai title leaves CKAN's JavaScript slug empty). A name the person typed is never replaced."""
from __future__ import annotations

import ckan.model as model
from ckan.lib.navl.dictization_functions import missing

from ckanext.opengov.portal import formats, slugs


def _name_from_title(model_class, prefix: str):
    def validator(key, data, errors, context) -> None:
        if data.get(key) not in (None, "", missing):
            return
        title = data.get(key[:-1] + ("title",))
        if not isinstance(title, str) or not title.strip():
            return  # not_empty then reports the missing URL beside the title's own error
        own_id = data.get(key[:-1] + ("id",))
        own_id = own_id if isinstance(own_id, str) else None

        def taken(name: str) -> bool:
            row = model.Session.query(model_class.id).filter(model_class.name == name).first()
            return row is not None and row.id != own_id

        data[key] = slugs.first_free(slugs.slug_from_title(title, prefix), taken)
    return validator


# Before not_empty in the name field of the dataset and agency schemas.
opengov_package_name_from_title = _name_from_title(model.Package, "d")
opengov_group_name_from_title = _name_from_title(model.Group, "g")


def opengov_format_from_file_name(key, data, errors, context) -> None:
    """Before ``not_empty``: an empty format is read from the upload's or link's extension
    ("report.csv" → "CSV"), on create and on update alike (core guesses on create only, and
    gives a MIME type)."""
    if data.get(key) not in (None, "", missing):
        return
    url = data.get(key[:-1] + ("url",))
    guessed = formats.from_file_name(url) if isinstance(url, str) else None
    if guessed:
        data[key] = guessed


def get_validators() -> dict:
    return {
        "opengov_format_from_file_name": opengov_format_from_file_name,
        "opengov_package_name_from_title": opengov_package_name_from_title,
        "opengov_group_name_from_title": opengov_group_name_from_title,
    }
