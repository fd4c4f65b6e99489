"""The TGDC vocabulary in RDF: our namespace, and pure mappings between TGDC values and DCAT terms.

Namespace ``tgdc:`` = https://opengov.go.th/ns/tgdc# holds the TGDC fields that DCAT, DCTERMS
and vCard have no term for (data_type, data_category, data_classification, objective, ...).
Its terms are the TGDC field names in camelCase; the same term serves a dataset field and the
resource field named ``resource_<field>`` (tgdc:dataCollect for data_collect and
resource_data_collect). Values are the canonical Thai strings the TGDC standard stores.
"""
from __future__ import annotations

import re

from rdflib import Namespace, URIRef

TGDC = Namespace("https://opengov.go.th/ns/tgdc#")
EU_FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_ACCESS_RIGHT = Namespace("http://publications.europa.eu/resource/authority/access-right/")

OTHER = "อื่นๆ"
UNKNOWN = "ไม่ทราบ"
BE_OFFSET = 543  # Buddhist Era year = Common Era year + 543

# Geospatial datasets carry data_release_date where the others carry created_date: either is
# the dataset's dct:issued.
RELEASE_DATE_TYPES = {"ข้อมูลภูมิสารสนเทศเชิงพื้นที่"}


def camel(field: str) -> str:
    """data_release_calendar -> dataReleaseCalendar (the tgdc: term of a field)."""
    head, *rest = field.split("_")
    return head + "".join(part.capitalize() for part in rest)


# Fields that live in tgdc: only, with the kind of literal they hold. Resource fields use the
# same terms under their resource_ names (see RESOURCE_FIELDS).
TEXT, LIST, BOOL, INT, DATE, YEAR = "text", "list", "bool", "int", "date", "year"
DATASET_FIELDS: dict[str, str] = {
    "data_type": TEXT, "data_type_other": TEXT,
    "allow_harvest": BOOL,
    "objective": LIST, "objective_other": TEXT,
    "update_frequency_unit": TEXT, "update_frequency_unit_other": TEXT,
    "update_frequency_interval": INT,
    "data_format": LIST, "data_format_other": TEXT,
    "data_category": TEXT, "data_classification": TEXT,
    "data_language_other": TEXT,
    "data_support": TEXT, "data_support_other": TEXT,
    "data_collect": TEXT, "data_collect_other": TEXT,
    "high_value_dataset": BOOL, "reference_data": BOOL,
    "data_release_calendar": DATE,
    "disaggregate": LIST, "disaggregate_other": TEXT,
    "unit_of_measure": TEXT, "unit_of_multiplier": TEXT, "unit_of_multiplier_other": TEXT,
    "calculation_method": TEXT, "official_statistics": BOOL,
    "geographic_data_set": TEXT, "equivalent_scale": TEXT, "equivalent_scale_other": TEXT,
    "positional_accuracy": TEXT, "reference_period": TEXT,
    # Also written as dct:issued / dct:modified for DCAT readers; kept here too because those
    # terms fall back to CKAN's own dates when the TGDC date is empty.
    "created_date": DATE, "data_release_date": DATE, "last_updated_date": DATE,
}
RESOURCE_FIELDS: dict[str, str] = {
    "resource_data_collect": TEXT, "resource_data_collect_other": TEXT,
    "resource_first_year_of_data": YEAR, "resource_last_year_of_data": YEAR,
    "resource_disaggregate": LIST, "resource_disaggregate_other": TEXT,
    "resource_unit_of_measure": TEXT,
    "resource_unit_of_multiplier": TEXT, "resource_unit_of_multiplier_other": TEXT,
    "resource_data_release_calendar": DATE, "resource_official_statistics": BOOL,
    "resource_geographic_data_set": TEXT,
    "resource_equivalent_scale": TEXT, "resource_equivalent_scale_other": TEXT,
    "resource_positional_accuracy": TEXT, "resource_data_release_date": DATE,
    "resource_created_date": DATE, "resource_last_updated_date": DATE,
}


def term(field: str) -> URIRef:
    return TGDC[camel(field.removeprefix("resource_"))]


