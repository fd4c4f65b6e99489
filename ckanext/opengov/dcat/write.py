"""TGDC dataset and resource dicts -> RDF triples (DCAT-AP 3 terms first, tgdc: for the rest).

Runs after ckanext-dcat's euro_dcat_ap_3 profile on the same graph: that profile has written
the title, description, keywords, landing page, publisher, contact point (name and e-mail),
distributions and CKAN's own dates; this module adds the TGDC fields and replaces the dates
where TGDC has better ones.
"""
from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS, XSD

from ckanext.dcat.profiles import DCAT, DCT, GSP, VCARD

from ckanext.opengov.dcat import terms
from ckanext.opengov.dcat.terms import BOOL, DATE, INT, LIST, YEAR


def _present(value) -> bool:
    return value not in (None, "", [], {})


def _as_list(value) -> list:
    if isinstance(value, (list, tuple)):
        return [v for v in value if _present(v)]
    if isinstance(value, str) and value.startswith("["):
        import json

        try:
            return [v for v in json.loads(value) if _present(v)]
        except ValueError:
            pass
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return [v for v in value[1:-1].split(",") if v]  # a PostgreSQL-style array as text
    return [value] if _present(value) else []


def _literal(kind: str, value) -> Literal | None:
    if kind == BOOL:
        word = terms.bool_value(value)
        return Literal(word == "True", datatype=XSD.boolean) if word else None
    if kind == INT:
        try:
            return Literal(int(value), datatype=XSD.integer)
        except (TypeError, ValueError):
            return Literal(str(value))
    if kind == DATE:
        date = terms.iso_date(value)
        return Literal(date, datatype=XSD.date) if date else Literal(str(value))
    if kind == YEAR:
        return Literal(str(value))  # BE, as the standard writes it
    return Literal(str(value))


def add_fields(g: Graph, subject, record: dict, table: dict[str, str]) -> None:
    """The tgdc: literals of the fields in ``table`` that the record holds."""
    for field, kind in table.items():
        values = _as_list(record.get(field)) if kind == LIST else [record.get(field)]
        for value in values:
            if _present(value):
                literal = _literal(kind, value)
                if literal is not None:
                    g.add((subject, terms.term(field), literal))


def _labelled(g: Graph, cls, label: str) -> BNode:
    node = BNode()
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(label)))
    return node


def _replace_date(g: Graph, subject, predicate, value) -> None:
    date = terms.iso_date(value) if _present(value) else None
    if date:
        g.remove((subject, predicate, None))
        g.add((subject, predicate, Literal(date, datatype=XSD.date)))


def _telephone(number: str):
    """A tel: URI when the number is only digits and separators, else the text as written."""
    compact = re.sub(r"\s+", "-", number.strip())
    return URIRef("tel:" + compact) if re.fullmatch(r"\+?[0-9().\-]+", compact) else Literal(number)


def add_contact(g: Graph, dataset_ref, dataset: dict) -> None:
    """maintainer, maintainer_email (written by the base profile) + telephone_number. The contact
    is also typed vcard:Kind, the class DCAT-AP 3 names (vcard:Organization is a subclass, which
    a validator without inference does not see)."""
    for contact in g.objects(dataset_ref, DCAT.contactPoint):
        g.add((contact, RDF.type, VCARD.Kind))
    phone = dataset.get("telephone_number")
    if not _present(phone):
        return
    contact = g.value(dataset_ref, DCAT.contactPoint)
    if contact is None:
        contact = BNode()
        g.add((contact, RDF.type, VCARD.Organization))
        g.add((contact, RDF.type, VCARD.Kind))
        g.add((dataset_ref, DCAT.contactPoint, contact))
    g.add((contact, VCARD.hasTelephone, _telephone(str(phone))))


def add_frequency(g: Graph, dataset_ref, dataset: dict) -> None:
    uri = terms.frequency_uri(dataset.get("update_frequency_unit"), dataset.get("update_frequency_interval"))
    if uri is not None:
        g.remove((dataset_ref, DCT.accrualPeriodicity, None))
        g.add((dataset_ref, DCT.accrualPeriodicity, uri))
        g.add((uri, RDF.type, DCT.Frequency))


