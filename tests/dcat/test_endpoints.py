"""/dataset/<id>.ttl|.jsonld|.rdf and /catalog.ttl, served by the real app through ckanext-dcat with
the euro_dcat_ap_3 + opengov_tgdc profiles, carry the TGDC fields; classified data never appears."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS, XSD

from ckanext.dcat.processors import RDFParser

from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
TGDC = Namespace("https://opengov.go.th/ns/tgdc#")
EU = "http://publications.europa.eu/resource/authority/"

FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml"}


def _statistics_dataset(org_id: str, **overrides) -> dict:
    return tgdc_dataset(
        org_id,
        data_language=["ไทย", "อังกฤษ"],
        first_year_of_data="2560",
        last_year_of_data="2568",
        last_updated_date="2026-11-25",
        objective=["ยุทธศาสตร์ชาติ", "พันธกิจหน่วยงาน"],
        **overrides,
    )


def _graph(app, url: str, rdf_format: str) -> Graph:
    response = app.get(url, status=200)
    return Graph().parse(data=response.body, format=rdf_format)


@pytest.mark.parametrize("extension", sorted(FORMATS))
def test_dataset_rdf_carries_the_tgdc_fields(app, api, extension):
    org = api("organization_create", **agency())
    dataset = api("package_create", **_statistics_dataset(org["id"]))
    g = _graph(app, f"/dataset/{dataset['name']}.{extension}", FORMATS[extension])

    (ref,) = g.subjects(RDF.type, DCAT.Dataset)
    assert g.value(ref, DCT.title) == Literal("สถิติจำนวนประชากรรายจังหวัด")
    assert {str(k) for k in g.objects(ref, DCAT.keyword)} == {"ประชากร", "สถิติ"}
    # TGDC fields under DCAT terms
    assert g.value(ref, DCT.accrualPeriodicity) == URIRef(EU + "frequency/ANNUAL")
    assert set(g.objects(ref, DCT.language)) == {URIRef(EU + "language/THA"), URIRef(EU + "language/ENG")}
    contact = g.value(ref, DCAT.contactPoint)
    assert g.value(contact, VCARD.fn) == Literal("กองสถิติประชากร")
    assert g.value(contact, VCARD.hasEmail) == URIRef("mailto:stat@example.go.th")
    period = g.value(ref, DCT.temporal)
    assert g.value(period, DCAT.startDate) == Literal("2017", datatype=XSD.gYear)  # 2560 BE
    assert g.value(period, DCAT.endDate) == Literal("2025", datatype=XSD.gYear)  # 2568 BE
    assert g.value(g.value(ref, DCT.spatial), SKOS.prefLabel) == Literal("จังหวัด")
    assert g.value(g.value(ref, DCT.provenance), RDFS.label) == Literal("สำนักงานสถิติแห่งชาติ")
    assert g.value(ref, DCT.modified) == Literal("2026-11-25", datatype=XSD.date)
    assert g.value(ref, DCT.accessRights) == URIRef(EU + "access-right/PUBLIC")
    assert g.value(g.value(ref, DCT.publisher), FOAF.name) == Literal("สำนักงานสถิติแห่งชาติ")
    # TGDC fields without a DCAT term, in the documented namespace
    assert g.value(ref, TGDC.dataType) == Literal("ข้อมูลสถิติ")
    assert g.value(ref, TGDC.dataCategory) == Literal("ข้อมูลสาธารณะ")
    assert g.value(ref, TGDC.dataClassification) == Literal("เปิดเผย")
    assert {str(o) for o in g.objects(ref, TGDC.objective)} == {"ยุทธศาสตร์ชาติ", "พันธกิจหน่วยงาน"}
    assert {str(o) for o in g.objects(ref, TGDC.dataFormat)} == {"CSV"}
    assert g.value(ref, TGDC.updateFrequencyUnit) == Literal("ปี")
    # the resource as a distribution
    (distribution,) = g.objects(ref, DCAT.distribution)
    assert g.value(distribution, DCT.title) == Literal("ไฟล์ข้อมูล")
    assert g.value(distribution, DCT["format"]) == URIRef(EU + "file-type/CSV")  # DCAT-AP 3: a node
    assert g.value(distribution, DCAT.accessURL) == URIRef("http://127.0.0.1:9/population.csv")


def test_catalog_lists_public_datasets_and_never_a_classified_one(app, api):
    org = api("organization_create", **agency())
    public = api("package_create", **_statistics_dataset(org["id"], title="ข้อมูลเปิดสาธารณะ"))
    secret = api("package_create", **tgdc_dataset(
        org["id"], title="แผนที่ฐานทัพลับ", data_category="ข้อมูลความมั่นคง",
        data_classification="ลับที่สุด", private=True,
    ))

    body = app.get("/catalog.ttl", status=200).body
    g = Graph().parse(data=body, format="turtle")
    titles = {str(g.value(d, DCT.title)) for d in g.subjects(RDF.type, DCAT.Dataset)}
    assert titles == {"ข้อมูลเปิดสาธารณะ"}
    assert "แผนที่ฐานทัพลับ" not in body and secret["id"] not in body
    (ref,) = g.subjects(RDF.type, DCAT.Dataset)
    assert g.value(ref, TGDC.dataType) == Literal("ข้อมูลสถิติ")
    assert str(ref).endswith(public["id"])

    for extension in FORMATS:
        refused = app.get(f"/dataset/{secret['name']}.{extension}", status=403)
        assert "แผนที่ฐานทัพลับ" not in refused.body


def test_the_served_turtle_parses_back_into_the_same_tgdc_record(app, api):
    org = api("organization_create", **agency())
    created = api("package_create", **_statistics_dataset(org["id"]))
    stored = api("package_show", id=created["id"])

    parser = RDFParser(profiles=["euro_dcat_ap_3", "opengov_tgdc"])
    parser.parse(app.get(f"/dataset/{created['name']}.ttl").body, _format="turtle")
    (parsed,) = list(parser.datasets())

    fields = ["title", "notes", "maintainer", "maintainer_email", "objective", "update_frequency_unit",
              "update_frequency_interval", "geo_coverage", "data_source", "data_format", "data_category",
              "data_classification", "license_id", "data_language", "last_updated_date",
              "first_year_of_data", "last_year_of_data", "data_type"]
    def normalise(value):
        return sorted(value) if isinstance(value, list) else value

    assert {f: normalise(parsed.get(f)) for f in fields} == {f: normalise(stored.get(f)) for f in fields}
    assert set(parsed["tag_string"].split(",")) == {t["name"] for t in stored["tags"]}
    assert [r["name"] for r in parsed["resources"]] == [r["name"] for r in stored["resources"]]


def test_a_parsed_record_is_accepted_by_package_create_as_the_dcat_harvester_sends_it(app, api):
    """What the DCAT harvester does with a parsed record: create it under another agency."""
    source_org = api("organization_create", **agency())
    created = api("package_create", **_statistics_dataset(source_org["id"]))
    parser = RDFParser(profiles=["euro_dcat_ap_3", "opengov_tgdc"])
    parser.parse(app.get(f"/dataset/{created['name']}.ttl").body, _format="turtle")
    (parsed,) = list(parser.datasets())

    target_org = api("organization_create", **agency(title="ศูนย์ข้อมูลกลาง"))
    parsed.update(name="harvested-copy", owner_org=target_org["id"])
    copy = api("package_create", **parsed)

    original = api("package_show", id=created["id"])
    for field in ("data_type", "objective", "update_frequency_unit", "data_language",
                  "first_year_of_data", "data_classification", "maintainer_email", "license_id"):
        assert copy[field] == original[field], field
    assert api("package_search", q="name:harvested-copy")["count"] == 1


def test_control_characters_in_text_do_not_break_the_rdf_xml(app, api):
    """Writes now refuse them (409), but records stored earlier may hold them; XML cannot carry
    them, so DCAT output drops them."""
    import ckan.model as model
    from ckan.lib import search

    org = api("organization_create", **agency())
    refused = api("package_create", status=409, **tgdc_dataset(org["id"], title="ข้อมูล\x0bทดสอบ"))
    assert "title" in refused
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    stored = model.Package.get(dataset["id"])  # an older record, written before the guard
    stored.title, stored.notes = "ข้อมูล\x0bทดสอบ", "มี\x01อักขระควบคุม"
    stored.extras = dict(stored.extras, data_source="แหล่ง\x1fที่มา")
    model.Session.commit()
    search.rebuild(dataset["id"])  # package_show answers from the index's copy
    for extension, rdf_format in FORMATS.items():
        g = _graph(app, f"/dataset/{dataset['name']}.{extension}", rdf_format)
        (ref,) = g.subjects(RDF.type, DCAT.Dataset)
        assert g.value(ref, DCT.title) == Literal("ข้อมูลทดสอบ")
        assert g.value(g.value(ref, DCT.provenance), RDFS.label) == Literal("แหล่งที่มา")
    Graph().parse(data=app.get("/catalog.rdf").body, format="xml")
