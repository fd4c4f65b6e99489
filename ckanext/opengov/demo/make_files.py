"""Writes the demo's data files (files/), committed so `make run` needs nothing from outside.

Run again after changing them: python -m ckanext.opengov.demo.make_files
The figures are made up for the demo (rounded, plausible), not official statistics.
Each file exercises one thing the loader must get right: UTF-8 with a BOM and thousands separators,
TIS-620 with Buddhist-Era dates and Thai digits, plain UTF-8, an XLSX workbook, JSON, and a PDF.
"""
from __future__ import annotations

import json
import os
import zlib

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")

PROVINCES = [("กรุงเทพมหานคร", 5494932, 2740214, 2754718), ("นครราชสีมา", 2634154, 1299315, 1334839),
             ("อุบลราชธานี", 1869806, 934280, 935526), ("เชียงใหม่", 1797074, 875043, 922031),
             ("ขอนแก่น", 1784641, 879347, 905294), ("ชลบุรี", 1624301, 791122, 833179),
             ("สงขลา", 1435968, 700234, 735734), ("ภูเก็ต", 422330, 201340, 220990)]
STATIONS = ["ดอนเมือง", "เชียงใหม่", "ขอนแก่น", "หาดใหญ่"]
RAIN = [[12.5, 0.0, 3.2, 45.1], [0.0, 8.4, 0.0, 22.7], [31.0, 2.1, 14.6, 0.0], [5.5, 0.0, 0.0, 9.8]]
RIVERS = [("เจ้าพระยา", "ไตรมาส 1/2567", 5.8, 2.1, "พอใช้"), ("เจ้าพระยา", "ไตรมาส 2/2567", 5.2, 2.4, "พอใช้"),
          ("ปิง", "ไตรมาส 1/2567", 6.9, 1.2, "ดี"), ("ปิง", "ไตรมาส 2/2567", 6.5, 1.5, "ดี"),
          ("ท่าจีน", "ไตรมาส 1/2567", 3.1, 4.8, "เสื่อมโทรม"), ("มูล", "ไตรมาส 1/2567", 6.2, 1.9, "ดี")]
RICE = [("สุพรรณบุรี", 1402000, 1095000, 781), ("นครสวรรค์", 1815000, 1290000, 711),
        ("อุบลราชธานี", 3561000, 1408000, 395), ("ร้อยเอ็ด", 2869000, 1176000, 410),
        ("เชียงราย", 1068000, 617000, 578)]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def population_csv() -> bytes:
    """UTF-8 with a BOM (as Excel saves "CSV UTF-8"), numbers with thousands separators."""
    lines = ["จังหวัด,ประชากรรวม,ชาย,หญิง,ณ วันที่"]
    lines += [f'{p},"{t:,}","{m:,}","{f:,}",31/12/2566' for p, t, m, f in PROVINCES]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def rainfall_csv() -> bytes:
    """TIS-620, as older Thai government systems export: BE dates, Thai digits in the amounts."""
    lines = ["วันที่,สถานี,ปริมาณฝน (มม.)"]
    for day, amounts in enumerate(RAIN, start=1):
        for station, amount in zip(STATIONS, amounts):
            lines.append(f"{day:02d}/08/2567,{station},{str(amount).translate(THAI_DIGITS)}")
    return ("\r\n".join(lines) + "\r\n").encode("tis-620")


def rainfall_json() -> bytes:
    records = [{"date": f"2024-08-{day:02d}", "station": s, "rain_mm": a}
               for day, amounts in enumerate(RAIN, start=1) for s, a in zip(STATIONS, amounts)]
    return json.dumps({"records": records}, ensure_ascii=False, indent=1).encode("utf-8")


def pm25_json() -> bytes:
    hours = [{"station": "เขตปทุมวัน กรุงเทพฯ", "time": f"2024-12-01T{h:02d}:00:00+07:00",
              "pm25": [38, 41, 45, 52, 47, 40][h % 6]} for h in range(12)]
    return json.dumps({"records": hours}, ensure_ascii=False, indent=1).encode("utf-8")


def river_csv() -> bytes:
    """Plain UTF-8, no BOM."""
    lines = ["แม่น้ำ,ช่วงเวลา,ออกซิเจนละลายน้ำ (มก./ล.),บีโอดี (มก./ล.),เกณฑ์คุณภาพ"]
    lines += [f"{r},{q},{do},{bod},{grade}" for r, q, do, bod, grade in RIVERS]
    return ("\n".join(lines) + "\n").encode("utf-8")


def rice_xlsx(path: str) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "ข้าวนาปี 2566-67"
    sheet.append(["จังหวัด", "เนื้อที่เพาะปลูก (ไร่)", "ผลผลิต (ตัน)", "ผลผลิตต่อไร่ (กก.)"])
    for row in RICE:
        sheet.append(list(row))
    book.save(path)


def survey_pdf() -> bytes:
    """A one-page PDF written by hand (no PDF library needed); ASCII text, Helvetica."""
    text = ["Elderly Population Survey 2024 (demo report)", "National Statistical Office - demo data",
            "", "Share of the population aged 60 and over: 20.7% (demo figure)",
            "Living alone: 12.0% (demo figure)", "", "This file is generated for the portal demo."]
    ops = ["BT /F1 16 Tf 72 760 Td 18 TL"] + [f"({line}) Tj T*" for line in text] + ["ET"]
    stream = zlib.compress("\n".join(ops).encode("ascii"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main() -> None:
    os.makedirs(HERE, exist_ok=True)
    for name, content in (("population-2567.csv", population_csv()), ("rainfall-daily.csv", rainfall_csv()),
                          ("rainfall.json", rainfall_json()), ("pm25.json", pm25_json()),
                          ("river-quality.csv", river_csv()), ("elderly-survey.pdf", survey_pdf())):
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(content)
    rice_xlsx(os.path.join(HERE, "rice-2567.xlsx"))


if __name__ == "__main__":
    main()
