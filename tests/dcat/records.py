"""Complete TGDC records, one per data type, as package_show returns them (every field in
../shared/reference/tgdc-standard.md that the type carries)."""
from __future__ import annotations

COMMON = {
    "title": "สถิติจำนวนประชากรรายจังหวัด",
    "notes": "จำนวนประชากรจากการทะเบียนราษฎร จำแนกตามจังหวัดและเพศ",
    "tags": [{"name": "ประชากร"}, {"name": "สถิติ"}, {"name": "น้ำ"}],
    "maintainer": "กองสถิติประชากร",
    "maintainer_email": "population@nso.example.go.th",
    "telephone_number": "02-141-7500",
    "allow_harvest": "True",
    "reference_url_catalog": "https://catalog.nso.example.go.th/dataset/population",
    "objective": ["ยุทธศาสตร์ชาติ", "พันธกิจหน่วยงาน", "อื่นๆ"],
    "objective_other": "ตัวชี้วัดของกระทรวง",
    "update_frequency_unit": "ปี",
    "update_frequency_interval": "1",
    "geo_coverage": "จังหวัด",
    "data_source": "สำนักทะเบียนกลาง กรมการปกครอง",
    "data_format": ["CSV", "XLS", "อื่นๆ"],
    "data_format_other": "ODS",
    "data_category": "ข้อมูลสาธารณะ",
    "data_classification": "เปิดเผย",
    "license_id": "Creative Commons Attributions",
    "accessible_condition": "ไม่มีการจำกัดการเข้าถึงข้อมูล",
    "url": "https://www.nso.example.go.th/population",
    "data_language": ["ไทย", "อังกฤษ", "อื่นๆ"],
    "data_language_other": "ภาษายาวี",
    "last_updated_date": "2026-11-25",
}

STATISTICS = dict(
    COMMON,
    data_type="ข้อมูลสถิติ",
    data_release_calendar="2026-12-31",
    first_year_of_data="2560",
    last_year_of_data="2568",
    disaggregate=["เพศ", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่"],
    unit_of_measure="คน",
    unit_of_multiplier="พัน",
    calculation_method="นับจากทะเบียนราษฎร ณ วันที่ 31 ธันวาคม",
    standard="มาตรฐานสถิติทางการ สสช.",
    official_statistics="True",
    resources=[{
        "name": "ประชากรรายจังหวัด 2568", "description": "ไฟล์ CSV รายปี", "format": "CSV",
        "url": "https://data.example.go.th/nso/population-2568.csv",
        "resource_accessible_condition": "ดาวน์โหลดได้ทันที",
        "resource_last_updated_date": "2026-11-20",
        "resource_first_year_of_data": "2560", "resource_last_year_of_data": "2568",
        "resource_disaggregate": ["เพศ", "อื่นๆ"], "resource_disaggregate_other": "สัญชาติ",
        "resource_unit_of_measure": "คน", "resource_unit_of_multiplier": "หน่วย",
        "resource_data_release_calendar": "2026-12-31", "resource_official_statistics": "True",
    }],
)

RECORDS = dict(
    COMMON,
    data_type="ข้อมูลระเบียน",
    update_frequency_unit="วันทำการ",  # no EU frequency code: only tgdc: carries it
    update_frequency_interval="1",
    data_support="หน่วยงานของรัฐ",
    data_collect="อื่นๆ",
    data_collect_other="โรงเรียน",
    created_date="2019-05-01",
    high_value_dataset="True",
    reference_data="False",
    license_id="Open Data Common",
    resources=[{
        "name": "ทะเบียนโรงเรียน", "description": "", "format": "JSON",
        "url": "https://data.example.go.th/moe/schools.json",
        "resource_created_date": "2019-05-01", "resource_last_updated_date": "2026-10-01",
        "resource_data_collect": "บริษัท/ห้างร้าน/สถานประกอบการ",
    }],
)

GEOSPATIAL = dict(
    COMMON,
    data_type="ข้อมูลภูมิสารสนเทศเชิงพื้นที่",
    update_frequency_unit="ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล",
    update_frequency_interval=None,
    geo_coverage="อื่นๆ",
    geo_coverage_other="ลุ่มน้ำเจ้าพระยา",
    data_release_calendar="2026-06-01",
    geographic_data_set="ชั้นข้อมูลแหล่งน้ำ",
    equivalent_scale="อื่นๆ",
    equivalent_scale_other="1:100,000",
    west_bound_longitude="99.5", east_bound_longitude="101.0",
    north_bound_longitude="17.5", south_bound_longitude="13.5",
    positional_accuracy="± 5 เมตร",
    reference_period="พ.ศ. 2565",
    data_release_date="2026-06-15",
    license_id="อื่นๆ",
    license_id_other="สัญญาอนุญาตของกรมทรัพยากรน้ำ",
    resources=[{
        "name": "แหล่งน้ำ (Shapefile)", "description": "ชั้นข้อมูลแหล่งน้ำ", "format": "SHP",
        "url": "https://data.example.go.th/dwr/water.zip",
        "resource_created_date": "2022-01-10",
        "resource_geographic_data_set": "ชั้นข้อมูลแหล่งน้ำ",
        "resource_equivalent_scale": "1:50,000",
        "resource_positional_accuracy": "± 5 เมตร",
        "resource_data_release_date": "2026-06-15",
    }],
)

OTHER_TYPE = dict(
    COMMON,
    data_type="ข้อมูลประเภทอื่นๆ",
    data_type_other="ข้อมูลเอกสาร",
    update_frequency_unit="อื่นๆ",
    update_frequency_unit_other="ตามรอบงบประมาณ",
    update_frequency_interval=None,
    data_support="อื่นๆ", data_support_other="มูลนิธิชุมชน",
    data_collect="ไม่ทราบ",
    created_date="2020-01-15",
    high_value_dataset="False", reference_data="True",
    resources=[],
)

ALL = {"statistics": STATISTICS, "records": RECORDS, "geospatial": GEOSPATIAL, "other": OTHER_TYPE}

# What package_show adds and TGDC does not hold.
NOT_TGDC = {"id", "name", "owner_org", "metadata_created", "metadata_modified", "organization", "resources", "tags"}


def as_package_show(record: dict, number: int = 1) -> dict:
    dataset = dict(record, id=f"00000000-0000-0000-0000-00000000000{number}", name=f"tgdc-{number}",
                   metadata_created="2026-01-02T03:04:05", metadata_modified="2026-11-25T10:00:00")
    dataset["resources"] = [
        dict(resource, id=f"10000000-0000-0000-0000-0000000000{number}{i}", package_id=dataset["id"],
             created="2026-01-02T03:04:05", metadata_modified="2026-11-25T10:00:00")
        for i, resource in enumerate(record.get("resources", []))
    ]
    return dataset
