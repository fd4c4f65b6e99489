"""Write a core's schema.xml: CKAN's own schema with Thai word segmentation.

CKAN's text field types split words on whitespace only, and Thai is written without spaces
between words, so "ประชากร" inside "สถิติจำนวนประชากรรายจังหวัด" is never a token of its own.
The one change: in the ``text`` and ``text_general`` field types, both analyzers use Lucene's
ThaiTokenizer (dictionary word breaking for Thai, Unicode word rules for other scripts) in place
of the whitespace tokenizer. Every filter after it stays as CKAN has it, so English stemming
and ranking are unchanged. This is the change an operator applies to an existing Solr.

Usage: make_schema.py CKAN_SCHEMA OUT
"""
from __future__ import annotations

import sys

WHITESPACE = '<tokenizer class="solr.WhitespaceTokenizerFactory"/>'
THAI = '<tokenizer class="solr.ThaiTokenizerFactory"/>'
THAI_FIELD_TYPES = ("text", "text_general")


def thai_schema(schema: str) -> str:
    """Swap the tokenizer inside the named field types; fail loudly if CKAN's schema changed shape."""
    out = schema
    for name in THAI_FIELD_TYPES:
        start = out.index(f'<fieldType name="{name}" ')
        end = out.index("</fieldType>", start)
        block = out[start:end]
        if block.count(WHITESPACE) != 2:
            raise SystemExit(f"CKAN's schema.xml changed: field type {name!r} has no whitespace tokenizer pair")
        out = out[:start] + block.replace(WHITESPACE, THAI) + out[end:]
    # CKAN reads its schema version from name="ckan-X.Y", so the name stays; a comment marks the change.
    marker = "<types>"
    return out.replace(marker, "<!-- ckanext-opengov: ThaiTokenizer in text, text_general -->\n" + marker, 1)


def main(src: str, dest: str) -> None:
    with open(src, encoding="utf-8") as f:
        schema = f.read()
    with open(dest, "w", encoding="utf-8") as f:
        f.write(thai_schema(schema))


if __name__ == "__main__":
    main(*sys.argv[1:3])
