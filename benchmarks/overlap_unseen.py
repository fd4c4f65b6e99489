"""A second held-out duplication set, written by hand (run: python -m benchmarks.overlap_unseen).

Provenance: written on 2026-11-29 by the engineer who then changed the method (issue 14), BEFORE
any change to the method and committed before it was first measured; not tuned on afterwards.
Unlike benchmarks/overlap_data.py it is not rendered from templates: each record below was
written one by one in the way Thai agency catalogs (data.go.th, agencies' GD Catalog sites)
title and describe their records, for subjects and agencies that neither the glossary nor the
first two sets name (social security, river gauges, satellite hotspots, exchange rates, mental
health, higher education, O-NET, retail prices, palm oil, courts, rail lines, TB, life
expectancy, markets, national parks, imports...). No record is copied from a real catalog.

Ground truth is by construction: records of one `series` (same subject, unit and breakdown,
whichever years and wordings) are duplicates of each other when two agencies hold them; records
of two series in one `group` are hard negatives (same subject with another breakdown, same words
in another domain: retail vs farm-gate price, blue vs purple line, TB vs HIV); a seeded sample of
pairs across groups are unrelated negatives. Only cross-agency pairs are labelled.
"""
from __future__ import annotations

import json
import os
import random
from itertools import combinations

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "overlap_pairs_unseen.jsonl")
S, R = "ข้อมูลสถิติ", "ข้อมูลระเบียน"

