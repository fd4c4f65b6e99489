"""Write a core's Solr conf: CKAN's own schema.xml with Thai analysis, and the word files it reads.

CKAN's text field types split words on whitespace only, and Thai is written without spaces
between words, so "ประชากร" inside "สถิติจำนวนประชากรรายจังหวัด" is never a token of its own.
In the ``text`` and ``text_general`` field types, both analyzers change the same way:

- character filters first: ``opengov_mapping.txt`` (generated here) folds common Thai spelling
  variants, Thai digits, mistyped vowel/tone order and dotted agency abbreviations to one form
  (สสช. -> สำนักงานสถิติแห่งชาติ); a pattern removes the space people type inside a Thai phrase,
  and joins a Latin term to its number (PM 2.5, PM2.5, COVID-19 -> PM25, COVID19) so it stays
  one word instead of "2" and "5";
- Lucene's ThaiTokenizer (dictionary word breaking for Thai, Unicode word rules elsewhere) in
  place of the whitespace tokenizer;
- when indexing, the word-delimiter filter keeps the original token as well (PM25 beside PM, 25),
  and a DictionaryCompoundWordTokenFilter with Thai words from PyThaiNLP's dictionary adds the
  words inside a compound (งบประมาณ inside ปีงบประมาณ), since the tokenizer keeps a compound
  that is in its own dictionary whole.

Every other filter stays as CKAN has it, so English stemming and ranking are unchanged. A
``text_th`` field type of Thai character bigrams (``text_th_ngram``, copied from title, notes and
the agency's names) is a substring fallback that the search hook adds to ``qf``, with a low
weight, for queries written in Thai only.

Usage: make_schema.py CKAN_SCHEMA OUT   (the word files are written beside OUT)
"""
from __future__ import annotations

import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AGENCIES_CSV = os.path.join(ROOT, "ckanext", "opengov", "search", "thai_agencies.csv")

WHITESPACE = '<tokenizer class="solr.WhitespaceTokenizerFactory"/>'
THAI_FIELD_TYPES = ("text", "text_general")
THAI = "\u0e01-\u0e4e"  # Thai letters, vowels and tone marks (no digits, no punctuation)

CHAR_FILTERS = (
    '<charFilter class="solr.MappingCharFilterFactory" mapping="opengov_mapping.txt"/>\n'
    # A space typed inside a Thai phrase ("งบ ประมาณ") is not a word boundary in Thai.
    f'            <charFilter class="solr.PatternReplaceCharFilterFactory" pattern="(?&lt;=[{THAI}])[ \\u00a0]+(?=[{THAI}])" replacement=""/>\n'
    # PM 2.5 / PM2.5 / pm2,5 -> PM25; COVID-19 / COVID 19 -> COVID19: one searchable word.
    '            <charFilter class="solr.PatternReplaceCharFilterFactory" '
    'pattern="(?&lt;![A-Za-z0-9])([A-Za-z]{2,})[ \\-]?([0-9]{1,3})(?:[.,]([0-9]{1,2}))?(?![0-9])" replacement="$1$2$3"/>\n'
    '            <tokenizer class="solr.ThaiTokenizerFactory"/>'
)
COMPOUND = ('<filter class="solr.DictionaryCompoundWordTokenFilterFactory" dictionary="thai_words.txt" '
            'minWordSize="5" minSubwordSize="3" maxSubwordSize="20" onlyLongestMatch="false"/>\n'
            '            <filter class="solr.SnowballPorterFilterFactory"')

NGRAM_TYPE = f"""
    <!-- ckanext-opengov: bigrams of the Thai letters only (other characters become spaces, and a
         bigram across a space is dropped); a query needs all of its bigrams, which finds a Thai
         word inside any compound. The search hook uses it for queries in Thai only. -->
    <fieldType name="text_th" class="solr.TextField" positionIncrementGap="100">
        <analyzer>
            <charFilter class="solr.MappingCharFilterFactory" mapping="opengov_mapping.txt"/>
            <charFilter class="solr.PatternReplaceCharFilterFactory" pattern="(?&lt;=[{THAI}])[ \\u00a0]+(?=[{THAI}])" replacement=""/>
            <charFilter class="solr.PatternReplaceCharFilterFactory" pattern="[^{THAI}]+" replacement=" "/>
            <tokenizer class="solr.NGramTokenizerFactory" minGramSize="2" maxGramSize="2"/>
            <filter class="solr.PatternReplaceFilterFactory" pattern=".*\\s.*" replacement="" replace="all"/>
            <filter class="solr.LengthFilterFactory" min="2" max="2"/>
        </analyzer>
    </fieldType>
"""
NGRAM_FIELD = '    <field name="text_th_ngram" type="text_th" indexed="true" stored="false" multiValued="true"/>\n'
NGRAM_COPIES = ('<copyField source="title" dest="text_th_ngram"/>\n'
                '<copyField source="notes" dest="text_th_ngram"/>\n'
                '<copyField source="extras_opengov_agency" dest="text_th_ngram"/>\n')

