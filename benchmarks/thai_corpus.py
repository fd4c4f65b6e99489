"""A labelled Thai corpus for search relevance: datasets and queries with known answers.

Deterministic (seeded): titles are built from Thai topic words, measures and breakdowns,
written without spaces as Thai titles are, with some English terms mixed in. A query's
relevant datasets are those whose title contains every one of its words.
"""
from __future__ import annotations

import random

TOPICS = [
    "ประชากร", "น้ำฝน", "ข้าว", "ผู้สูงอายุ", "อุบัติเหตุ", "โรงเรียน", "โรงพยาบาล", "ยางพารา",
    "นักท่องเที่ยว", "แรงงาน", "ไฟฟ้า", "น้ำประปา", "ขยะมูลฝอย", "ป่าไม้", "ภาษีอากร", "หนี้สิน",
    "ครัวเรือน", "รายได้", "ผู้พิการ", "การเกิด", "การตาย", "คดีอาญา", "ยาเสพติด", "มันสำปะหลัง",
    "อ้อย", "ปาล์มน้ำมัน", "ประมง", "ทุเรียน", "ถนน", "รถยนต์", "สถานประกอบการ", "วัณโรค",
    "ไข้เลือดออก", "คุณภาพอากาศ", "ฝุ่นละออง", "แผ่นดินไหว", "อุทกภัย", "ภัยแล้ง", "นักเรียน", "ครู",
    "ข้าราชการ", "งบประมาณ",
]
MEASURES = ["สถิติจำนวน", "ปริมาณ", "รายงาน", "ข้อมูล", "ทะเบียน", "ผลการสำรวจ", "ดัชนี", "มูลค่า"]
BREAKDOWNS = ["รายจังหวัด", "รายเดือน", "รายปี", "รายอำเภอ", "รายภาค", "รายไตรมาส", "ทั่วประเทศ"]
ENGLISH = ["", "", "", " (GDP)", " PM2.5", " COVID-19", " Open Data"]
PROVINCES = ["เชียงใหม่", "ขอนแก่น", "ภูเก็ต", "นครราชสีมา", "สงขลา", "กรุงเทพมหานคร"]


def build(n_datasets: int = 240, seed: int = 42) -> tuple[list[dict], list[dict]]:
    """Return (datasets, queries); each query is {"q", "relevant": set of names}."""
    rng = random.Random(seed)
    datasets = []
    for i in range(n_datasets):
        topic = TOPICS[i % len(TOPICS)]
        province = rng.choice(PROVINCES) if rng.random() < 0.3 else ""
        title = f"{rng.choice(MEASURES)}{topic}{rng.choice(BREAKDOWNS)}{province}{rng.choice(ENGLISH)}"
        datasets.append({
            "name": f"bench-{i:04d}",
            "title": title,
            "notes": f"ชุดข้อมูล{rng.choice(MEASURES)}ที่หน่วยงานจัดเก็บและเผยแพร่",
        })

    def relevant(*words: str) -> set[str]:
        return {d["name"] for d in datasets if all(w.lower() in d["title"].lower() for w in words)}

    queries = [{"q": t, "group": "Thai word in a title", "relevant": relevant(t)} for t in TOPICS]
    for topic, province in zip(TOPICS[:6], PROVINCES):
        queries.append({"q": f"{topic} {province}", "group": "two Thai words", "relevant": relevant(topic, province)})
    queries += [
        {"q": "ฝุ่นละออง PM2.5", "group": "Thai + English", "relevant": relevant("ฝุ่นละออง", "PM2.5")},
        {"q": "COVID-19 โรงพยาบาล", "group": "Thai + English", "relevant": relevant("COVID-19", "โรงพยาบาล")},
    ]
    queries += [{"q": e, "group": "English term", "relevant": relevant(e)} for e in ("PM2.5", "COVID-19", "GDP")]
    return datasets, [q for q in queries if q["relevant"]]


