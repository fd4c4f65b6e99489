"""TGDC controlled vocabularies: the one place their values and labels live.

Values are the exact Thai strings agency catalogs store (value = Thai label), so harvested
records validate unchanged. English labels are ours. Schemas, validation, facets and exports
all read these lists.
"""
from __future__ import annotations

OTHER = "อื่นๆ"
UNKNOWN = "ไม่ทราบ"
PUBLIC_CLASSIFICATION = "เปิดเผย"

# name -> [(value, english label)]; the Thai label is the value itself.
VOCABULARIES: dict[str, list[tuple[str, str]]] = {
    "data_type": [
        ("ข้อมูลระเบียน", "Records"),
        ("ข้อมูลสถิติ", "Statistics"),
        ("ข้อมูลภูมิสารสนเทศเชิงพื้นที่", "Geospatial"),
        ("ข้อมูลหลากหลายประเภท", "Mixed"),
        ("ข้อมูลประเภทอื่นๆ", "Other"),
    ],
    "objective": [
        ("ยุทธศาสตร์ชาติ", "National Strategy"),
        ("แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "National Economic and Social Development Plan"),
        ("แผนความมั่นคงแห่งชาติ", "National Security Plan"),
        ("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "Master Plans under the National Strategy"),
        ("แผนปฏิรูปประเทศ", "National Reform Plan"),
        ("แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)", "Level 3 plans (Cabinet resolution 4 Dec 2017)"),
        ("นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี", "Government policy / Prime Minister's orders"),
        ("มติคณะรัฐมนตรี", "Cabinet resolution"),
        ("เพื่อการให้บริการประชาชน", "Public service"),
        ("กฎหมายที่เกี่ยวข้อง", "Related legislation"),
        ("พันธกิจหน่วยงาน", "Agency mission"),
        ("ดัชนี/ตัวชี้วัดระดับนานาชาติ", "International index / indicator"),
        (UNKNOWN, "Unknown"),
        (OTHER, "Other"),
    ],
    "update_frequency_unit": [
        (UNKNOWN, "Unknown"),
        ("ปี", "Yearly"),
        ("ครึ่งปี", "Half-yearly"),
        ("ไตรมาส", "Quarterly"),
        ("เดือน", "Monthly"),
        ("สัปดาห์", "Weekly"),
        ("วัน", "Daily"),
        ("วันทำการ", "Working days"),
        ("ชั่วโมง", "Hourly"),
        ("นาที", "Every minute"),
        ("ตามเวลาจริง", "Real time"),
        ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", "Not updated after collection"),
        (OTHER, "Other"),
    ],
    "geo_coverage": [
        ("ไม่มี", "None"),
        ("โลก", "World"),
        ("ทวีป/กลุ่มประเทศในทวีป", "Continent / group of countries"),
        ("กลุ่มประเทศทางเศรษฐกิจ", "Economic group of countries"),
        ("ประเทศ", "Country"),
        ("ภาค", "Region"),
        ("จังหวัด", "Province"),
        ("อำเภอ", "District"),
        ("ตำบล", "Subdistrict"),
        ("หมู่บ้าน", "Village"),
        ("เทศบาล/อบต.", "Municipality / SAO"),
        ("พิกัด", "Coordinates"),
        (UNKNOWN, "Unknown"),
        (OTHER, "Other"),
    ],
    "data_format": [
        ("Database", "Database"),
        ("CSV", "CSV"),
        ("XML", "XML"),
        ("Image", "Image"),
        ("Video", "Video"),
        ("Audio", "Audio"),
        ("Text", "Text"),
        ("JSON", "JSON"),
        ("HTML", "HTML"),
        ("DOC/DOCX", "DOC/DOCX"),
        ("XLS", "XLS/XLSX"),
        ("PDF", "PDF"),
        ("RDF", "RDF"),
        ("NoSQL", "NoSQL"),
        ("Arc/Info Coverage", "Arc/Info Coverage"),
        ("Shapefile", "Shapefile"),
        ("GeoTiff", "GeoTiff"),
        ("GML", "GML"),
        (UNKNOWN, "Unknown"),
        (OTHER, "Other"),
    ],
    "data_category": [
        ("ข้อมูลสาธารณะ", "Public data"),
        ("ข้อมูลใช้ภายใน", "Internal data"),
        ("ข้อมูลส่วนบุคคล", "Personal data"),
        ("ข้อมูลความมั่นคง", "Security data"),
        ("ข้อมูลความลับทางราชการ", "Official secret"),
    ],
    "data_classification": [
        (PUBLIC_CLASSIFICATION, "Open"),
        ("ชั้นเผยแพร่ภายในองค์กร", "Internal to the organization"),
        ("ลับ", "Confidential"),
        ("ลับมาก", "Secret"),
        ("ลับที่สุด", "Top secret"),
    ],
    "license_id": [
        ("Open Data Common", "Open Data Common"),
        ("Creative Commons Attributions", "Creative Commons Attribution"),
        ("Creative Commons Attribution Non-Commercial", "Creative Commons Attribution Non-Commercial"),
        ("Creative Commons Attribution Share-Alike", "Creative Commons Attribution Share-Alike"),
        ("Creative Commons Attribution Non-Commercial Share-Alike",
         "Creative Commons Attribution Non-Commercial Share-Alike"),
        ("Creative Commons Attribution Non-Commercial No-Derivs",
         "Creative Commons Attribution Non-Commercial No-Derivs"),
        ("Creative Commons Attribution No-Derivs", "Creative Commons Attribution No-Derivs"),
        # Schema 2.1.0 values that older agency records still carry.
        ("License not specified", "License not specified"),
        ("Creative Commons Non-Commercial (Any)", "Creative Commons Non-Commercial (Any)"),
        ("GNU Free Documentation License", "GNU Free Documentation License"),
        (OTHER, "Other"),
    ],
    "data_language": [
        ("ไทย", "Thai"), ("อังกฤษ", "English"), ("จีน", "Chinese"), ("มลายู", "Malay"),
        ("พม่า", "Burmese"), ("ลาว", "Lao"), ("เขมร", "Khmer"), ("ญี่ปุ่น", "Japanese"),
        ("เกาหลี", "Korean"), ("ฝรั่งเศส", "French"), ("เยอรมัน", "German"), ("อารบิก", "Arabic"),
        (UNKNOWN, "Unknown"), (OTHER, "Other"),
    ],
    "data_support": [
        ("ไม่มี", "None"), ("หน่วยงานของรัฐ", "Government agency"), ("หน่วยงานเอกชน", "Private company"),
        ("หน่วยงาน/องค์กรระหว่างประเทศ", "International organization"),
        ("มูลนิธิ/สมาคม", "Foundation / association"), ("สถาบันการศึกษา", "Educational institution"),
        (OTHER, "Other"),
    ],
    "data_collect": [
        ("ไม่มี", "None"), ("บุคคล", "Person"), ("ครัวเรือน/ครอบครัว", "Household / family"),
        ("บ้าน/ที่อยู่อาศัย", "House / dwelling"),
        ("บริษัท/ห้างร้าน/สถานประกอบการ", "Company / shop / establishment"),
        ("อาคาร/สิ่งปลูกสร้าง", "Building / structure"),
        ("พื้นที่การเกษตร ประมง ป่าไม้", "Agricultural, fishery or forest area"),
        ("สัตว์และพันธุ์พืช", "Animals and plant species"),
        ("ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "Geographic area"),
        ("แหล่งน้ำ เช่น แม่น้ำ อ่างเก็บน้ำ", "Water body (river, reservoir)"),
        ("เส้นทางการเดินทาง เช่น ถนน ทางรถไฟ", "Route (road, railway)"),
        (UNKNOWN, "Unknown"), (OTHER, "Other"),
    ],
    "disaggregate": [
        ("ไม่มี", "None"), ("เพศ", "Sex"), ("อายุ/กลุ่มอายุ", "Age / age group"),
        ("สถานภาพสมรส", "Marital status"), ("ศาสนา", "Religion"), ("ระดับการศึกษา", "Education level"),
        ("อาชีพ", "Occupation"), ("สถานภาพการทำงาน", "Employment status"),
        ("อุตสาหกรรม/ประเภทกิจการ", "Industry / type of business"), ("รายได้", "Income"),
        ("ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "Geographic area"), ("ผลิตภัณฑ์", "Product"),
        (UNKNOWN, "Unknown"), (OTHER, "Other"),
    ],
    "unit_of_multiplier": [
        ("หน่วย", "Units"), ("สิบ", "Tens"), ("ร้อย", "Hundreds"), ("พัน", "Thousands"),
        ("หมื่น", "Ten thousands"), ("แสน", "Hundred thousands"), ("ล้าน", "Millions"),
        ("สิบล้าน", "Ten millions"), ("ร้อยล้าน", "Hundred millions"), ("พันล้าน", "Billions"),
        ("หมื่นล้าน", "Ten billions"), ("แสนล้าน", "Hundred billions"), ("ล้านล้าน", "Trillions"),
        (UNKNOWN, "Unknown"), (OTHER, "Other"),
    ],
    "geographic_data_set": [
        ("ชั้นข้อมูลแปลงที่ดิน", "Land parcels"),
        ("ชั้นข้อมูลขอบเขตการปกครอง", "Administrative boundaries"),
        ("ชั้นข้อมูลเส้นทางคมนาคม", "Transport network"),
        ("ชั้นข้อมูลชุมนุม/อาคาร", "Settlements / buildings"),
        ("ชั้นข้อมูลป่าไม้", "Forests"),
        ("ชั้นข้อมูลการใช้ประโยชน์ที่ดิน", "Land use"),
        ("ชั้นข้อมูลแหล่งน้ำ", "Water bodies"),
        ("ชั้นข้อมูลอุทกศาสตร์", "Hydrography"),
        ("ชั้นข้อมูลหมุดหลักฐานแผนที่", "Geodetic control points"),
        ("ชั้นข้อมูลความสูงภูมิประเทศเชิงตัวเลข", "Digital elevation"),
        ("ชั้นข้อมูลภาพแผนที่ภูมิประเทศ", "Topographic map images"),
        ("ชั้นข้อมูลแผนที่ภาพถ่ายทางอากาศ", "Aerial photo maps"),
        # Stored exactly so by agency catalogs ("ภาพถ่าย" is meant).
        ("ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้", "Orthorectified satellite images"),
    ],
    "equivalent_scale": [
        ("1:4,000", "1:4,000"), ("1:10,000", "1:10,000"), ("1:25,000", "1:25,000"),
        ("1:50,000", "1:50,000"), ("1:250,000", "1:250,000"), (OTHER, "Other"),
    ],
    # Ours (agency catalogs have no organization schema).
    "agency_type": [
        ("ราชการส่วนกลาง", "Central government"),
        ("ราชการส่วนภูมิภาค", "Provincial / regional administration"),
        ("องค์กรปกครองส่วนท้องถิ่น", "Local government"),
        ("รัฐวิสาหกิจ", "State enterprise"),
        ("องค์การมหาชน", "Public organization"),
        ("องค์กรอิสระ", "Independent body"),
    ],
}

# category -> classifications it may carry (TGDC guideline, schema 2.2.x).
ALLOWED_CLASSIFICATIONS: dict[str, tuple[str, ...]] = {
    "ข้อมูลสาธารณะ": (PUBLIC_CLASSIFICATION,),
    "ข้อมูลใช้ภายใน": ("ชั้นเผยแพร่ภายในองค์กร",),
    "ข้อมูลส่วนบุคคล": ("ชั้นเผยแพร่ภายในองค์กร", "ลับ", "ลับมาก"),
    "ข้อมูลความมั่นคง": ("ลับ", "ลับมาก", "ลับที่สุด"),
    "ข้อมูลความลับทางราชการ": ("ลับ", "ลับมาก", "ลับที่สุด"),
}


def values(name: str) -> list[str]:
    return [value for value, _ in VOCABULARIES[name]]


def english_label(name: str, value: str) -> str | None:
    return dict(VOCABULARIES[name]).get(value)


def scheming_choices(name: str) -> list[dict]:
    """Choices in ckanext-scheming's form, with Thai and English labels."""
    return [{"value": value, "label": {"th": thai_label(name, value), "en": en}} for value, en in VOCABULARIES[name]]


# Thai labels for the values agency catalogs store in English; any other value is its own Thai label.
THAI_LABELS: dict[str, dict[str, str]] = {
    "data_format": {
        "Database": "ฐานข้อมูล (Database)", "Image": "รูปภาพ (Image)", "Video": "วิดีโอ (Video)",
        "Audio": "เสียง (Audio)", "Text": "ข้อความ (Text)", "XLS": "XLS/XLSX",
    },
    "license_id": {
        "Open Data Common": "สัญญาอนุญาตข้อมูลเปิด (Open Data Common)",
        "Creative Commons Attributions": "ครีเอทีฟคอมมอนส์ แสดงที่มา (CC BY)",
        "Creative Commons Attribution Non-Commercial": "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ใช้เพื่อการค้า (CC BY-NC)",
        "Creative Commons Attribution Share-Alike": "ครีเอทีฟคอมมอนส์ แสดงที่มา-อนุญาตแบบเดียวกัน (CC BY-SA)",
        "Creative Commons Attribution Non-Commercial Share-Alike":
            "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ใช้เพื่อการค้า-อนุญาตแบบเดียวกัน (CC BY-NC-SA)",
        "Creative Commons Attribution Non-Commercial No-Derivs":
            "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ใช้เพื่อการค้า-ไม่ดัดแปลง (CC BY-NC-ND)",
        "Creative Commons Attribution No-Derivs": "ครีเอทีฟคอมมอนส์ แสดงที่มา-ไม่ดัดแปลง (CC BY-ND)",
        "License not specified": "ไม่ระบุสัญญาอนุญาต",
        "Creative Commons Non-Commercial (Any)": "ครีเอทีฟคอมมอนส์ ไม่ใช้เพื่อการค้า (ทุกแบบ)",
        "GNU Free Documentation License": "สัญญาอนุญาตเอกสารเสรีของกนู (GNU FDL)",
    },
}


def thai_label(name: str, value: str) -> str:
    return THAI_LABELS.get(name, {}).get(value, value)
