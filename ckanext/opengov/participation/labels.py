"""Words people read for the stored codes (statuses, kinds of change, frequencies), marked for
translation once; pages, mails, feeds and CSV headings translate them with ``tk._``."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_

STATUS = {
    "open": N_("Waiting for the agency"),
    "received": N_("Received"),
    "in_progress": N_("In progress"),
    "published": N_("Published"),
    "declined": N_("Declined"),
    "redirected": N_("Redirected to another agency"),
}
KIND = {
    "new": N_("New dataset"),
    "updated": N_("Updated"),
    "new_resource": N_("New resource"),
    "harvested": N_("Harvested"),
    "withdrawn": N_("Withdrawn"),
    "answered": N_("Request answered"),
}
FREQUENCY = {"daily": N_("Daily"), "weekly": N_("Weekly"), "off": N_("No e-mail")}


def status(code: str) -> str:
    return tk._(STATUS.get(code, code))


def kind(code: str) -> str:
    return tk._(KIND.get(code, code))


def frequency(code: str) -> str:
    return tk._(FREQUENCY.get(code, code))
