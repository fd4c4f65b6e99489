"""The classification gate: which category may carry which classification, and what may be public.

Pure functions, so the rule is testable and explainable without CKAN. The agency software
enforces this only in the browser; here every path (API, form, harvest, bulk actions) does.
"""
from __future__ import annotations

from ckanext.opengov.tgdc.vocabularies import ALLOWED_CLASSIFICATIONS, PUBLIC_CLASSIFICATION

PUBLIC_CATEGORY = "ข้อมูลสาธารณะ"


def effective_classification(category: str | None, classification: str | None) -> str | None:
    """The classification to store: records from schema 2.1 have none, and public data is เปิดเผย."""
    if classification:
        return classification if isinstance(classification, str) else str(classification)
    return PUBLIC_CLASSIFICATION if category == PUBLIC_CATEGORY else None


def gate_problem(category: str | None, classification: str | None, private: bool) -> str | None:
    """Why the combination is refused, as a key of GATE_MESSAGES, or None when it is allowed."""
    if not classification:
        return "classification_required"
    allowed = ALLOWED_CLASSIFICATIONS.get(category) if isinstance(category, str) else None
    if allowed is not None and classification not in allowed:
        return "pair_not_allowed"
    if classification != PUBLIC_CLASSIFICATION and not private:
        return "classified_cannot_be_public"
    return None


def is_publishable(classification: str | None) -> bool:
    return classification == PUBLIC_CLASSIFICATION


def is_public(private, classification) -> bool:
    """Whether the public may see a stored dataset: not private (stored as a real boolean) and
    classified exactly เปิดเผย. public_sql() is the same rule for SQL; a test holds them equal."""
    return private is False and is_publishable(classification)


def public_sql(alias: str = "p") -> str:
    """is_public() for the `package` row named ``alias``, as a SQL condition (whether the row is
    active stays the caller's). The one place the rule is written for the database."""
    return (f"(NOT {alias}.private AND coalesce({alias}.extras ->> 'data_classification', '') = "
            f"'{PUBLIC_CLASSIFICATION}')")
