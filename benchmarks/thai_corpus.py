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


def recall_at_k(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k)


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    for position, name in enumerate(ranked, start=1):
        if name in relevant:
            return 1.0 / position
    return 0.0
