"""Harvesting agency catalogs: a guarded HTTP client, pure mappings into TGDC, and harvesters
on ckanext-harvest (sources, jobs, objects, queues)."""
