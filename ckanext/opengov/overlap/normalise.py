"""What a record's text says about its data, with what does not describe the data taken out.

Titles and descriptions carry the publishing agency's name, the year of the edition
("พ.ศ. 2566", "(2566)", "2023", "ปีงบประมาณ 2567"), months and boilerplate ("ชุดข้อมูล",
"รายงาน"). Two agencies publishing the same series differ exactly there, so it goes. What stays
is split in two: the subject (PyThaiNLP words, English mapped to Thai) and the breakdown (by
province, by month, by sex...), which verification compares as structured evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pythainlp.tokenize import word_tokenize

from ckanext.opengov.overlap import glossary

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Descriptions can be long; their opening says what the data is, the rest adds noise and time.
MAX_NOTES_CHARS = 300

_YEAR = r"(?:25[0-9]{2}|2[01][0-9]{2}|19[5-9][0-9])"
_YEARS = re.compile(
    r"(?:(?<!เ)พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|ปีงบประมาณ|ปีงบ\.?|ปีการศึกษา|ประจำปี|ปี|fiscal\s+year|fy|year|b\.e\.|a\.d\.)?"
    rf"\s*\(?\s*{_YEAR}(?:\s*(?:-|–|—|/|ถึง|to)\s*(?:{_YEAR}|[0-9]{{2}}))?\s*\)?", re.IGNORECASE)
_MONTHS = re.compile(
    r"(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
    r"พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|"
    r"พ\.ย\.|ธ\.ค\.|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|(?:ไตรมาส(?:ที่)?|quarter|q)\s*[1-4](?![0-9]))", re.IGNORECASE)
# "กอง" also starts กองทุน (a fund): an agency head counts only after "by"/"of", except the two
# words that never start a subject.
_AGENCY_PHRASE = re.compile(
    r"(?:(?:จัดทำโดย|รวบรวมโดย|เผยแพร่โดย|แหล่งที่มา\s*[:：]?|แหล่งข้อมูล\s*[:：]?|โดย|ของ)\s*"
    rf"(?:{'|'.join(glossary.AGENCY_HEADS)})|กระทรวง|สำนักงาน)[^\s,.;:()]*", re.IGNORECASE)
_BREAKDOWN_LEAD = r"(?:ราย|จำแนก(?:ตาม|ราย)?|แยก(?:ตาม|ราย)?|ระดับ|(?<![a-z])(?:by|per|at))"
_GEO = re.compile(
    rf"{_BREAKDOWN_LEAD}\s*(ภาค(?!ส่วน|เอกชน|รัฐ|ธุรกิจ|การ|อุตสาหกรรม|เกษตร|บริการ)|จังหวัด|อำเภอ|เขต|ตำบล|หมู่บ้าน|สถานี|ประเทศ(?!คู่ค้า)|"
    r"regions?|provinces?|districts?|sub-?districts?|villages?|stations?|countr(?:y|ies))", re.IGNORECASE)
_GEO_ADJ = re.compile(r"(?<![a-z])(provincial|regional)\b", re.IGNORECASE)
_TIME = re.compile(
    r"(?:(?:ราย|ประจำ)\s*(ชั่วโมง|วัน|สัปดาห์|เดือน|ไตรมาส)|ราย\s*(ปี)(?!งบ))"
    r"|(?<![a-z])(hourly|daily|weekly|monthly|quarterly|yearly|annually)\b",
    re.IGNORECASE)
# Thai letters count as \w, so "...อนุญาตby industry" has no \b before "by".
_DIM_WORDS = sorted(glossary.DIMENSIONS, key=len, reverse=True)
_DIM_LEAD = re.compile(r"(?:จำแนก|แยก)\s*(?:ตาม|ราย)?|(?<![a-z])by\b|ราย(?=\s*(?:ประเทศคู่ค้า|สินค้า|ประเภท|สาขา))",
                       re.IGNORECASE)
_DIM = re.compile("|".join(re.escape(w) for w in _DIM_WORDS), re.IGNORECASE)
# Words that frame any record ("ชุดข้อมูล", "รายงาน"): cut from the text before words are cut,
# or newmm glues them to the subject ("รายงานการใช้..." -> "งานการ").
_FRAMING = re.compile(r"ชุดข้อมูล|ฐานข้อมูล|ข้อมูล|รายงาน|สถิติ")
# A short name in brackets or with dots ("(สศก.)", "สป.สธ."): who published, not what.
_ABBREVIATION = re.compile(r"\(\s*[\u0E01-\u0E2E][\u0E01-\u0E4E.]{0,10}\.\s*\)|(?<![\u0E01-\u0E4E])"
                           r"(?:[\u0E01-\u0E2E]{1,4}\.){2,}")
_ABBREVIATION_TOKEN = re.compile(r"^[\u0E01-\u0E4E]{1,4}\.(?:[\u0E01-\u0E4E]{1,4}\.?)*$")
_NUMBER = re.compile(r"^[\d.,/:%-]+$")
_WORD = re.compile(r"[\w\u0E00-\u0E7F]")
_NOMINAL = re.compile(r"^(?:การ|ความ|โรค)(?=[\u0E00-\u0E7F]{2})")


@dataclass(slots=True)
class Breakdown:
    geo: str | None = None
    time: str | None = None
    dims: frozenset[str] = field(default_factory=frozenset)

    def labels(self) -> list[str]:
        return [v for v in (self.geo, self.time) if v] + sorted(self.dims)


def _trie_pattern(words: list[str]) -> str:
    """One regex for many names without trying each at every position (a character trie)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(n) for c, n in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(trie)


