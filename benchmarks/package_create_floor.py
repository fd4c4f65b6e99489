"""The floor under any harvester that saves through CKAN's action layer: `package_create` alone,
called in a loop on the benchmark's own records, with no harvest framework and no Solr at all.

Run in its own process by benchmarks/harvest_throughput.py:
`python -m benchmarks.package_create_floor N OWNER_ORG`; prints datasets per second.
A harvester can go no faster than this without bypassing package_create (and with it the
schema's validators, the classification gate, other plugins' hooks and the activity stream).
"""
from __future__ import annotations

import sys
import time


def main(n: int, owner_org: str) -> None:
    from benchmarks import boot

    boot.ckan()
    import ckan.model as model
    import ckan.plugins.toolkit as tk

    from benchmarks.harvest_throughput import make_record
    from ckanext.opengov.harvest import mapping

    user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    records = []
    for i in range(n):
        dataset = mapping.map_dataset(make_record(f"00000000-0000-4000-f000-{i:012d}", i), "http://127.0.0.1:9")
        dataset.update(owner_org=owner_org, name=f"floor-{i}")
        records.append(dataset)
    started = time.monotonic()
    for dataset in records:
        # defer_commit keeps package_create from indexing (and committing) in Solr; the
        # database commit follows, as a harvester's would.
        context = {"ignore_auth": True, "user": user, "defer_commit": True, "return_id_only": True}
        tk.get_action("package_create")(context, dataset)
        model.repo.commit()
        model.Session.remove()
    print(f"{n / (time.monotonic() - started):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
