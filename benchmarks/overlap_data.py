"""Builds the labelled duplication sets in benchmarks/data/ (run: python -m benchmarks.overlap_data).

Provenance: written for this project from the way Thai agency catalogs (data.go.th and agencies'
GD Catalog sites) title and describe their records: a subject ("จำนวนประชากร"), a breakdown
("รายจังหวัด", "จำแนกตามเพศ"), an edition year in either era, the agency's name, boilerplate,
reworded titles, abbreviations and Thai/English mixes. Subjects, agencies and phrasings are the
author's; no record is copied from a real catalog. Ground truth is by construction: two records
are duplicates when they render the same series (subject + unit + breakdown), whichever years.

Two subject pools that share no subject: DEV (the method was tuned on it) and HELDOUT (used
only to report). The catalog-level set mixes both pools with administrative records every agency
keeps about itself and agency-specific records, across 14 agencies.
"""
from __future__ import annotations

import json
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

# key, family, data type, unit, Thai wordings, English wording, breakdowns offered
S, R, G = "ข้อมูลสถิติ", "ข้อมูลระเบียน", "ข้อมูลภูมิสารสนเทศเชิงพื้นที่"
DEV = [
    ("pop", "pop", S, "คน", ["จำนวนประชากร", "สถิติประชากรจากการทะเบียนราษฎร", "จำนวนราษฎร", "ประชากรตามทะเบียนบ้าน"], "Population", ["province", "district", "sex", "age"]),
    ("birth", "pop", S, "คน", ["จำนวนการเกิด", "สถิติการเกิด", "จำนวนเด็กเกิดใหม่"], "Births", ["province", "month", "sex"]),
    ("death", "pop", S, "คน", ["จำนวนการตาย", "สถิติการตาย", "จำนวนผู้เสียชีวิต"], "Deaths", ["province", "month", "age"]),
    ("unemp", "labour", S, "ร้อยละ", ["อัตราการว่างงาน", "อัตราผู้ว่างงาน"], "Unemployment rate", ["province", "quarter", "region"]),
    ("labour", "labour", S, "คน", ["จำนวนผู้มีงานทำ", "ผู้มีงานทำ", "จำนวนแรงงานที่มีงานทำ"], "Employed persons", ["region", "quarter", "sex"]),
    ("wage", "labour", S, "บาท", ["อัตราค่าจ้างขั้นต่ำ", "ค่าจ้างขั้นต่ำ"], "Minimum wage", ["province"]),
    ("migr", "labour", S, "คน", ["จำนวนแรงงานต่างด้าว", "แรงงานต่างด้าวที่ได้รับอนุญาตทำงาน"], "Migrant workers", ["province", "nationality"]),
    ("rain", "weather", S, "มิลลิเมตร", ["ปริมาณน้ำฝน", "ปริมาณน้ำฝนสะสม", "ข้อมูลฝน"], "Rainfall", ["station", "month", "day"]),
    ("temp", "weather", S, "องศาเซลเซียส", ["อุณหภูมิสูงสุดต่ำสุด", "อุณหภูมิอากาศ"], "Temperature", ["station", "month", "day"]),
    ("pm25", "air", S, "ไมโครกรัมต่อลูกบาศก์เมตร", ["ค่าฝุ่นละออง PM2.5", "คุณภาพอากาศ PM2.5", "ปริมาณฝุ่น PM2.5"], "PM2.5 air quality", ["station", "hour", "day"]),
    ("dam", "water", S, "ล้านลูกบาศก์เมตร", ["ปริมาณน้ำในเขื่อนขนาดใหญ่", "ปริมาตรน้ำในอ่างเก็บน้ำขนาดใหญ่", "น้ำในเขื่อนหลัก"], "Water in large dams", ["day", "month"]),
    ("flood", "water", S, "ไร่", ["พื้นที่ประสบอุทกภัย", "พื้นที่น้ำท่วม", "พื้นที่ได้รับผลกระทบจากอุทกภัย"], "Flooded area", ["province", "district"]),
    ("rice_price", "price", S, "บาทต่อตัน", ["ราคาข้าวเปลือกที่เกษตรกรขายได้", "ราคาข้าวเปลือก"], "Farm-gate paddy price", ["month", "province"]),
    ("rubber_price", "price", S, "บาทต่อกิโลกรัม", ["ราคายางพารา", "ราคายางแผ่นดิบ"], "Rubber price", ["day", "month"]),
    ("rice_export_q", "trade", S, "ตัน", ["ปริมาณการส่งออกข้าว", "ปริมาณข้าวส่งออก"], "Rice export volume", ["month", "partner"]),
    ("rice_export_v", "trade", S, "บาท", ["มูลค่าการส่งออกข้าว", "มูลค่าข้าวส่งออก"], "Rice export value", ["month", "partner"]),
    ("rice_area", "agri", S, "ไร่", ["เนื้อที่เพาะปลูกข้าวนาปี", "พื้นที่ปลูกข้าวนาปี"], "Main-season rice planted area", ["province", "region"]),
    ("cassava", "agri", S, "ตัน", ["ผลผลิตมันสำปะหลัง", "ปริมาณผลผลิตมันสำปะหลัง"], "Cassava production", ["province", "region"]),
    ("farmers", "agri", S, "ครัวเรือน", ["จำนวนครัวเรือนเกษตรกรที่ขึ้นทะเบียน", "ครัวเรือนเกษตรกรขึ้นทะเบียน"], "Registered farm households", ["province", "district"]),
    ("dengue", "health", S, "ราย", ["จำนวนผู้ป่วยโรคไข้เลือดออก", "ผู้ป่วยไข้เลือดออก", "สถานการณ์โรคไข้เลือดออก"], "Dengue patients", ["province", "month", "age"]),
    ("diabetes", "health", S, "ราย", ["จำนวนผู้ป่วยโรคเบาหวาน", "ผู้ป่วยเบาหวาน"], "Diabetes patients", ["province", "age", "sex"]),
    ("hosp", "health", R, None, ["รายชื่อโรงพยาบาล", "ทำเนียบโรงพยาบาล", "ข้อมูลโรงพยาบาลและที่ตั้ง"], "List of hospitals", ["province", "district"]),
    ("hosp_n", "health", S, "แห่ง", ["จำนวนโรงพยาบาล", "จำนวนสถานพยาบาลประเภทโรงพยาบาล"], "Number of hospitals", ["province", "region"]),
    ("doctors", "health", S, "คน", ["จำนวนแพทย์", "บุคลากรแพทย์"], "Doctors", ["province", "region"]),
    ("school_list", "edu", R, None, ["รายชื่อโรงเรียน", "ทำเนียบสถานศึกษา", "ข้อมูลที่ตั้งโรงเรียน"], "List of schools", ["province", "district"]),
    ("school_n", "edu", S, "แห่ง", ["จำนวนโรงเรียน", "จำนวนสถานศึกษา"], "Number of schools", ["province", "district"]),
    ("students", "edu", S, "คน", ["จำนวนนักเรียน", "นักเรียนในสังกัด"], "Students", ["province", "sex", "district"]),
    ("accident", "road", S, "ครั้ง", ["จำนวนอุบัติเหตุทางถนน", "สถิติอุบัติเหตุจราจรทางบก", "อุบัติเหตุบนท้องถนน"], "Road accidents", ["province", "month"]),
    ("road_deaths", "road", S, "คน", ["ผู้เสียชีวิตจากอุบัติเหตุทางถนน", "จำนวนผู้เสียชีวิตบนท้องถนน"], "Road deaths", ["province", "month", "age"]),
    ("car_reg", "transport", S, "คัน", ["จำนวนรถจดทะเบียนใหม่", "รถยนต์จดทะเบียนใหม่", "สถิติรถจดทะเบียนใหม่"], "Newly registered vehicles", ["province", "month"]),
    ("car_total", "transport", S, "คัน", ["จำนวนรถที่จดทะเบียนสะสม", "รถจดทะเบียนสะสม"], "Vehicles registered (cumulative)", ["province", "month"]),
    ("tourists", "tourism", S, "คน", ["จำนวนนักท่องเที่ยวชาวต่างชาติ", "นักท่องเที่ยวต่างชาติที่เดินทางเข้าประเทศ", "สถิตินักท่องเที่ยวต่างประเทศ"], "Foreign tourist arrivals", ["month", "nationality"]),
    ("hotel", "tourism", S, "ร้อยละ", ["อัตราการเข้าพักโรงแรม", "อัตราการเข้าพักของสถานที่พักแรม"], "Hotel occupancy rate", ["province", "month", "region"]),
    ("cpi", "econ", S, "ดัชนี", ["ดัชนีราคาผู้บริโภค", "ดัชนีราคาผู้บริโภคทั่วไป"], "Consumer price index", ["month", "region", "province"]),
    ("gpp", "econ", S, "ล้านบาท", ["ผลิตภัณฑ์มวลรวมจังหวัด", "ผลิตภัณฑ์ภาคและจังหวัด"], "Gross provincial product", ["province", "region"]),
    ("factories", "industry", R, None, ["รายชื่อโรงงานอุตสาหกรรม", "ทะเบียนโรงงาน", "ข้อมูลโรงงานที่ได้รับอนุญาต"], "Licensed factories", ["province", "industry"]),
    ("companies", "industry", S, "ราย", ["จำนวนนิติบุคคลที่จดทะเบียนจัดตั้งใหม่", "นิติบุคคลจดทะเบียนใหม่"], "New company registrations", ["month", "province", "industry"]),
    ("waste", "env", S, "ตัน", ["ปริมาณขยะมูลฝอย", "ปริมาณขยะมูลฝอยชุมชน", "ขยะมูลฝอยที่เกิดขึ้น"], "Municipal solid waste", ["province", "region"]),
    ("forest", "env", S, "ไร่", ["พื้นที่ป่าไม้", "เนื้อที่ป่าไม้"], "Forest area", ["province", "region"]),
    ("elderly", "welfare", S, "คน", ["จำนวนผู้สูงอายุที่ได้รับเบี้ยยังชีพ", "ผู้รับเบี้ยยังชีพผู้สูงอายุ"], "Old-age allowance recipients", ["province", "district", "month"]),
    ("disabled", "welfare", S, "คน", ["จำนวนคนพิการที่มีบัตรประจำตัวคนพิการ", "คนพิการที่ได้รับการจดทะเบียน"], "Registered persons with disabilities", ["province", "sex", "age"]),
    ("crime", "justice", S, "คดี", ["สถิติคดีอาญา", "จำนวนคดีอาญาที่รับแจ้ง"], "Criminal cases reported", ["province", "month"]),
    ("drugs", "justice", S, "คดี", ["สถิติคดียาเสพติด", "จำนวนคดียาเสพติด"], "Drug cases", ["province", "month"]),
    ("electricity", "energy", S, "กิโลวัตต์ชั่วโมง", ["ปริมาณการใช้ไฟฟ้า", "การใช้พลังงานไฟฟ้า"], "Electricity consumption", ["province", "month", "industry"]),
    ("oil", "energy", S, "ล้านลิตร", ["ปริมาณการจำหน่ายน้ำมันเชื้อเพลิง", "การจำหน่ายน้ำมันเชื้อเพลิง"], "Fuel sales", ["province", "month"]),
]
HELDOUT = [
    ("marriage", "pop2", S, "คู่", ["จำนวนการจดทะเบียนสมรส", "สถิติการจดทะเบียนสมรส"], "Marriage registrations", ["province", "month"]),
    ("divorce", "pop2", S, "คู่", ["จำนวนการจดทะเบียนหย่า", "สถิติการหย่าร้าง"], "Divorce registrations", ["province", "month"]),
    ("households", "pop2", S, "ครัวเรือน", ["จำนวนบ้านตามทะเบียนราษฎร", "จำนวนบ้าน"], "Registered houses", ["province", "district"]),
    ("income", "social", S, "บาท", ["รายได้เฉลี่ยต่อเดือนของครัวเรือน", "รายได้ครัวเรือนเฉลี่ย"], "Average monthly household income", ["region", "province"]),
    ("debt", "social", S, "บาท", ["หนี้สินเฉลี่ยต่อครัวเรือน", "หนี้สินครัวเรือน"], "Average household debt", ["region", "province"]),
    ("poverty", "social", S, "ร้อยละ", ["สัดส่วนคนจน", "ร้อยละของคนจน", "สัดส่วนประชากรยากจน"], "Poverty headcount ratio", ["region", "province"]),
    ("covid_vax", "health2", S, "โดส", ["จำนวนการฉีดวัคซีนโควิด-19", "ผู้ได้รับวัคซีนโควิด 19"], "COVID-19 vaccinations", ["province", "day", "age"]),
    ("hypert", "health2", S, "ราย", ["จำนวนผู้ป่วยโรคความดันโลหิตสูง", "ผู้ป่วยความดันโลหิตสูง"], "Hypertension patients", ["province", "age", "sex"]),
    ("beds", "health2", S, "เตียง", ["จำนวนเตียงในโรงพยาบาล", "เตียงผู้ป่วยในของโรงพยาบาล"], "Hospital beds", ["province", "region"]),
    ("pharm", "health2", R, None, ["รายชื่อร้านขายยา", "ร้านขายยาที่ได้รับอนุญาต"], "Licensed pharmacies", ["province", "district"]),
    ("teachers", "edu2", S, "คน", ["จำนวนครู", "ครูและบุคลากรทางการศึกษา"], "Teachers", ["province", "sex"]),
    ("dropout", "edu2", S, "ร้อยละ", ["อัตราการออกกลางคันของนักเรียน", "นักเรียนออกกลางคัน"], "Student dropout rate", ["province", "region"]),
    ("libraries", "edu2", R, None, ["รายชื่อห้องสมุดประชาชน", "ทำเนียบห้องสมุดประชาชน"], "Public libraries", ["province", "district"]),
    ("bus_pax", "transport2", S, "คน", ["จำนวนผู้โดยสารรถโดยสารประจำทาง", "ผู้โดยสารรถประจำทาง"], "Bus passengers", ["month", "day"]),
    ("rail_pax", "transport2", S, "คน", ["จำนวนผู้โดยสารรถไฟ", "ผู้โดยสารรถไฟ"], "Rail passengers", ["month", "station"]),
    ("flights", "transport2", S, "เที่ยว", ["จำนวนเที่ยวบินเข้าออกท่าอากาศยาน", "เที่ยวบินที่สนามบิน"], "Flights at airports", ["month", "station"]),
    ("durian_price", "price2", S, "บาทต่อกิโลกรัม", ["ราคาทุเรียนที่เกษตรกรขายได้", "ราคาทุเรียน"], "Farm-gate durian price", ["month", "province"]),
    ("maize_prod", "agri2", S, "ตัน", ["ผลผลิตข้าวโพดเลี้ยงสัตว์", "ปริมาณผลผลิตข้าวโพดเลี้ยงสัตว์"], "Feed maize production", ["province", "region"]),
    ("fishery", "agri2", S, "ตัน", ["ปริมาณการจับสัตว์น้ำ", "ผลผลิตประมงทะเล"], "Marine fish catch", ["month", "province"]),
    ("livestock", "agri2", S, "ตัว", ["จำนวนปศุสัตว์", "จำนวนสัตว์เลี้ยงของเกษตรกร"], "Livestock", ["province", "kind"]),
    ("fire", "disaster", S, "ครั้ง", ["จำนวนการเกิดอัคคีภัย", "สถิติอัคคีภัย", "เหตุไฟไหม้"], "Fires", ["province", "month"]),
    ("drought", "disaster", S, "หมู่บ้าน", ["หมู่บ้านที่ประสบภัยแล้ง", "พื้นที่ประสบภัยแล้ง"], "Drought-hit villages", ["province", "district"]),
    ("complaints", "gov", S, "เรื่อง", ["จำนวนเรื่องร้องเรียนของประชาชน", "เรื่องร้องเรียนร้องทุกข์"], "Public complaints", ["province", "month"]),
    ("prisoners", "justice2", S, "คน", ["จำนวนผู้ต้องขัง", "สถิติผู้ต้องขังทั่วประเทศ"], "Prisoners", ["month", "sex"]),
    ("internet", "ict", S, "ร้อยละ", ["ร้อยละของประชากรที่ใช้อินเทอร์เน็ต", "ผู้ใช้อินเทอร์เน็ต"], "Internet users", ["province", "age", "sex"]),
    ("temples", "culture", R, None, ["รายชื่อวัด", "ทำเนียบวัดทั่วประเทศ", "ข้อมูลวัด"], "List of temples", ["province", "district"]),
    ("museums", "culture", R, None, ["รายชื่อพิพิธภัณฑ์", "แหล่งพิพิธภัณฑ์"], "Museums", ["province", "region"]),
    ("loans", "finance", S, "ล้านบาท", ["สินเชื่อคงค้างของธนาคารพาณิชย์", "ยอดสินเชื่อธนาคารพาณิชย์"], "Commercial bank loans outstanding", ["month", "industry"]),
]

