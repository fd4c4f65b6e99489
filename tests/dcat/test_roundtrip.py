"""A TGDC record written as DCAT by our profile chain comes back as the same TGDC record,
for every data type; DCAT-AP from other catalogs maps onto TGDC fields where it cleanly can."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from ckanext.dcat.processors import RDFParser, RDFSerializer

from tests.dcat.records import ALL, NOT_TGDC, as_package_show

PROFILES = ["euro_dcat_ap_3", "opengov_tgdc"]
RESOURCE_KEYS_COMPARED = ("name", "url", "format")


def _round_trip(dataset: dict, rdf_format: str) -> dict:
    text = RDFSerializer(profiles=PROFILES).serialize_dataset(dataset, _format=rdf_format)
    parser = RDFParser(profiles=PROFILES)
    parser.parse(text, _format=rdf_format)
    (parsed,) = list(parser.datasets())
    return parsed


def _tgdc_fields(record: dict) -> dict:
    """The TGDC fields a record holds; multi-selects as sorted lists (RDF keeps no order, the
    parser returns them in the vocabulary's order)."""
    return {
        k: sorted(v) if isinstance(v, list) else v
        for k, v in record.items() if k not in NOT_TGDC and v not in (None, "", [])
    }


@pytest.mark.parametrize("data_type", sorted(ALL))
@pytest.mark.parametrize("rdf_format", ["turtle", "xml", "json-ld"])
def test_a_tgdc_record_survives_dcat_and_back(data_type, rdf_format):
    original = as_package_show(ALL[data_type])
    parsed = _round_trip(original, rdf_format)

    expected = _tgdc_fields(ALL[data_type])
    assert _tgdc_fields({k: parsed.get(k) for k in expected}) == expected
    assert sorted(t["name"] for t in parsed["tags"]) == sorted(t["name"] for t in original["tags"])
    assert set(parsed["tag_string"].split(",")) == {t["name"] for t in original["tags"]}

    assert len(parsed["resources"]) == len(original["resources"])
    by_url = {r["url"]: r for r in parsed["resources"]}
    for resource in original["resources"]:
        back = by_url[resource["url"]]
        wanted = _tgdc_fields({k: v for k, v in resource.items()
                               if k.startswith("resource_") or k in RESOURCE_KEYS_COMPARED})
        assert _tgdc_fields({k: back.get(k) for k in wanted}) == wanted


def test_base_profile_extras_turned_into_tgdc_fields_are_not_left_behind():
    parsed = _round_trip(as_package_show(ALL["statistics"]), "turtle")
    keys = {extra["key"] for extra in parsed["extras"]}
    assert not keys & {"contact_name", "contact_email", "frequency", "language", "temporal_start",
                       "provenance", "access_rights", "spatial_text", "source", "issued", "modified"}, keys


FOREIGN = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix locn: <http://www.w3.org/ns/locn#> .
@prefix gsp: <http://www.opengis.net/ont/geosparql#> .

<https://catalog.example.org/dataset/air> a dcat:Dataset ;
    dct:title "Air quality in Bangkok"@en ;
    dct:description "Hourly PM2.5 readings" ;
    dcat:keyword "air", "pm2.5" ;
    dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/MONTHLY> ;
    dct:language <http://publications.europa.eu/resource/authority/language/ENG>,
                 <http://publications.europa.eu/resource/authority/language/SPA> ;
    dct:issued "2021-03-04T10:00:00"^^xsd:dateTime ;
    dct:modified "2024-02-01"^^xsd:date ;
    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;
    dct:license <http://creativecommons.org/licenses/by/4.0/> ;
    dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2020-01-01"^^xsd:date ; dcat:endDate "2023-12-31"^^xsd:date ] ;
    dct:spatial [ a dct:Location ; skos:prefLabel "Bangkok" ;
                  dcat:bbox "POLYGON((100.3 13.5, 100.9 13.5, 100.9 14.0, 100.3 14.0, 100.3 13.5))"^^gsp:wktLiteral ] ;
    dcat:contactPoint [ a vcard:Organization ; vcard:fn "Air Quality Office" ;
                        vcard:hasEmail <mailto:air@example.org> ;
                        vcard:hasTelephone [ a vcard:Voice ; vcard:hasValue <tel:+6621234567> ] ] ;
    dct:provenance [ a dct:ProvenanceStatement ; skos:prefLabel "Monitoring stations" ] ;
    dcat:distribution [ a dcat:Distribution ; dct:title "readings.csv" ;
                        dcat:downloadURL <https://catalog.example.org/air.csv> ; dct:format "CSV" ;
                        dct:modified "2024-01-31"^^xsd:date ] .
"""


def test_dcat_ap_from_another_catalog_maps_onto_tgdc_fields():
    parser = RDFParser(profiles=PROFILES)
    parser.parse(FOREIGN, _format="turtle")
    (parsed,) = list(parser.datasets())
    assert parsed["title"] == "Air quality in Bangkok"
    assert (parsed["update_frequency_unit"], parsed["update_frequency_interval"]) == ("เดือน", "1")
    assert parsed["data_language"] == ["อังกฤษ", "อื่นๆ"]
    assert "SPA" in parsed["data_language_other"]
    assert (parsed["first_year_of_data"], parsed["last_year_of_data"]) == ("2563", "2566")
    assert parsed["license_id"] == "Creative Commons Attributions"
    assert parsed["data_classification"] == "เปิดเผย"
    assert (parsed["geo_coverage"], parsed["geo_coverage_other"]) == ("อื่นๆ", "Bangkok")
    assert (parsed["west_bound_longitude"], parsed["north_bound_longitude"]) == ("100.3", "14.0")
    assert (parsed["maintainer"], parsed["maintainer_email"], parsed["telephone_number"]) == (
        "Air Quality Office", "air@example.org", "+6621234567")
    assert parsed["data_source"] == "Monitoring stations"
    assert (parsed["created_date"], parsed["last_updated_date"]) == ("2021-03-04", "2024-02-01")
    assert parsed["tag_string"] in ("air,pm2.5", "pm2.5,air")
    (resource,) = parsed["resources"]
    assert resource["url"] == "https://catalog.example.org/air.csv"
    assert resource["resource_last_updated_date"] == "2024-01-31"


GARBLED = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix tgdc: <https://opengov.go.th/ns/tgdc#> .
<https://x.example/d> a dcat:Dataset ;
    dct:title "x" ;
    tgdc:dataType "ข้อมูลสถิติ" ;
    tgdc:updateFrequencyInterval "ทุกปี" ;
    tgdc:allowHarvest "maybe" ;
    tgdc:dataReleaseCalendar "soon" ;
    dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/NO_SUCH_CODE> ;
    dct:temporal [ dcat:startDate "long ago" ] ;
    dct:spatial [ dcat:bbox "POLYGON((not numbers))" ] ;
    dct:language "klingon" ;
    dct:license [ ] .
"""


def test_values_that_make_no_sense_are_left_out_not_guessed():
    parser = RDFParser(profiles=PROFILES)
    parser.parse(GARBLED, _format="turtle")
    (parsed,) = list(parser.datasets())
    assert parsed["data_type"] == "ข้อมูลสถิติ"
    for field in ("update_frequency_interval", "allow_harvest", "data_release_calendar",
                  "update_frequency_unit", "first_year_of_data", "west_bound_longitude", "license_id"):
        assert not parsed.get(field), field
    assert parsed["data_language"] == ["อื่นๆ"] and parsed["data_language_other"] == "klingon"


def test_the_tgdc_namespace_is_the_documented_one():
    dataset = as_package_show(ALL["statistics"])
    graph = Graph().parse(data=RDFSerializer(profiles=PROFILES).serialize_dataset(dataset, _format="turtle"),
                          format="turtle")
    assert dict(graph.namespaces())["tgdc"] == URIRef("https://opengov.go.th/ns/tgdc#")
