"""Valid TGDC records for tests, built as plain dicts to send through the Action API."""
from __future__ import annotations

import uuid


def tgdc_dataset(owner_org: str, **overrides) -> dict:
    """A public statistics dataset that satisfies every required TGDC field."""
    dataset = {
        "name": f"dataset-{uuid.uuid4().hex[:10]}",
        "title": "สถิติจำนวนประชากรรายจังหวัด",
        "owner_org": owner_org,
        "data_type": "ข้อมูลสถิติ",
        "notes": "จำนวนประชากรจำแนกตามจังหวัด",
        "tag_string": "ประชากร,สถิติ",
        "maintainer": "กองสถิติประชากร",
        "maintainer_email": "stat@example.go.th",
        "objective": ["พันธกิจหน่วยงาน"],
        "update_frequency_unit": "ปี",
        "update_frequency_interval": 1,
        "geo_coverage": "จังหวัด",
        "data_source": "สำนักงานสถิติแห่งชาติ",
        "data_format": ["CSV"],
        "data_category": "ข้อมูลสาธารณะ",
        "data_classification": "เปิดเผย",
        "license_id": "Open Data Common",
        "resources": [
            {"name": "ไฟล์ข้อมูล", "format": "CSV", "url": "http://127.0.0.1:9/population.csv"}
        ],
    }
    dataset.update(overrides)
    return dataset


def agency(**overrides) -> dict:
    org = {
        "name": f"agency-{uuid.uuid4().hex[:8]}",
        "title": "สำนักงานสถิติแห่งชาติ",
        "title_en": "National Statistical Office",
    }
    org.update(overrides)
    return org
