"""Word features of a dataset's Thai/English text, for near-duplicate detection.

Thai has no spaces between words, so titles are segmented with PyThaiNLP's dictionary-based
`newmm` engine (bundled dictionary, nothing downloaded). Features are words and word pairs
(pairs keep "ราย จังหวัด" apart from "จังหวัด" alone), lower-cased, without stop words,
punctuation or numbers alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pythainlp.corpus import thai_stopwords
from pythainlp.tokenize import word_tokenize

ENGLISH_STOPWORDS = frozenset(
    "a an and are as at by data dataset for from in is of on or the to with".split())
_WORD = re.compile(r"[\w\u0E00-\u0E7F]")
_NUMBER = re.compile(r"^[\d.,/:-]+$")
# Descriptions can be long; their opening says what the data is, the rest adds noise and time.
MAX_NOTES_CHARS = 400


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(thai_stopwords()) | ENGLISH_STOPWORDS


# Small: repeated texts (copied titles, common phrases) hit it; a large one would only hold memory.
@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Meaningful words of one text, in order."""
    stop = _stopwords()
    out = []
    for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
        token = token.strip().lower()
        if len(token) < 2 or token in stop or _NUMBER.match(token) or not _WORD.search(token):
            continue
        out.append(token)
    return tuple(out)


def features(title: str | None, notes: str | None = None, tags=()) -> set[str]:
    """Words and adjacent word pairs of title and description, plus whole tags."""
    feats: set[str] = set()
    for text in (title or "", (notes or "")[:MAX_NOTES_CHARS]):
        seq = words(text)
        feats.update(seq)
        feats.update(f"{a} {b}" for a, b in zip(seq, seq[1:]))
    feats.update("#" + t.strip().lower() for t in tags if t and t.strip())
    return feats


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
