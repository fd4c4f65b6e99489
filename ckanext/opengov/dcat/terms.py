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
# EU codes read from other catalogs that have no TGDC unit of their own.
FREQUENCIES_IN = {
    "BIENNIAL": ("ปี", None), "TRIENNIAL": ("ปี", None), "BIMONTHLY": ("เดือน", None),
    "BIWEEKLY": ("สัปดาห์", None), "CONT": ("ตามเวลาจริง", None), "IRREG": (OTHER, None),
    "BIHOURLY": ("ชั่วโมง", None), "TRIHOURLY": ("ชั่วโมง", None), "12HRS": ("วัน", 2),
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


def frequency_from_uri(uri: str) -> tuple[str, int | None] | None:
    """(unit, interval) for an EU frequency URI (or bare code), None when unknown."""
    code = str(uri).rstrip("/").rsplit("/", 1)[-1].upper()
    for (unit, interval), known in FREQUENCIES.items():
        if known == code:
            return unit, interval
    return FREQUENCIES_IN.get(code)


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
    return OTHER, value


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
