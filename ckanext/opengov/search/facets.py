"""The dataset search facets, in the order Thai readers look for data."""
from __future__ import annotations

from collections import OrderedDict

import ckan.plugins.toolkit as tk

from ckanext.opengov.tgdc import vocabularies

# Solr field -> vocabulary whose English labels replace the Thai values in English.
VOCABULARY_OF = {
    "vocab_data_type": "data_type",
    "vocab_objective": "objective",
    "vocab_update_frequency_unit": "update_frequency_unit",
    "vocab_data_classification": "data_classification",
    "vocab_data_format": "data_format",
}


def _sees_classification() -> bool:
    """Only people inside an agency (or sysadmins) may see classified data, so only they get its facet."""
    user = tk.current_user
    if not user or not user.is_authenticated:
        return False
    return bool(user.sysadmin or tk.h.organizations_available("read"))


def dataset_facets(existing: "OrderedDict[str, str]") -> "OrderedDict[str, str]":
    facets = OrderedDict()
    facets["vocab_data_type"] = tk._("Dataset type")
    facets["groups"] = tk._("Categories")
    if _sees_classification():
        facets["vocab_data_classification"] = tk._("Data classification")
    facets["vocab_objective"] = tk._("Objective")
    facets["vocab_update_frequency_unit"] = tk._("Update frequency")
    facets["organization"] = tk._("Agency")
    facets["vocab_ministry"] = tk._("Ministry")
    facets["res_format"] = tk._("Formats")
    facets["tags"] = tk._("Keywords")
    facets["license_id"] = existing.get("license_id", tk._("Licenses"))
    return facets


def label_facet_items(search_facets: dict, lang: str) -> dict:
    """English readers see the English label of a Thai value; the filter keeps the Thai value."""
    if lang != "en":
        return search_facets
    for field, vocabulary in VOCABULARY_OF.items():
        for item in search_facets.get(field, {}).get("items", []):
            item["display_name"] = vocabularies.english_label(vocabulary, item["name"]) or item["display_name"]
    return search_facets