AGENCIES = {
    "sso": ("สำนักงานประกันสังคม", "Social Security Office"),
    "doe": ("กรมการจัดหางาน", "Department of Employment"),
    "fpo": ("สำนักงานเศรษฐกิจการคลัง", "Fiscal Policy Office"),
    "dwr": ("กรมทรัพยากรน้ำ", "Department of Water Resources"),
    "hii": ("สถาบันสารสนเทศทรัพยากรน้ำ", "Hydro-Informatics Institute"),
    "dgr": ("กรมทรัพยากรน้ำบาดาล", "Department of Groundwater Resources"),
    "gistda": ("สำนักงานพัฒนาเทคโนโลยีอวกาศและภูมิสารสนเทศ", "Geo-Informatics and Space Technology Development Agency"),
    "rfd": ("กรมป่าไม้", "Royal Forest Department"),
    "dnp": ("กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช", "Department of National Parks, Wildlife and Plant Conservation"),
    "bot": ("ธนาคารแห่งประเทศไทย", "Bank of Thailand"),
    "dmh": ("กรมสุขภาพจิต", "Department of Mental Health"),
    "moph": ("สำนักงานปลัดกระทรวงสาธารณสุข", "Office of the Permanent Secretary, Ministry of Public Health"),
    "nso": ("สำนักงานสถิติแห่งชาติ", "National Statistical Office"),
    "mhesi": ("สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "Ministry of Higher Education, Science, Research and Innovation"),
    "niets": ("สถาบันทดสอบทางการศึกษาแห่งชาติ", "National Institute of Educational Testing Service"),
    "moe": ("สำนักงานปลัดกระทรวงศึกษาธิการ", "Office of the Permanent Secretary, Ministry of Education"),
    "dit": ("กรมการค้าภายใน", "Department of Internal Trade"),
    "oae": ("สำนักงานเศรษฐกิจการเกษตร", "Office of Agricultural Economics"),
    "dld": ("กรมปศุสัตว์", "Department of Livestock Development"),
    "doeb": ("กรมธุรกิจพลังงาน", "Department of Energy Business"),
    "eppo": ("สำนักงานนโยบายและแผนพลังงาน", "Energy Policy and Planning Office"),
    "pwa": ("การประปาส่วนภูมิภาค", "Provincial Waterworks Authority"),
    "tgo": ("องค์การบริหารจัดการก๊าซเรือนกระจก", "Thailand Greenhouse Gas Management Organization"),
    "onep": ("สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม", "Office of Natural Resources and Environmental Policy and Planning"),
    "imm": ("สำนักงานตรวจคนเข้าเมือง", "Immigration Bureau"),
    "doa": ("กรมวิชาการเกษตร", "Department of Agriculture"),
    "doae": ("กรมส่งเสริมการเกษตร", "Department of Agricultural Extension"),
    "ocsb": ("สำนักงานคณะกรรมการอ้อยและน้ำตาลทราย", "Office of the Cane and Sugar Board"),
    "coj": ("สำนักงานศาลยุติธรรม", "Office of the Judiciary"),
    "mrta": ("การรถไฟฟ้าขนส่งมวลชนแห่งประเทศไทย", "Mass Rapid Transit Authority of Thailand"),
    "otp": ("สำนักงานนโยบายและแผนการขนส่งและจราจร", "Office of Transport and Traffic Policy and Planning"),
    "ddc": ("กรมควบคุมโรค", "Department of Disease Control"),
    "doh": ("กรมอนามัย", "Department of Health"),
    "nesdc": ("สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ", "Office of the National Economic and Social Development Council"),
    "dla": ("กรมส่งเสริมการปกครองท้องถิ่น", "Department of Local Administration"),
    "dopa": ("กรมการปกครอง", "Department of Provincial Administration"),
    "dot": ("กรมการท่องเที่ยว", "Department of Tourism"),
    "customs": ("กรมศุลกากร", "Customs Department"),
    "ops_moc": ("สำนักงานปลัดกระทรวงพาณิชย์", "Office of the Permanent Secretary, Ministry of Commerce"),
}


def rec(agency, title, notes="", unit=None, dtype=S, geo="ประเทศ", freq="ปี", dis=(), tags=()):
    return {"agency": agency, "title": title, "notes": notes, "unit": unit, "data_type": dtype,
            "geo_coverage": geo, "update_frequency_unit": freq, "disaggregate": list(dis), "tags": list(tags)}


# group -> series -> records. Records of one series are the same data; series of one group are
# each other's hard negatives.
GROUPS = {
    "social_security": {
        "insured_province": [
            rec("sso", "จำนวนผู้ประกันตนตามมาตรา 33 รายจังหวัด ปี 2566",
                "ผู้ประกันตนในระบบประกันสังคม มาตรา 33 แยกรายจังหวัด ข้อมูล ณ สิ้นปี", "คน", geo="จังหวัด",
                tags=("ประกันสังคม", "ผู้ประกันตน")),
            rec("fpo", "ผู้ประกันตนในระบบประกันสังคม (มาตรา 33) จำแนกตามจังหวัด 2565",
                "สรุปจำนวนผู้ประกันตนภาคบังคับ จัดทำโดยสำนักงานเศรษฐกิจการคลัง", "คน", geo="จังหวัด"),
            rec("doe", "สถิติผู้ประกันตน ม.33 รายจังหวัด พ.ศ. ๒๕๖๔", "ผู้ประกันตนมาตรา 33 รายจังหวัด", "คน",
                geo="จังหวัด", tags=("แรงงาน",)),
            rec("nso", "Insured persons under Section 33 of the Social Security Act by province, 2023",
                "Number of insured persons (Section 33) by province.", "คน", geo="จังหวัด"),
        ],
        "establishments_province": [
            rec("sso", "จำนวนสถานประกอบการที่ขึ้นทะเบียนประกันสังคม รายจังหวัด 2566",
                "สถานประกอบการที่อยู่ในระบบประกันสังคม แยกรายจังหวัด", "แห่ง", geo="จังหวัด",
                tags=("ประกันสังคม", "สถานประกอบการ")),
            rec("doe", "สถานประกอบการในระบบประกันสังคม จำแนกรายจังหวัด (2565)",
                "จำนวนสถานประกอบการที่ขึ้นทะเบียนกับสำนักงานประกันสังคม", "แห่ง", geo="จังหวัด"),
        ],
        "insured_age": [
            rec("doe", "จำนวนผู้ประกันตนมาตรา 33 จำแนกตามกลุ่มอายุ 2566", "ผู้ประกันตนแยกตามช่วงอายุ", "คน",
                dis=("อายุ/กลุ่มอายุ",)),
        ],
    },
    "river": {
        "level_station_daily": [
            rec("dwr", "ระดับน้ำในแม่น้ำสายหลัก รายสถานี รายวัน 2567",
                "ระดับน้ำจากสถานีวัดน้ำอัตโนมัติของกรมทรัพยากรน้ำ", "เมตร (รทก.)", geo="พิกัด", freq="วัน"),
            rec("hii", "ข้อมูลระดับน้ำแม่น้ำ จำแนกตามสถานี รายวัน (2566)",
                "ระดับน้ำรายวันจากสถานีโทรมาตร คลังข้อมูลน้ำแห่งชาติ", "เมตร (รทก.)", geo="พิกัด", freq="วัน",
                tags=("ระดับน้ำ", "โทรมาตร")),
            rec("nso", "River water level by station, daily 2024", "Daily river water level at gauging stations.",
                "เมตร (รทก.)", geo="พิกัด", freq="วัน"),
        ],
        "discharge_station_daily": [
            rec("dwr", "ปริมาณน้ำท่า รายสถานี รายวัน 2566", "ปริมาณน้ำท่าที่สถานีวัดน้ำท่า",
                "ลูกบาศก์เมตรต่อวินาที", geo="พิกัด", freq="วัน", tags=("น้ำท่า",)),
            rec("hii", "ปริมาณน้ำไหลผ่านสถานีวัดน้ำท่า รายวัน แยกตามสถานี",
                "อัตราการไหลของน้ำ ณ สถานีวัดน้ำท่า", "ลูกบาศก์เมตรต่อวินาที", geo="พิกัด", freq="วัน"),
        ],
        "wells_province": [
            rec("dwr", "ทะเบียนบ่อน้ำบาดาล รายจังหวัด", "บ่อน้ำบาดาลที่เจาะโดยภาครัฐ", dtype=R, geo="จังหวัด"),
            rec("dgr", "รายชื่อบ่อน้ำบาดาล จำแนกตามจังหวัด ปี 2567",
                "ข้อมูลบ่อน้ำบาดาลของกรมทรัพยากรน้ำบาดาล ตำแหน่งและความลึก", dtype=R, geo="จังหวัด",
                tags=("น้ำบาดาล",)),
        ],
    },
    "fire": {
        "hotspots_province_daily": [
            rec("gistda", "จุดความร้อน (Hotspot) จากดาวเทียม รายจังหวัด รายวัน 2567",
                "จุดความร้อนจากดาวเทียม VIIRS และ MODIS", "จุด", geo="จังหวัด", freq="วัน",
                tags=("จุดความร้อน", "hotspot")),
            rec("dnp", "จำนวนจุดความร้อนจากดาวเทียม VIIRS รายจังหวัด รายวัน",
                "เพื่อการเฝ้าระวังไฟป่า", "จุด", geo="จังหวัด", freq="วัน"),
            rec("rfd", "Hotspots by province, daily (VIIRS) 2023", "Satellite fire hotspots.", "จุด",
                geo="จังหวัด", freq="วัน"),
        ],
        "burned_area_province": [
            rec("gistda", "พื้นที่เผาไหม้ รายจังหวัด พ.ศ. 2566", "พื้นที่ร่องรอยการเผาไหม้จากภาพดาวเทียม",
                "ไร่", geo="จังหวัด", tags=("พื้นที่เผาไหม้", "burn scar")),
            rec("dnp", "พื้นที่เผาไหม้จากภาพถ่ายดาวเทียม จำแนกรายจังหวัด 2565", "Burn scar", "ไร่", geo="จังหวัด"),
        ],
        "forest_fires_province": [
            rec("dnp", "จำนวนครั้งการเกิดไฟป่า รายจังหวัด ปีงบประมาณ 2566", "สถิติไฟป่าในพื้นที่อนุรักษ์",
                "ครั้ง", geo="จังหวัด", tags=("ไฟป่า",)),
            rec("rfd", "สถิติการเกิดไฟป่า จำแนกตามจังหวัด 2565", "การเกิดไฟป่าและพื้นที่ถูกไฟไหม้", "ครั้ง",
                geo="จังหวัด"),
        ],
    },
    "finance": {
        "fx_daily": [
            rec("bot", "อัตราแลกเปลี่ยนถัวเฉลี่ย รายวัน 2567", "อัตราแลกเปลี่ยนเงินตราต่างประเทศถัวเฉลี่ยของธนาคารพาณิชย์",
                "บาท", freq="วัน", tags=("อัตราแลกเปลี่ยน",)),
            rec("fpo", "Daily average exchange rates 2023", "Average exchange rates of commercial banks", "บาท",
                freq="วัน"),
            rec("ops_moc", "ข้อมูลอัตราแลกเปลี่ยนเงินตราต่างประเทศ (เฉลี่ย) รายวัน", "", "บาท", freq="วัน"),
        ],
        "fx_monthly": [
            rec("bot", "อัตราแลกเปลี่ยนถัวเฉลี่ย รายเดือน 2566", "ค่าเฉลี่ยรายเดือน", "บาท", freq="เดือน"),
        ],
        "hh_debt_gdp_quarterly": [
            rec("bot", "หนี้ครัวเรือนต่อ GDP รายไตรมาส", "สัดส่วนหนี้สินครัวเรือนต่อผลิตภัณฑ์มวลรวมในประเทศ",
                "ร้อยละ", freq="ไตรมาส"),
            rec("nesdc", "สัดส่วนหนี้ครัวเรือนต่อผลิตภัณฑ์มวลรวมในประเทศ รายไตรมาส 2566", "", "ร้อยละ",
                freq="ไตรมาส", tags=("หนี้ครัวเรือน",)),
        ],
    },
    "mental": {
        "suicide_province": [
            rec("dmh", "อัตราการฆ่าตัวตายสำเร็จต่อประชากรแสนคน รายจังหวัด 2566", "", "ต่อแสนประชากร",
                geo="จังหวัด", tags=("ฆ่าตัวตาย",)),
            rec("nso", "Suicide rate per 100,000 population by province, 2022", "", "ต่อแสนประชากร",
                geo="จังหวัด"),
            rec("moph", "อัตราการฆ่าตัวตาย (ต่อแสนประชากร) จำแนกรายจังหวัด ปีงบประมาณ 2565", "", "ต่อแสนประชากร",
                geo="จังหวัด"),
        ],
        "psych_patients_province": [
            rec("dmh", "จำนวนผู้ป่วยจิตเวช รายจังหวัด 2566", "ผู้ป่วยจิตเวชที่เข้ารับบริการ", "ราย", geo="จังหวัด"),
            rec("moph", "ผู้ป่วยทางจิตเวชที่มารับบริการ จำแนกรายจังหวัด ปีงบประมาณ 2567",
                "จากระบบ HDC กระทรวงสาธารณสุข", "ราย", geo="จังหวัด", tags=("สุขภาพจิต",)),
        ],
        "depression_province": [
            rec("dmh", "ผู้ป่วยโรคซึมเศร้าที่เข้าถึงบริการ รายจังหวัด 2566", "", "ราย", geo="จังหวัด",
                tags=("ซึมเศร้า",)),
        ],
    },
    "higher_ed": {
        "students_sex": [
            rec("mhesi", "จำนวนนักศึกษาระดับอุดมศึกษา จำแนกตามเพศ 2566", "นิสิตนักศึกษาทุกระดับ", "คน",
                dis=("เพศ",)),
            rec("nso", "นิสิตนักศึกษาในสถาบันอุดมศึกษา แยกตามเพศ (2565)", "", "คน", dis=("เพศ",)),
            rec("moe", "Higher education students by sex 2021", "", "คน", dis=("เพศ",)),
        ],
        "graduates_sex": [
            rec("mhesi", "จำนวนผู้สำเร็จการศึกษาระดับอุดมศึกษา จำแนกตามเพศ ปีการศึกษา 2565", "", "คน",
                dis=("เพศ",)),
            rec("nso", "ผู้สำเร็จการศึกษาระดับอุดมศึกษา แยกตามเพศ 2564", "", "คน", dis=("เพศ",)),
        ],
        "onet_m6": [
            rec("niets", "คะแนนเฉลี่ย O-NET ชั้นมัธยมศึกษาปีที่ 6 รายวิชา ปีการศึกษา 2566", "", "คะแนน",
                tags=("O-NET",)),
            rec("moe", "ผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน (O-NET) ม.6 คะแนนเฉลี่ยรายวิชา 2565", "",
                "คะแนน"),
        ],
        "onet_p6": [
            rec("niets", "คะแนนเฉลี่ย O-NET ชั้นประถมศึกษาปีที่ 6 รายวิชา ปีการศึกษา 2566", "", "คะแนน",
                tags=("O-NET",)),
        ],
    },
    "retail_prices": {
        "egg_retail_weekly": [
            rec("dit", "ราคาขายปลีกไข่ไก่ เบอร์ 2 รายสัปดาห์", "ราคาขายปลีกเฉลี่ยในเขตกรุงเทพฯ", "บาทต่อฟอง",
                freq="สัปดาห์", tags=("ไข่ไก่",)),
            rec("oae", "ราคาไข่ไก่ขายปลีก รายสัปดาห์ 2566", "", "บาทต่อฟอง", freq="สัปดาห์"),
        ],
        "pork_retail_weekly": [
            rec("dit", "ราคาขายปลีกเนื้อสุกร รายสัปดาห์ 2567", "เนื้อแดง สะโพก", "บาทต่อกิโลกรัม",
                freq="สัปดาห์", tags=("สุกร",)),
            rec("dld", "ราคาเนื้อหมูขายปลีก รายสัปดาห์", "ราคาขายปลีกเนื้อหมู", "บาทต่อกิโลกรัม",
                freq="สัปดาห์"),
        ],
        "egg_farm_weekly": [
            rec("dld", "ราคาไข่ไก่คละหน้าฟาร์ม รายสัปดาห์ 2566", "ราคาที่เกษตรกรขายได้", "บาทต่อฟอง",
                freq="สัปดาห์"),
        ],
    },
    "fuel": {
        "fuel_retail_daily": [
            rec("doeb", "ราคาขายปลีกน้ำมันเชื้อเพลิง รายวัน 2567", "", "บาทต่อลิตร", freq="วัน"),
            rec("eppo", "Retail fuel prices, daily 2024", "Retail prices of petroleum products", "บาทต่อลิตร",
                freq="วัน"),
            rec("ops_moc", "ราคาน้ำมันขายปลีก รายวัน", "", "บาทต่อลิตร", freq="วัน"),
        ],
        "fuel_sales_monthly": [
            rec("doeb", "ปริมาณการจำหน่ายน้ำมันเชื้อเพลิง รายเดือน 2566", "", "ล้านลิตร", freq="เดือน"),
        ],
        "stations_province": [
            rec("doeb", "รายชื่อสถานีบริการน้ำมันเชื้อเพลิง รายจังหวัด", "", dtype=R, geo="จังหวัด"),
            rec("eppo", "ทำเนียบสถานีบริการน้ำมันเชื้อเพลิง จำแนกตามจังหวัด 2566", "", dtype=R, geo="จังหวัด"),
        ],
    },
    "waterworks": {
        "tap_production_monthly": [
            rec("pwa", "ปริมาณน้ำประปาที่ผลิตได้ รายเดือน 2566", "", "ลูกบาศก์เมตร", freq="เดือน"),
            rec("nso", "ปริมาณการผลิตน้ำประปา รายเดือน", "รวบรวมจากการประปา", "ลูกบาศก์เมตร", freq="เดือน"),
        ],
        "tap_users_monthly": [
            rec("pwa", "จำนวนผู้ใช้น้ำประปา รายเดือน 2567", "", "ราย", freq="เดือน"),
            rec("nso", "ผู้ใช้น้ำประปา รายเดือน (2565)", "", "ราย", freq="เดือน"),
        ],
    },
    "ghg": {
        "ghg_sector": [
            rec("tgo", "ปริมาณการปล่อยก๊าซเรือนกระจก จำแนกตามภาคส่วน 2562", "", "ล้านตันคาร์บอนไดออกไซด์เทียบเท่า"),
            rec("onep", "Greenhouse gas emissions by sector 2019", "National GHG inventory",
                "ล้านตันคาร์บอนไดออกไซด์เทียบเท่า"),
            rec("nso", "การปล่อยก๊าซเรือนกระจกรายภาคส่วน", "", "ล้านตันคาร์บอนไดออกไซด์เทียบเท่า"),
        ],
        "tver_credits": [
            rec("tgo", "ปริมาณคาร์บอนเครดิตที่ได้รับการรับรอง (T-VER)", "", "ตันคาร์บอนไดออกไซด์เทียบเท่า"),
        ],
    },
    "immigration": {
        "foreign_arrivals_nat_monthly": [
            rec("imm", "จำนวนคนต่างด้าวเดินทางเข้าราชอาณาจักร จำแนกตามสัญชาติ รายเดือน 2566", "", "คน",
                freq="เดือน"),
            rec("nso", "ผู้เดินทางเข้าประเทศไทยชาวต่างประเทศ จำแนกตามสัญชาติ รายเดือน", "", "คน", freq="เดือน"),
        ],
        "thai_departures_monthly": [
            rec("imm", "จำนวนคนไทยเดินทางออกนอกราชอาณาจักร รายเดือน 2566", "", "คน", freq="เดือน"),
        ],
    },
    "palm_sugar": {
        "palm_production_province": [
            rec("doa", "ผลผลิตปาล์มน้ำมัน รายจังหวัด 2566", "", "ตัน", geo="จังหวัด", tags=("ปาล์มน้ำมัน",)),
            rec("doae", "ปริมาณผลผลิตปาล์มน้ำมัน จำแนกรายจังหวัด", "", "ตัน", geo="จังหวัด"),
            rec("oae", "Oil palm production by province 2022", "", "ตัน", geo="จังหวัด"),
        ],
        "palm_price_monthly": [
            rec("dit", "ราคาผลปาล์มน้ำมันทั้งทะลาย รายเดือน", "", "บาทต่อกิโลกรัม", freq="เดือน"),
            rec("oae", "ราคาปาล์มน้ำมันที่เกษตรกรขายได้ รายเดือน 2566", "", "บาทต่อกิโลกรัม", freq="เดือน"),
        ],
        "palm_area_province": [
            rec("doae", "เนื้อที่ปลูกปาล์มน้ำมัน รายจังหวัด 2566", "", "ไร่", geo="จังหวัด"),
        ],
        "cane_production_province": [
            rec("ocsb", "ผลผลิตอ้อยเข้าหีบ รายจังหวัด ฤดูการผลิต 2565/66", "", "ตัน", geo="จังหวัด"),
            rec("oae", "ปริมาณผลผลิตอ้อยโรงงาน รายจังหวัด", "", "ตัน", geo="จังหวัด"),
        ],
    },
    "courts": {
        "civil_cases_province": [
            rec("coj", "สถิติคดีแพ่งที่ขึ้นสู่ศาลชั้นต้น รายจังหวัด 2566", "", "คดี", geo="จังหวัด"),
            rec("nso", "จำนวนคดีแพ่งที่รับเข้าสู่ศาลชั้นต้น จำแนกตามจังหวัด", "", "คดี", geo="จังหวัด"),
        ],
        "criminal_cases_province": [
            rec("coj", "สถิติคดีอาญาที่ขึ้นสู่ศาลชั้นต้น รายจังหวัด 2566", "", "คดี", geo="จังหวัด"),
        ],
    },
    "rail": {
        "blue_line_daily": [
            rec("mrta", "จำนวนผู้โดยสารรถไฟฟ้ามหานคร สายเฉลิมรัชมงคล (สายสีน้ำเงิน) รายวัน", "", "เที่ยวคน",
                freq="วัน"),
            rec("otp", "ปริมาณผู้ใช้บริการรถไฟฟ้า MRT สายสีน้ำเงิน รายวัน 2566", "", "เที่ยวคน", freq="วัน"),
        ],
        "purple_line_daily": [
            rec("mrta", "จำนวนผู้โดยสารรถไฟฟ้าสายฉลองรัชธรรม (สายสีม่วง) รายวัน", "", "เที่ยวคน", freq="วัน"),
        ],
    },
    "health": {
        "tb_new_province": [
            rec("ddc", "จำนวนผู้ป่วยวัณโรครายใหม่ รายจังหวัด ปีงบประมาณ 2566", "", "ราย", geo="จังหวัด",
                tags=("วัณโรค",)),
            rec("moph", "ผู้ป่วยวัณโรคที่ขึ้นทะเบียนรักษา (รายใหม่) รายจังหวัด", "", "ราย", geo="จังหวัด"),
            rec("nso", "New tuberculosis cases by province, 2022", "", "ราย", geo="จังหวัด"),
        ],
        "hiv_new_province": [
            rec("ddc", "จำนวนผู้ติดเชื้อเอชไอวีรายใหม่ รายจังหวัด 2566", "", "ราย", geo="จังหวัด"),
        ],
        "life_expectancy_sex": [
            rec("nso", "อายุคาดเฉลี่ยเมื่อแรกเกิด จำแนกตามเพศ 2566", "", "ปี", dis=("เพศ",)),
            rec("doh", "อายุขัยเฉลี่ยของคนไทยเมื่อแรกเกิด แยกตามเพศ", "", "ปี", dis=("เพศ",)),
        ],
        "tfr": [
            rec("nso", "อัตราเจริญพันธุ์รวม (TFR) 2565", "", "คนต่อสตรี"),
            rec("nesdc", "Total fertility rate (TFR) 2021", "", "คนต่อสตรี"),
        ],
    },
    "local": {
        "fresh_markets_province": [
            rec("dit", "รายชื่อตลาดสดที่ได้รับอนุญาต รายจังหวัด", "", dtype=R, geo="จังหวัด"),
            rec("dla", "ข้อมูลตลาดสดในเขตองค์กรปกครองส่วนท้องถิ่น จำแนกรายจังหวัด 2566", "", dtype=R,
                geo="จังหวัด"),
        ],
        "lao_list_province": [
            rec("dla", "ทำเนียบองค์กรปกครองส่วนท้องถิ่น รายจังหวัด", "", dtype=R, geo="จังหวัด"),
            rec("dopa", "รายชื่อองค์กรปกครองส่วนท้องถิ่น จำแนกตามจังหวัด 2567", "", dtype=R, geo="จังหวัด"),
        ],
    },
    "parks": {
        "park_visitors_monthly": [
            rec("dnp", "จำนวนนักท่องเที่ยวในอุทยานแห่งชาติ รายเดือน 2566", "", "คน", freq="เดือน"),
            rec("dot", "ผู้เข้าเยี่ยมชมอุทยานแห่งชาติ รายเดือน", "", "คน", freq="เดือน"),
        ],
        "park_list": [
            rec("dnp", "รายชื่ออุทยานแห่งชาติ", "", dtype=R),
            rec("dot", "List of national parks", "", dtype=R),
        ],
    },
    "trade": {
        "imports_partner_monthly": [
            rec("customs", "มูลค่าการนำเข้าสินค้า จำแนกตามประเทศคู่ค้า รายเดือน 2566", "", "ล้านบาท", freq="เดือน"),
            rec("ops_moc", "Import value by partner country, monthly 2023", "", "ล้านบาท", freq="เดือน"),
        ],
        "exports_partner_monthly": [
            rec("customs", "มูลค่าการส่งออกสินค้า จำแนกตามประเทศคู่ค้า รายเดือน 2566", "", "ล้านบาท",
                freq="เดือน"),
            rec("ops_moc", "มูลค่าส่งออกรายประเทศคู่ค้า รายเดือน 2567", "", "ล้านบาท", freq="เดือน"),
        ],
    },
}


def _full(r: dict, group: str, series: str, agencies: dict) -> dict:
    th, en = agencies[r["agency"]]
    return dict(r, agency=th, agency_en=en, series=f"{group}|{series}")


def pairs(seed: int = 1129, unrelated: int = 60, groups: dict = GROUPS, agencies: dict = AGENCIES) -> list[dict]:
    """Every cross-agency pair inside each group (same series = duplicate, else a hard negative),
    and `unrelated` seeded pairs across groups. Shared with benchmarks/overlap_unseen2.py."""
    out = []
    flat = []
    for group, series in groups.items():
        recs = [(name, _full(r, group, name, agencies)) for name, rs in series.items() for r in rs]
        flat.extend(recs)
        for (s1, a), (s2, b) in combinations(recs, 2):
            if a["agency"] == b["agency"]:
                continue
            same = s1 == s2
            out.append({"label": int(same), "kind": "same series" if same else "hard negative (same group)",
                        "a": a, "b": b})
    rng = random.Random(seed)
    seen = set()
    while unrelated:
        (s1, a), (s2, b) = rng.sample(flat, 2)
        key = (a["title"], b["title"])
        if a["series"].split("|")[0] == b["series"].split("|")[0] or a["agency"] == b["agency"] or key in seen:
            continue
        seen.add(key)
        out.append({"label": 0, "kind": "unrelated", "a": a, "b": b})
        unrelated -= 1
    return out


def main() -> None:
    rows = pairs()
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("unseen", len(rows), "pairs,", sum(r["label"] for r in rows), "duplicates")


if __name__ == "__main__":
    main()
