"""The TGDC mapping on hand-made agency records: pure functions, no CKAN."""
from __future__ import annotations

from ckanext.opengov.harvest import mapping

BASE = "https://catalog.agency.go.th"


def geo_record(**overrides):
    record = {
        "id": "11111111-2222-3333-4444-555555555555", "name": "flood-areas", "title": "พื้นที่น้ำท่วม",
        "notes": "ขอบเขตพื้นที่น้ำท่วมซ้ำซาก", "data_type": "ข้อมูลภูมิสารสนเทศเชิงพื้นที่",
        "tags": [{"name": "น้ำ"}, {"name": "สิ่งแวดล้อม"}],
        "objective": '["พันธกิจหน่วยงาน","ยุทธศาสตร์ชาติ"]',     # JSON string (scheming multiple_text)
        "data_format": "{Shapefile,GeoTiff}",                       # Postgres array literal
        "data_language": "ไทย, อังกฤษ",                               # comma separated
        "allow_harvest": True, "official_statistics": "false",
        "west_bound_longitude": "97.3", "east_bound_longitude": "105.6",
        "north_bound_longitude": "20.5", "south_bound_longitude": "5.6",
        "geographic_data_set": "ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้",
        "data_category": "ข้อมูลสาธารณะ", "data_classification": "เปิดเผย",
        "license_id": "Open Data Common", "private": False, "state": "active",
        "organization": {"name": "dwr", "title": "กรมทรัพยากรน้ำ"},
        "groups": [{"name": "environment", "title": "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"}],
        "resources": [{"id": "r1", "url": "https://catalog.agency.go.th/flood.zip", "name": "ไฟล์", "format": "SHP",
                       "url_type": "upload", "datastore_active": True, "package_id": "x",
                       "resource_disaggregate": "[\"จังหวัด\"]", "resource_official_statistics": "True",
                       "resource_equivalent_scale": "1:50,000"}],
        "metadata_modified": "2026-11-01T10:00:00.123456",
    }
    record.update(overrides)
    return record


def test_every_field_and_value_form_lands_in_our_fields():
    out = mapping.map_dataset(geo_record(), BASE)
    assert out["id"] == "11111111-2222-3333-4444-555555555555" and out["name"] == "flood-areas"
    assert out["objective"] == ["พันธกิจหน่วยงาน", "ยุทธศาสตร์ชาติ"]
    assert out["data_format"] == ["Shapefile", "GeoTiff"]
    assert out["data_language"] == ["ไทย", "อังกฤษ"]
    assert out["allow_harvest"] == "True" and out["official_statistics"] == "False"
    assert (out["north_bound_longitude"], out["south_bound_longitude"]) == ("20.5", "5.6")
    assert out["geographic_data_set"] == "ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้"  # stored exactly so
    assert out["tag_string"] == "น้ำ,สิ่งแวดล้อม"
    assert out["private"] is False
    assert out["reference_url_catalog"] == "https://catalog.agency.go.th/dataset/flood-areas"
    assert "organization" not in out and "metadata_modified" not in out


def test_resources_keep_metadata_and_lose_the_source_catalogs_internals():
    (res,) = mapping.map_dataset(geo_record(), BASE)["resources"]
    assert res == {"id": "r1", "url": "https://catalog.agency.go.th/flood.zip", "name": "ไฟล์", "format": "SHP",
                   "resource_disaggregate": ["จังหวัด"], "resource_official_statistics": "True",
                   "resource_equivalent_scale": "1:50,000"}


def test_latitudes_named_correctly_by_other_catalogs_are_accepted_too():
    record = geo_record(north_bound_longitude=None, south_bound_longitude=None,
                        north_bound_latitude="20.4", south_bound_latitude="5.7")
    out = mapping.map_dataset(record, BASE)
    assert (out["north_bound_longitude"], out["south_bound_longitude"]) == ("20.4", "5.7")


def test_fields_kept_in_extras_by_catalogs_without_scheming_are_read():
    record = geo_record(extras=[{"key": "data_category", "value": "ข้อมูลสาธารณะ"},
                                {"key": "objective", "value": "พันธกิจหน่วยงาน"}])
    del record["data_category"], record["objective"]
    out = mapping.map_dataset(record, BASE)
    assert out["data_category"] == "ข้อมูลสาธารณะ" and out["objective"] == ["พันธกิจหน่วยงาน"]


def test_a_copy_of_another_catalogs_record_keeps_pointing_at_the_original():
    record = geo_record(reference_url_catalog="https://gdcatalog.go.th/dataset/original")
    assert mapping.map_dataset(record, BASE)["reference_url_catalog"] == "https://gdcatalog.go.th/dataset/original"


def test_allow_harvest_and_visibility():
    assert mapping.allows_harvest(geo_record())
    assert mapping.allows_harvest(geo_record(allow_harvest=None))        # catalogs without the field
    assert not mapping.allows_harvest(geo_record(allow_harvest="False"))
    assert not mapping.allows_harvest(geo_record(allow_harvest=False))
    assert not mapping.is_public(geo_record(private=True))
    assert not mapping.is_public(geo_record(state="deleted"))


def test_agency_and_categories_are_read_for_the_harvester_to_resolve():
    record = geo_record()
    assert mapping.remote_organization(record)["name"] == "dwr"
    assert mapping.remote_groups(record) == [{"name": "environment", "title": "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"}]


def test_validation_errors_name_the_field_and_the_reason():
    text = mapping.format_validation_errors({
        "data_classification": ["ต้องเป็น เปิดเผย / must be เปิดเผย"],
        "resources": [{}, {"url": ["Missing value"]}],
    })
    assert text == "data_classification: ต้องเป็น เปิดเผย / must be เปิดเผย; resources[1].url: Missing value"


def test_the_public_reference_to_a_record_drops_credentials_and_tokens_of_the_source_url():
    from ckanext.opengov.harvest.mapping import source_dataset_url

    record = {"id": "x1", "name": "rainfall"}
    assert source_dataset_url("https://user:pw@catalog.example.go.th/data/?token=abc#f", record) == (
        "https://catalog.example.go.th/data/dataset/rainfall")
    assert source_dataset_url("http://u@[2001:db8::1]:8080", record) == "http://[2001:db8::1]:8080/dataset/rainfall"
