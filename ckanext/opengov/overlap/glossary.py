"""Word lists for comparing Thai agency records: what to drop, what a breakdown is, and the
few English and abbreviated forms Thai catalogs mix in. Written by hand for this project from
the way data.go.th-style catalogs title their records; nothing is fetched at run time."""
from __future__ import annotations

# Words that say "this is data" or "this is a report", never what the data is about.
BOILERPLATE = frozenset("""
ข้อมูล ชุดข้อมูล สถิติ รายงาน ราย ตาม ประจำ ประจำปี ปี พ.ศ. ค.ศ. ปีงบประมาณ งบประมาณ เรื่อง ทั้งหมด
ทั่วประเทศ ประเทศไทย ไทย ของ และ ใน ที่ จาก โดย ได้แก่ เกี่ยวกับ ต่างๆ ต่าง ๆ ล่าสุด ปัจจุบัน ฉบับ
จัดทำ เผยแพร่ รวบรวม หน่วยงาน สังกัด แสดง เป็น มี การ ความ ทะเบียน บัญชี จำแนก แยก ระดับ
รายชื่อ ทำเนียบ ที่ตั้ง สถานที่ตั้ง ชุด ที่เกิดขึ้น เกิดขึ้น สถานการณ์ บน ทาง ต่อ เฉพาะ ซึ่ง
data dataset datasets statistics statistic statistical report reports annual year years fiscal fy
thailand thai national of the and in by for on from per a an to with at as list lists directory
register registry location locations persons people group groups number
""".split())

# Agency-name words: a title fragment starting with one of these up to the next space (or the end)
# names who published the record, not what it holds.
AGENCY_HEADS = ("กรม", "กระทรวง", "สำนักงาน", "สำนัก", "กอง", "สถาบัน", "องค์การ", "การไฟฟ้า",
                "การประปา", "การท่าเรือ", "การนิคม", "ธนาคาร", "มหาวิทยาลัย", "ศูนย์")
# Short names agencies sign with (ส.ส.ช., กทม.): dropped like the long ones.
AGENCY_ABBREVIATIONS = frozenset("""
สสช. สสช ปค. ปค สปสช. สปสช สธ. สธ มท. มท กษ. กษ ศธ. ศธ อก. อก พณ. พณ ทส. ทส คค. คค กค. กค
สศช. สศช สศก. สศก สศอ. สศอ ทอ. ปภ. ปภ สพฐ. สพฐ สกศ. อปท. คพ. คพ ขบ. ขบ อต. ทภ. กสทช.
nso dopa moph moe moi moac nesdc oae oie tmd pcd dlt bot dsi
""".split())

