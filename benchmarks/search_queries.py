"""Labelled Thai search queries over benchmarks/thai_corpus.py, by the case of issue 13.

TUNING is what the analysis (dev/solr/make_schema.py) was built and checked against. HELD_OUT
(benchmarks/search_heldout.py) was written separately, before its first run, with other words,
other agencies and other spellings, and was not used to change the analysis.

A query names a concept; its relevant datasets are those the corpus labelled with that concept
when it wrote them (not what any analyser finds).
"""
from __future__ import annotations

TUNING = [
    # A Thai word inside a compound Thai word breaking keeps whole.
    ("compound", "งบประมาณ", "budget"),
    ("compound", "ท่องเที่ยว", "tourism"),
    ("compound", "เกษตร", "agriculture"),
    # Agency abbreviations and English names: that agency's datasets.
    ("abbreviation", "สสช.", "agency:สำนักงานสถิติแห่งชาติ"),
    ("abbreviation", "สพฐ.", "agency:สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"),
    ("abbreviation", "กทม.", "agency:กรุงเทพมหานคร"),
    ("abbreviation", "ปภ.", "agency:กรมป้องกันและบรรเทาสาธารณภัย"),
    ("English agency name", "National Statistical Office", "agency:สำนักงานสถิติแห่งชาติ"),
    ("English agency name", "Bangkok Metropolitan Administration", "agency:กรุงเทพมหานคร"),
    # Punctuation.
    ("punctuation", "PM2.5", "pm25"),
    ("punctuation", "PM 2.5", "pm25"),
    ("punctuation", "COVID-19", "covid"),
    ("punctuation", "โควิด-19", "covid"),
    # Spelling variants.
    ("spelling variant", "อินเตอร์เน็ต", "internet"),
    ("spelling variant", "เว็ปไซต์", "website"),
    ("spelling variant", "ดิจิตอล", "digital"),
    # Spaces typed inside Thai.
    ("spaces", "งบ ประมาณ", "budget"),
    ("spaces", "นัก ท่องเที่ยว", "tourism"),
]
