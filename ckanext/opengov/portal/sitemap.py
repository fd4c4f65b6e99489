"""/sitemap.xml: the pages a search engine may index — public datasets, agencies, categories and
the portal's own pages. Read as an anonymous visitor would (package_search with no user leaves
private data out, and a public dataset is always classified เปิดเผย), so nothing else is listed."""
from __future__ import annotations

from xml.sax.saxutils import escape

import ckan.plugins.toolkit as tk

MAX_URLS = 50000  # the sitemaps.org limit for one file
PAGE = 1000
PAGES = ("home.index", "dataset.search", "organization.index", "group.index", "home.about",
         "opengov_portal.terms", "opengov_portal.licence", "opengov_transparency.index")


def _anonymous() -> dict:
    return {"user": "", "ignore_auth": False}


def _datasets(limit: int):
    start = 0
    while start < limit:
        result = tk.get_action("package_search")(_anonymous(), {
            "q": "", "fq": "+dataset_type:dataset", "include_private": False,
            "sort": "metadata_created asc", "rows": min(PAGE, limit - start), "start": start,
            "fl": "name,metadata_modified"})
        rows = result["results"]
        if not rows:
            return
        yield from rows
        start += len(rows)


def _groups(action: str):
    offset = 0
    while True:
        names = tk.get_action(action)(_anonymous(), {"limit": PAGE, "offset": offset})
        if not names:
            return
        yield from names
        offset += len(names)


def public_urls() -> list[tuple[str, str | None]]:
    """(absolute URL, last modification or None), at most MAX_URLS."""
    url = tk.h.url_for
    urls: list[tuple[str, str | None]] = []
    for endpoint in PAGES:
        try:
            urls.append((url(endpoint, _external=True), None))
        except Exception:  # noqa: BLE001 (a page whose plugin is not loaded is left out)
            continue
    for name in _groups("organization_list"):
        urls.append((url("organization.read", id=name, _external=True), None))
    for name in _groups("group_list"):
        urls.append((url("group.read", id=name, _external=True), None))
    for row in _datasets(MAX_URLS - len(urls)):
        urls.append((url("dataset.read", id=row["name"], _external=True),
                     (row.get("metadata_modified") or "")[:10] or None))
    return urls[:MAX_URLS]


def render(urls) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for loc, modified in urls:
        lastmod = f"<lastmod>{escape(modified)}</lastmod>" if modified else ""
        lines.append(f"  <url><loc>{escape(loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