# Subject words spelled in English or abbreviated, mapped to the Thai word PyThaiNLP gives.
SYNONYMS = {
    "population": "ประชากร", "ราษฎร": "ประชากร",
    "birth": "เกิด", "births": "เกิด", "death": "ตาย", "deaths": "ตาย", "เสียชีวิต": "ตาย",
    "mortality": "ตาย", "marriage": "สมรส", "marriages": "สมรส", "divorce": "หย่า", "divorces": "หย่า",
    "household": "ครัวเรือน", "households": "ครัวเรือน", "income": "รายได้", "expenditure": "รายจ่าย",
    "debt": "หนี้สิน", "หนี้": "หนี้สิน", "poverty": "ยากจน", "poor": "ยากจน", "ความยากจน": "ยากจน",
    "unemployment": "ว่างงาน", "unemployed": "ว่างงาน", "employment": "มีงานทำ", "employed": "มีงานทำ", "labour": "แรงงาน",
    "labor": "แรงงาน", "workers": "แรงงาน", "wage": "ค่าจ้าง", "wages": "ค่าจ้าง",
    "rate": "อัตรา", "price": "ราคา", "prices": "ราคา", "value": "มูลค่า", "volume": "ปริมาณ",
    "quantity": "ปริมาณ", "number": "จำนวน", "count": "จำนวน", "total": "จำนวน",
    "export": "ส่งออก", "exports": "ส่งออก", "import": "นำเข้า", "imports": "นำเข้า",
    "rice": "ข้าว", "rubber": "ยางพารา", "cassava": "มันสำปะหลัง", "sugarcane": "อ้อย", "maize": "ข้าวโพด",
    "corn": "ข้าวโพด", "durian": "ทุเรียน", "fruit": "ผลไม้", "fishery": "ประมง", "fisheries": "ประมง",
    "livestock": "ปศุสัตว์", "agricultural": "เกษตร", "agriculture": "เกษตร", "farmers": "เกษตรกร",
    "farmer": "เกษตรกร", "land": "ที่ดิน", "area": "พื้นที่", "forest": "ป่าไม้", "ป่า": "ป่าไม้",
    "rainfall": "ฝน", "rain": "ฝน", "น้ำฝน": "ฝน", "ปริมาณน้ำฝน": "ฝน", "temperature": "อุณหภูมิ",
    "reservoir": "อ่างเก็บน้ำ", "reservoirs": "อ่างเก็บน้ำ", "dam": "เขื่อน", "dams": "เขื่อน",
    "water": "น้ำ", "flood": "อุทกภัย", "floods": "อุทกภัย", "น้ำท่วม": "อุทกภัย", "drought": "ภัยแล้ง",
    "air": "อากาศ", "quality": "คุณภาพ", "pm2.5": "pm2.5", "ฝุ่น": "ฝุ่นละออง", "dust": "ฝุ่นละออง",
    "waste": "ขยะ", "garbage": "ขยะ", "มูลฝอย": "ขยะ", "ขยะมูลฝอย": "ขยะ",
    "electricity": "ไฟฟ้า", "energy": "พลังงาน", "fuel": "เชื้อเพลิง", "oil": "น้ำมัน",
    "tourists": "นักท่องเที่ยว", "tourist": "นักท่องเที่ยว", "tourism": "ท่องเที่ยว",
    "visitors": "นักท่องเที่ยว", "foreign": "ต่างชาติ", "ชาวต่างชาติ": "ต่างชาติ", "ต่างประเทศ": "ต่างชาติ",
    "hotel": "โรงแรม", "hotels": "โรงแรม", "accommodation": "ที่พัก",
    "school": "โรงเรียน", "schools": "โรงเรียน", "ร.ร.": "โรงเรียน", "students": "นักเรียน",
    "student": "นักเรียน", "teachers": "ครู", "teacher": "ครู", "university": "มหาวิทยาลัย",
    "hospital": "โรงพยาบาล", "hospitals": "โรงพยาบาล", "รพ.": "โรงพยาบาล", "patients": "ผู้ป่วย",
    "patient": "ผู้ป่วย", "dengue": "ไข้เลือดออก", "diabetes": "เบาหวาน", "hypertension": "ความดันโลหิตสูง",
    "covid-19": "โควิด", "covid": "โควิด", "โควิด-19": "โควิด", "vaccine": "วัคซีน", "vaccination": "วัคซีน",
    "doctors": "แพทย์", "doctor": "แพทย์", "nurses": "พยาบาล", "beds": "เตียง",
    "accident": "อุบัติเหตุ", "accidents": "อุบัติเหตุ", "road": "ถนน", "roads": "ถนน", "traffic": "จราจร",
    "vehicle": "รถ", "vehicles": "รถ", "car": "รถยนต์", "cars": "รถยนต์", "motorcycle": "รถจักรยานยนต์",
    "motorcycles": "รถจักรยานยนต์", "registered": "จดทะเบียน", "registration": "จดทะเบียน",
    "crime": "คดีอาญา", "crimes": "คดีอาญา", "criminal": "คดีอาญา", "drug": "ยาเสพติด", "drugs": "ยาเสพติด",
    "prison": "เรือนจำ", "prisoners": "ผู้ต้องขัง", "court": "ศาล", "cases": "คดี", "case": "คดี",
    "budget": "งบประมาณรายจ่าย", "tax": "ภาษี", "taxes": "ภาษี", "revenue": "รายได้รัฐ",
    "gdp": "ผลิตภัณฑ์มวลรวม", "gpp": "ผลิตภัณฑ์มวลรวมจังหวัด", "inflation": "เงินเฟ้อ",
    "cpi": "ดัชนีราคาผู้บริโภค", "consumer": "ผู้บริโภค", "index": "ดัชนี", "indices": "ดัชนี",
    "factory": "โรงงาน", "factories": "โรงงาน", "industrial": "อุตสาหกรรม", "industry": "อุตสาหกรรม", "โรงงานอุตสาหกรรม": "โรงงาน", "พลังงานไฟฟ้า": "ไฟฟ้า",
    "สถานศึกษา": "โรงเรียน", "ผู้เสียชีวิต": "ตาย", "ยางแผ่นดิบ": "ยางพารา", "ยาง": "ยางพารา", "paddy": "ข้าวเปลือก",
    "flooded": "อุทกภัย", "large": "ขนาดใหญ่", "solid": "ขยะ", "municipal-waste": "ขยะ",
    "company": "นิติบุคคล", "companies": "นิติบุคคล", "business": "ธุรกิจ", "businesses": "ธุรกิจ",
    "elderly": "ผู้สูงอายุ", "disabled": "คนพิการ", "disability": "คนพิการ", "ผู้พิการ": "คนพิการ",
    "children": "เด็ก", "child": "เด็ก", "youth": "เยาวชน", "women": "สตรี", "ผู้หญิง": "สตรี",
    "welfare": "สวัสดิการ", "pension": "เบี้ยยังชีพ", "allowance": "เบี้ยยังชีพ",
    "internet": "อินเทอร์เน็ต", "mobile": "โทรศัพท์มือถือ", "telephone": "โทรศัพท์",
    "bus": "รถโดยสาร", "buses": "รถโดยสาร", "railway": "รถไฟ", "train": "รถไฟ", "passengers": "ผู้โดยสาร",
    "passenger": "ผู้โดยสาร", "users": "ใช้", "user": "ใช้", "ผู้ใช้": "ใช้", "ผู้ใช้บริการ": "ใช้", "flights": "เที่ยวบิน", "airport": "ท่าอากาศยาน", "airports": "ท่าอากาศยาน",
    "สนามบิน": "ท่าอากาศยาน", "port": "ท่าเรือ", "ports": "ท่าเรือ", "housing": "ที่อยู่อาศัย",
    "community": "ชุมชน", "communities": "ชุมชน", "village": "หมู่บ้าน", "villages": "หมู่บ้าน",
    "temple": "วัด", "temples": "วัด", "museum": "พิพิธภัณฑ์", "museums": "พิพิธภัณฑ์",
    "library": "ห้องสมุด", "libraries": "ห้องสมุด", "park": "สวนสาธารณะ", "parks": "สวนสาธารณะ",
    "complaints": "ร้องเรียน", "complaint": "ร้องเรียน", "เรื่องร้องเรียน": "ร้องเรียน",
    "fire": "อัคคีภัย", "fires": "อัคคีภัย", "ไฟไหม้": "อัคคีภัย", "disaster": "สาธารณภัย",
    "disasters": "สาธารณภัย", "earthquake": "แผ่นดินไหว", "stations": "สถานี", "station": "สถานี",
    "pharmacy": "ร้านขายยา", "pharmacies": "ร้านขายยา", "กทม.": "กรุงเทพมหานคร", "bangkok": "กรุงเทพมหานคร",
    "migrant": "แรงงานต่างด้าว", "migrants": "แรงงานต่างด้าว", "ต่างด้าว": "แรงงานต่างด้าว",
    "registered-unemployed": "ว่างงาน", "dwellings": "ที่อยู่อาศัย", "investment": "ลงทุน",
    "การลงทุน": "ลงทุน", "municipal": "ชุมชน", "minimum": "ขั้นต่ำ", "recipients": "ผู้รับ",
    "old-age": "ผู้สูงอายุ", "licensed": "ได้รับอนุญาต", "registrations": "จดทะเบียน",
    "new": "ใหม่", "planted": "เพาะปลูก", "production": "ผลผลิต", "catch": "จับ", "arrivals": "เดินทางเข้า",
    "occupancy": "เข้าพัก", "reported": "รับแจ้ง", "consumption": "ใช้", "sales": "จำหน่าย",
    "average": "เฉลี่ย", "monthly-income": "รายได้", "cumulative": "สะสม", "outstanding": "คงค้าง", "loans": "สินเชื่อ", "loan": "สินเชื่อ", "deposits": "เงินฝาก",
}