# update_frequency_unit (+ interval = updates per unit) -> EU frequency authority table.
# Only clean equivalences: วันทำการ (working days) and interval values without an EU code
# are left to tgdc:updateFrequencyUnit / tgdc:updateFrequencyInterval, which are always written.
FREQUENCIES: dict[tuple[str, int | None], str] = {
    ("ปี", 1): "ANNUAL", ("ปี", 2): "ANNUAL_2", ("ปี", 3): "ANNUAL_3",
    ("ครึ่งปี", 1): "ANNUAL_2",
    ("ไตรมาส", 1): "QUARTERLY",
    ("เดือน", 1): "MONTHLY", ("เดือน", 2): "MONTHLY_2", ("เดือน", 3): "MONTHLY_3",
    ("สัปดาห์", 1): "WEEKLY", ("สัปดาห์", 2): "WEEKLY_2", ("สัปดาห์", 3): "WEEKLY_3",
    ("วัน", 1): "DAILY", ("วัน", 2): "DAILY_2",
    ("ชั่วโมง", 1): "HOURLY",
    ("นาที", 1): "1MIN",
    ("ตามเวลาจริง", None): "UPDATE_CONT",
    ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None): "NEVER",
    (UNKNOWN, None): "UNKNOWN",
    (OTHER, None): "OTHER",
}
def frequency_uri(unit: str | None, interval) -> URIRef | None:
    if not unit:
        return None
    try:
        count = int(interval) if interval not in (None, "") else 1
    except (TypeError, ValueError):
        count = 1
    code = FREQUENCIES.get((unit, count)) or FREQUENCIES.get((unit, None))
    return EU_FREQUENCY[code] if code else None