AGENCIES = [
    ("สำนักงานสถิติแห่งชาติ", "National Statistical Office", "สสช."),
    ("กรมการปกครอง", "Department of Provincial Administration", "ปค."),
    ("กรมควบคุมโรค", "Department of Disease Control", "คร."),
    ("สำนักงานปลัดกระทรวงสาธารณสุข", "Office of the Permanent Secretary, Ministry of Public Health", "สป.สธ."),
    ("กรมอุตุนิยมวิทยา", "Thai Meteorological Department", "อต."),
    ("กรมควบคุมมลพิษ", "Pollution Control Department", "คพ."),
    ("สำนักงานเศรษฐกิจการเกษตร", "Office of Agricultural Economics", "สศก."),
    ("กรมการขนส่งทางบก", "Department of Land Transport", "ขบ."),
    ("กรมการท่องเที่ยว", "Department of Tourism", "ทท."),
    ("สำนักงานปลัดกระทรวงศึกษาธิการ", "Office of the Permanent Secretary, Ministry of Education", "สป.ศธ."),
    ("กรมส่งเสริมการปกครองท้องถิ่น", "Department of Local Administration", "สถ."),
    ("สำนักงานตำรวจแห่งชาติ", "Royal Thai Police", "ตร."),
    ("กรมพัฒนาธุรกิจการค้า", "Department of Business Development", "พค."),
    ("กรมชลประทาน", "Royal Irrigation Department", "ชป."),
]

