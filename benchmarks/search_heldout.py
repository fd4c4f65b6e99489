"""Held-out Thai search queries: written apart from benchmarks/search_queries.py (TUNING) and run
only to measure, never to adjust the analysis. Other words, other agencies, other spellings."""
from __future__ import annotations

HELD_OUT = [
    ("compound", "ประมง", "fishery"),
    ("compound", "ชลประทาน", "irrigation"),
    ("compound", "สาธารณสุข", "health"),
    ("abbreviation", "สศก.", "agency:สำนักงานเศรษฐกิจการเกษตร"),
    ("abbreviation", "คพ.", "agency:กรมควบคุมมลพิษ"),
    ("abbreviation", "ขบ.", "agency:กรมการขนส่งทางบก"),
    ("abbreviation", "สปสช", "agency:สำนักงานหลักประกันสุขภาพแห่งชาติ"),
    ("English agency name", "Pollution Control Department", "agency:กรมควบคุมมลพิษ"),
    ("English agency name", "Department of Land Transport", "agency:กรมการขนส่งทางบก"),
    ("punctuation", "pm2.5", "pm25"),
    ("punctuation", "COVID 19", "covid"),
    ("punctuation", "โควิด19", "covid"),
    ("spelling variant", "อินเตอร์เนต", "internet"),
    ("spelling variant", "ดิจิตัล", "digital"),
    ("spelling variant", "แอพพลิเคชั่น", "application"),
    ("spaces", "ประ มง", "fishery"),
    ("spaces", "ชล ประทาน", "irrigation"),
]
