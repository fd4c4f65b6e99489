"""DCAT-AP catalogs for the DCAT harvest tests, built with rdflib and served on loopback."""
from __future__ import annotations

TURTLE_PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix tgdc: <https://opengov.example/ns/tgdc#> .
"""


def dataset_ttl(base: str, n: int) -> str:
    return f"""
<{base}/dataset/{n}> a dcat:Dataset ;
  dct:title "ปริมาณน้ำฝนรายเดือน ชุดที่ {n}" ;
  dct:description "ปริมาณน้ำฝนรายเดือนจากสถานีตรวจวัด" ;
  dct:identifier "rain-{n}" ;
  dcat:keyword "น้ำฝน", "rain" ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/MONTHLY> ;
  dct:language <http://publications.europa.eu/resource/authority/language/THA> ;
  dct:license <https://creativecommons.org/licenses/by/4.0/> ;
  dct:modified "2026-10-31"^^<http://www.w3.org/2001/XMLSchema#date> ;
  dct:publisher [ a foaf:Agent ; foaf:name "กรมอุตุนิยมวิทยา" ] ;
  dcat:contactPoint [ a vcard:Kind ; vcard:fn "ฝ่ายข้อมูลภูมิอากาศ" ; vcard:hasEmail <mailto:climate@tmd.example> ] ;
  tgdc:data_type "ข้อมูลสถิติ" ;
  tgdc:objective "พันธกิจหน่วยงาน" ;
  tgdc:geo_coverage "ประเทศ" ;
  dcat:distribution <{base}/dist/{n}> .
<{base}/dist/{n}> a dcat:Distribution ;
  dct:title "ไฟล์ CSV ชุดที่ {n}" ;
  dcat:accessURL <http://127.0.0.1:9/rain-{n}.csv> ;
  dct:format "CSV" .
"""


def catalog_ttl(base: str, numbers, next_page: str | None = None, page_url: str | None = None) -> str:
    datasets = ", ".join(f"<{base}/dataset/{n}>" for n in numbers)
    parts = [TURTLE_PREFIXES, f"<{base}/catalog> a dcat:Catalog ; dct:title \"บัญชีข้อมูล\" ; dcat:dataset {datasets} .\n"]
    parts += [dataset_ttl(base, n) for n in numbers]
    if next_page:
        parts.append(f'<{page_url}> a hydra:PagedCollection ; hydra:nextPage "{next_page}" .\n')
    return "".join(parts)


def convert(turtle: str, fmt: str) -> bytes:
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=turtle, format="turtle")
    return graph.serialize(format=fmt).encode() if isinstance(graph.serialize(format=fmt), str) \
        else graph.serialize(format=fmt)
