"""ckanext-dcat profile that reads DCAT-AP into the TGDC fields (`opengov_tgdc_harvest`).

Runs after a DCAT-AP base profile has filled title, notes, tags, resources and extras. TGDC
fields published under any namespace (a predicate whose local name is the TGDC field name, as
our own DCAT output and agency catalogs' TGDC exports use) win; otherwise DCAT-AP terms are
mapped, and fields the standard requires but DCAT cannot say get the documented defaults.
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from ckanext.dcat.profiles import RDFProfile

from ckanext.opengov.harvest import dcat_mapping as dm
from ckanext.opengov.harvest import mapping

TGDC_FIELDS = set(mapping.DATASET_TEXT_FIELDS) | set(mapping.DATASET_MULTI_FIELDS)
RESOURCE_FIELDS = set(mapping.RESOURCE_TEXT_FIELDS) | set(mapping.RESOURCE_MULTI_FIELDS)

DEFAULTS = {
    "data_type": "ข้อมูลหลากหลายประเภท",
    "objective": ["ไม่ทราบ"],
    "geo_coverage": "ไม่ทราบ",
    "data_category": "ข้อมูลสาธารณะ",
    "data_classification": "เปิดเผย",
    "data_format": ["ไม่ทราบ"],
}


def _local_name(predicate: URIRef) -> str:
    text = str(predicate)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class TGDCHarvestProfile(RDFProfile):
    def _tgdc_values(self, subject) -> dict:
        found: dict = {}
        for predicate, obj in self.g.predicate_objects(subject):
            name = _local_name(predicate)
            if name in TGDC_FIELDS or name in RESOURCE_FIELDS:
                found.setdefault(name, []).append(str(obj))
        return found

    def parse_dataset(self, dataset_dict, dataset_ref):
        extras = {e["key"]: e["value"] for e in dataset_dict.get("extras", [])}
        out = dict(DEFAULTS)
        out["maintainer"] = extras.get("contact_name") or extras.get("publisher_name") or "-"
        if extras.get("contact_email"):
            out["maintainer_email"] = extras["contact_email"].replace("mailto:", "")
        out["data_source"] = extras.get("publisher_name") or extras.get("uri") or "-"
        out["update_frequency_unit"] = dm.frequency_unit(extras.get("frequency"))
        license_ref = self.g.value(dataset_ref, DCTERMS.license)
        out["license_id"] = dm.license_id(str(license_ref) if license_ref is not None else extras.get("license"))
        formats = sorted({f for f in (dm.data_format(r.get("format") or r.get("mimetype"))
                                      for r in dataset_dict.get("resources", [])) if f})
        if formats:
            out["data_format"] = formats
        languages = sorted({lang for lang in (dm.language(str(o)) for o in self.g.objects(dataset_ref, DCTERMS.language)) if lang})
        if languages:
            out["data_language"] = languages
        modified = dm.date_only(extras.get("modified") or dataset_dict.get("metadata_modified"))
        if modified:
            out["last_updated_date"] = modified
        # Values the portal's own profile (opengov_tgdc, run before this one) read from our
        # namespace stay; what DCAT-AP gave or the defaults only fill what is still empty.
        for name, value in out.items():
            if dataset_dict.get(name) in (None, "", []):
                dataset_dict[name] = value
        for name, values in self._tgdc_values(dataset_ref).items():
            dataset_dict[name] = out[name] = values if name in mapping.DATASET_MULTI_FIELDS else values[0]
        dataset_dict.pop("metadata_modified", None)
        dataset_dict.pop("metadata_created", None)
        # Extras may not repeat a schema field (ckanext-scheming refuses it).
        dataset_dict["extras"] = [e for e in dataset_dict.get("extras", [])
                                  if e["key"] not in TGDC_FIELDS and e["key"] not in out
                                  and e["key"] not in ("contact_name", "contact_email", "frequency", "modified")]
        for resource, distribution in zip(dataset_dict.get("resources", []), self._distributions(dataset_ref)):
            resource.setdefault("name", resource.get("format") or resource.get("url", "").rsplit("/", 1)[-1] or "-")
            if not resource.get("name"):
                resource["name"] = resource.get("format") or "-"
            for name, values in self._tgdc_values(distribution).items():
                resource[name] = values if name in mapping.RESOURCE_MULTI_FIELDS else values[0]
        for resource in dataset_dict.get("resources", []):
            if not resource.get("name"):
                resource["name"] = resource.get("format") or "-"
        return dataset_dict

    def graph_from_dataset(self, dataset_dict, dataset_ref):
        """Output is the business of the portal's DCAT profiles; this one only reads."""

    def graph_from_catalog(self, catalog_dict, catalog_ref):
        pass
