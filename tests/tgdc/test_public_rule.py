""""Public" is one rule: tgdc/classification.py's is_public() and its SQL twin public_sql() agree
on every spelling of private and classification, and the transparency SQL is built from it."""
from __future__ import annotations

import itertools
import json

import ckan.model as model
import pytest
from sqlalchemy import text

from ckanext.opengov.tgdc import booleans, vocabularies
from ckanext.opengov.tgdc.classification import is_public, public_sql

PUBLIC = vocabularies.PUBLIC_CLASSIFICATION
CLASSIFICATIONS = sorted(set(vocabularies.values("data_classification")) | {
    PUBLIC + " ", " " + PUBLIC, PUBLIC + "\u200b", "เปิด", "Public", "public", "PUBLIC", "open",
    "", "null", "None", "ลับ ", "เปิดเผย/Public",
}) + [None, 1, True, ["เปิดเผย"]]  # None: no classification key at all; the rest non-text JSON
# private as callers spell it; what reaches the boolean column is booleans.as_bool's reading
PRIVATE_SPELLINGS = sorted(booleans.TRUE_WORDS | booleans.FALSE_WORDS) + [True, False, 0, 1]


def _sql_says(conn, private: bool, classification) -> bool:
    extras = {} if classification is None else {"data_classification": classification}
    return conn.execute(text(
        f"SELECT {public_sql('p')} FROM (SELECT CAST(:private AS boolean) AS private, "
        "CAST(:extras AS jsonb) AS extras) p"), {"private": private, "extras": json.dumps(extras)}).scalar()


def _python_says(private: bool, classification) -> bool:
    # what a JSON column hands back as text (->>): the Python rule sees the stored value
    stored = classification if isinstance(classification, str) or classification is None else json.dumps(classification)
    return is_public(private, stored)


def test_sql_and_python_agree_on_every_spelling():
    disagreements = []
    with model.meta.engine.connect() as conn:
        for spelling, classification in itertools.product(PRIVATE_SPELLINGS, CLASSIFICATIONS):
            private = booleans.as_bool(spelling)
            assert private is not None, spelling
            if _sql_says(conn, private, classification) != _python_says(private, classification):
                disagreements.append((spelling, classification))
    assert disagreements == []


@pytest.mark.parametrize("private, classification, public", [
    (False, PUBLIC, True), (True, PUBLIC, False), (False, "ลับ", False), (False, None, False),
    (False, PUBLIC + " ", False), (False, "", False),
])
def test_the_rule_itself(private, classification, public):
    assert is_public(private, classification) is public


def test_the_transparency_sql_is_built_from_the_rule():
    from ckanext.opengov.transparency import queries, refresh, tables

    assert refresh.PUBLIC_SQL == public_sql("p")
    assert public_sql("lp") in queries.LIVE_PUBLIC
    import inspect
    source = inspect.getsource(tables.changes)
    assert "public_sql(" in source and "data_classification" not in source
    for module in (queries, refresh, tables):
        assert f"'{PUBLIC}'" not in inspect.getsource(module), module.__name__