# Reading: every spelling of dct:accrualPeriodicity that DCAT catalogs use, as (unit, interval),
# interval = updates per unit (None: the unit alone). The EU authority codes (DCAT-AP):
EU_CODES_IN: dict[str, tuple[str, int | None]] = {
    "ANNUAL": ("ปี", 1), "ANNUAL_2": ("ครึ่งปี", 1), "ANNUAL_3": ("ปี", 3),
    "BIENNIAL": ("ปี", None), "TRIENNIAL": ("ปี", None), "QUADRENNIAL": ("ปี", None),
    "QUINQUENNIAL": ("ปี", None), "DECENNIAL": ("ปี", None), "BIDECENNIAL": ("ปี", None),
    "TRIDECENNIAL": ("ปี", None),
    "QUARTERLY": ("ไตรมาส", 1),
    "MONTHLY": ("เดือน", 1), "MONTHLY_2": ("เดือน", 2), "MONTHLY_3": ("เดือน", 3),
    "BIMONTHLY": ("เดือน", None),
    "WEEKLY": ("สัปดาห์", 1), "WEEKLY_2": ("สัปดาห์", 2), "WEEKLY_3": ("สัปดาห์", 3),
    "BIWEEKLY": ("สัปดาห์", None),
    "DAILY": ("วัน", 1), "DAILY_2": ("วัน", 2), "12HRS": ("วัน", 2),
    "HOURLY": ("ชั่วโมง", 1), "BIHOURLY": ("ชั่วโมง", None), "TRIHOURLY": ("ชั่วโมง", None),
    "30MIN": ("ชั่วโมง", 2), "15MIN": ("ชั่วโมง", 4), "10MIN": ("ชั่วโมง", 6), "5MIN": ("ชั่วโมง", 12),
    "1MIN": ("นาที", 1),
    "CONT": ("ตามเวลาจริง", None), "UPDATE_CONT": ("ตามเวลาจริง", None),
    "NEVER": ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None),
    "IRREG": (OTHER, None), "OTHER": (OTHER, None),
    "UNKNOWN": (UNKNOWN, None), "OP_DATPRO": (UNKNOWN, None),
}
# Dublin Core Collection frequencies (http://purl.org/cld/freq/...), which many DCAT catalogs use.
DUBLIN_CORE_IN: dict[str, tuple[str, int | None]] = {
    "triennial": ("ปี", None), "biennial": ("ปี", None), "annual": ("ปี", 1),
    "semiannual": ("ครึ่งปี", 1), "threetimesayear": ("ปี", 3), "quarterly": ("ไตรมาส", 1),
    "bimonthly": ("เดือน", None), "monthly": ("เดือน", 1), "semimonthly": ("เดือน", 2),
    "threetimesamonth": ("เดือน", 3), "biweekly": ("สัปดาห์", None), "weekly": ("สัปดาห์", 1),
    "semiweekly": ("สัปดาห์", 2), "threetimesaweek": ("สัปดาห์", 3), "daily": ("วัน", 1),
    "continuous": ("ตามเวลาจริง", None), "irregular": (OTHER, None),
}
# ISO 8601 durations ("P1Y", "R/P6M", "PT1H"; DCAT-US and Project Open Data write these).
_NUMBER = r"(\d+(?:\.\d+)?)"
_DURATION = re.compile(rf"^(?:R\d*/)?P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
                       rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?$")
_MONTH_UNITS = (("ปี", 12), ("ครึ่งปี", 6), ("ไตรมาส", 3), ("เดือน", 1))          # sizes in months
_SECOND_UNITS = (("สัปดาห์", 604800), ("วัน", 86400), ("ชั่วโมง", 3600), ("นาที", 60))  # in seconds
_COUNTED = {"ปี", "เดือน", "สัปดาห์", "วัน", "ชั่วโมง", "นาที"}  # units "n times per" reads well with


def _whole(x: float) -> bool:
    return abs(x - round(x)) < 0.1  # 0.33 of a month is three times a month


def _per_unit(period: float, units) -> tuple[str, int | None] | None:
    """(unit, updates per unit) for one period measured in the units' scale: the unit it equals;
    else the shortest unit it divides into whole times; else the longest unit it is a multiple
    of, with no count (every 2 weeks: weekly, interval unsaid); else None."""
    for unit, size in units:
        if abs(period - size) < 1e-9:
            return unit, 1
    for unit, size in reversed(units):
        if size > period and unit in _COUNTED and _whole(size / period):
            return unit, round(size / period)
    for unit, size in units:
        if size < period and _whole(period / size):
            return unit, None
    return None


def frequency_from_duration(text: str) -> tuple[str, int | None] | None:
    match = _DURATION.match(text.strip().upper())
    if not match or not any(match.groups()):
        return None
    years, months, weeks, days, hours, minutes, seconds = (float(g or 0) for g in match.groups())
    if years or months:
        return None if weeks or days or hours or minutes or seconds else _per_unit(years * 12 + months, _MONTH_UNITS)
    total = weeks * 604800 + days * 86400 + hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        return None
    return ("ตามเวลาจริง", None) if total < 60 else _per_unit(total, _SECOND_UNITS)


def frequency_from_uri(value: str) -> tuple[str, int | None] | None:
    """(unit, interval) for an EU frequency URI or code, a Dublin Core frequency, or an ISO 8601
    duration; None when it is none of them (the field is then left out, not guessed)."""
    text = str(value).strip()
    tail = text.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    if tail.upper() in EU_CODES_IN:
        return EU_CODES_IN[tail.upper()]
    if tail.lower() in DUBLIN_CORE_IN:
        return DUBLIN_CORE_IN[tail.lower()]
    return frequency_from_duration(text)


# data_language -> EU language authority table (ISO 639-3 codes).
LANGUAGES = {
    "ไทย": "THA", "อังกฤษ": "ENG", "จีน": "ZHO", "มลายู": "MSA", "พม่า": "MYA", "ลาว": "LAO",
    "เขมร": "KHM", "ญี่ปุ่น": "JPN", "เกาหลี": "KOR", "ฝรั่งเศส": "FRA", "เยอรมัน": "DEU",
    "อารบิก": "ARA", UNKNOWN: "UND",
}
# Two-letter and bibliographic codes other catalogs use.
LANGUAGE_ALIASES = {
    "TH": "THA", "EN": "ENG", "ZH": "ZHO", "CHI": "ZHO", "MS": "MSA", "MAY": "MSA", "MY": "MYA",
    "BUR": "MYA", "LO": "LAO", "KM": "KHM", "JA": "JPN", "KO": "KOR", "FR": "FRA", "FRE": "FRA",
    "DE": "DEU", "GER": "DEU", "AR": "ARA",
}


def language_uri(value: str) -> URIRef | None:
    code = LANGUAGES.get(value)
    return EU_LANGUAGE[code] if code else None


def language_from(value: str) -> str | None:
    """A TGDC language for an EU language URI or a language code, None when not in the list."""
    code = str(value).rstrip("/").rsplit("/", 1)[-1].upper()
    code = LANGUAGE_ALIASES.get(code, code)
    for thai, known in LANGUAGES.items():
        if known == code:
            return thai
    return None


# A distribution's format (dct:format: EU file-type URI, label or media type; dcat:mediaType)
# -> the data_format vocabulary of the dataset.
FORMATS = {
    "CSV": "CSV", "JSON": "JSON", "GEOJSON": "JSON", "XML": "XML", "XLS": "XLS", "XLSX": "XLS",
    "PDF": "PDF", "RDF": "RDF", "TTL": "RDF", "TURTLE": "RDF", "RDF_TURTLE": "RDF", "RDF_XML": "RDF",
    "JSONLD": "RDF", "JSON-LD": "RDF", "JSON_LD": "RDF", "LD+JSON": "RDF", "RDF+XML": "RDF",
    "HTML": "HTML", "DOC": "DOC/DOCX", "DOCX": "DOC/DOCX", "SHP": "Shapefile", "SHAPEFILE": "Shapefile",
    "TIF": "GeoTiff", "TIFF": "GeoTiff", "GEOTIFF": "GeoTiff", "GML": "GML", "TXT": "Text", "PLAIN": "Text",
    "JPG": "Image", "JPEG": "Image", "PNG": "Image", "MP4": "Video", "MP3": "Audio", "MPEG": "Audio",
    "VND.MS-EXCEL": "XLS", "VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET": "XLS",
    "MSWORD": "DOC/DOCX",
}
# Codes of the EU file-type authority table that resource formats are written as; a format
# outside it is written as a labelled dct:MediaTypeOrExtent (DCAT-AP 3 wants a node, not text).
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
FILE_TYPES = {
    "CSV", "JSON", "GEOJSON", "XML", "XLS", "XLSX", "ODS", "PDF", "RDF", "RDF_TURTLE", "RDF_XML",
    "JSON_LD", "HTML", "DOC", "DOCX", "ODT", "SHP", "TIFF", "GML", "KML", "KMZ", "TXT", "JPEG",
    "PNG", "MP4", "MP3", "ZIP", "GZIP", "TAR", "SQL", "API",
}


def data_format_from(value: str) -> str | None:
    """The data_format value of a format label, file-type URI or media type; None if unknown."""
    text = str(value).strip().rstrip("/")
    key = text.rsplit("/", 1)[-1].upper() if "/" in text else text.upper()
    return FORMATS.get(key.removeprefix("."))


def file_type_uri(label: str) -> URIRef | None:
    """The EU file-type URI of a resource format label ("csv" -> .../file-type/CSV)."""
    code = str(label).strip().upper()
    return EU_FILE_TYPE[code] if code in FILE_TYPES else None


def file_type_label(uri: str) -> str | None:
    """The label of an EU file-type URI, None for any other value."""
    text = str(uri)
    return text[len(str(EU_FILE_TYPE)):] if text.startswith(str(EU_FILE_TYPE)) else None


# license_id -> licence document URI, where the TGDC name identifies one. The Creative Commons
# names carry no version in the standard; DGA's catalogs mean the 4.0 international licences.
LICENSES = {
    "Creative Commons Attributions": "https://creativecommons.org/licenses/by/4.0/",
    "Creative Commons Attribution Non-Commercial": "https://creativecommons.org/licenses/by-nc/4.0/",
    "Creative Commons Attribution Share-Alike": "https://creativecommons.org/licenses/by-sa/4.0/",
    "Creative Commons Attribution Non-Commercial Share-Alike":
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "Creative Commons Attribution Non-Commercial No-Derivs":
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "Creative Commons Attribution No-Derivs": "https://creativecommons.org/licenses/by-nd/4.0/",
    "GNU Free Documentation License": "https://www.gnu.org/licenses/fdl-1.3.html",
}
# CKAN license ids other CKAN-based catalogs send.
LICENSE_ALIASES = {
    "cc-by": "Creative Commons Attributions", "cc-by-4.0": "Creative Commons Attributions",
    "cc-nc": "Creative Commons Non-Commercial (Any)", "cc-by-sa": "Creative Commons Attribution Share-Alike",
    "gfdl": "GNU Free Documentation License", "notspecified": "License not specified",
}


def license_from(uri_or_label: str, known_ids: list[str]) -> tuple[str, str | None]:
    """(license_id, license_id_other) for a licence URI or label read from a DCAT record."""
    value = str(uri_or_label).strip()
    if value in known_ids:
        return value, None
    normalised = value.rstrip("/").lower().replace("http://", "https://")
    for license_id, uri in LICENSES.items():
        if normalised == uri.rstrip("/").lower():
            return license_id, None
    alias = LICENSE_ALIASES.get(value.lower()) or LICENSE_ALIASES.get(normalised.rsplit("/", 1)[-1])
    if alias in known_ids:
        return alias, None
    family = _license_family(normalised)
    if family in known_ids:
        return family, None
    return OTHER, value


# Licence families whose version the TGDC names do not carry (by/3.0 is still Attribution).
CC_KINDS = {"by": "Creative Commons Attributions", "by-nc": "Creative Commons Attribution Non-Commercial",
            "by-sa": "Creative Commons Attribution Share-Alike",
            "by-nc-sa": "Creative Commons Attribution Non-Commercial Share-Alike",
            "by-nc-nd": "Creative Commons Attribution Non-Commercial No-Derivs",
            "by-nd": "Creative Commons Attribution No-Derivs"}


def _license_family(normalised_uri: str) -> str | None:
    match = re.search(r"creativecommons\.org/licenses/([a-z-]+)", normalised_uri)
    if match:
        return CC_KINDS.get(match.group(1))
    return "Open Data Common" if "opendatacommons.org" in normalised_uri else None


# data_classification -> EU access-right authority table (dct:accessRights).
ACCESS_RIGHTS = {"เปิดเผย": "PUBLIC", "ชั้นเผยแพร่ภายในองค์กร": "RESTRICTED"}
NON_PUBLIC = "NON_PUBLIC"  # ลับ, ลับมาก, ลับที่สุด


def access_rights_uri(classification: str | None) -> URIRef | None:
    if not classification:
        return None
    return EU_ACCESS_RIGHT[ACCESS_RIGHTS.get(classification, NON_PUBLIC)]


def ce_year(be_year) -> str | None:
    """"2568" (BE) -> "2025" (CE); None for what is not a year."""
    try:
        return str(int(str(be_year).strip()) - BE_OFFSET)
    except (TypeError, ValueError):
        return None


def be_year(date_or_year: str) -> str | None:
    """The BE year of a CE xsd:gYear / xsd:date / xsd:dateTime literal ("2025-03-01" -> "2568")."""
    match = re.match(r"\s*(-?\d{4})", str(date_or_year))
    return str(int(match.group(1)) + BE_OFFSET) if match else None


def iso_date(value: str) -> str | None:
    """YYYY-MM-DD of an xsd:date or xsd:dateTime literal (how TGDC dates are stored)."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value))
    return match.group(1) if match else None


BOUNDS = ("west_bound_longitude", "south_bound_longitude", "east_bound_longitude", "north_bound_longitude")


def bbox_wkt(west, south, east, north) -> str | None:
    """The dcat:bbox polygon of a TGDC bounding box (x = longitude, y = latitude)."""
    try:
        w, s, e, n = (float(v) for v in (west, south, east, north))
    except (TypeError, ValueError):
        return None
    return f"POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))"


def bounds_from_wkt(wkt: str) -> dict[str, str] | None:
    """The TGDC bound fields of a WKT polygon or envelope; None when it is not one."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", str(wkt))]
    if str(wkt).strip().upper().startswith("ENVELOPE") and len(numbers) == 4:
        west, east, north, south = numbers
    elif len(numbers) >= 8 and len(numbers) % 2 == 0:
        xs, ys = numbers[0::2], numbers[1::2]
        west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    else:
        return None
    return dict(zip(BOUNDS, (str(float(v)) for v in (west, south, east, north))))


def bool_value(value) -> str | None:
    """TGDC stores booleans as the strings "True"/"False"."""
    word = str(value).strip().lower()
    if word in ("true", "1"):
        return "True"
    if word in ("false", "0"):
        return "False"
    return None
