"""DCAT catalogs (Turtle, RDF/XML, JSON-LD; hydra-paged) through ckanext-dcat's RDF harvester
(`opengov_dcat`), with three changes: every download goes through the guarded client (the
stock one follows redirects anywhere and reads local file paths), RDF/XML is checked with
defusedxml before rdflib sees it, and a listing that keeps paging is stopped. Records are read
by the `opengov_tgdc_harvest` profile into TGDC fields and imported with the portal's schema.
"""
from __future__ import annotations

import json
import logging

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckanext.dcat.harvesters.rdf import DCATRDFHarvester
from ckanext.dcat.interfaces import IDCATRDFHarvester
from ckanext.dcat.processors import RDFParser
from ckanext.harvest.model import HarvestObject

from ckanext.opengov.harvest import queue_fix
from ckanext.opengov.harvest.listing import MSG as LISTING_MSG
from ckanext.opengov.harvest.safe_http import FetchError, SafeClient, parse_xml
from ckanext.opengov.messages import bilingual

log = logging.getLogger(__name__)
queue_fix.apply()  # also when this is the only harvester plugin loaded

# opengov_tgdc reads the portal's own namespace (a catalog running this software); the harvest
# profile then maps plain DCAT-AP and fills what the TGDC requires but DCAT cannot say.
PROFILES = ["euro_dcat_ap_3", "opengov_tgdc", "opengov_tgdc_harvest"]
XML_TYPES = ("application/rdf+xml", "application/xml", "text/xml")


class OpengovDcatHarvester(DCATRDFHarvester):
    p.implements(IDCATRDFHarvester, inherit=True)

    _pages: dict[str, int] = {}

    def info(self):
        return {
            "name": "opengov_dcat",
            "title": "DCAT catalog (TGDC)",
            "description": "Harvests a DCAT-AP catalog (Turtle, RDF/XML, JSON-LD, hydra paging) into TGDC fields.",
        }

    def _ours(self, harvest_job) -> bool:
        return harvest_job.source.type == self.info()["name"]

    def gather_stage(self, harvest_job):
        self._pages[harvest_job.id] = 0
        try:
            ids = super().gather_stage(harvest_job)
        finally:
            self._pages.pop(harvest_job.id, None)
        if not ids:
            # The stock gather gives up with [] when a later page fails; the objects of the
            # pages before it would wait forever. Hand them on (nothing is deleted then).
            ids = [row.id for row in model.Session.query(HarvestObject.id).filter(
                HarvestObject.harvest_job_id == harvest_job.id, HarvestObject.state == "WAITING")]
        return ids

    # IDCATRDFHarvester
    def before_download(self, url, harvest_job):
        if not self._ours(harvest_job):
            return url, []
        self._pages[harvest_job.id] = self._pages.get(harvest_job.id, 0) + 1
        config = json.loads(harvest_job.source.config or "{}")
        # the portal's option is a declared int; a source's own setting may be written as text
        max_pages = int(config.get("max_pages") or tk.config.get("ckanext.opengov.harvest.max_pages"))
        if self._pages[harvest_job.id] > max_pages:
            return None, [bilingual(LISTING_MSG["loop"], url=harvest_job.source.url,
                                    detail=f"more than {max_pages} pages")]
        return url, []

    def after_parsing(self, rdf_parser, harvest_job):
        if not self._ours(harvest_job) or rdf_parser is None:
            return rdf_parser, []
        parser = RDFParser(profiles=PROFILES)
        parser.g = rdf_parser.g
        return parser, []

    def _get_content_and_type(self, url, harvest_job, page=1, content_type=None):
        if page > 1:
            url = url + ("&" if "?" in url else "?") + f"page={page}"
        client = SafeClient(headers={"Accept": "text/turtle, application/ld+json, application/rdf+xml;q=0.9, */*;q=0.5"})
        try:
            response = client.get(url)
        except FetchError as error:
            self._save_gather_error(str(error), harvest_job)
            return None, None
        finally:
            client.close()
        declared = (response.headers.get("Content-Type") or "").split(";", 1)[0].strip()
        rdf_format = content_type or declared or None
        body = response.content
        if rdf_format in XML_TYPES or body.lstrip()[:1] == b"<":
            try:
                parse_xml(body, url)
            except FetchError as error:
                self._save_gather_error(str(error), harvest_job)
                return None, None
        try:
            return body.decode("utf-8"), rdf_format
        except UnicodeDecodeError:
            self._save_gather_error(bilingual(LISTING_MSG["not_ckan"], url=url, detail="not UTF-8"), harvest_job)
            return None, None
