"""Permission labels: a dataset not classified เปิดเผย never carries the "public" label, and
neither does a harvest source.

The validators already keep such datasets private; this second guard keeps them out of
anonymous search, DCAT catalogs, feeds and activity even if a record reached the database
another way (a direct SQL edit, an old import).

Harvest sources are ckanext-harvest datasets of type "harvest" whose URL and configuration
may hold credentials (http://user:password@host/): they are agency infrastructure, so only
the agency's members (and sysadmins) may find or read them, through any read path.
"""
from __future__ import annotations

from ckan.lib.plugins import DefaultPermissionLabels

from ckanext.opengov.tgdc import classification as gate

HARVEST_SOURCE_TYPE = "harvest"


class ClassificationPermissionLabels(DefaultPermissionLabels):
    def get_dataset_labels(self, dataset_obj) -> list[str]:
        labels = super().get_dataset_labels(dataset_obj)
        if dataset_obj.type == HARVEST_SOURCE_TYPE:
            return _members_only(labels, dataset_obj)
        # Only TGDC datasets carry a classification.
        if dataset_obj.type != "dataset" or gate.is_publishable(dataset_obj.extras.get("data_classification")):
            return labels
        return _members_only(labels, dataset_obj)


def _members_only(labels: list[str], dataset_obj) -> list[str]:
    labels = [label for label in labels if label != "public"]
    if dataset_obj.owner_org:
        labels.append(f"member-{dataset_obj.owner_org}")
    elif not labels:
        labels.append(f"creator-{dataset_obj.creator_user_id}")
    return sorted(set(labels))