class AgencyNames:
    """The names of the catalog's agencies (titles, English titles, short names), removed from
    any text. Built once per refresh; a trie regex keeps it linear in the text."""

    def __init__(self, names=()):
        cleaned = sorted({n.strip().lower() for n in names if n and len(n.strip()) >= 4})
        self._pattern = re.compile(_trie_pattern(cleaned)) if cleaned else None

    def strip(self, text: str) -> str:
        return self._pattern.sub(" ", text) if self._pattern else text


def clean(text: str, agencies: AgencyNames | None = None, own: tuple[str, ...] = ()) -> str:
    """Lower-cased text without agency names, years, months."""
    text = (text or "").translate(THAI_DIGITS).lower()
    for name in own:
        if name and len(name) >= 3:
            text = text.replace(name.lower(), " ")
    if agencies is not None:
        text = agencies.strip(text)
    text = _AGENCY_PHRASE.sub(" ", text)
    text = _ABBREVIATION.sub(" ", text)
    text = _YEARS.sub(" ", text)
    text = _FRAMING.sub(" ", text)
    return _MONTHS.sub(" ", text)


def breakdown(text: str) -> tuple[Breakdown, str]:
    """The breakdown a (clean) title states, and the title with it taken out."""
    geo = time = None
    dims: set[str] = set()
    lead = _DIM_LEAD.search(text)  # "by province and sex": every dimension after the first lead
    if lead:
        tail = text[lead.end():]
        dims.update(glossary.DIMENSIONS[w.lower()] for w in _DIM.findall(tail))
        text = text[:lead.end()] + _DIM.sub(" ", tail)
    match = _GEO.search(text)
    if match:
        geo = glossary.GEO_LEVELS.get(match.group(1).lower().rstrip("s"),
                                      glossary.GEO_LEVELS.get(match.group(1).lower()))
        text = text[:match.start()] + " " + text[match.end():]
    match = _GEO_ADJ.search(text)
    if match and not geo:
        geo = glossary.GEO_LEVELS[match.group(1).lower()]
        text = text[:match.start()] + " " + text[match.end():]
    match = _TIME.search(text)
    if match:
        time = glossary.TIME_GRAINS[next(g for g in match.groups() if g).lower()]
        text = text[:match.start()] + " " + text[match.end():]
    return Breakdown(geo, time, frozenset(dims)), text


_THAI_PHRASES = [p for p in glossary.SUBJECT_PHRASES if not p.isascii()]
_ENGLISH_PHRASES = [p for p in glossary.SUBJECT_PHRASES if p.isascii()]
_PHRASE = re.compile(f"(?:{_trie_pattern(_THAI_PHRASES)})|(?<![a-z])(?:{_trie_pattern(_ENGLISH_PHRASES)})(?![a-z])")


