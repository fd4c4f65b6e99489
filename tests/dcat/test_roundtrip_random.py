"""Random Thai and mixed Unicode in every free-text TGDC field survives DCAT and back, in every
RDF format; a bounded number of records from a fixed seed, so a failure replays."""
from __future__ import annotations

import random

import pytest

from tests.dcat.records import ALL, as_package_show
from tests.dcat.test_roundtrip import _round_trip, _tgdc_fields

TEXT_FIELDS = (
    "title", "notes", "maintainer", "data_source", "accessible_condition", "objective_other",
    "data_format_other", "data_language_other", "unit_of_measure", "calculation_method", "standard",
    "update_frequency_unit_other", "reference_period", "positional_accuracy", "data_type_other",
    "license_id_other", "geo_coverage_other", "equivalent_scale_other", "data_support_other",
)
ALPHABET = (
    [chr(c) for c in range(0x0E01, 0x0E3B)] + [chr(c) for c in range(0x0E40, 0x0E5C)]  # Thai
    + list("abcXYZ0129 ,.;:/-()\"'&<>%{}[]#@\\") + ["\n", "\t", "é", "中", "😀", "\u200b"]
)


def _random_text(rng: random.Random) -> str:
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 60))).strip()
    return text or "ก"


@pytest.mark.parametrize("rdf_format", ["turtle", "xml", "json-ld"])
def test_random_unicode_text_fields_come_back_unchanged(rdf_format):
    rng = random.Random(20261125)
    for number in range(40):
        record = dict(rng.choice(list(ALL.values())))
        for field in TEXT_FIELDS:
            record[field] = _random_text(rng)
        # Labels that name a vocabulary value would be read back as that value.
        record.update(geo_coverage="อื่นๆ", license_id="อื่นๆ")
        parsed = _round_trip(as_package_show(record, number % 10), rdf_format)
        expected = _tgdc_fields(record)
        assert _tgdc_fields({k: parsed.get(k) for k in expected}) == expected, (number, rdf_format)
