"""The classification gate below the action layer (migration 0005): PostgreSQL itself refuses a
dataset row that is public and not classified exactly เปิดเผย, whoever writes it."""
from __future__ import annotations

import uuid

import ckan.model as model
import pytest
import sqlalchemy as sa
from sqlalchemy import exc

from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def classified(api):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(
        org["id"], data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ", private=True,
    ))
    return org, dataset


def _stored(dataset_id: str) -> tuple:
    with model.meta.engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT private, extras ->> 'data_classification' FROM package WHERE id = :id"),
            {"id": dataset_id},
        ).one()


def test_a_model_write_cannot_make_a_classified_dataset_public(classified):
    _, dataset = classified
    pkg = model.Package.get(dataset["id"])
    pkg.private = False
    with pytest.raises(exc.IntegrityError, match="public but not classified เปิดเผย"):
        model.Session.commit()
    model.Session.rollback()
    assert _stored(dataset["id"]) == (True, "ลับ")


@pytest.mark.parametrize("private", ["false", "NULL"])
def test_plain_sql_cannot_make_a_classified_dataset_public(classified, private):
    _, dataset = classified
    with pytest.raises(exc.IntegrityError, match="เปิดเผย"):
        with model.meta.engine.begin() as conn:
            conn.execute(sa.text(f"UPDATE package SET private = {private} WHERE id = :id"), {"id": dataset["id"]})
    assert _stored(dataset["id"]) == (True, "ลับ")


@pytest.mark.parametrize("classification", ["ลับ", "เปิดเผย ", "เปิดเผ", "", None])
def test_plain_sql_cannot_reclassify_a_public_dataset_or_insert_one(api, classification):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    extras = "extras - 'data_classification'" if classification is None else (
        "jsonb_set(extras, '{data_classification}', to_jsonb(CAST(:value AS text)))"
    )
    with pytest.raises(exc.IntegrityError):
        with model.meta.engine.begin() as conn:
            conn.execute(sa.text(f"UPDATE package SET extras = {extras} WHERE id = :id"),
                         {"id": dataset["id"], "value": classification})
    assert _stored(dataset["id"]) == (False, "เปิดเผย")
    with pytest.raises(exc.IntegrityError):
        with model.meta.engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO package (id, name, type, state, private, extras) "
                "VALUES (:id, :id, 'dataset', 'active', false, CAST(:extras AS jsonb))"
            ), {"id": str(uuid.uuid4()), "extras": '{"data_classification": "ลับ"}'})


def test_rows_that_keep_the_rule_are_written_and_harvest_sources_are_left_alone(classified):
    _, dataset = classified
    with model.meta.engine.begin() as conn:
        conn.execute(sa.text("UPDATE package SET title = 'แก้ชื่อ' WHERE id = :id"), {"id": dataset["id"]})
        conn.execute(sa.text(
            "INSERT INTO package (id, name, type, state, private, extras) "
            "VALUES (:id, :id, 'harvest', 'active', false, '{}'::jsonb)"
        ), {"id": str(uuid.uuid4())})
    assert _stored(dataset["id"]) == (True, "ลับ")


def test_the_trigger_answers_an_action_with_409_not_500(api, classified, monkeypatch):
    """If a validator ever missed a spelling, the database still refuses and the caller gets 409."""
    from ckanext.opengov.tgdc import validators

    _, dataset = classified
    monkeypatch.setattr(validators, "_private_to_store", lambda data: True)  # a gate that misreads
    error = api("package_patch", status=409, id=dataset["id"], private=False)
    assert "เปิดเผย" in " ".join(error["private"])
    assert _stored(dataset["id"]) == (True, "ลับ")
