"""RDF -> TGDC fields: the reverse of write.py, and lenient with DCAT-AP from other catalogs.

Every reader returns only the fields it found; a value it cannot understand (a year that is
not a year, an unknown frequency code) is left out rather than guessed, so the record then
fails validation on that field with a clear message instead of being stored wrong.
"""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDFS, SKOS

from ckanext.dcat.profiles import DCAT, DCT, LOCN, VCARD

from ckanext.opengov.dcat import terms
from ckanext.opengov.dcat.terms import BOOL, DATE, INT, LIST, YEAR
from ckanext.opengov.tgdc import vocabularies

LABELS = (SKOS.prefLabel, RDFS.label, DCT.title, LOCN.geographicName, FOAF.name, DCT.identifier)


def _vocabulary(name: str) -> list[str]:
    try:
        return vocabularies.values(name)
    except KeyError:  # a vocabulary this version of the schema does not have
        return []


def _text(node) -> str | None:
    """A literal's or URI's text; None for nothing or blank."""
    return (str(node).strip() or None) if node is not None else None


def _label(g: Graph, node) -> str | None:
    """The label of a statement / location / licence node, or the literal or URI itself."""
    if node is None:
        return None
    if isinstance(node, Literal):
        return _text(node)
    for predicate in LABELS:
        value = g.value(node, predicate)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None if isinstance(node, BNode) else str(node)


def _ordered(values: list[str], field: str) -> list[str]:
    """Multi-select values in the vocabulary's order (RDF keeps no order), unknown ones last."""
    order = {value: i for i, value in enumerate(_vocabulary(field.removeprefix("resource_")))}
    return sorted(set(values), key=lambda v: (order.get(v, len(order)), v))


def _value(kind: str, literal):
    if kind == BOOL:
        return terms.bool_value(literal)
    if kind == INT:  # stored as text, as package_show returns it ("1")
        try:
            return str(int(str(literal).strip()))
        except ValueError:
            return None
    if kind == DATE:
        return terms.iso_date(literal)
    return _text(literal)


def read_fields(g: Graph, subject, table: dict[str, str]) -> dict:
    found = {}
    for field, kind in table.items():
        objects = list(g.objects(subject, terms.term(field)))
        if not objects:
            continue
        if kind == LIST:
            values = [v for v in (_text(o) for o in objects) if v]
            if values:
                found[field] = _ordered(values, field)
            continue
        value = _value(kind, objects[0]) if kind != YEAR else _text(objects[0])
        if value is not None:
            found[field] = value
    return found


def read_contact(g: Graph, dataset_ref) -> dict:
    contact = g.value(dataset_ref, DCAT.contactPoint)
    if contact is None:
        return {}
    found = {}
    name = g.value(contact, VCARD.fn) or g.value(contact, VCARD["organization-name"])
    if name is not None:
        found["maintainer"] = str(name)
    email = g.value(contact, VCARD.hasEmail)
    if email is not None:
        found["maintainer_email"] = str(email).removeprefix("mailto:")
    phone = g.value(contact, VCARD.hasTelephone)
    if isinstance(phone, BNode):  # [ a vcard:Voice; vcard:hasValue <tel:...> ]
        phone = g.value(phone, VCARD.hasValue)
    if phone is not None and str(phone).strip():
        found["telephone_number"] = str(phone).strip().removeprefix("tel:")
    return found


def read_frequency(g: Graph, dataset_ref) -> dict:
    uri = g.value(dataset_ref, DCT.accrualPeriodicity)
    mapped = terms.frequency_from_uri(str(uri)) if uri is not None else None
    if not mapped:
        return {}
    unit, interval = mapped
    found = {"update_frequency_unit": unit}
    if interval is not None:
        found["update_frequency_interval"] = str(interval)
    return found


def read_spatial(g: Graph, dataset_ref) -> dict:
    found = {}
    for location in g.objects(dataset_ref, DCT.spatial):
        label = _label(g, location)
        if label and "geo_coverage" not in found and not str(label).startswith("http"):
            if label in _vocabulary("geo_coverage"):
                found["geo_coverage"] = label
            else:
                found.update(geo_coverage=terms.OTHER, geo_coverage_other=label)
        for predicate in (DCAT.bbox, LOCN.geometry):
            for shape in g.objects(location, predicate):
                bounds = terms.bounds_from_wkt(str(shape))
                if bounds and terms.BOUNDS[0] not in found:
                    found.update(bounds)
    return found


def read_languages(g: Graph, dataset_ref) -> dict:
    thai, unknown = [], []
    for value in g.objects(dataset_ref, DCT.language):
        text = str(value) if isinstance(value, URIRef) else _label(g, value)
        mapped = text if text in terms.LANGUAGES else terms.language_from(text or "")
        (thai if mapped else unknown).append(mapped or text)
    found = {}
    if unknown:
        thai.append(terms.OTHER)
        found["data_language_other"] = ", ".join(sorted(u for u in unknown if u))
    if thai:
        found["data_language"] = _ordered(thai, "data_language")
    return found