BREAKDOWN_AXIS = {"province": "geo", "district": "geo", "region": "geo", "station": "geo",
                  "month": "time", "quarter": "time", "day": "time", "hour": "time",
                  "sex": "dim", "age": "dim", "nationality": "dim", "industry": "dim",
                  "partner": "dim", "kind": "dim"}
SURFACES = {
    "province": ["รายจังหวัด", "จำแนกรายจังหวัด", "จำแนกตามจังหวัด", "ระดับจังหวัด", "แยกตามจังหวัด"],
    "district": ["รายอำเภอ", "จำแนกรายอำเภอ", "ระดับอำเภอ"],
    "region": ["รายภาค", "จำแนกตามภาค"],
    "station": ["รายสถานี", "จำแนกตามสถานี"],
    "month": ["รายเดือน", "ประจำเดือน"], "quarter": ["รายไตรมาส"], "day": ["รายวัน"], "hour": ["รายชั่วโมง"],
    "sex": ["จำแนกตามเพศ", "แยกตามเพศ"], "age": ["จำแนกตามกลุ่มอายุ", "จำแนกตามอายุ"],
    "nationality": ["จำแนกตามสัญชาติ"], "industry": ["จำแนกตามประเภทอุตสาหกรรม", "จำแนกตามประเภทกิจการ"],
    "partner": ["จำแนกตามประเทศคู่ค้า", "รายประเทศคู่ค้า"], "kind": ["จำแนกตามชนิด", "แยกตามประเภท"],
}
ENGLISH = {"province": "by province", "district": "by district", "region": "by region",
           "station": "by station", "month": "monthly", "quarter": "quarterly", "day": "daily",
           "hour": "hourly", "sex": "by sex", "age": "by age group", "nationality": "by nationality",
           "industry": "by industry", "partner": "by partner country", "kind": "by type"}
