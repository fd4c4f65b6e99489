"""The search parameters CKAN sends to Solr for a free-text dataset search.

CKAN's own fields, weights and minimum match stay; two things change:
- the query parser is edismax, which analyses the whole query before splitting it (Solr's
  ``sow=false``), so a space typed inside a Thai word ("งบ ประมาณ") is removed by the analysis
  (dev/solr/make_schema.py) before words are cut, and the minimum match applies to the words
  Thai word breaking finds in a query typed without spaces ("สถิติประชากร" needs both words),
  where dismax would accept any one of them;
- a Thai substring fallback (``text_th_ngram``, character bigrams) joins the fields with a low
  weight, so a Thai word the word breaker missed is still found, below the real matches.
A caller's own ``defType``, ``qf`` or ``mm``, and fielded queries (``title:...``), are left alone.
"""
from __future__ import annotations

from ckan.lib.search.query import QUERY_FIELDS

NGRAM_FIELD = "text_th_ngram"
NGRAM_WEIGHT = "0.1"
QF = f"{QUERY_FIELDS} {NGRAM_FIELD}^{NGRAM_WEIGHT}"


def with_thai_fallback(search_params: dict) -> dict:
    q = search_params.get("q") or ""
    if not q.strip() or ":" in q or any(k in search_params for k in ("defType", "qf")):
        return search_params
    search_params["defType"] = "edismax"
    search_params["qf"] = QF
    return search_params


def solr_phrase(value: str) -> str:
    """A value as a quoted Solr phrase (for fq), whatever characters it holds."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
