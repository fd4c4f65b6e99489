"""Every name a reader may type for an agency: its Thai title, English name, abbreviations.

One table of real Thai government agencies (thai_agencies.csv: Thai title, abbreviations
separated by ";", English name) fills in what an organization record does not carry; the Solr
conf generator (dev/solr/make_schema.py) reads the same table for its abbreviation mappings.
"""
from __future__ import annotations

import csv
import functools
import os

TABLE = os.path.join(os.path.dirname(__file__), "thai_agencies.csv")


@functools.lru_cache(maxsize=1)
def reference() -> dict[str, dict]:
    """Thai title -> {"abbreviations": [...], "title_en": str}."""
    with open(TABLE, encoding="utf-8") as f:
        return {
            row["title"].strip(): {
                "abbreviations": [a.strip() for a in row["abbreviations"].split(";") if a.strip()],
                "title_en": row["title_en"].strip(),
            }
            for row in csv.DictReader(f)
        }


def split_abbreviations(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.replace(",", ";").split(";")
    return [str(v).strip() for v in value if str(v).strip()]


def names(title: str | None, title_en: str | None = None, abbreviations=None) -> list[str]:
    """The agency's names, its own values first; an abbreviation is given with and without its
    dots (สสช. and สสช), as people type both."""
    known = reference().get((title or "").strip(), {})
    out: list[str] = []
    for value in (title, title_en or known.get("title_en"),
                  *split_abbreviations(abbreviations), *known.get("abbreviations", [])):
        if not value:
            continue
        for form in (value, value.replace(".", "")):
            if form and form not in out:
                out.append(form)
    return out