GEO_FIELD = {"province": "จังหวัด", "district": "อำเภอ", "region": "ภาค", "station": "พิกัด"}
FREQ = {"month": "เดือน", "quarter": "ไตรมาส", "day": "วัน", "hour": "ชั่วโมง"}
DISAGG = {"sex": "เพศ", "age": "อายุ/กลุ่มอายุ", "industry": "อุตสาหกรรม/ประเภทกิจการ"}
PREFIXES = ["", "", "", "ข้อมูล", "สถิติ", "ชุดข้อมูล", "รายงาน"]
NOTES = [
    "ข้อมูล{subject}{bd} รวบรวมโดย{agency} เผยแพร่{year}",
    "{subject}{bd} จากระบบสารสนเทศของ{agency} ปรับปรุงล่าสุด{year}",
    "ชุดข้อมูลนี้แสดง{subject}{bd} ({year}) แหล่งที่มา: {agency}",
    "{agency} ({abbr}) จัดทำข้อมูล{subject}{bd}{year} เพื่อใช้ในการวางแผน",
    "{english} {bd_en}. Source: {agency_en}.",
]


def _year(rng: random.Random, be: int) -> str:
    return rng.choice([f" พ.ศ. {be}", f" ปี {be}", f" ({be})", f" {be}", f" {be - 543}",
                       f" ปีงบประมาณ {be}", f" ประจำปี {be}", f" ปี พ.ศ.{be}", "", "",
                       f" {be - 2}-{be}", f" ๒๕{str(be)[2:].translate(str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙'))}"])


