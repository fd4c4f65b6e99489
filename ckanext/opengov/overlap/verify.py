"""Is a candidate pair the same series? Text similarity weighted by rarity, then the
structured evidence: a different breakdown, unit or kind of data says "no" whatever the words.

A record becomes a Profile once (pure: no CKAN); a Weights object holds the catalog's document
frequencies, so a word most records share (จำนวน, รายงาน) counts for little and a rare subject
word (ไข้เลือดออก) for much. Similarity blends the cosine of TF-IDF word vectors with that of
character trigrams of the title's subject (Thai compounds are written in several ways:
"ปริมาณน้ำฝน" / "น้ำฝน").
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field

from ckanext.opengov.overlap import glossary, normalise, wordnet

THRESHOLD = 0.52           # similarity at or above which a pair with no conflict is a duplicate
WORD_SHARE = 0.55          # of the blend; the rest is character trigrams
NOTES_WEIGHT = 0.3         # description words count less than title words
TAG_WEIGHT = 0.5
FIELD_BONUS = 0.03         # per structured field that agrees
FIELD_PENALTY = 0.06       # per soft field that disagrees
# Kinds of data that cannot be the same series (a list of schools is not a count of schools).
_KINDS = {"ข้อมูลระเบียน": "records", "ข้อมูลสถิติ": "statistics", "ข้อมูลภูมิสารสนเทศเชิงพื้นที่": "geo"}


@dataclass
class Record:
    """What the pipeline reads of one dataset (public fields only)."""
    agency: str
    title: str
    notes: str = ""
    tags: tuple = ()
    data_type: str | None = None
    unit: str | None = None
    geo_coverage: str | None = None
    frequency: str | None = None
    disaggregate: tuple = ()
    agency_names: tuple = ()     # the record's own agency's titles, removed from its text


@dataclass(slots=True)
class Profile:
    agency: str
    title_words: tuple
    notes_words: tuple
    tags: tuple
    grams: tuple
    breakdown: normalise.Breakdown
    kind: str | None
    unit: str | None
    geo: str | None
    frequency: str | None
    dims_field: frozenset = field(default_factory=frozenset)
    own_records: bool = False   # what an agency keeps about itself (plans, procurement, staff)
    measures: frozenset = field(default_factory=frozenset)    # value, amount, price, rate...
    qualifiers: frozenset = field(default_factory=frozenset)  # flow (new) or stock (cumulative)
    places: frozenset = field(default_factory=frozenset)      # named places: the geographic extent
    latin: bool = False                                        # has English (or other Latin) words
    concepts: frozenset = field(default_factory=frozenset)    # WordNet synsets the title's words name
    # A title with no Thai letter. Against a Thai title only concepts can be compared: a Thai word
    # WordNet does not know says nothing against it, as an unknown English word says nothing
    # against a Thai-only record.
    english: bool = False


_THAI_LETTER = re.compile("[\u0E01-\u0E4E]")


def _grams(words: tuple) -> tuple:
    text = "".join(words)
    return _interned(sorted({text[i:i + 3] for i in range(len(text) - 2)}))


def _interned(strings) -> tuple:
    """One copy of each word or trigram however many records hold it: at 500,000 records the
    profiles are most of the memory."""
    return tuple(sys.intern(s) for s in strings)


def _unit(value: str | None) -> str | None:
    value = (value or "").strip().lower().strip(".")
    return value or None


def profile(record: Record, agencies: normalise.AgencyNames | None = None) -> Profile:
    title = normalise.clean(record.title, agencies, record.agency_names)
    found, subject = normalise.breakdown(title)
    places, subject = normalise.split_places(subject)
    notes = normalise.clean((record.notes or "")[:normalise.MAX_NOTES_CHARS], agencies, record.agency_names)
    _, notes = normalise.breakdown(notes)
    notes_words = normalise.words(notes)
    # What a title measures (จำนวน, ปริมาณ, มูลค่า...) is compared as a field of its own; the
    # subject words that the text similarity weighs are the rest.
    said = normalise.words(subject)
    title_words = tuple(w for w in said if w not in glossary.MEASURES)
    tags = tuple(sorted({w for t in record.tags or () for w in normalise.words(normalise.clean(t))}))
    dims = frozenset(glossary.DISAGGREGATE[d] for d in record.disaggregate or () if d in glossary.DISAGGREGATE)
    return Profile(
        agency=record.agency, title_words=_interned(title_words), notes_words=_interned(notes_words), tags=_interned(tags),
        grams=_grams(title_words), breakdown=found, kind=_KINDS.get(record.data_type or ""),
        unit=_unit(record.unit), geo=glossary.GEO_COVERAGE.get(record.geo_coverage or ""),
        frequency=glossary.FREQUENCY.get(record.frequency or ""), dims_field=dims,
        own_records=any(w in "".join(title_words) for w in glossary.SELF_SUBJECTS),
        measures=frozenset(glossary.MEASURES[w] for w in said if w in glossary.MEASURES),
        qualifiers=frozenset(glossary.QUALIFIERS[w] for w in title_words if w in glossary.QUALIFIERS),
        places=places, latin=any(_latin(w) for w in (*said, *notes_words, *tags)),
        concepts=frozenset(_interned(wordnet.phrase_concepts(title_words))),
        english=bool(title_words) and not _THAI_LETTER.search(subject))


def share_strings(p: Profile) -> Profile:
    """Re-intern a profile's words and trigrams (a profile from a worker arrives with copies)."""
    p.title_words, p.notes_words, p.tags, p.grams = (
        _interned(p.title_words), _interned(p.notes_words), _interned(p.tags), _interned(p.grams))
    p.concepts = frozenset(_interned(p.concepts))
    return p