# Common spellings of loanwords and frequent misspellings -> the Royal Institute spelling.
SPELLING_VARIANTS = {
    "อินเทอร์เน็ต": ["อินเตอร์เน็ต", "อินเตอร์เน็ท", "อินเทอร์เนต", "อินเตอร์เนต"],
    "เว็บไซต์": ["เว็ปไซต์", "เว็บไซท์", "เวปไซต์", "เวบไซต์", "เว็ปไซท์", "เว็บไซด์"],
    "ดิจิทัล": ["ดิจิตอล", "ดิจิตัล", "ดิจิทอล"],
    "อิเล็กทรอนิกส์": ["อิเล็คทรอนิกส์", "อิเลคทรอนิกส์", "อิเล็กทรอนิค", "อิเลคทรอนิค", "อิเล็กทรอนิก"],
    "แอปพลิเคชัน": ["แอพพลิเคชั่น", "แอปพลิเคชั่น", "แอพพลิเคชัน", "แอพลิเคชั่น"],
    "ซอฟต์แวร์": ["ซอฟท์แวร์", "ซอฟแวร์"],
    "แพลตฟอร์ม": ["แพลทฟอร์ม", "แพล็ตฟอร์ม", "แพลตฟอร์ท"],
    "คอมพิวเตอร์": ["คอมพิวเตอร", "คอมพิวเต้อร์"],
    "เทคโนโลยี": ["เทคโนโลยีย์", "เทคโนโลยิ"],
    "เปอร์เซ็นต์": ["เปอร์เซ็น", "เปอร์เซนต์"],
    "ก๊าซ": ["แก๊ส", "แก๊ซ", "ก๊าส"],
    "โอกาส": ["โอกาศ"],
    "อนุญาต": ["อนุญาติ"],
    "ผลลัพธ์": ["ผลลัพท์"],
    "สังเกต": ["สังเกตุ"],
    "กรุงเทพมหานคร": ["กรุงเทพฯ"],
    "covid": ["โควิด", "โคโรนาไวรัส"],
}
TONES = "\u0e48\u0e49\u0e4a\u0e4b"
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"


def agencies(path: str = AGENCIES_CSV) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


# Dotted abbreviations that are also units, titles or words: never rewritten.
NOT_AGENCIES = {"ตร.", "กก.", "กม.", "ซม.", "มม.", "ชม.", "ลบ.", "บก.", "สส.", "ศก.", "กข."}


def abbreviation_mappings(rows: list[dict]) -> dict[str, str]:
    """A dotted abbreviation that names exactly one agency is rewritten to the agency's name, in
    documents and in queries alike, so สสช. finds text that says สำนักงานสถิติแห่งชาติ and back.
    (Thai word breaking would cut an abbreviation into letters.) Ambiguous ones (ทช. is two
    departments) and those in NOT_AGENCIES are left alone: the indexer gives every dataset its
    own agency's abbreviations, which finds those."""
    seen: dict[str, list[str]] = {}
    for row in rows:
        for abbr in filter(None, (a.strip() for a in row["abbreviations"].split(";"))):
            if abbr.endswith(".") and "." not in abbr[:-1] and abbr not in NOT_AGENCIES:
                seen.setdefault(abbr, []).append(row["title"].strip())
    return {abbr: titles[0] for abbr, titles in seen.items() if len(titles) == 1}


def mappings(rows: list[dict]) -> dict[str, str]:
    out = {variant: canonical for canonical, variants in SPELLING_VARIANTS.items() for variant in variants}
    out.update({chr(0x0E50 + d): str(d) for d in range(10)})  # Thai digits ๐-๙
    out["\u0e4d\u0e32"] = "\u0e33"  # นิคหิต + สระอา typed (or pasted from PDF) for สระอำ
    out["\u0e40\u0e40"] = "\u0e41"  # เ + เ typed for แ
    out.update({t + v: v + t for t in TONES for v in UPPER_VOWELS})  # tone typed before the vowel
    out["\u200b"] = ""  # zero-width space, used to mark Thai line breaks
    out.update(abbreviation_mappings(rows))
    return out