# Real agencies (ckanext/opengov/search/thai_agencies.csv) and titles in the way they write them.
# Each title carries the concepts a reader would search it by; distractors share letters or words.
AGENCY_TITLES = {
    "สำนักงานสถิติแห่งชาติ": [
        ("การสำรวจการมีการใช้เทคโนโลยีสารสนเทศและการสื่อสารในครัวเรือน (อินเทอร์เน็ต)", ["internet"]),
        ("สถิติการใช้อินเทอร์เน็ตของประชากรอายุ 6 ปีขึ้นไป", ["internet"]),
        ("สำมะโนการเกษตร รายจังหวัด", ["agriculture"]),
        ("การสำรวจภาวะการทำงานของประชากร รายไตรมาส", []),
        ("สถิตินักท่องเที่ยวชาวต่างชาติรายเดือน", ["tourism"]),
    ],
    "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน": [
        ("จำนวนนักเรียนจำแนกตามชั้นเรียน ปีการศึกษา 2566", []),
        ("รายจ่ายตามปีงบประมาณของโรงเรียนในสังกัด", ["budget"]),
        ("โรงเรียนที่มีอินเทอร์เน็ตความเร็วสูง", ["internet"]),
    ],
    "กรุงเทพมหานคร": [
        ("ค่าฝุ่นละออง PM2.5 รายชั่วโมงในเขตกรุงเทพมหานคร", ["pm25"]),
        ("จุดติดตั้งกล้องวงจรปิด", []),
        ("งบประมาณรายจ่ายประจำปีของสำนักงานเขต", ["budget"]),
        ("ศูนย์พักคอยผู้ป่วยโควิด-19", ["covid"]),
    ],
    "กรมป้องกันและบรรเทาสาธารณภัย": [
        ("พื้นที่ประสบอุทกภัยรายอำเภอ", []),
        ("สถิติอัคคีภัยรายปี", []),
        ("การเบิกจ่ายงบประมาณช่วยเหลือผู้ประสบภัย", ["budget"]),
    ],
    "กรมควบคุมมลพิษ": [
        ("คุณภาพอากาศ PM 2.5 จากสถานีตรวจวัดอัตโนมัติ", ["pm25"]),
        ("ค่าฝุ่นละออง PM10 รายวัน", []),
        ("คุณภาพน้ำในแม่น้ำสายหลัก", []),
        ("ปริมาณขยะมูลฝอยชุมชน", []),
    ],
    "สำนักงานเศรษฐกิจการเกษตร": [
        ("ราคาสินค้าเกษตรที่เกษตรกรขายได้", ["agriculture"]),
        ("ผลผลิตข้าวนาปีรายจังหวัด", ["agriculture"]),
        ("ผลผลิตประมงทะเลและประมงน้ำจืด", ["fishery"]),
    ],
    "กรมประมง": [
        ("ทะเบียนเรือประมงพาณิชย์", ["fishery"]),
        ("สถิติการประมงแห่งประเทศไทย", ["fishery"]),
    ],
    "กรมชลประทาน": [
        ("ปริมาณน้ำในอ่างเก็บน้ำขนาดใหญ่", []),
        ("พื้นที่ชลประทานรายโครงการ", ["irrigation"]),
        ("โครงการชลประทานขนาดกลาง", ["irrigation"]),
    ],
    "กรมการขนส่งทางบก": [
        ("จำนวนรถจดทะเบียนสะสมรายจังหวัด", []),
        ("ใบอนุญาตขับรถที่ออกใหม่", []),
        ("การจองคิวทำใบขับขี่ผ่านแอปพลิเคชัน", ["application"]),
    ],
    "กระทรวงสาธารณสุข": [
        ("ผู้ติดเชื้อ COVID-19 รายวัน", ["covid"]),
        ("สถานบริการสาธารณสุขทั่วประเทศ", ["health"]),
        ("บุคลากรด้านสาธารณสุขรายจังหวัด", ["health"]),
        ("การฉีดวัคซีนโควิด 19 สะสม", ["covid"]),
    ],
    "สำนักงานหลักประกันสุขภาพแห่งชาติ": [
        ("ผู้มีสิทธิหลักประกันสุขภาพถ้วนหน้า", []),
        ("หน่วยบริการในระบบหลักประกันสุขภาพ", []),
    ],
    "สำนักงานพัฒนารัฐบาลดิจิทัล": [
        ("บริการภาครัฐบนแอปพลิเคชันทางรัฐ", ["application"]),
        ("ชุดข้อมูลเว็บไซต์หน่วยงานภาครัฐ", ["website"]),
        ("ดัชนีรัฐบาลดิจิทัลของหน่วยงาน", ["digital"]),
    ],
    "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม": [
        ("จุดให้บริการอินเทอร์เน็ตไร้สายสาธารณะ", ["internet"]),
        ("มูลค่าเศรษฐกิจดิจิทัล", ["digital"]),
        ("รายชื่อเว็บไซต์ที่ถูกระงับ", ["website"]),
    ],
    "กรมการท่องเที่ยว": [
        ("สถิตินักท่องเที่ยวรายจังหวัด", ["tourism"]),
        ("แหล่งท่องเที่ยวทั่วประเทศ", ["tourism"]),
        ("มัคคุเทศก์ที่ได้รับใบอนุญาต", []),
    ],
    "กรมบัญชีกลาง": [
        ("ผลการเบิกจ่ายงบประมาณรายไตรมาส", ["budget"]),
        ("งบดุลของส่วนราชการ", []),
    ],
}


def build_agencies() -> tuple[list[dict], list[dict]]:
    """(agencies, datasets) of real Thai agencies: each agency {title, title_en}; each dataset
    {name, title, notes, agency, concepts}; an agency's datasets also carry "agency:<title>"."""
    from ckanext.opengov.search import agency_names

    reference = agency_names.reference()
    orgs = [{"title": title, "title_en": reference[title]["title_en"]} for title in AGENCY_TITLES]
    datasets = []
    for i, (title, items) in enumerate(sorted(AGENCY_TITLES.items())):
        for j, (dataset_title, concepts) in enumerate(items):
            datasets.append({"name": f"agency-bench-{i:02d}-{j:02d}", "title": dataset_title,
                             "notes": f"ข้อมูลเผยแพร่โดย{title}", "agency": title,
                             "concepts": set(concepts) | {f"agency:{title}"}})
    return orgs, datasets


def labelled(queries: list[tuple[str, str, str]], datasets: list[dict]) -> list[dict]:
    return [{"group": group, "q": q, "relevant": {d["name"] for d in datasets if concept in d["concepts"]}}
            for group, q, concept in queries]


def recall_at_k(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k)


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    for position, name in enumerate(ranked, start=1):
        if name in relevant:
            return 1.0 / position
    return 0.0
