"""A third duplication set, written by hand (run: python -m benchmarks.overlap_unseen2).

Provenance: written on 2026-11-29 by the engineer of the third round of issue 14, BEFORE any
change to the method in that round, and committed before it was first measured; never tuned on
(no word list, weight or threshold is chosen by looking at it). Like benchmarks/overlap_unseen.py,
each record was written one by one (no templates) the way Thai agency catalogs (data.go.th,
agencies' GD Catalog sites) title and describe their records, for subjects and agencies that
neither the glossary nor the three earlier sets name: cooperatives, land titles and condominiums,
fishing vessels, blood donation, patents and trademarks, mangroves and coastal erosion, monks and
mosques, post, athletes, gold prices, student loans, vocational education, coffee and coconut,
rabies, tides and waves, elections, online fraud and cyber threats, and one province's own
records published by two of its offices (the same table for another province is NOT a duplicate:
geographic extent). No record is copied from a real catalog. Thai synonyms the glossary does not
list are used on purpose (โลหิต / เลือด, พระภิกษุ / พระสงฆ์, สุนัข / หมา, เรือประมง / เรือทำการประมง),
as are English titles and Thai/English mixes.

Ground truth is by construction, as in overlap_unseen.py: records of one series are duplicates
when two agencies hold them; series of one group are each other's hard negatives; 60 seeded
unrelated pairs across groups.
"""
from __future__ import annotations

import json
import os

from benchmarks.overlap_unseen import pairs, rec

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "overlap_pairs_unseen2.jsonl")
S, R = "ข้อมูลสถิติ", "ข้อมูลระเบียน"

