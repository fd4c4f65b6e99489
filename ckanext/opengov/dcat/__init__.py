"""DCAT for TGDC datasets: the ``opengov_tgdc`` ckanext-dcat profile (see profile.py)."""