class Weights:
    """Inverse document frequencies of words and trigrams over one catalog."""

    def __init__(self):
        self.df: dict[str, int] = {}
        self.n = 0

    def add(self, p: Profile) -> None:
        self.n += 1
        for term in {*p.title_words, *p.notes_words, *p.tags, *("#" + g for g in p.grams), *concept_terms(p)}:
            self.df[term] = self.df.get(term, 0) + 1

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def vectors(self, p: Profile) -> tuple[dict, dict]:
        """Unit TF-IDF vectors of words and of title trigrams (computed once per record)."""
        words = _unit_vector(_vector([(w, 1.0) for w in p.title_words] + [(w, TAG_WEIGHT) for w in p.tags]
                                     + [(w, NOTES_WEIGHT) for w in p.notes_words], self))
        grams = _unit_vector(_vector([("#" + g, 1.0) for g in p.grams], self))
        return words, grams


def concept_terms(p: Profile) -> list[str]:
    """A profile's concepts as terms ("~" + synset): language-neutral, compared like words."""
    return ["~" + c for c in p.concepts]


def _vector(terms_weights, weights: Weights) -> dict[str, float]:
    vec: dict[str, float] = {}
    for term, w in terms_weights:
        vec[term] = vec.get(term, 0.0) + w * weights.idf(term)
    return vec


