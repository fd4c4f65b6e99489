"""ckanext-dcat profile for the DCAT harvester (`opengov_tgdc_harvest`): only what DCAT cannot say.

Runs after euro_dcat_ap_3 and opengov_tgdc. Reading DCAT-AP into TGDC fields is opengov_tgdc's
one reader (ckanext/opengov/dcat/read.py, tables in dcat/terms.py); this profile adds the two
things a harvest needs on top:

- TGDC fields an agency catalog publishes by their own name under any namespace (a predicate
  whose local name is the field name, e.g. ``<https://agency.example/ns#data_type>``) are taken
  as they are; they win, as the source's own words.
- Fields the TGDC standard requires but DCAT cannot express get the documented defaults
  (DEFAULTS; the maintainer and data source fall back to the publisher).
"""
from __future__ import annotations

from rdflib import URIRef

from ckanext.dcat.profiles import RDFProfile

from ckanext.opengov.harvest import mapping

TGDC_FIELDS = set(mapping.DATASET_TEXT_FIELDS) | set(mapping.DATASET_MULTI_FIELDS)
RESOURCE_FIELDS = set(mapping.RESOURCE_TEXT_FIELDS) | set(mapping.RESOURCE_MULTI_FIELDS)

# A DCAT catalog is published open data: what the standard requires and DCAT has no term for.
DEFAULTS = {
    "data_type": "ข้อมูลหลากหลายประเภท",
    "objective": ["ไม่ทราบ"],
    "geo_coverage": "ไม่ทราบ",
    "update_frequency_unit": "ไม่ทราบ",
    "data_category": "ข้อมูลสาธารณะ",
    "data_classification": "เปิดเผย",
    "data_format": ["ไม่ทราบ"],
    "license_id": "License not specified",
}
# Base-profile extras this profile turns into fields (extras may not repeat a schema field).
CONSUMED_EXTRAS = {"contact_name", "contact_email", "frequency", "modified"}


def _local_name(predicate: URIRef) -> str:
    return str(predicate).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def defaults(dataset_dict: dict, extras: dict) -> dict:
    """The values of the required fields the record left empty."""
    publisher = extras.get("publisher_name")
    out = dict(DEFAULTS)
    out["maintainer"] = publisher or "-"
    out["data_source"] = publisher or extras.get("uri") or "-"
    modified = dataset_dict.get("metadata_modified")
    if modified and len(modified) >= 10 and modified[4] == "-":
        out["last_updated_date"] = modified[:10]
    return {name: value for name, value in out.items() if dataset_dict.get(name) in (None, "", [])}


class TGDCHarvestProfile(RDFProfile):
    def _named_values(self, subject, fields: set[str], multi) -> dict:
        found: dict = {}
        for predicate, obj in self.g.predicate_objects(subject):
            name = _local_name(predicate)
            if name in fields:
                found.setdefault(name, []).append(str(obj))
        return {name: values if name in multi else values[0] for name, values in found.items()}

    def parse_dataset(self, dataset_dict, dataset_ref):
        extras = {e["key"]: e["value"] for e in dataset_dict.get("extras", [])}
        dataset_dict.update(self._named_values(dataset_ref, TGDC_FIELDS, mapping.DATASET_MULTI_FIELDS))
        dataset_dict.update(defaults(dataset_dict, extras))
        dataset_dict.pop("metadata_modified", None)
        dataset_dict.pop("metadata_created", None)
        dataset_dict["extras"] = [e for e in dataset_dict.get("extras", [])
                                  if e["key"] not in TGDC_FIELDS and e["key"] not in dataset_dict
                                  and e["key"] not in CONSUMED_EXTRAS]
        distributions = {str(d): d for d in self._distributions(dataset_ref)}
        for resource in dataset_dict.get("resources", []):
            distribution = distributions.get(resource.get("distribution_ref"))
            if distribution is not None:
                resource.update(self._named_values(distribution, RESOURCE_FIELDS, mapping.RESOURCE_MULTI_FIELDS))
            if not resource.get("name"):
                resource["name"] = resource.get("format") or resource.get("url", "").rsplit("/", 1)[-1] or "-"
        return dataset_dict

    def graph_from_dataset(self, dataset_dict, dataset_ref):
        """Output is the business of the portal's DCAT profiles; this one only reads."""

    def graph_from_catalog(self, catalog_dict, catalog_ref):
        pass