def add_spatial(g: Graph, dataset_ref, dataset: dict) -> None:
    """geo_coverage (a TGDC level such as จังหวัด, or the อื่นๆ text) and the bounding box."""
    coverage = dataset.get("geo_coverage")
    if coverage == terms.OTHER and _present(dataset.get("geo_coverage_other")):
        coverage = dataset["geo_coverage_other"]
    wkt = terms.bbox_wkt(*(dataset.get(field) for field in terms.BOUNDS))
    if not _present(coverage) and not wkt:
        return
    location = BNode()
    g.add((dataset_ref, DCT.spatial, location))
    g.add((location, RDF.type, DCT.Location))
    if _present(coverage):
        g.add((location, SKOS.prefLabel, Literal(str(coverage))))
    if wkt:
        g.add((location, DCAT.bbox, Literal(wkt, datatype=GSP.wktLiteral)))


def add_languages(g: Graph, dataset_ref, dataset: dict) -> None:
    for value in _as_list(dataset.get("data_language")):
        uri = terms.language_uri(value)
        if uri is not None:
            g.add((dataset_ref, DCT.language, uri))
            g.add((uri, RDF.type, DCT.LinguisticSystem))


def add_temporal(g: Graph, dataset_ref, dataset: dict) -> None:
    """first/last_year_of_data (BE) as a dct:PeriodOfTime in CE years."""
    start, end = terms.ce_year(dataset.get("first_year_of_data")), terms.ce_year(dataset.get("last_year_of_data"))
    if not start and not end:
        return
    period = BNode()
    g.add((dataset_ref, DCT.temporal, period))
    g.add((period, RDF.type, DCT.PeriodOfTime))
    if start:
        g.add((period, DCAT.startDate, Literal(start, datatype=XSD.gYear)))
    if end:
        g.add((period, DCAT.endDate, Literal(end, datatype=XSD.gYear)))


def license_node(g: Graph, dataset: dict):
    license_id = dataset.get("license_id")
    if not _present(license_id):
        return None
    uri = terms.LICENSES.get(license_id)
    if uri:
        node = URIRef(uri)
        g.add((node, RDF.type, DCT.LicenseDocument))
        return node
    if license_id == terms.OTHER and _present(dataset.get("license_id_other")):
        license_id = dataset["license_id_other"]
    return _labelled(g, DCT.LicenseDocument, str(license_id))


def add_statements(g: Graph, dataset_ref, dataset: dict) -> None:
    """Free-text fields DCAT models as statements or related resources."""
    if _present(dataset.get("data_source")):
        g.add((dataset_ref, DCT.provenance, _labelled(g, DCT.ProvenanceStatement, str(dataset["data_source"]))))
    if _present(dataset.get("accessible_condition")):
        g.add((dataset_ref, DCT.rights, _labelled(g, DCT.RightsStatement, str(dataset["accessible_condition"]))))
    if _present(dataset.get("standard")):
        g.add((dataset_ref, DCT.conformsTo, _labelled(g, DCT.Standard, str(dataset["standard"]))))
    source = dataset.get("reference_url_catalog")
    if _present(source):
        source = str(source)
        g.add((dataset_ref, DCT.source, URIRef(source) if re.match(r"https?://\S+$", source) else Literal(source)))
    access = terms.access_rights_uri(dataset.get("data_classification"))
    if access is not None:
        g.remove((dataset_ref, DCT.accessRights, None))
        g.add((dataset_ref, DCT.accessRights, access))
        g.add((access, RDF.type, DCT.RightsStatement))


def add_dates(g: Graph, dataset_ref, dataset: dict) -> None:
    """dct:issued is created_date (or data_release_date for geospatial data), dct:modified is
    last_updated_date; without them the base profile's CKAN dates stay."""
    issued_field = "data_release_date" if dataset.get("data_type") in terms.RELEASE_DATE_TYPES else "created_date"
    _replace_date(g, dataset_ref, DCT.issued, dataset.get(issued_field))
    _replace_date(g, dataset_ref, DCT.modified, dataset.get("last_updated_date"))


def add_dataset(g: Graph, dataset_ref, dataset: dict) -> None:
    g.bind("tgdc", terms.TGDC)
    add_fields(g, dataset_ref, dataset, terms.DATASET_FIELDS)
    add_contact(g, dataset_ref, dataset)
    add_frequency(g, dataset_ref, dataset)
    add_spatial(g, dataset_ref, dataset)
    add_languages(g, dataset_ref, dataset)
    add_temporal(g, dataset_ref, dataset)
    add_statements(g, dataset_ref, dataset)
    add_dates(g, dataset_ref, dataset)
    node = license_node(g, dataset)
    if node is not None:
        g.remove((dataset_ref, DCT.license, None))
        g.add((dataset_ref, DCT.license, node))