def _unit_vector(vec: dict) -> dict:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _dot(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


@dataclass
class Verdict:
    duplicate: bool
    similarity: float
    terms: list[str]            # shared subject words, rarest first
    matching: list[str]         # structured fields that agree
    conflicts: list[str]        # structured fields that disagree (any one says "not the same series")


def _conflicts_and_matches(a: Profile, b: Profile) -> tuple[list[str], list[str], list[str]]:
    hard, soft, same = [], [], []
    if a.own_records or b.own_records:
        hard.append("own_records")
    # The same table about two places is two datasets; about a place and about no named place,
    # likely a part and a whole. One place named by both is no evidence of the same data (one
    # province's offices publish many tables about it), so it earns no bonus.
    if a.places != b.places:
        (hard if a.places and b.places else soft).append("places")
    # A breakdown one title states and the other does not is another series (a national total
    # is not the provincial table), unless the silent record's own field says the same level.
    x, y = a.breakdown.geo, b.breakdown.geo
    if x or y:
        same_level = x == y or (not x and a.geo == y) or (not y and b.geo == x)
        (same if same_level else hard).append("breakdown_geo")
    elif a.geo and b.geo:
        (same if a.geo == b.geo else soft).append("geo")
    x, y = a.breakdown.time, b.breakdown.time
    if x or y:
        (same if x == y else hard).append("breakdown_time")
    dims_a, dims_b = a.breakdown.dims | a.dims_field, b.breakdown.dims | b.dims_field
    if dims_a or dims_b:
        (same if dims_a == dims_b else hard).append("breakdown")
    # Both say what they measure and say different things: value is not volume, new is not
    # cumulative. Said by one title only, it is no evidence either way.
    for name in ("measures", "qualifiers"):
        x, y = getattr(a, name), getattr(b, name)
        if x and y:
            (same if x & y else hard).append(name[:-1])
        elif name == "measures" and (x or y) & glossary.STRONG_MEASURES:
            soft.append("measure")  # a price or a value on one side only: likely another table
    for name, strict in (("kind", True), ("unit", True), ("frequency", False)):
        x, y = getattr(a, name), getattr(b, name)
        if x and y:
            (same if x == y else hard if strict else soft).append(name)
    return hard, soft, same


def _stopwords() -> frozenset:
    from pythainlp.corpus import thai_stopwords  # a list PyThaiNLP ships ("เมื่อ", "ทั้ง", "ได้รับ")
    return frozenset(thai_stopwords())


# Function words are no evidence of another subject when one title has them and the other not.
_STOPWORDS = _stopwords()


def _latin(term: str) -> bool:
    return not term.startswith("~") and term.lstrip("#").isascii()


def _has_latin(p: Profile) -> bool:
    return p.latin


def _unmatched(a: Profile, b: Profile, weights: Weights) -> float:
    """The rarity of a's rarest title word that b does not have (in any form), 0 if none. An
    English word the glossary cannot map says nothing against a record with no English at all:
    it cannot be compared, so it is not counted. (A compound holding one of b's words is not
    b's word: "สถานีตำรวจ" is not "สถานี".)"""
    text = "".join(b.title_words)

    def lacks(w: str) -> bool:
        if w in text or w in _STOPWORDS or w in b.tags or w in b.notes_words or (len(text) >= 3 and text in w):
            return False
        if _latin(w):
            return b.latin and b.concepts.isdisjoint(wordnet.concepts(w))
        named = wordnet.concepts(w)
        return b.concepts.isdisjoint(named) and (bool(named) or not b.english)

    return max((weights.idf(w) for w in a.title_words if lacks(w)), default=0.0)


def _crossing_terms(p: Profile, other: Profile, weights: Weights) -> dict:
    """The unit vector of p's title words compared with a title in the other language: a word
    that names a concept of the other title becomes that concept; a word written the same in
    both stays; an English word with concepts the other lacks counts against; any other word
    cannot be compared and is left out (a Thai word the English title does not name: the
    glossary has already turned the English words it knows into Thai)."""
    vec: dict[str, float] = {}
    for w in p.title_words:
        named = wordnet.concepts(w)
        shared = other.concepts.intersection(named)
        if shared:
            term = "~" + min(shared)
        elif w in other.title_words or (named and (_latin(w) or not other.english)):
            term = w
        else:
            continue
        vec[term] = weights.idf(term)
    return _unit_vector(vec)


def _comparable(vec: dict) -> dict:
    """A vector without English terms: what a Thai-only record can be compared on."""
    return _unit_vector({k: v for k, v in vec.items() if not _latin(k)})


def rejects(a: Profile, b: Profile) -> bool:
    """A structured conflict (breakdown, unit, kind, place...) settles the pair before any text is
    weighed: at catalog scale most candidates end here, cheaply."""
    return bool(_conflicts_and_matches(a, b)[0])


def compare(a: Profile, b: Profile, weights: Weights, threshold: float = THRESHOLD,
            vectors_a=None, vectors_b=None) -> Verdict:
    (wa, ga), (wb, gb) = vectors_a or weights.vectors(a), vectors_b or weights.vectors(b)
    if _has_latin(a) != _has_latin(b):  # unmapped English words would only dilute the cosine
        wa, ga, wb, gb = _comparable(wa), _comparable(ga), _comparable(wb), _comparable(gb)
    if a.english != b.english:
        # A Thai title against an English one: no trigram and few words in common by nature; what
        # both name is their concepts.
        similarity = _dot(_crossing_terms(a, b, weights), _crossing_terms(b, a, weights))
    else:
        similarity = WORD_SHARE * _dot(wa, wb) + (1 - WORD_SHARE) * _dot(ga, gb)
    hard, soft, same = _conflicts_and_matches(a, b)
    score = similarity + FIELD_BONUS * len(same) - FIELD_PENALTY * len(soft)
    shared_title = set(a.title_words) & set(b.title_words)
    shared_concepts = {"~" + c for c in a.concepts & b.concepts}
    # When each title has a word the other lacks that is rarer than anything they share, they
    # share only their framing ("ผลการสำรวจสถานี..."): two different subjects.
    shared_max = max((weights.idf(t) for t in shared_title | shared_concepts), default=0.0)
    if min(_unmatched(a, b, weights), _unmatched(b, a, weights)) > shared_max:
        hard.append("subject")
    terms = sorted(shared_title | (set(a.tags) & set(b.tags)), key=lambda t: (-weights.idf(t), t))[:6]
    duplicate = not hard and score >= threshold and bool(shared_title or shared_concepts or similarity >= threshold + 0.1)
    return Verdict(duplicate, round(min(1.0, max(0.0, score)), 3), terms, same, hard + soft)
