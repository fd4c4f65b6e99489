"""TGDC records as an agency catalog stores them (Thai strings as values, lists for multi-selects)."""
from __future__ import annotations

import uuid


def agency_record(owner_org: str, **overrides) -> dict:
    record = {
        "name": f"agency-ds-{uuid.uuid4().hex[:10]}",
        "title": "จำนวนประชากรรายจังหวัด",
        "owner_org": owner_org,
        "notes": "จำนวนประชากรจำแนกตามจังหวัด จากทะเบียนราษฎร",
        "tag_string": "ประชากร,population",
        "data_type": "ข้อมูลสถิติ",
        "allow_harvest": "True",
        "maintainer": "กองสถิติประชากร",
        "maintainer_email": "stat@agency.example",
        "telephone_number": "021234567",
        "objective": ["พันธกิจหน่วยงาน", "เพื่อการให้บริการประชาชน"],
        "update_frequency_unit": "ปี",
        "update_frequency_interval": "1",
        "geo_coverage": "จังหวัด",
        "data_source": "ทะเบียนราษฎร",
        "data_format": ["CSV", "XLS"],
        "data_category": "ข้อมูลสาธารณะ",
        "data_classification": "เปิดเผย",
        "license_id": "Open Data Common",
        "accessible_condition": "ไม่มีการจำกัดการเข้าถึงข้อมูล",
        "data_language": ["ไทย"],
        "first_year_of_data": "2560",
        "last_year_of_data": "2568",
        "resources": [{
            "name": "ข้อมูลประชากร 2568", "url": "http://127.0.0.1:9/population-2568.csv",
            "format": "CSV", "description": "ไฟล์ CSV",
            "resource_first_year_of_data": "2568", "resource_last_year_of_data": "2568",
        }],
    }
    record.update(overrides)
    return record