def render(rng: random.Random, subject: tuple, breakdown: tuple, agency: tuple, be: int) -> dict:
    """One record of series (subject, breakdown) published by an agency for a year."""
    key, family, dtype, unit, thai, english, _ = subject
    english_title = rng.random() < 0.12
    if english_title:
        title = english + " " + " ".join(ENGLISH[b] for b in breakdown) + _year(rng, be).replace("พ.ศ.", "B.E.")
    else:
        surfaces = [rng.choice(SURFACES[b]) for b in breakdown]
        mix = rng.random() < 0.08 and breakdown
        if mix:  # Thai subject, English breakdown ("จำนวนประชากร by province")
            surfaces = [ENGLISH[b] for b in breakdown]
        title = rng.choice(PREFIXES) + rng.choice(thai) + (" " if rng.random() < 0.5 else "") + " ".join(surfaces)
        title += _year(rng, be)
        if rng.random() < 0.25:
            title += rng.choice([f" {agency[0]}", f" ({agency[2]})", f" ของ{agency[0]}", f" - {agency[0]}"])
    bd_th = "".join(" " + rng.choice(SURFACES[b]) for b in breakdown)
    notes = rng.choice(NOTES).format(
        subject=rng.choice(thai), bd=bd_th, agency=agency[0], abbr=agency[2], year=_year(rng, be),
        english=english, bd_en=" ".join(ENGLISH[b] for b in breakdown), agency_en=agency[1])
    geo = next((GEO_FIELD[b] for b in breakdown if b in GEO_FIELD), "ประเทศ")
    if rng.random() < 0.15:
        geo = rng.choice(["ประเทศ", "ไม่ทราบ", geo])
    freq = next((FREQ[b] for b in breakdown if b in FREQ), "ปี")
    if rng.random() < 0.2:
        freq = rng.choice(["ปี", "ไม่ทราบ", freq])
    tags = [t for t in {thai[0][:12], family} if rng.random() < 0.6]
    return {
        "title": title.strip(), "notes": notes, "tags": tags, "agency": agency[0], "agency_en": agency[1],
        "data_type": dtype, "unit": unit if unit and rng.random() < 0.85 else None,
        "geo_coverage": geo, "update_frequency_unit": freq,
        "disaggregate": [DISAGG[b] for b in breakdown if b in DISAGG and dtype == S],
        "series": f"{key}|{'+'.join(sorted(breakdown))}", "year": be,
    }


