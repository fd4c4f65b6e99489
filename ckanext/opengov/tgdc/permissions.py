"""Permission labels: a dataset not classified เปิดเผย never carries the "public" label.

The validators already keep such datasets private; this second guard keeps them out of
anonymous search, DCAT catalogs, feeds and activity even if a record reached the database
another way (a direct SQL edit, an old import).
"""
from __future__ import annotations

from ckan.lib.plugins import DefaultPermissionLabels

from ckanext.opengov.tgdc import classification as gate


class ClassificationPermissionLabels(DefaultPermissionLabels):
    def get_dataset_labels(self, dataset_obj) -> list[str]:
        labels = super().get_dataset_labels(dataset_obj)
        # Only TGDC datasets carry a classification; harvest sources are datasets of another type.
        if dataset_obj.type != "dataset" or gate.is_publishable(dataset_obj.extras.get("data_classification")):
            return labels
        labels = [label for label in labels if label != "public"]
        if dataset_obj.owner_org:
            labels.append(f"member-{dataset_obj.owner_org}")
        return sorted(set(labels))
