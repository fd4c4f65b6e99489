"""A resource's format from its file name or link: pure, shared by the validator and the form."""
from __future__ import annotations

import posixpath
from urllib.parse import urlparse

# Extensions whose CKAN format name is not simply the extension in capitals.
ALIASES = {"htm": "HTML", "jpeg": "JPEG", "jpg": "JPEG", "tif": "TIFF", "yml": "YAML",
           "geojson": "GeoJSON", "shp": "SHP", "xlsx": "XLSX", "xls": "XLS", "txt": "TXT"}
KNOWN = {"csv", "json", "xml", "pdf", "zip", "ods", "odt", "doc", "docx", "ppt", "pptx", "rdf",
         "ttl", "kml", "kmz", "gpx", "png", "gif", "svg", "parquet", "sql", "tsv", "html", "tiff",
         "yaml", "jsonld", "nt", "n3", "gz", "7z", "rar", "mp4", "mp3", "wms", "wfs", *ALIASES}


def from_file_name(url_or_name: str) -> str | None:
    """"2569/air.csv" or "https://x/data.XLSX?dl=1" → "CSV" / "XLSX"; unknown or none → None."""
    path = urlparse(url_or_name.strip()).path if "://" in url_or_name else url_or_name.strip()
    ext = posixpath.splitext(path.rstrip("/"))[1].lstrip(".").lower()
    if ext not in KNOWN:
        return None
    return ALIASES.get(ext, ext.upper())
