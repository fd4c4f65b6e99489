"""The search parameters CKAN sends to Solr for a free-text dataset search.

CKAN's own fields, weights and minimum match stay; for a query with Thai in it two things change
(a query without Thai letters goes as CKAN sends it, unless it writes a term apart from its
number, "PM 2.5", which only whole-query analysis can join):
- the query parser is edismax, which analyses the whole query before splitting it (Solr's
  ``sow=false``), so a space typed inside a Thai word ("งบ ประมาณ") is removed by the analysis
  (dev/solr/make_schema.py) before words are cut, and the minimum match applies to the words
  Thai word breaking finds in a query typed without spaces ("สถิติประชากร" needs both words),
  where dismax would accept any one of them;
- for a query in Thai only, a Thai substring fallback (``text_th_ngram``, bigrams of Thai
  letters) joins the fields with a low weight, so a Thai word the word breaker missed is still
  found, below the real matches. A query with Latin letters or digits does without it: bigrams
  would let "labor" find "Labour force", and would ignore the "PM2.5" of "ฝุ่น PM2.5".
A caller's own ``defType``, ``qf`` or ``mm``, and fielded queries (``title:...``), are left alone.
"""
from __future__ import annotations

import re

from ckan.lib.search.query import QUERY_FIELDS

NGRAM_FIELD = "text_th_ngram"
NGRAM_WEIGHT = "0.1"
QF = f"{QUERY_FIELDS} {NGRAM_FIELD}^{NGRAM_WEIGHT}"
THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9\u0e50-\u0e59]")
# "PM 2.5", "COVID 19": the analysis joins them into one word, but only if it sees them together.
SPLIT_TERM = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}[ -][0-9]")


def with_thai_fallback(search_params: dict) -> dict:
    q = search_params.get("q") or ""
    if ":" in q or any(k in search_params for k in ("defType", "qf")):
        return search_params
    if not THAI_LETTER.search(q) and not SPLIT_TERM.search(q):
        return search_params  # English queries go to Solr exactly as CKAN sends them
    search_params["defType"] = "edismax"
    if not LATIN_OR_DIGIT.search(q):
        search_params["qf"] = QF
    return search_params


def solr_phrase(value: str) -> str:
    """A value as a quoted Solr phrase (for fq), whatever characters it holds."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
