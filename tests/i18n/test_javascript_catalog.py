"""CKAN core's JavaScript strings reach the browser in Thai (/api/i18n/th, built from .po files)."""
from __future__ import annotations

from ckan.lib.i18n import build_js_translations


def test_javascript_catalog_has_the_portal_thai_for_core_strings(app):
    build_js_translations()  # what `ckan run` and `ckan translation js` do
    catalog = app.get("/api/i18n/th", status=200).json
    assert catalog["Reorder resources"] == [None, "จัดลำดับทรัพยากร"]  # core has none
    assert catalog["Remove"] == [None, "นำออก"]  # core's is ถอดถอน
    assert catalog["Upload"] == [None, "อัปโหลด"]
    assert catalog["Save order"] == [None, "บันทึกลำดับ"]  # core's own Thai still there