# Subjects said in several words, or in English, that agencies title differently: each surface
# form (Thai or English, lower case) becomes one canonical term before words are cut, so that
# "อุบัติเหตุจราจรทางบก" and "road accidents" meet. General statistical vocabulary, not pairs.
SUBJECT_PHRASES = {
    # population and vital statistics
    "ประชากรตามทะเบียนบ้าน": "ประชากร", "ประชากรจากการทะเบียนราษฎร": "ประชากร",
    "ประชากรตามทะเบียนราษฎร": "ประชากร", "จำนวนราษฎร": "ประชากร", "ผู้เสียชีวิต": "ตาย", "การตาย": "ตาย",
    "เด็กเกิดใหม่": "เกิด", "การเกิด": "เกิด", "live births": "เกิด",
    # labour
    "ผู้มีงานทำ": "มีงานทำ", "แรงงานที่มีงานทำ": "มีงานทำ", "employed persons": "มีงานทำ",
    "ผู้ว่างงาน": "ว่างงาน", "การว่างงาน": "ว่างงาน", "unemployment rate": "อัตราว่างงาน",
    "อัตราการว่างงาน": "อัตราว่างงาน", "อัตราผู้ว่างงาน": "อัตราว่างงาน",
    "minimum wage": "ค่าจ้างขั้นต่ำ", "อัตราค่าจ้างขั้นต่ำ": "ค่าจ้างขั้นต่ำ",
    "migrant workers": "แรงงานต่างด้าว", "foreign workers": "แรงงานต่างด้าว",
    # weather, water, environment
    "อุณหภูมิอากาศ": "อุณหภูมิ", "อุณหภูมิสูงสุดต่ำสุด": "อุณหภูมิ", "อุณหภูมิสูงสุด-ต่ำสุด": "อุณหภูมิ",
    "air temperature": "อุณหภูมิ", "rainfall": "ฝน", "precipitation": "ฝน",
    "ปริมาณน้ำในเขื่อน": "น้ำในเขื่อน", "ปริมาตรน้ำในอ่างเก็บน้ำ": "น้ำในเขื่อน", "น้ำในเขื่อน": "น้ำในเขื่อน",
    "water in large dams": "น้ำในเขื่อน ขนาดใหญ่", "water in dams": "น้ำในเขื่อน", "reservoir storage": "น้ำในเขื่อน",
    "พื้นที่น้ำท่วม": "พื้นที่อุทกภัย", "พื้นที่ประสบอุทกภัย": "พื้นที่อุทกภัย",
    "พื้นที่ได้รับผลกระทบจากอุทกภัย": "พื้นที่อุทกภัย", "flooded area": "พื้นที่อุทกภัย", "flood area": "พื้นที่อุทกภัย",
    "ขยะมูลฝอยชุมชน": "ขยะ", "ขยะมูลฝอย": "ขยะ", "municipal solid waste": "ขยะ", "solid waste": "ขยะ",
    "ค่าฝุ่นละออง": "ฝุ่นละออง", "particulate matter": "ฝุ่นละออง", "air quality": "คุณภาพอากาศ",
    "พื้นที่ป่าไม้": "พื้นที่ป่า", "เนื้อที่ป่าไม้": "พื้นที่ป่า", "forest area": "พื้นที่ป่า",
    # agriculture, prices, trade
    "ข้าวเปลือก": "ข้าวเปลือก", "farm-gate": "เกษตรกรขายได้", "ที่เกษตรกรขายได้": "เกษตรกรขายได้",
    "เนื้อที่เพาะปลูก": "พื้นที่ปลูก", "พื้นที่เพาะปลูก": "พื้นที่ปลูก", "พื้นที่ปลูก": "พื้นที่ปลูก",
    "เนื้อที่ปลูก": "พื้นที่ปลูก", "planted area": "พื้นที่ปลูก",
    "ยางแผ่นดิบ": "ยางพารา", "rubber sheet": "ยางพารา",
    "ข้าวส่งออก": "ส่งออกข้าว", "การส่งออกข้าว": "ส่งออกข้าว", "rice export": "ส่งออกข้าว",
    # health
    "สถานพยาบาล": "โรงพยาบาล", "ผู้ป่วยใน": "ผู้ป่วยใน", "บุคลากรแพทย์": "แพทย์",
    # education
    "สถานศึกษา": "โรงเรียน", "number of schools": "จำนวน โรงเรียน",
    # roads and vehicles
    "รถโดยสารประจำทาง": "รถโดยสาร", "รถประจำทาง": "รถโดยสาร", "public transport": "รถโดยสาร",
    "อุบัติเหตุจราจรทางบก": "อุบัติเหตุทางถนน", "อุบัติเหตุบนท้องถนน": "อุบัติเหตุทางถนน",
    "อุบัติเหตุทางถนน": "อุบัติเหตุทางถนน", "อุบัติเหตุจราจร": "อุบัติเหตุทางถนน",
    "road accidents": "อุบัติเหตุทางถนน", "traffic accidents": "อุบัติเหตุทางถนน", "บนท้องถนน": "อุบัติเหตุทางถนน",
    "road deaths": "ตาย อุบัติเหตุทางถนน", "road traffic deaths": "ตาย อุบัติเหตุทางถนน",
    "รถจดทะเบียน": "รถ จดทะเบียน", "registered vehicles": "รถ จดทะเบียน",
    # economy, industry, business
    "ผลิตภัณฑ์มวลรวมจังหวัด": "ผลิตภัณฑ์มวลรวมจังหวัด", "ผลิตภัณฑ์ภาคและจังหวัด": "ผลิตภัณฑ์มวลรวมจังหวัด",
    "gross provincial product": "ผลิตภัณฑ์มวลรวมจังหวัด", "gross regional and provincial product": "ผลิตภัณฑ์มวลรวมจังหวัด",
    "ผลิตภัณฑ์มวลรวมในประเทศ": "ผลิตภัณฑ์มวลรวม", "gross domestic product": "ผลิตภัณฑ์มวลรวม",
    "consumer price index": "ดัชนีราคาผู้บริโภค", "โรงงานอุตสาหกรรม": "โรงงาน", "licensed factories": "โรงงาน",
    "จดทะเบียนจัดตั้งใหม่": "จดทะเบียน ใหม่", "จดทะเบียนจัดตั้ง": "จดทะเบียน", "company registrations": "นิติบุคคล จดทะเบียน",
    "พลังงานไฟฟ้า": "ไฟฟ้า", "electricity consumption": "ใช้ ไฟฟ้า", "การใช้ไฟฟ้า": "ใช้ ไฟฟ้า",
    "น้ำมันเชื้อเพลิง": "น้ำมัน", "fuel sales": "จำหน่าย น้ำมัน",
    # welfare, justice
    "เบี้ยยังชีพผู้สูงอายุ": "ผู้สูงอายุ เบี้ยยังชีพ", "old-age allowance": "ผู้สูงอายุ เบี้ยยังชีพ",
    "persons with disabilities": "คนพิการ", "criminal cases": "คดีอาญา",
}

