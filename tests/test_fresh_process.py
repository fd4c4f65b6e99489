"""What a fresh `ckan` process sees (tests reload plugins, which can hide load-order bugs)."""
from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROBE = """
from ckan.cli import load_config
from ckan.config.middleware import make_app
make_app(load_config("test.ini"))
from ckanext.scheming.helpers import scheming_get_dataset_schema
schema = scheming_get_dataset_schema("dataset")
print(",".join(f["field_name"] for f in schema["dataset_fields"]))
"""


def test_a_fresh_ckan_process_uses_the_tgdc_dataset_schema():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    fields = result.stdout.strip().splitlines()[-1].split(",")
    assert {"data_type", "data_classification", "objective"} <= set(fields)
