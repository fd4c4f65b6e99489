"""The portal's DCAT (euro_dcat_ap_3 + opengov_tgdc, served by the real app) conforms to the
DCAT-AP 3 SHACL shapes, for every TGDC data type and for the catalog, as ckanext-dcat checks its own."""
from __future__ import annotations

import os

import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import SH

from tests.dcat.records import ALL
from tests.factories import agency

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

SHAPES = os.path.join(os.path.dirname(__file__), "shacl", "dcat-ap_3_shacl_shapes.ttl")


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES, format="turtle")


# Results ckanext-dcat's own DCAT-AP 3 test also accepts, for the same reasons:
KNOWN = {
    # dct:source is the record this one copies, in another catalog: not described in this graph.
    "Value does not have class dcat:Dataset",
    # Every IRI is an rdfs:Resource under RDFS entailment, which pyshacl does not run by default.
    "Value does not have class rdfs:Resource",
}


def _violations(graph: Graph, shapes: Graph):
    """The messages of the violations outside KNOWN, and the full report."""
    _, results, text = validate(graph, shacl_graph=shapes)
    messages = {str(m) for m in results.objects(None, SH.resultMessage)}
    return messages - KNOWN, text


def _publish(api, data_type: str, number: int) -> dict:
    org = api("organization_create", **agency())
    record = {k: v for k, v in ALL[data_type].items() if v is not None}
    return api("package_create", name=f"shacl-{data_type}", owner_org=org["id"], **record)


@pytest.mark.parametrize("data_type", sorted(ALL))
def test_every_data_type_conforms_to_dcat_ap_3(app, api, shapes, data_type):
    dataset = _publish(api, data_type, 1)
    body = app.get(f"/dataset/{dataset['name']}.ttl", status=200).body
    violations, text = _violations(Graph().parse(data=body, format="turtle"), shapes)
    assert not violations, text


def test_the_catalog_conforms_to_dcat_ap_3(app, api, shapes):
    for number, data_type in enumerate(sorted(ALL)):
        _publish(api, data_type, number)
    graph = Graph().parse(data=app.get("/catalog.ttl", status=200).body, format="turtle")
    assert len(set(graph.subjects(predicate=None, object=None))) > len(ALL)
    violations, text = _violations(graph, shapes)
    assert not violations, text
