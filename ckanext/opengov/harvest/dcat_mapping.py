"""DCAT-AP values -> TGDC values: pure functions (used by the harvest profile)."""
from __future__ import annotations

import os
from urllib.parse import urlparse

# dct:accrualPeriodicity, EU frequency vocabulary and Dublin Core's, by their last path segment.
FREQUENCY = {
    "annual": "ปี", "annual_2": "ครึ่งปี", "biannual": "ครึ่งปี", "semiannual": "ครึ่งปี",
    "quarterly": "ไตรมาส", "monthly": "เดือน", "weekly": "สัปดาห์", "daily": "วัน",
    "hourly": "ชั่วโมง", "cont": "ตามเวลาจริง", "update_cont": "ตามเวลาจริง", "continuous": "ตามเวลาจริง",
    "never": "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล",
}
FORMAT = {
    "csv": "CSV", "json": "JSON", "geojson": "JSON", "xml": "XML", "xls": "XLS", "xlsx": "XLS",
    "pdf": "PDF", "rdf": "RDF", "ttl": "RDF", "turtle": "RDF", "jsonld": "RDF", "json-ld": "RDF",
    "html": "HTML", "doc": "DOC/DOCX", "docx": "DOC/DOCX", "shp": "Shapefile", "shapefile": "Shapefile",
    "tif": "GeoTiff", "tiff": "GeoTiff", "geotiff": "GeoTiff", "gml": "GML", "txt": "Text",
    "jpg": "Image", "jpeg": "Image", "png": "Image", "mp4": "Video", "mp3": "Audio",
}
LANGUAGE = {"th": "ไทย", "tha": "ไทย", "en": "อังกฤษ", "eng": "อังกฤษ", "zh": "จีน", "zho": "จีน",
            "ja": "ญี่ปุ่น", "jpn": "ญี่ปุ่น", "ms": "มลายู", "msa": "มลายู"}
LICENSE_PREFIXES = (
    ("creativecommons.org/licenses/by-nc-sa", "Creative Commons Attribution Non-Commercial Share-Alike"),
    ("creativecommons.org/licenses/by-nc-nd", "Creative Commons Attribution Non-Commercial No-Derivs"),
    ("creativecommons.org/licenses/by-nc", "Creative Commons Attribution Non-Commercial"),
    ("creativecommons.org/licenses/by-sa", "Creative Commons Attribution Share-Alike"),
    ("creativecommons.org/licenses/by-nd", "Creative Commons Attribution No-Derivs"),
    ("creativecommons.org/licenses/by", "Creative Commons Attributions"),
    ("opendatacommons.org", "Open Data Common"),
)


def _tail(value: str) -> str:
    path = urlparse(value).path if "://" in value else value
    return os.path.basename(path.rstrip("/")).lower()


def frequency_unit(value: str | None) -> str:
    return FREQUENCY.get(_tail(value or ""), "ไม่ทราบ")


def data_format(value: str | None) -> str | None:
    if not value:
        return None
    key = _tail(value).split("/")[-1]
    if key.startswith(("text/", "application/")):
        key = key.split("/", 1)[1]
    return FORMAT.get(key.replace("application/", "").replace("text/", ""))


def language(value: str | None) -> str | None:
    return LANGUAGE.get(_tail(value or ""))


def license_id(value: str | None) -> str:
    text = (value or "").lower().replace("https://", "").replace("http://", "")
    for prefix, tgdc in LICENSE_PREFIXES:
        if prefix in text:
            return tgdc
    return "License not specified"


def date_only(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None