def read_temporal(start: str | None, end: str | None) -> dict:
    """first/last_year_of_data (BE) from the CE bounds of dct:temporal."""
    found = {}
    if start and terms.be_year(start):
        found["first_year_of_data"] = terms.be_year(start)
    if end and terms.be_year(end):
        found["last_year_of_data"] = terms.be_year(end)
    return found


def read_license(g: Graph, dataset_ref) -> dict:
    node = g.value(dataset_ref, DCT.license)
    if node is None:
        for distribution in g.objects(dataset_ref, DCAT.distribution):
            node = g.value(distribution, DCT.license)
            if node is not None:
                break
    label = _label(g, node) if isinstance(node, BNode) else (_text(node) if node is not None else None)
    if not label:
        return {}
    license_id, other = terms.license_from(label, _vocabulary("license_id"))
    return {"license_id": license_id, **({"license_id_other": other} if other else {})}


def read_statements(g: Graph, dataset_ref) -> dict:
    found = {}
    for field, predicate in (
        ("data_source", DCT.provenance),
        ("accessible_condition", DCT.rights),
        ("standard", DCT.conformsTo),
        ("reference_url_catalog", DCT.source),
    ):
        value = _label(g, g.value(dataset_ref, predicate))
        if value:
            found[field] = value
    access = g.value(dataset_ref, DCT.accessRights)
    if access is not None and str(access).rstrip("/").endswith("/PUBLIC"):
        found["data_classification"] = "เปิดเผย"
    return found


def read_publisher(g: Graph, dataset_ref) -> dict:
    """data_source from the publisher's name when no dct:provenance says where the data comes from."""
    name = _label(g, g.value(dataset_ref, DCT.publisher))
    return {"data_source": name} if name and not name.startswith("http") else {}


def format_label(g: Graph, distribution) -> str | None:
    """The resource format as written: an EU file-type code, a labelled node, a literal."""
    node = g.value(distribution, DCT["format"])
    if isinstance(node, URIRef):
        return terms.file_type_label(node) or str(node)
    return _label(g, node) if node is not None else None


def read_formats(g: Graph, dataset_ref) -> dict:
    """data_format from the distributions' formats and media types (values it cannot map: none)."""
    found = set()
    for distribution in g.objects(dataset_ref, DCAT.distribution):
        for value in (format_label(g, distribution), g.value(distribution, DCAT.mediaType)):
            mapped = terms.data_format_from(value) if value is not None else None
            if mapped:
                found.add(mapped)
    return {"data_format": _ordered(list(found), "data_format")} if found else {}


def read_foreign_dates(g: Graph, dataset_ref) -> dict:
    """created_date / last_updated_date of a record from a catalog that writes no tgdc: terms."""
    found = {}
    for field, predicate in (("created_date", DCT.issued), ("last_updated_date", DCT.modified)):
        date = terms.iso_date(g.value(dataset_ref, predicate) or "")
        if date:
            found[field] = date
    return found


def is_tgdc(g: Graph, dataset_ref) -> bool:
    """Whether the record comes from a TGDC catalog (ours or another that writes tgdc: terms)."""
    return (dataset_ref, terms.term("data_type"), None) in g


def read_dataset(g: Graph, dataset_ref, temporal: tuple[str | None, str | None]) -> dict:
    """Every TGDC dataset field the graph says something about (resources excepted)."""
    found = {}
    if not is_tgdc(g, dataset_ref):
        found.update(read_foreign_dates(g, dataset_ref))
    found.update(read_contact(g, dataset_ref))
    found.update(read_frequency(g, dataset_ref))
    found.update(read_spatial(g, dataset_ref))
    found.update(read_languages(g, dataset_ref))
    found.update(read_temporal(*temporal))
    found.update(read_license(g, dataset_ref))
    found.update(read_publisher(g, dataset_ref))
    found.update(read_formats(g, dataset_ref))
    found.update(read_statements(g, dataset_ref))
    found.update(read_fields(g, dataset_ref, terms.DATASET_FIELDS))  # tgdc: terms are exact: last
    if found.get("data_language_other") and terms.OTHER not in found.get("data_language", []):
        found["data_language"] = _ordered(found.get("data_language", []) + [terms.OTHER], "data_language")
    return found


def read_distribution(g: Graph, distribution, foreign: bool) -> dict:
    found = {}
    if foreign:
        for field, predicate in (("resource_created_date", DCT.issued), ("resource_last_updated_date", DCT.modified)):
            date = terms.iso_date(g.value(distribution, predicate) or "")
            if date:
                found[field] = date
    found.update(read_fields(g, distribution, terms.RESOURCE_FIELDS))
    label = format_label(g, distribution)
    if label:
        found["format"] = label
    condition = _label(g, g.value(distribution, DCT.rights))
    if condition:
        found["resource_accessible_condition"] = condition
    return found
