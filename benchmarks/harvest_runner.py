"""Run one harvest job end to end in this process, the way ckanext-harvest's consumers do
(gather_stage, then fetch_and_import_stages per object with the session removed after each,
as fetch_callback does), without keeping results: `python -m benchmarks.harvest_runner SOURCE`.

With --gather-only it stops after the gather stage (the stage whose memory grows with the
size of the source in ckanext-harvest's stock CKAN harvester).

`ckan harvester run-test` would do the same work but keeps every harvested dataset dict in
memory for its report, which would hide a harvester's own memory use.
"""
from __future__ import annotations

import sys


def main(source_name: str, gather_only: bool = False) -> None:
    from benchmarks import boot

    boot.ckan(boot.STOCK_HARVESTER_INI)
    import ckan.model as model
    import ckan.plugins.toolkit as tk
    from ckanext.harvest import queue
    from ckanext.harvest.model import HarvestJob, HarvestObject, HarvestSource

    context = {"ignore_auth": True, "user": tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]}
    source = tk.get_action("harvest_source_show")(dict(context), {"id": source_name})
    # A job row made directly: the portal's harvest_job_create refuses the stock type.
    job = HarvestJob(source=HarvestSource.get(source["id"]), status="Running")
    job.save()
    harvester = queue.get_harvester(HarvestSource.get(source["id"]).type)
    object_ids = queue.gather_stage(harvester, job) or []
    model.Session.remove()
    if gather_only:
        print(len(object_ids))
        return
    for object_id in object_ids:
        queue.fetch_and_import_stages(harvester, HarvestObject.get(object_id))
        model.Session.remove()
    tk.get_action("harvest_jobs_run")(dict(context), {"source_id": source["id"]})


if __name__ == "__main__":
    main(sys.argv[1], gather_only="--gather-only" in sys.argv[2:])
