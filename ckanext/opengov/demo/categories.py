"""The category groups Thai catalogs use, and the SDGs the national portal also groups by."""
from __future__ import annotations

from typing import Callable

from ckanext.opengov.logic.site import create_missing

# (name, Thai title, English title)
CATEGORIES = [
    ("national-strategy-master-plans", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "Master plans under the National Strategy"),
    ("development-issues", "ประเด็นการพัฒนา", "Development issues"),
    ("physical", "ด้านกายภาพ", "Physical"),
    ("economy", "ด้านเศรษฐกิจ", "Economy"),
    ("society-security", "ด้านสังคมและความมั่นคง", "Society and security"),
    ("environment", "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม", "Natural resources and environment"),
    ("other", "อื่น ๆ", "Other"),
]

SDGS = [
    ("ขจัดความยากจน", "No poverty"),
    ("ขจัดความหิวโหย", "Zero hunger"),
    ("การมีสุขภาวะที่ดี", "Good health and well-being"),
    ("การศึกษาที่มีคุณภาพ", "Quality education"),
    ("ความเท่าเทียมทางเพศ", "Gender equality"),
    ("น้ำสะอาดและการสุขาภิบาล", "Clean water and sanitation"),
    ("พลังงานสะอาดที่ทุกคนเข้าถึงได้", "Affordable and clean energy"),
    ("งานที่มีคุณค่าและการเติบโตทางเศรษฐกิจ", "Decent work and economic growth"),
    ("อุตสาหกรรม นวัตกรรม และโครงสร้างพื้นฐาน", "Industry, innovation and infrastructure"),
    ("ลดความเหลื่อมล้ำ", "Reduced inequalities"),
    ("เมืองและชุมชนที่ยั่งยืน", "Sustainable cities and communities"),
    ("การผลิตและการบริโภคที่ยั่งยืน", "Responsible consumption and production"),
    ("การรับมือการเปลี่ยนแปลงสภาพภูมิอากาศ", "Climate action"),
    ("ทรัพยากรทางทะเล", "Life below water"),
    ("ระบบนิเวศบนบก", "Life on land"),
    ("สังคมสงบสุข ยุติธรรม และไม่แบ่งแยก", "Peace, justice and strong institutions"),
    ("ความร่วมมือเพื่อการพัฒนาที่ยั่งยืน", "Partnerships for the goals"),
]


def category_groups(include_sdgs: bool = False) -> list[dict]:
    groups = [{"name": n, "title": th, "title_en": en} for n, th, en in CATEGORIES]
    if include_sdgs:
        groups += [
            {"name": f"sdg-{i}", "title": f"SDG {i}: {th}", "title_en": f"SDG {i}: {en}"}
            for i, (th, en) in enumerate(SDGS, start=1)
        ]
    return groups


def seed(include_sdgs: bool = False, report: Callable[[str], None] = print) -> dict:
    """Create the missing category groups; existing ones are left as they are."""
    return create_missing("group", category_groups(include_sdgs), report)