def mapping_file(table: dict[str, str]) -> str:
    def quoted(s: str) -> str:
        # Readable where Python calls it alphanumeric; Thai vowel and tone marks, quotes as \\u escapes.
        return '"' + "".join(c if c.isalnum() and len(s) > 1 or c.isascii() and c.isprintable() and c not in '"\\'
                             else f"\\u{ord(c):04x}" for c in s) + '"'
    lines = ["# Generated by dev/solr/make_schema.py: spelling variants, Thai digits, mistyped vowels and tones."]
    lines += [f"{quoted(src)} => {quoted(dest)}" for src, dest in sorted(table.items())]
    return "\n".join(lines) + "\n"


def thai_words(min_count: int = 100) -> list[str]:
    """Thai words from PyThaiNLP's dictionary (Apache-2.0) that are common in the Thai National
    Corpus: the parts a compound is split into. Rare entries (ระมา, นท) and words under three
    characters would split syllables into noise."""
    from pythainlp.corpus import thai_words as dictionary
    from pythainlp.corpus import tnc

    thai = set(chr(c) for c in range(0x0E01, 0x0E4F))
    counts = dict(tnc.word_freqs())
    return sorted(w for w in dictionary()
                  if 3 <= len(w) <= 20 and set(w) <= thai and counts.get(w, 0) >= min_count)


def thai_schema(schema: str) -> str:
    """Change the named field types and add the n-gram field; fail loudly if CKAN's schema changed shape."""
    out = schema
    for name in THAI_FIELD_TYPES:
        start = out.index(f'<fieldType name="{name}" ')
        end = out.index("</fieldType>", start)
        block = out[start:end]
        if block.count(WHITESPACE) != 2:
            raise SystemExit(f"CKAN's schema.xml changed: field type {name!r} has no whitespace tokenizer pair")
        block = block.replace(WHITESPACE, CHAR_FILTERS)
        index_end = block.index("</analyzer>")
        index_part = block[:index_end].replace(
            'class="solr.WordDelimiterGraphFilterFactory" ', 'class="solr.WordDelimiterGraphFilterFactory" preserveOriginal="1" ', 1)
        if name == "text":
            if index_part.count('<filter class="solr.SnowballPorterFilterFactory"') != 1:
                raise SystemExit("CKAN's schema.xml changed: field type 'text' has no stemmer to decompound before")
            index_part = index_part.replace('<filter class="solr.SnowballPorterFilterFactory"', COMPOUND, 1)
        query_part = block[index_end:].replace(
            'class="solr.WordDelimiterGraphFilterFactory" ', 'class="solr.WordDelimiterGraphFilterFactory" splitOnNumerics="0" ', 1)
        out = out[:start] + index_part + query_part + out[end:]
    out = out.replace("</types>", NGRAM_TYPE + "</types>", 1)
    out = out.replace("</fields>", NGRAM_FIELD + "</fields>", 1)
    anchor = '<copyField source="title" dest="text"/>'
    if anchor not in out:
        raise SystemExit("CKAN's schema.xml changed: no title copyField")
    out = out.replace(anchor, NGRAM_COPIES + anchor, 1)
    # CKAN reads its schema version from name="ckan-X.Y", so the name stays; a comment marks the change.
    marker = "<types>"
    return out.replace(marker, "<!-- ckanext-opengov: Thai analysis in text, text_general; text_th_ngram -->\n" + marker, 1)


def write_conf(schema: str, dest: str) -> None:
    """schema.xml at dest, and the files it names beside it."""
    conf = os.path.dirname(os.path.abspath(dest))
    with open(dest, "w", encoding="utf-8") as f:
        f.write(thai_schema(schema))
    with open(os.path.join(conf, "opengov_mapping.txt"), "w", encoding="utf-8") as f:
        f.write(mapping_file(mappings(agencies())))
    with open(os.path.join(conf, "thai_words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(thai_words()) + "\n")


def main(src: str, dest: str) -> None:
    with open(src, encoding="utf-8") as f:
        write_conf(f.read(), dest)


if __name__ == "__main__":
    main(*sys.argv[1:3])
