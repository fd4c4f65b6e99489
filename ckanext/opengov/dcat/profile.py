"""The ``opengov_tgdc`` ckanext-dcat profile: TGDC datasets as DCAT-AP 3, and back.

Chain it after DCAT-AP 3:  ckanext.dcat.rdf.profiles = euro_dcat_ap_3 opengov_tgdc

Serialising, euro_dcat_ap_3 writes what CKAN core knows (title, description, keywords, landing
page, publisher, contact name and e-mail, distributions); this profile then adds every TGDC field:

  maintainer, maintainer_email, telephone_number  dcat:contactPoint (vcard:fn, hasEmail, hasTelephone)
  update_frequency_unit + _interval  dct:accrualPeriodicity (EU frequency table, where one fits)
  geo_coverage, *_bound_longitude    dct:spatial [dct:Location; skos:prefLabel; dcat:bbox]
  data_language                      dct:language (EU language table)
  first_year_of_data, last_year_of_data (BE)  dct:temporal [dcat:startDate, dcat:endDate] (CE gYear)
  license_id (+ _other)              dct:license (Creative Commons URI, or a labelled LicenseDocument)
  created_date / data_release_date, last_updated_date  dct:issued, dct:modified
  data_source                        dct:provenance [dct:ProvenanceStatement; rdfs:label]
  accessible_condition               dct:rights [dct:RightsStatement; rdfs:label]
  standard                           dct:conformsTo [dct:Standard; rdfs:label]
  reference_url_catalog              dct:source
  data_classification                dct:accessRights (EU access-right table) and tgdc:dataClassification
  resources                          dcat:Distribution (resource_created_date dct:issued,
                                     resource_last_updated_date dct:modified,
                                     resource_accessible_condition dct:rights)
  everything else                    tgdc:<fieldName> in https://opengov.go.th/ns/tgdc# (terms.py)

Parsing (the DCAT harvester) reverses this: a record written by this profile comes back as the
same TGDC fields (tgdc: terms win where a DCAT term is lossy), and a DCAT-AP record from any other
catalog yields what maps cleanly (contact, frequency, languages, years, licence, dates, ...),
with the base profile's extras that were turned into TGDC fields removed.
"""
from __future__ import annotations

import ckan.plugins.toolkit as tk
from ckanext.dcat.profiles import DCAT, DCT, RDFProfile
from ckanext.dcat.profiles.base import CleanedURIRef
from ckanext.dcat.utils import resource_uri

from ckanext.opengov.dcat import read, write

# Extras the base profiles derive from terms this profile turns into TGDC fields.
CONSUMED_EXTRAS = {
    "contact_uri", "contact_name", "contact_email", "contact_identifier", "contact_url",
    "frequency", "language", "temporal_start", "temporal_end", "provenance", "access_rights",
    "conforms_to", "source", "issued", "modified", "dcat_issued", "dcat_modified",
    "spatial_uri", "spatial_text", "spatial", "spatial_bbox", "spatial_centroid",
}
# Distribution keys the base profile sets that TGDC resource fields replace.
CONSUMED_RESOURCE_KEYS = ("rights", "issued", "modified", "license")


class OpengovTGDCProfile(RDFProfile):
    """TGDC fields on top of DCAT-AP 3 (see the module docstring for the mapping)."""

    def graph_from_dataset(self, dataset_dict, dataset_ref):
        write.add_dataset(self.g, dataset_ref, dataset_dict)
        license_node = self.g.value(dataset_ref, DCT.license)
        for resource in dataset_dict.get("resources", []):
            distribution = CleanedURIRef(resource_uri(resource))
            write.add_distribution(self.g, distribution, resource, license_node)
        write.drop_xml_invalid_characters(self.g, dataset_ref)

    def graph_from_catalog(self, catalog_dict, catalog_ref):
        # The catalog record is euro_dcat_ap_3's; this completes what DCAT-AP 3 requires of it.
        catalog_dict = catalog_dict or {}
        write.add_catalog(self.g, catalog_ref,
                          catalog_dict.get("title") or tk.config.get("ckan.site_title"),
                          catalog_dict.get("description") or tk.config.get("ckan.site_description"))

    def parse_dataset(self, dataset_dict, dataset_ref):
        temporal = self._time_interval(dataset_ref, DCT.temporal, dcat_ap_version=2)
        dataset_dict.update(read.read_dataset(self.g, dataset_ref, temporal))
        tags = [tag["name"] for tag in dataset_dict.get("tags", []) if tag.get("name")]
        if tags:
            dataset_dict["tag_string"] = ",".join(tags)
        dataset_dict["extras"] = [
            extra for extra in dataset_dict.get("extras", []) if extra.get("key") not in CONSUMED_EXTRAS
        ]
        # Set by the DCAT-AP scheming profile; maintainer* and temporal years now hold them.
        for key in ("temporal_start", "temporal_end", "contact"):
            dataset_dict.pop(key, None)

        foreign = not read.is_tgdc(self.g, dataset_ref)
        distributions = {str(d): d for d in self.g.objects(dataset_ref, DCAT.distribution)}
        for resource in dataset_dict.get("resources", []):
            distribution = distributions.get(resource.get("distribution_ref"))
            if distribution is None:
                continue
            tgdc_fields = read.read_distribution(self.g, distribution, foreign)
            for key in CONSUMED_RESOURCE_KEYS:
                resource.pop(key, None)
            resource.update(tgdc_fields)
        return dataset_dict