AGENCIES = {
    "cpd": ("กรมส่งเสริมสหกรณ์", "Cooperative Promotion Department"),
    "cad": ("กรมตรวจบัญชีสหกรณ์", "Cooperative Auditing Department"),
    "dol": ("กรมที่ดิน", "Department of Lands"),
    "reic": ("ศูนย์ข้อมูลอสังหาริมทรัพย์", "Real Estate Information Center"),
    "dof": ("กรมประมง", "Department of Fisheries"),
    "md": ("กรมเจ้าท่า", "Marine Department"),
    "nbc": ("ศูนย์บริการโลหิตแห่งชาติ สภากาชาดไทย", "National Blood Centre, Thai Red Cross Society"),
    "hss": ("กรมสนับสนุนบริการสุขภาพ", "Department of Health Service Support"),
    "dip": ("กรมทรัพย์สินทางปัญญา", "Department of Intellectual Property"),
    "nstda": ("สำนักงานพัฒนาวิทยาศาสตร์และเทคโนโลยีแห่งชาติ", "National Science and Technology Development Agency"),
    "dmcr": ("กรมทรัพยากรทางทะเลและชายฝั่ง", "Department of Marine and Coastal Resources"),
    "ldd": ("กรมพัฒนาที่ดิน", "Land Development Department"),
    "nob": ("สำนักงานพระพุทธศาสนาแห่งชาติ", "National Office of Buddhism"),
    "rad": ("กรมการศาสนา", "Department of Religious Affairs"),
    "cicot": ("สำนักงานคณะกรรมการกลางอิสลามแห่งประเทศไทย", "Central Islamic Council of Thailand"),
    "thp": ("บริษัท ไปรษณีย์ไทย จำกัด", "Thailand Post Company Limited"),
    "nbtc": ("สำนักงานคณะกรรมการกิจการกระจายเสียง กิจการโทรทัศน์ และกิจการโทรคมนาคมแห่งชาติ", "Office of the NBTC"),
    "dpe": ("กรมพลศึกษา", "Department of Physical Education"),
    "sat": ("การกีฬาแห่งประเทศไทย", "Sports Authority of Thailand"),
    "gta": ("สมาคมค้าทองคำ", "Gold Traders Association"),
    "slf": ("กองทุนเงินให้กู้ยืมเพื่อการศึกษา", "Student Loan Fund"),
    "ovec": ("สำนักงานคณะกรรมการการอาชีวศึกษา", "Office of the Vocational Education Commission"),
    "ohec": ("สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "Office of the Permanent Secretary, MHESI"),
    "dae": ("กรมส่งเสริมการเกษตร", "Department of Agricultural Extension"),
    "oae": ("สำนักงานเศรษฐกิจการเกษตร", "Office of Agricultural Economics"),
    "dld": ("กรมปศุสัตว์", "Department of Livestock Development"),
    "qsmi": ("สถานเสาวภา สภากาชาดไทย", "Queen Saovabha Memorial Institute"),
    "hydro": ("กรมอุทกศาสตร์ กองทัพเรือ", "Hydrographic Department, Royal Thai Navy"),
    "ect": ("สำนักงานคณะกรรมการการเลือกตั้ง", "Office of the Election Commission of Thailand"),
    "bora": ("สำนักทะเบียนกลาง", "Central Registration Bureau"),
    "tcsd": ("กองบัญชาการตำรวจสืบสวนสอบสวนอาชญากรรมทางเทคโนโลยี", "Cyber Crime Investigation Bureau"),
    "ncsa": ("สำนักงานคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ", "National Cyber Security Agency"),
    "nso": ("สำนักงานสถิติแห่งชาติ", "National Statistical Office"),
    "nan_office": ("สำนักงานจังหวัดน่าน", "Nan Provincial Office"),
    "nan_culture": ("สำนักงานวัฒนธรรมจังหวัดน่าน", "Nan Provincial Cultural Office"),
    "phrae_office": ("สำนักงานจังหวัดแพร่", "Phrae Provincial Office"),
    "phrae_culture": ("สำนักงานวัฒนธรรมจังหวัดแพร่", "Phrae Provincial Cultural Office"),
}

GROUPS = {
    "coop": {
        "coop_members_province": [
            rec("cpd", "จำนวนสมาชิกสหกรณ์ รายจังหวัด ปี 2566", "สมาชิกสหกรณ์ทุกประเภท ณ วันสิ้นปีบัญชี", "คน",
                geo="จังหวัด", tags=("สหกรณ์", "สมาชิก")),
            rec("cad", "สมาชิกสหกรณ์และกลุ่มเกษตรกร จำแนกตามจังหวัด (2565)",
                "จำนวนสมาชิกจากงบการเงินของสหกรณ์ที่ตรวจสอบบัญชี", "คน", geo="จังหวัด"),
            rec("nso", "Cooperative members by province, 2022", "Members of all types of cooperatives.", "คน",
                geo="จังหวัด"),
        ],
        "coops_province": [
            rec("cpd", "จำนวนสหกรณ์ รายจังหวัด 2566", "สหกรณ์ที่จดทะเบียนและยังดำเนินการ", "แห่ง", geo="จังหวัด",
                tags=("สหกรณ์",)),
            rec("cad", "ทะเบียนสหกรณ์ที่ดำเนินการอยู่ แยกรายจังหวัด", "", "แห่ง", geo="จังหวัด"),
        ],
        "coop_members_type": [
            rec("cad", "จำนวนสมาชิกสหกรณ์ จำแนกตามประเภทสหกรณ์ ปีบัญชี 2566",
                "สหกรณ์การเกษตร ออมทรัพย์ ร้านค้า บริการ ประมง นิคม เครดิตยูเนี่ยน", "คน"),
        ],
    },
    "land": {
        "title_deeds_province": [
            rec("dol", "จำนวนโฉนดที่ดินที่ออกให้ประชาชน รายจังหวัด ปีงบประมาณ 2566", "", "แปลง",
                geo="จังหวัด", tags=("โฉนดที่ดิน",)),
            rec("nso", "สถิติการออกโฉนดที่ดิน จำแนกตามจังหวัด พ.ศ. 2565", "โฉนดที่ดินที่ออกใหม่ในปี", "แปลง",
                geo="จังหวัด"),
            rec("ldd", "Land title deeds issued by province, 2021", "", "แปลง", geo="จังหวัด"),
        ],
        "condo_province": [
            rec("dol", "จำนวนอาคารชุดที่จดทะเบียน รายจังหวัด 2566", "อาคารชุดที่จดทะเบียนตาม พ.ร.บ.อาคารชุด",
                "อาคาร", geo="จังหวัด", tags=("อาคารชุด", "คอนโดมิเนียม")),
            rec("reic", "อาคารชุด (คอนโดมิเนียม) จดทะเบียนใหม่ แยกรายจังหวัด 2565", "", "อาคาร", geo="จังหวัด"),
        ],
        "land_transactions_monthly": [
            rec("dol", "จำนวนรายการจดทะเบียนสิทธิและนิติกรรม รายเดือน 2566", "", "รายการ", freq="เดือน"),
            rec("reic", "Land and property transactions registered, monthly 2023", "", "รายการ", freq="เดือน"),
        ],
    },
    "fishing": {
        "commercial_vessels_province": [
            rec("dof", "จำนวนเรือประมงพาณิชย์ที่ได้รับใบอนุญาตทำการประมง รายจังหวัด 2566", "", "ลำ",
                geo="จังหวัด", tags=("เรือประมง",)),
            rec("md", "เรือทำการประมงพาณิชย์ที่จดทะเบียน จำแนกตามจังหวัด (2565)", "เรือประมงขนาด 10 ตันกรอสขึ้นไป",
                "ลำ", geo="จังหวัด"),
            rec("nso", "Licensed commercial fishing vessels by province 2022", "", "ลำ", geo="จังหวัด"),
        ],
        "artisanal_vessels_province": [
            rec("dof", "จำนวนเรือประมงพื้นบ้าน รายจังหวัด 2566", "เรือขนาดต่ำกว่า 10 ตันกรอส", "ลำ",
                geo="จังหวัด"),
            rec("md", "เรือประมงพื้นบ้านที่จดทะเบียน แยกตามจังหวัด", "", "ลำ", geo="จังหวัด"),
        ],
        "shrimp_farm_province": [
            rec("dof", "ผลผลิตกุ้งทะเลจากการเพาะเลี้ยง รายจังหวัด 2566", "กุ้งขาวแวนนาไมและกุ้งกุลาดำ", "ตัน",
                geo="จังหวัด", tags=("กุ้ง",)),
            rec("oae", "ปริมาณผลผลิตกุ้งเพาะเลี้ยงชายฝั่ง จำแนกรายจังหวัด", "", "ตัน", geo="จังหวัด"),
        ],
    },
    "blood": {
        "donors_monthly": [
            rec("nbc", "จำนวนผู้บริจาคโลหิต รายเดือน 2566", "ผู้บริจาคโลหิตทั่วประเทศ", "คน", freq="เดือน",
                tags=("บริจาคโลหิต",)),
            rec("hss", "ผู้บริจาคเลือด รายเดือน (2565)", "สถิติผู้มาบริจาคเลือดที่ภาคบริการโลหิต", "คน",
                freq="เดือน"),
            rec("nso", "Blood donors, monthly 2023", "", "คน", freq="เดือน"),
        ],
        "blood_units_monthly": [
            rec("nbc", "ปริมาณโลหิตที่ได้รับบริจาค รายเดือน 2566", "", "ยูนิต", freq="เดือน"),
            rec("hss", "ปริมาณเลือดที่จัดหาได้ (ยูนิต) รายเดือน", "", "ยูนิต", freq="เดือน"),
        ],
        "donors_region": [
            rec("nbc", "จำนวนผู้บริจาคโลหิต จำแนกตามภาค 2566", "", "คน", geo="ภาค"),
        ],
    },
    "ip": {
        "patent_applications_monthly": [
            rec("dip", "จำนวนคำขอรับสิทธิบัตรการประดิษฐ์ รายเดือน 2566", "", "คำขอ", freq="เดือน",
                tags=("สิทธิบัตร",)),
            rec("nstda", "Invention patent applications filed in Thailand, monthly 2022", "", "คำขอ",
                freq="เดือน"),
        ],
        "trademark_registrations_monthly": [
            rec("dip", "จำนวนการจดทะเบียนเครื่องหมายการค้า รายเดือน 2566", "", "คำขอ", freq="เดือน",
                tags=("เครื่องหมายการค้า",)),
            rec("nso", "การจดทะเบียนเครื่องหมายการค้า รายเดือน (2565)", "", "คำขอ", freq="เดือน"),
        ],
        "design_patents_monthly": [
            rec("nstda", "คำขอรับสิทธิบัตรการออกแบบผลิตภัณฑ์ รายเดือน 2566", "", "คำขอ", freq="เดือน"),
        ],
    },
    "coast": {
        "mangrove_province": [
            rec("dmcr", "พื้นที่ป่าชายเลน รายจังหวัด พ.ศ. 2566", "จากการแปลภาพถ่ายดาวเทียม", "ไร่",
                geo="จังหวัด", tags=("ป่าชายเลน",)),
            rec("ldd", "เนื้อที่ป่าชายเลน จำแนกตามจังหวัด 2563", "", "ไร่", geo="จังหวัด"),
            rec("nso", "Mangrove forest area by province, 2020", "", "ไร่", geo="จังหวัด"),
        ],
        "erosion_province": [
            rec("dmcr", "ระยะทางชายฝั่งที่ถูกกัดเซาะ รายจังหวัด 2566", "การกัดเซาะชายฝั่งรุนแรงและปานกลาง",
                "กิโลเมตร", geo="จังหวัด", tags=("กัดเซาะชายฝั่ง",)),
            rec("ldd", "ความยาวชายฝั่งที่ประสบปัญหาการกัดเซาะ จำแนกรายจังหวัด", "", "กิโลเมตร", geo="จังหวัด"),
        ],
        "coral_reef_area": [
            rec("dmcr", "พื้นที่แนวปะการัง จำแนกตามจังหวัด", "สถานภาพแนวปะการังในทะเลไทย", "ไร่", geo="จังหวัด"),
        ],
    },
    "religion": {
        "monks_province": [
            rec("nob", "จำนวนพระภิกษุและสามเณร รายจังหวัด 2566", "จากการสำรวจช่วงเข้าพรรษา", "รูป",
                geo="จังหวัด", tags=("พระภิกษุ", "สามเณร")),
            rec("rad", "สถิติพระสงฆ์และสามเณร จำแนกตามจังหวัด พ.ศ. 2565", "", "รูป", geo="จังหวัด"),
            rec("nso", "Buddhist monks and novices by province, 2022", "", "รูป", geo="จังหวัด"),
        ],
        "mosques_province": [
            rec("cicot", "รายชื่อมัสยิดที่จดทะเบียน รายจังหวัด", "", dtype=R, geo="จังหวัด", tags=("มัสยิด",)),
            rec("rad", "ทะเบียนมัสยิด แยกรายจังหวัด 2566", "มัสยิดที่จดทะเบียนตามกฎหมาย", dtype=R, geo="จังหวัด"),
        ],
        "monks_sect": [
            rec("nob", "จำนวนพระภิกษุ จำแนกตามนิกาย 2566", "มหานิกาย ธรรมยุติกนิกาย", "รูป"),
        ],
    },
    "post": {
        "postal_items_monthly": [
            rec("thp", "ปริมาณไปรษณียภัณฑ์ภายในประเทศ รายเดือน 2566", "จดหมาย พัสดุ และ EMS", "ชิ้น",
                freq="เดือน", tags=("ไปรษณีย์",)),
            rec("nbtc", "Domestic postal items handled, monthly 2023", "", "ชิ้น", freq="เดือน"),
        ],
        "post_offices_province": [
            rec("thp", "รายชื่อที่ทำการไปรษณีย์ รายจังหวัด", "ที่ตั้งและเวลาทำการ", dtype=R, geo="จังหวัด"),
            rec("nbtc", "ทำเนียบที่ทำการไปรษณีย์ จำแนกตามจังหวัด 2566", "", dtype=R, geo="จังหวัด"),
        ],
    },
    "sport": {
        "athletes_sport": [
            rec("sat", "จำนวนนักกีฬาที่ขึ้นทะเบียน จำแนกตามชนิดกีฬา 2566", "", "คน", tags=("นักกีฬา",)),
            rec("dpe", "นักกีฬาขึ้นทะเบียน แยกตามประเภทกีฬา (2565)", "", "คน"),
        ],
        "sport_facilities_province": [
            rec("dpe", "รายชื่อสนามกีฬา รายจังหวัด", "สนามกีฬาจังหวัดและสนามกีฬาอำเภอ", dtype=R, geo="จังหวัด"),
            rec("sat", "ทำเนียบสนามกีฬาและลานกีฬา จำแนกตามจังหวัด 2566", "", dtype=R, geo="จังหวัด"),
        ],
        "athletes_province": [
            rec("dpe", "จำนวนนักกีฬาที่ขึ้นทะเบียน รายจังหวัด 2566", "", "คน", geo="จังหวัด"),
        ],
    },
    "gold": {
        "gold_bar_daily": [
            rec("gta", "ราคาทองคำแท่ง 96.5% รับซื้อและขายออก รายวัน 2567", "ราคาประกาศสมาคมค้าทองคำ",
                "บาทต่อบาททองคำ", freq="วัน", tags=("ทองคำ",)),
            rec("nso", "Gold bar price (96.5%), daily 2023", "Buying and selling price", "บาทต่อบาททองคำ",
                freq="วัน"),
        ],
        "gold_ornament_daily": [
            rec("gta", "ราคาทองรูปพรรณ 96.5% รายวัน 2567", "", "บาทต่อบาททองคำ", freq="วัน"),
            rec("nso", "ราคาขายทองรูปพรรณ รายวัน (2566)", "", "บาทต่อบาททองคำ", freq="วัน"),
        ],
    },
    "student_loans": {
        "borrowers_institution_type": [
            rec("slf", "จำนวนผู้กู้ยืมเงิน กยศ. จำแนกตามประเภทสถานศึกษา ปีการศึกษา 2566", "", "คน",
                tags=("กยศ.", "กู้ยืมเพื่อการศึกษา")),
            rec("ohec", "ผู้กู้ยืมกองทุนเงินให้กู้ยืมเพื่อการศึกษา แยกตามประเภทสถานศึกษา 2565", "", "คน"),
        ],
        "loan_amount_institution_type": [
            rec("slf", "จำนวนเงินให้กู้ยืมเพื่อการศึกษา จำแนกตามประเภทสถานศึกษา 2566", "", "ล้านบาท"),
        ],
        "repayment_monthly": [
            rec("slf", "ยอดชำระหนี้คืนกองทุน กยศ. รายเดือน 2566", "", "ล้านบาท", freq="เดือน"),
            rec("nso", "Student loan repayments, monthly 2023", "", "ล้านบาท", freq="เดือน"),
        ],
    },
    "vocational": {
        "voc_students_field": [
            rec("ovec", "จำนวนนักเรียนนักศึกษาอาชีวศึกษา จำแนกตามประเภทวิชา ปีการศึกษา 2566", "", "คน",
                tags=("อาชีวศึกษา",)),
            rec("nso", "ผู้เรียนอาชีวศึกษา แยกตามประเภทวิชา (2565)", "ปวช. ปวส.", "คน"),
            rec("ohec", "Vocational education students by field of study 2022", "", "คน"),
        ],
        "voc_graduates_field": [
            rec("ovec", "จำนวนผู้สำเร็จการศึกษาอาชีวศึกษา จำแนกตามประเภทวิชา 2565", "", "คน"),
            rec("nso", "ผู้จบอาชีวศึกษา แยกตามประเภทวิชา ปีการศึกษา 2564", "", "คน"),
        ],
    },
    "crops": {
        "coffee_production_province": [
            rec("dae", "ผลผลิตกาแฟ รายจังหวัด ปีเพาะปลูก 2566/67", "กาแฟอาราบิก้าและโรบัสต้า", "ตัน",
                geo="จังหวัด", tags=("กาแฟ",)),
            rec("oae", "ปริมาณผลผลิตกาแฟ จำแนกตามจังหวัด 2565", "", "ตัน", geo="จังหวัด"),
            rec("nso", "Coffee production by province, 2022", "", "ตัน", geo="จังหวัด"),
        ],
        "coconut_production_province": [
            rec("dae", "ผลผลิตมะพร้าว รายจังหวัด 2566", "", "ตัน", geo="จังหวัด"),
            rec("oae", "ปริมาณผลผลิตมะพร้าวผล จำแนกรายจังหวัด", "", "ตัน", geo="จังหวัด"),
        ],
        "coffee_price_monthly": [
            rec("oae", "ราคากาแฟที่เกษตรกรขายได้ รายเดือน 2566", "", "บาทต่อกิโลกรัม", freq="เดือน"),
        ],
    },
    "rabies": {
        "rabies_animals_province": [
            rec("dld", "จำนวนสัตว์ที่ตรวจพบเชื้อโรคพิษสุนัขบ้า รายจังหวัด 2566", "", "ตัว", geo="จังหวัด",
                tags=("พิษสุนัขบ้า",)),
            rec("qsmi", "ผลการตรวจหาเชื้อพิษสุนัขบ้าในสัตว์ที่พบเชื้อ จำแนกตามจังหวัด (2565)", "", "ตัว",
                geo="จังหวัด"),
        ],
        "dog_cat_population_province": [
            rec("dld", "จำนวนประชากรสุนัขและแมว รายจังหวัด 2566", "จากการสำรวจขึ้นทะเบียนสัตว์", "ตัว",
                geo="จังหวัด"),
            rec("qsmi", "ประชากรหมาและแมว จำแนกรายจังหวัด", "", "ตัว", geo="จังหวัด"),
        ],
    },
    "sea": {
        "tide_station_hourly": [
            rec("hydro", "ระดับน้ำทะเล รายสถานีวัดระดับน้ำ รายชั่วโมง 2567", "", "เมตร", geo="พิกัด",
                freq="ชั่วโมง", tags=("น้ำขึ้นน้ำลง",)),
            rec("md", "Sea level at tide gauge stations, hourly 2023", "", "เมตร", geo="พิกัด", freq="ชั่วโมง"),
        ],
        "wave_station_hourly": [
            rec("hydro", "ความสูงคลื่น รายสถานี รายชั่วโมง 2567", "", "เมตร", geo="พิกัด", freq="ชั่วโมง"),
            rec("dmcr", "ข้อมูลความสูงคลื่นทะเล จำแนกตามสถานี รายชั่วโมง", "", "เมตร", geo="พิกัด",
                freq="ชั่วโมง"),
        ],
    },
    "elections": {
        "eligible_voters_province": [
            rec("ect", "จำนวนผู้มีสิทธิเลือกตั้ง สส. รายจังหวัด 2566", "", "คน", geo="จังหวัด",
                tags=("เลือกตั้ง",)),
            rec("bora", "ผู้มีสิทธิเลือกตั้งสมาชิกสภาผู้แทนราษฎร จำแนกตามจังหวัด (2566)", "", "คน", geo="จังหวัด"),
        ],
        "turnout_province": [
            rec("ect", "ร้อยละผู้มาใช้สิทธิเลือกตั้ง สส. รายจังหวัด 2566", "", "ร้อยละ", geo="จังหวัด"),
            rec("nso", "Voter turnout (%) in the general election by province, 2023", "", "ร้อยละ",
                geo="จังหวัด"),
        ],
    },
    "cyber": {
        "online_fraud_type_monthly": [
            rec("tcsd", "จำนวนการแจ้งความออนไลน์ จำแนกตามประเภทคดี รายเดือน 2567", "ผ่านระบบ thaipoliceonline",
                "เรื่อง", freq="เดือน", tags=("แจ้งความออนไลน์", "ฉ้อโกง")),
            rec("nso", "Online crime reports by type of case, monthly 2024", "", "เรื่อง", freq="เดือน"),
        ],
        "cyber_incidents_monthly": [
            rec("ncsa", "จำนวนภัยคุกคามทางไซเบอร์ที่ได้รับแจ้ง รายเดือน 2567", "", "เหตุการณ์", freq="เดือน",
                tags=("ไซเบอร์",)),
            rec("nso", "เหตุภัยคุกคามไซเบอร์ รายเดือน (2566)", "", "เหตุการณ์", freq="เดือน"),
        ],
    },
    # One province's own tables, published by two of its offices; the same table of the next
    # province is another dataset (same words, another place: not a duplicate).
    "provincial": {
        "nan_community_tourism": [
            rec("nan_office", "ทะเบียนแหล่งท่องเที่ยวชุมชน จังหวัดน่าน", "", dtype=R, geo="จังหวัด"),
            rec("nan_culture", "รายชื่อแหล่งท่องเที่ยวชุมชนในจังหวัดน่าน 2566", "", dtype=R, geo="จังหวัด"),
        ],
        "phrae_community_tourism": [
            rec("phrae_office", "ทะเบียนแหล่งท่องเที่ยวชุมชน จังหวัดแพร่", "", dtype=R, geo="จังหวัด"),
            rec("phrae_culture", "รายชื่อแหล่งท่องเที่ยวชุมชนในจังหวัดแพร่ 2566", "", dtype=R, geo="จังหวัด"),
        ],
        "nan_local_wisdom": [
            rec("nan_culture", "ทะเบียนปราชญ์ชาวบ้าน จังหวัดน่าน", "ภูมิปัญญาท้องถิ่น", dtype=R, geo="จังหวัด"),
            rec("nan_office", "รายชื่อปราชญ์ชาวบ้านจังหวัดน่าน", "", dtype=R, geo="จังหวัด"),
        ],
        "phrae_local_wisdom": [
            rec("phrae_culture", "ทะเบียนปราชญ์ชาวบ้าน จังหวัดแพร่", "ภูมิปัญญาท้องถิ่น", dtype=R, geo="จังหวัด"),
        ],
    },
}


def main() -> None:
    rows = pairs(seed=2911, groups=GROUPS, agencies=AGENCIES)
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("unseen2", len(rows), "pairs,", sum(r["label"] for r in rows), "duplicates")


if __name__ == "__main__":
    main()
