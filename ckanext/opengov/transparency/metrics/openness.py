"""Openness on Tim Berners-Lee's 5-star scale, from a resource's format and the dataset's licence.

 ★      on the web under an open licence (any format: PDF, image, Word)
 ★★     structured, machine-readable but proprietary (XLS/XLSX, Shapefile, DBF)
 ★★★    structured and open, non-proprietary (CSV, JSON, XML, GeoJSON, GML, ODS)
 ★★★★   identified with URIs, RDF (RDF/XML, Turtle, JSON-LD, N-Triples)
 ★★★★★  linked to other data (linked-data formats: SPARQL endpoints, LOD)
A dataset without an open licence scores 0 whatever its formats; a dataset scores the best of
its resources, and 0 when it has none. The format is the declared one unless the link checker
(linkcheck/) found the link serving another (data.gov.uk's archiver/QA approach): then the
served format scores; a link found broken scores 0 (not on the web).
"""
from __future__ import annotations

from ckanext.opengov.transparency.metrics.sqltext import in_list, literal

# Licences that meet the Open Definition: attribution and share-alike are open; NC/ND are not.
OPEN_LICENCES = frozenset({
    "Open Data Common",
    "Creative Commons Attributions",
    "Creative Commons Attribution Share-Alike",
    # CKAN's own licence ids, which harvested records may carry.
    "odc-by", "odc-odbl", "odc-pddl", "cc-by", "cc-by-sa", "cc-zero", "other-open", "other-pd",
    "uk-ogl", "gfdl",
})

FORMAT_STARS: dict[str, int] = {}
for _stars, _formats in (
    (2, ("XLS", "XLSX", "XLS/XLSX", "SHAPEFILE", "SHP", "DBF", "MDB", "ARC/INFO COVERAGE",
         "DATABASE", "NOSQL", "GEOTIFF", "KMZ")),
    (3, ("CSV", "TSV", "JSON", "XML", "GEOJSON", "GML", "KML", "ODS", "WMS", "WFS", "API",
         "TXT", "TEXT", "PARQUET")),
    (4, ("RDF", "RDF/XML", "TTL", "TURTLE", "JSON-LD", "JSONLD", "N-TRIPLES", "NT", "N3")),
    (5, ("SPARQL", "LOD", "LINKED DATA")),
):
    for _format in _formats:
        FORMAT_STARS[_format] = _stars
DEFAULT_STARS = 1  # any other declared format (PDF, DOC, images, video) is on the web, open licence
MAX_STARS = 5


def normalise_format(fmt: str | None) -> str:
    return (fmt or "").strip().lstrip(".").upper()


def is_open_licence(license_id: str | None) -> bool:
    return (license_id or "") in OPEN_LICENCES


def resource_stars(fmt: str | None, open_licence: bool) -> int:
    if not open_licence:
        return 0
    fmt = normalise_format(fmt)
    if not fmt:
        return DEFAULT_STARS
    return FORMAT_STARS.get(fmt, DEFAULT_STARS)


def dataset_stars(formats: list[str | None], license_id: str | None) -> int:
    """The best star rating among the dataset's resources (0 without resources or open licence)."""
    open_licence = is_open_licence(license_id)
    return max((resource_stars(f, open_licence) for f in formats), default=0)


def checked_resource_stars(declared: str | None, served: str | None, link_status: str | None,
                           open_licence: bool) -> int:
    """resource_stars() on what the last link check saw: the served format when known, 0 when broken."""
    if link_status == "broken":
        return 0
    return resource_stars(served or declared, open_licence)


def sql_checked_resource_stars(declared_expr: str, served_expr: str, status_expr: str) -> str:
    """SQL for checked_resource_stars() over an open-licence dataset."""
    return (f"(CASE WHEN {status_expr} = 'broken' THEN 0 "
            f"ELSE {sql_resource_stars(f'coalesce({served_expr}, {declared_expr})')} END)")


def sql_resource_stars(format_expr: str) -> str:
    """SQL for resource_stars() over an open-licence dataset, given a SQL format expression."""
    norm = f"upper(ltrim(btrim(coalesce({format_expr}, '')), '.'))"
    cases = " ".join(
        f"WHEN {norm} IN {in_list(sorted(f for f, s in FORMAT_STARS.items() if s == stars))} "
        f"THEN {stars}"
        for stars in sorted(set(FORMAT_STARS.values()))
    )
    return f"(CASE {cases} ELSE {literal(DEFAULT_STARS)} END)"


def sql_open_licence(license_expr: str) -> str:
    return f"(coalesce({license_expr}, '') IN {in_list(sorted(OPEN_LICENCES))})"
