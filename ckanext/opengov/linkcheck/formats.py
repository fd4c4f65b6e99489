"""The format a link actually serves, from its Content-Type and first bytes: pure functions.

Like data.gov.uk's archiver/QA, openness is scored on what the link serves when that is known
and differs from what the agency declared. A generic or missing type (text/plain,
application/octet-stream) tells nothing: the declared format stands.
"""
from __future__ import annotations

CONTENT_TYPES = {
    "text/csv": "CSV", "application/csv": "CSV", "text/tab-separated-values": "TSV",
    "application/json": "JSON", "text/json": "JSON", "application/geo+json": "GEOJSON",
    "application/vnd.geo+json": "GEOJSON", "application/ld+json": "JSON-LD",
    "application/xml": "XML", "text/xml": "XML", "application/rdf+xml": "RDF",
    "text/turtle": "TTL", "application/n-triples": "N-TRIPLES",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/pdf": "PDF", "text/html": "HTML", "application/xhtml+xml": "HTML",
    "application/msword": "DOC",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/zip": "ZIP", "application/x-zip-compressed": "ZIP",
    "application/vnd.google-earth.kml+xml": "KML", "application/vnd.google-earth.kmz": "KMZ",
    "application/sparql-results+json": "SPARQL", "application/vnd.apache.parquet": "PARQUET",
    "image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/tiff": "TIFF",
}
# Magic numbers for when the type is generic (an uploaded file, a misconfigured server).
SIGNATURES = ((b"%PDF-", "PDF"), (b"\xd0\xcf\x11\xe0", "XLS"), (b"\x89PNG", "PNG"),
              (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"))


def media_type(content_type: str | None) -> str:
    """'text/csv; charset=utf-8' → 'text/csv'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def from_content_type(content_type: str | None) -> str | None:
    return CONTENT_TYPES.get(media_type(content_type))


def sniff(head: bytes) -> str | None:
    """A format told by the first bytes alone (HTML error pages served as data included)."""
    for magic, fmt in SIGNATURES:
        if head.startswith(magic):
            return fmt
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    return None


def served_format(content_type: str | None, head: bytes = b"") -> str | None:
    """What the link serves, or None when neither its type nor its first bytes say."""
    return from_content_type(content_type) or sniff(head)