def _segments(text: str):
    """The text's known subject phrases as canonical terms, newmm words for the rest."""
    at = 0
    for match in _PHRASE.finditer(text):
        yield from word_tokenize(text[at:match.start()], engine="newmm", keep_whitespace=False)
        yield from glossary.SUBJECT_PHRASES[match.group(0)].split()
        at = match.end()
    yield from word_tokenize(text[at:], engine="newmm", keep_whitespace=False)


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Subject words of one clean text, in order: known subject phrases (Thai or English) as one
    canonical term, PyThaiNLP newmm for the rest, English mapped to Thai."""
    out = []
    for token in _segments(text):
        token = token.strip(" \t\n\"'“”‘’-–:;,()[]")
        token = glossary.SYNONYMS.get(token, token)
        if token.isascii():  # English plurals: "hotspots" meets "Hotspot" whether the glossary knows it or not
            token = _singular(token)
            token = glossary.SYNONYMS.get(token, token)
        token = _NOMINAL.sub("", token)
        token = glossary.SYNONYMS.get(token, token)
        if (len(token) < 2 or token in glossary.BOILERPLATE or token in glossary.AGENCY_ABBREVIATIONS
                or _NUMBER.match(token) or not _WORD.search(token) or _ABBREVIATION_TOKEN.match(token)):
            continue
        # newmm keeps "ราคาขายปลีก", "อัตราแลกเปลี่ยน" whole: the measure word leads, the rest is
        # the subject ("ราคา" + "ขายปลีก"), so a measure inside a compound is still a measure.
        lead = _MEASURE_LEAD.match(token)
        if lead and token not in glossary.SYNONYMS.values():
            rest = glossary.SYNONYMS.get(token[lead.end():], token[lead.end():])
            out.append(lead.group(0))
            if rest not in glossary.BOILERPLATE:
                out.append(rest)
            continue
        out.append(token)
    return tuple(out)


_MEASURE_LEAD = re.compile("^(?:" + "|".join(sorted((m for m in glossary.MEASURES if not m.isascii()), key=len, reverse=True))
                           + r")(?=[\u0E01-\u0E4E]{3})")


def _singular(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


# A named place: a province the package's list knows (PyThaiNLP ships Thailand's provinces), or
# an administrative word followed by a name ("ตำบลบ้านกลาง", "บ้านท่าศรีพู"). Two records of one
# table about two places are two datasets (geographic extent), however alike their words.
def _province_names() -> list[str]:
    import csv
    import os

    import pythainlp.corpus
    path = os.path.join(os.path.dirname(pythainlp.corpus.__file__), "thailand_provinces_th.csv")
    try:
        with open(path, encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except OSError:
        return []
    return sorted({n.strip().lower() for r in rows for n in (r[0], r[2]) if len(n.strip()) >= 3})


_PROVINCES = _province_names()
_PROVINCE = re.compile(f"(?:(?:จังหวัด|จ\\.)\\s*|(?<![\u0E01-\u0E4Ea-z]))({_trie_pattern(_PROVINCES)})(?![\u0E01-\u0E4Ea-z])") if _PROVINCES else None
_PLACE = re.compile(r"(?<!ราย)(?<!ตาม)(?<!ทะเบียน)(?:(?:หมู่บ้าน|บ้าน)|(?:ตำบล|อำเภอ|เทศบาล(?:ตำบล|เมือง|นคร)?)\s?)"
                    r"([\u0E01-\u0E4E]{3,})")
_NOT_A_NAME = re.compile(r"^(?:ตาม|ที่|ของ|และ|ใน|แต่ละ|ทั้ง|ทุก|เช่า|พัก|เรือน|เกิด|ราย|ทั่ว)")


@lru_cache(maxsize=1)
def _thai_words() -> frozenset:
    from pythainlp.corpus import thai_words
    return frozenset(thai_words())


def places(text: str) -> frozenset[str]:
    """The places a clean text names (lower-cased), e.g. {"น่าน"} for "... ในจังหวัดน่าน"."""
    return split_places(text)[0]


def split_places(text: str) -> tuple[frozenset[str], str]:
    """The places a clean text names, and the text without them: a place is the extent of the
    data, compared on its own, not a subject word (two tables about one village share its name
    and nothing else)."""
    found, spans = set(), []
    if _PROVINCE is not None:
        for m in _PROVINCE.finditer(text):
            found.add(m.group(1))
            spans.append(m.span())
    for m in _PLACE.finditer(text):
        name = m.group(1)
        if not _NOT_A_NAME.match(name) and name not in _thai_words() and name not in found:
            found.add(name)
            spans.append(m.span())
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return frozenset(found), text