# What a figure measures. Two titles that each say what they measure, and say different things,
# are different series whatever else they share ("มูลค่า" vs "ปริมาณ" of rice exports).
MEASURES = {
    "มูลค่า": "value", "value": "value", "ราคา": "price", "price": "price", "prices": "price",
    "ปริมาณ": "amount", "volume": "amount", "quantity": "amount", "จำนวน": "amount",
    "อัตรา": "rate", "rate": "rate", "ร้อยละ": "share", "สัดส่วน": "share", "ratio": "share", "percentage": "share",
    "ดัชนี": "index", "index": "index",
}
# Measures that make a series by themselves: a price list is not a table of quantities even when
# the other title does not say what it counts.
STRONG_MEASURES = frozenset({"value", "price", "rate", "share", "index"})
# Qualifiers that split one subject into series: new (a flow) vs cumulative/outstanding (a stock).
QUALIFIERS = {"ใหม่": "flow", "รายใหม่": "flow", "new": "flow", "newly": "flow",
              "สะสม": "stock", "cumulative": "stock", "คงค้าง": "stock", "outstanding": "stock"}

# Records every agency keeps about itself: two agencies' action plans or procurement lists share
# their words and never their data.
SELF_SUBJECTS = frozenset("""
แผนปฏิบัติราชการ แผนปฏิบัติการ แผนยุทธศาสตร์ จัดซื้อจัดจ้าง ซื้อจ้าง งบการเงิน งบทดลอง ผู้บริหาร
โครงสร้าง กำลัง ข้าราชการ พนักงานราชการ ลูกจ้าง ติดต่อ ผลการดำเนินงาน การดำเนินงาน
ดำเนินงาน รายงานประจำปี ทรัพย์สิน ครุภัณฑ์ ประกาศ คำสั่ง ระเบียบ ภารกิจ วิสัยทัศน์ พันธกิจ
procurement personnel staff organization structure plan
""".split())