def breakdowns(rng: random.Random, subject: tuple, n: int) -> list[tuple]:
    """Up to n distinct breakdowns of a subject: none, one axis, or two axes."""
    offered = subject[6]
    options = {()} | {(b,) for b in offered} | {
        tuple(sorted((a, b))) for a in offered for b in offered
        if a < b and BREAKDOWN_AXIS[a] != BREAKDOWN_AXIS[b]}
    options = sorted(options)
    rng.shuffle(options)
    return options[:n]


def labelled_pairs(pool: list, seed: int, positives: int, per_kind_negatives: int) -> list[dict]:
    rng = random.Random(seed)
    out = []

    def two_agencies():
        return rng.sample(AGENCIES, 2)

    for _ in range(positives):
        subject = rng.choice(pool)
        bd = rng.choice(breakdowns(rng, subject, 6))
        a, b = two_agencies()
        out.append({"label": 1, "kind": "same series",
                    "a": render(rng, subject, bd, a, rng.randint(2560, 2568)),
                    "b": render(rng, subject, bd, b, rng.randint(2560, 2568))})
    for _ in range(per_kind_negatives):  # same subject, another breakdown
        subject = rng.choice(pool)
        options = breakdowns(rng, subject, 6)
        if len(options) < 2:
            continue
        x, y = options[:2]
        a, b = two_agencies()
        out.append({"label": 0, "kind": "same subject, other breakdown",
                    "a": render(rng, subject, x, a, rng.randint(2560, 2568)),
                    "b": render(rng, subject, y, b, rng.randint(2560, 2568))})
    families: dict[str, list] = {}
    for subject in pool:
        families.setdefault(subject[1], []).append(subject)
    close = [f for f in families.values() if len(f) >= 2]
    for _ in range(per_kind_negatives):  # same family, shared words, another subject
        s1, s2 = rng.sample(rng.choice(close), 2)
        shared = sorted(set(s1[6]) & set(s2[6]))
        bd = (rng.choice(shared),) if shared else ()
        a, b = two_agencies()
        out.append({"label": 0, "kind": "same words, other subject",
                    "a": render(rng, s1, bd, a, rng.randint(2560, 2568)),
                    "b": render(rng, s2, bd, b, rng.randint(2560, 2568))})
    for _ in range(per_kind_negatives // 2):
        s1, s2 = rng.sample(pool, 2)
        a, b = two_agencies()
        out.append({"label": 0, "kind": "unrelated",
                    "a": render(rng, s1, rng.choice(breakdowns(rng, s1, 3)), a, rng.randint(2560, 2568)),
                    "b": render(rng, s2, rng.choice(breakdowns(rng, s2, 3)), b, rng.randint(2560, 2568))})
    rng.shuffle(out)
    return out


ADMIN = ["แผนปฏิบัติราชการประจำปี", "ข้อมูลการจัดซื้อจัดจ้าง", "รายงานผลการดำเนินงาน", "งบการเงิน",
         "อัตรากำลังบุคลากร", "โครงสร้างองค์กรและผู้บริหาร", "แผนยุทธศาสตร์", "รายงานประจำปี"]
DOMAIN_WORDS = ["โครงการ", "กิจกรรม", "ผู้เข้ารับการอบรม", "สถานที่ให้บริการ", "ผลการตรวจสอบ", "คำขออนุญาต",
                "ใบอนุญาต", "ผลการสำรวจ", "เครือข่าย", "อาสาสมัคร", "ศูนย์บริการ", "ผู้ได้รับการช่วยเหลือ"]


# Three topics of each agency's own work (same order as AGENCIES): records no one else keeps.
TOPICS = [
    ("สำมะโนประชากรและเคหะ", "การสำรวจภาวะการทำงาน", "บัญชีประชาชาติ"),
    ("บัตรประจำตัวประชาชน", "ทะเบียนอาวุธปืน", "การเลือกตั้งท้องถิ่น"),
    ("การเฝ้าระวังโรคติดต่อ", "ด่านควบคุมโรค", "โรคจากการประกอบอาชีพ"),
    ("อาสาสมัครสาธารณสุข", "หน่วยบริการปฐมภูมิ", "ยาและเวชภัณฑ์"),
    ("เรดาร์ตรวจอากาศ", "การพยากรณ์อากาศ", "แผ่นดินไหว"),
    ("คุณภาพน้ำทะเลชายฝั่ง", "สารอันตราย", "เสียงรบกวน"),
    ("ต้นทุนการผลิตพืช", "ภาวะเศรษฐกิจการเกษตร", "สหกรณ์การเกษตร"),
    ("ใบอนุญาตขับรถ", "การตรวจสภาพรถ", "เส้นทางเดินรถ"),
    ("มัคคุเทศก์", "ธุรกิจนำเที่ยว", "แหล่งท่องเที่ยวชุมชน"),
    ("ทุนการศึกษา", "ศูนย์การเรียนรู้", "การศึกษาเอกชน"),
    ("ผังเมืองรวม", "ตลาดท้องถิ่น", "สถานธนานุบาล"),
    ("จุดตรวจจราจร", "สถานีตำรวจ", "คนหาย"),
    ("เครื่องหมายการค้า", "ธุรกิจแฟรนไชส์", "งบการเงินนิติบุคคล"),
    ("ประตูระบายน้ำ", "คลองชลประทาน", "สถานีสูบน้ำ"),
]


def catalog(seed: int = 14, target: int = 2000) -> list[dict]:
    """14 agencies, ~2,000 records: series (some published by two agencies), their hard
    negatives, administrative records every agency keeps, agency-specific records."""
    rng = random.Random(seed)
    records = []
    for subject in DEV + HELDOUT:
        home = rng.choice(AGENCIES)
        for bd in breakdowns(rng, subject, rng.randint(1, 3)):
            publishers = [home] + ([rng.choice([a for a in AGENCIES if a != home])] if rng.random() < 0.35 else [])
            for agency in publishers:
                for be in rng.sample(range(2560, 2569), rng.randint(1, 3)):
                    records.append(render(rng, subject, bd, agency, be))
    for agency in AGENCIES:
        for title in ADMIN:
            for be in rng.sample(range(2562, 2569), rng.randint(1, 3)):
                records.append({"title": f"{title} {be}", "notes": f"{title} ของ{agency[0]}", "tags": [],
                                "agency": agency[0], "agency_en": agency[1], "data_type": R, "unit": None,
                                "geo_coverage": "ไม่มี", "update_frequency_unit": "ปี", "disaggregate": [],
                                "series": f"admin|{agency[2]}|{title}", "year": be})
    n = 0
    while len(records) < target:
        agency = AGENCIES[n % len(AGENCIES)]
        word = rng.choice(DOMAIN_WORDS)
        topic = TOPICS[n % len(AGENCIES)][(n // len(AGENCIES)) % 3]
        title = f"{word}{topic} {rng.choice(['', 'ปี ' + str(rng.randint(2560, 2568))])}".strip()
        records.append({"title": title, "notes": f"{word} ของ{agency[0]}", "tags": [], "agency": agency[0],
                        "agency_en": agency[1], "data_type": R, "unit": None, "geo_coverage": "ประเทศ",
                        "update_frequency_unit": "ปี", "disaggregate": [], "series": f"own|{agency[2]}|{word}{topic}", "year": 2567})
        n += 1
    rng.shuffle(records)
    return records


def write(path: str, rows) -> int:
    with open(path, "w", encoding="utf-8") as f:
        count = 0
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    print("dev", write(os.path.join(OUT, "overlap_pairs_dev.jsonl"), labelled_pairs(DEV, 2566, 320, 160)))
    print("heldout", write(os.path.join(OUT, "overlap_pairs_heldout.jsonl"), labelled_pairs(HELDOUT, 2569, 220, 110)))
    print("catalog", write(os.path.join(OUT, "overlap_catalog.jsonl"), catalog()))


if __name__ == "__main__":
    main()
