"""A CKAN-Action-API-shaped source served by the loopback fault server, for faults and scale.

It answers package_search (listing with fl, keyset on id, batches by id) and package_show
like a CKAN would, from records held in memory or generated on the fly, and can be switched
into a fault mode for the next requests.
"""
from __future__ import annotations

import datetime
import json
import re
import time
from typing import Callable

from tests.harvest import fault_server as faults

KEYSET = re.compile(r'id:\{"([^"]+)" TO \*\]')
ID_LIST = re.compile(r'id:\(([^)]*)\)')


class FakeCkan:
    def __init__(self, server, records: dict[str, dict] | None = None,
                 generate: Callable[[str, int], dict] | None = None, total: int = 0,
                 id_prefix: str = "00000000-0000-4000-8000-"):
        """Either `records` (id -> record) or `generate(id, i)` for `total` records made on demand."""
        self.server = server
        self.id_prefix = id_prefix
        self.records = records if records is not None else {}
        self.generate = generate
        self.total = total
        self.mode = "ok"
        self.listing_pages = 0
        self.fault_actions = {"package_search", "package_show"}
        self.ignore_fq = False          # a proxy or an old CKAN that drops the fq filter
        self.unreceived: set[str] = set()  # listed, but not given when asked for by id
        self.url = server.base
        server.route("/api/3/action/package_search", self._search)
        server.route("/api/3/action/package_show", self._show)

    # -- data ---------------------------------------------------------------------------
    def _ids(self) -> list[str]:
        if self.generate is not None:
            return [self.generated_id(i) for i in range(self.total)]
        return sorted(self.records)

    def generated_id(self, i: int) -> str:
        return f"{self.id_prefix}{i:012d}"

    def _record(self, record_id: str) -> dict | None:
        if self.generate is not None:
            if not record_id.startswith(self.id_prefix):
                return None
            i = int(record_id[len(self.id_prefix):])
            return self.generate(record_id, i) if i < self.total else None
        return self.records.get(record_id)

    # -- faults -------------------------------------------------------------------------
    def _fault(self, h) -> bool:
        mode = self.mode
        if mode == "ok":
            return False
        if mode == "500":
            h.send(500, b"Internal Server Error")
        elif mode == "timeout":
            faults.slow(5)(h)
        elif mode == "malformed":
            h.send(200, b'{"success": true, "result": {"count": 3, "results": [', "application/json")
        elif mode == "truncated":
            faults.truncated(h)
        elif mode == "oversized":
            faults.oversized(80 * 1024 * 1024)(h)
        elif mode == "xml_bomb":
            h.send(200, faults.XML_BOMB, "application/xml")
        elif mode.startswith("redirect:"):
            faults.redirect(mode.split(":", 1)[1])(h)
        elif mode == "not_ckan":
            h.send_json({"hello": "world"})
        else:
            return False
        return True

    # -- actions ------------------------------------------------------------------------
    def _search(self, h):
        if "package_search" in self.fault_actions and self._fault(h):
            return
        params = h.params()
        fq = "" if self.ignore_fq else params.get("fq", "")
        rows = int(params.get("rows", 10))
        if self.mode == "endless" and not ID_LIST.search(fq):  # every page is new, never ends
            self.listing_pages += 1
            start = int(time.monotonic() * 1e6)
            results = [{"id": f"endless-{start + i:020d}", "metadata_modified": "2026-01-01T00:00:00"}
                       for i in range(rows)]
            return h.send_json({"success": True, "result": {"count": 10 ** 9, "results": results}})
        listed = ID_LIST.search(fq)
        if listed:
            wanted = re.findall(r'"([^"]+)"', listed.group(1))
            results = [r for r in (self._record(i) for i in wanted if i not in self.unreceived)
                       if r and self._public(r)]
            return h.send_json({"success": True, "result": {"count": len(results), "results": results}})
        after = KEYSET.search(fq)
        ids = self._ids()
        public_ids = [i for i in ids if self._public(self._record(i))] if self.generate is None else ids
        count = len(public_ids)
        if after:
            public_ids = [i for i in public_ids if i > after.group(1)]
        start = int(params.get("start", 0))  # offset paging, as ckanext-harvest's stock harvester does
        page = public_ids[start:start + rows]
        fl = params.get("fl")
        results = []
        for record_id in page:
            record = self._record(record_id)
            results.append({"id": record_id, "metadata_modified": record["metadata_modified"]} if fl else record)
        h.send_json({"success": True, "result": {"count": count, "results": results}})

    def _show(self, h):
        if "package_show" in self.fault_actions and self._fault(h):
            return
        record_id = h.params().get("id", "")
        record = None if record_id in self.unreceived else self._record(record_id)
        if record is None or not self._public(record):
            return h.send_json({"success": False, "error": {"__type": "Not Found Error"}}, status=404)
        h.send_json({"success": True, "result": record})

    @staticmethod
    def _public(record: dict | None) -> bool:
        return bool(record) and not record.get("private") and record.get("state", "active") == "active"


def ckan_record(record: dict, org_name="agency-org") -> dict:
    """Shape an agency_record() like the agency CKAN's package_show output."""
    out = json.loads(json.dumps(record))
    out.setdefault("id", record.get("id"))
    out.setdefault("metadata_modified", datetime.datetime(2026, 1, 1).isoformat())
    out["tags"] = [{"name": t} for t in out.pop("tag_string", "").split(",") if t]
    out["organization"] = {"name": org_name, "title": "กรมทดสอบ"}
    out.setdefault("private", False)
    out.setdefault("state", "active")
    return out
