"""Atom 1.0 (RFC 4287) documents, written with the standard library's XML writer so every title
and summary is escaped text, never markup."""
from __future__ import annotations

import xml.etree.ElementTree as ET

NS = "http://www.w3.org/2005/Atom"


def _stamp(value: str) -> str:
    return value if value.endswith("Z") or "+" in value[10:] else value + "Z"


def atom(title: str, feed_url: str, page_url: str, updated: str, entries: list[dict]) -> bytes:
    """entries: {id, title, url, updated (ISO, UTC), summary}."""
    feed = ET.Element("feed", xmlns=NS)
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "id").text = feed_url
    ET.SubElement(feed, "link", rel="self", href=feed_url)
    ET.SubElement(feed, "link", rel="alternate", href=page_url)
    ET.SubElement(feed, "updated").text = _stamp(updated)
    for entry in entries:
        node = ET.SubElement(feed, "entry")
        ET.SubElement(node, "id").text = "urn:opengov:" + entry["id"]
        ET.SubElement(node, "title").text = entry["title"]
        ET.SubElement(node, "link", href=entry["url"])
        ET.SubElement(node, "updated").text = _stamp(entry["updated"])
        ET.SubElement(ET.SubElement(node, "author"), "name").text = entry.get("author") or "opengov"
        if entry.get("summary"):
            ET.SubElement(node, "summary").text = entry["summary"]
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