# Characters XML 1.0 cannot carry: a literal holding one makes the whole RDF/XML document
# unreadable. CKAN's text validators let them through, so they are dropped on the way out.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def drop_xml_invalid_characters(g: Graph, dataset_ref) -> None:
    """Clean the literals of one dataset's description (itself, its distributions, their nodes)."""
    subjects, frontier = {dataset_ref}, [dataset_ref]
    while frontier:
        subject = frontier.pop()
        for obj in g.objects(subject, None):
            if isinstance(obj, BNode) or (subject == dataset_ref and (subject, DCAT.distribution, obj) in g):
                if obj not in subjects:
                    subjects.add(obj)
                    frontier.append(obj)
    for subject in subjects:
        for predicate, obj in list(g.predicate_objects(subject)):
            if isinstance(obj, Literal) and XML_INVALID.search(str(obj)):
                cleaned = Literal(XML_INVALID.sub("", str(obj)), lang=obj.language, datatype=obj.datatype)
                g.remove((subject, predicate, obj))
                g.add((subject, predicate, cleaned))


IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


def add_format(g: Graph, distribution) -> None:
    """DCAT-AP 3 wants formats and media types as nodes: the base profile's text becomes an EU
    file-type URI (or a labelled dct:MediaTypeOrExtent) and an IANA media type URI."""
    for node in list(g.objects(distribution, DCT["format"])):
        if isinstance(node, Literal):
            g.remove((distribution, DCT["format"], node))
            uri = terms.file_type_uri(node)
            if uri is None:
                uri = _labelled(g, DCT.MediaTypeOrExtent, str(node))
            g.add((uri, RDF.type, DCT.MediaTypeOrExtent))
            g.add((distribution, DCT["format"], uri))
    for node in list(g.objects(distribution, DCAT.mediaType)):
        if isinstance(node, Literal) and re.fullmatch(r"[\w.+-]+/[\w.+-]+", str(node).strip()):
            g.remove((distribution, DCAT.mediaType, node))
            uri = URIRef(IANA_MEDIA_TYPES + str(node).strip().lower())
            g.add((uri, RDF.type, DCT.MediaType))
            g.add((distribution, DCAT.mediaType, uri))


def add_distribution(g: Graph, distribution, resource: dict, dataset_license=None) -> None:
    add_fields(g, distribution, resource, terms.RESOURCE_FIELDS)
    add_format(g, distribution)
    _replace_date(g, distribution, DCT.issued, resource.get("resource_created_date"))
    _replace_date(g, distribution, DCT.modified, resource.get("resource_last_updated_date"))
    condition = resource.get("resource_accessible_condition")
    if _present(condition):
        g.remove((distribution, DCT.rights, None))
        g.add((distribution, DCT.rights, _labelled(g, DCT.RightsStatement, str(condition))))
    if dataset_license is not None and (distribution, DCT.license, None) not in g:
        g.add((distribution, DCT.license, dataset_license))


def add_catalog(g: Graph, catalog_ref, title: str | None, description: str | None) -> None:
    """What DCAT-AP 3 requires of the catalog record and the base profile leaves out or writes as
    text: a description, a publisher (the portal, named by its title), the language as an EU
    language URI, the homepage typed foaf:Document."""
    if (catalog_ref, DCT.description, None) not in g and (description or title):
        g.add((catalog_ref, DCT.description, Literal(description or title)))
    if (catalog_ref, DCT.publisher, None) not in g and title:
        publisher = BNode()
        g.add((publisher, RDF.type, FOAF.Agent))
        g.add((publisher, FOAF.name, Literal(title)))
        g.add((catalog_ref, DCT.publisher, publisher))
    for language in list(g.objects(catalog_ref, DCT.language)):
        if isinstance(language, Literal):
            g.remove((catalog_ref, DCT.language, language))
            uri = terms.language_uri(terms.language_from(str(language)) or "")
            if uri is not None:
                g.add((catalog_ref, DCT.language, uri))
                g.add((uri, RDF.type, DCT.LinguisticSystem))
    for homepage in g.objects(catalog_ref, FOAF.homepage):
        g.add((homepage, RDF.type, FOAF.Document))