# The breakdown of a series, by axis. Keys are what a title says after ราย/จำแนกตาม/by.
GEO_LEVELS = {
    "ภาค": "region", "region": "region", "regional": "region", "regions": "region",
    "จังหวัด": "province", "province": "province", "provincial": "province", "provinces": "province",
    "อำเภอ": "district", "เขต": "district", "district": "district", "districts": "district",
    "ตำบล": "subdistrict", "subdistrict": "subdistrict", "sub-district": "subdistrict",
    "หมู่บ้าน": "village", "village": "village", "villages": "village",
    "สถานี": "station", "station": "station", "stations": "station",
    "ประเทศ": "country", "country": "country", "countries": "country",
}
TIME_GRAINS = {
    "ชั่วโมง": "hour", "hourly": "hour", "วัน": "day", "daily": "day", "สัปดาห์": "week",
    "weekly": "week", "เดือน": "month", "monthly": "month", "ไตรมาส": "quarter",
    "quarterly": "quarter", "ปี": "year", "yearly": "year", "annually": "year",
}
DIMENSIONS = {
    "เพศ": "sex", "sex": "sex", "gender": "sex", "อายุ": "age", "กลุ่มอายุ": "age", "age": "age",
    "อาชีพ": "occupation", "occupation": "occupation", "การศึกษา": "education",
    "ระดับการศึกษา": "education", "education": "education", "สัญชาติ": "nationality",
    "nationality": "nationality", "ศาสนา": "religion", "religion": "religion",
    "สถานภาพสมรส": "marital", "marital": "marital", "ประเภทกิจการ": "industry",
    "อุตสาหกรรม": "industry", "industry": "industry", "สาขา": "branch", "ชนิด": "kind",
    "ประเภท": "kind", "type": "kind", "kind": "kind", "สินค้า": "product", "product": "product",
    "ผลิตภัณฑ์": "product", "ประเทศคู่ค้า": "partner", "partner": "partner", "รายได้": "income",
    "income": "income", "ประเภทอุตสาหกรรม": "industry", "ประเภทสินค้า": "product",
    "partner country": "partner", "partner countries": "partner", "age group": "age", "age groups": "age",
    "สาเหตุ": "cause", "cause": "cause", "โรค": "disease", "disease": "disease",
}
# The TGDC `disaggregate` field's values, on the same keys as DIMENSIONS.
DISAGGREGATE = {
    "เพศ": "sex", "อายุ/กลุ่มอายุ": "age", "สถานภาพสมรส": "marital", "ศาสนา": "religion",
    "ระดับการศึกษา": "education", "อาชีพ": "occupation", "สถานภาพการทำงาน": "employment",
    "อุตสาหกรรม/ประเภทกิจการ": "industry", "รายได้": "income", "ผลิตภัณฑ์": "product",
}
GEO_COVERAGE = {"ประเทศ": "country", "ภาค": "region", "จังหวัด": "province", "อำเภอ": "district", "ตำบล": "subdistrict",
                "หมู่บ้าน": "village", "พิกัด": "point"}
FREQUENCY = {"ชั่วโมง": "hour", "วัน": "day", "วันทำการ": "day", "สัปดาห์": "week", "เดือน": "month",
             "ไตรมาส": "quarter", "ครึ่งปี": "half-year", "ปี": "year"}
