"""Near-duplicate detection on hand-made Thai and English records (pure, no services)."""
from __future__ import annotations

from ckanext.opengov.overlap import clusters, tokens


def test_thai_title_is_segmented_into_words():
    assert {"ประชากร", "จังหวัด"} <= set(tokens.words("สถิติจำนวนประชากรรายจังหวัด"))


def test_same_data_from_two_agencies_forms_one_cluster_and_unrelated_stays_out():
    docs = [
        ("nso", tokens.features("สถิติจำนวนประชากรรายจังหวัด", "จำนวนประชากรจากการทะเบียนราษฎร จำแนกตามจังหวัดและเพศ", ["ประชากร"])),
        ("dopa", tokens.features("จำนวนประชากรรายจังหวัด", "จำนวนประชากรจากการทะเบียนราษฎร จำแนกตามจังหวัดและเพศ รายปี", ["ประชากร"])),
        ("tmd", tokens.features("ปริมาณน้ำฝนรายวันจากสถานีตรวจอากาศ", "ปริมาณน้ำฝนสะสม 24 ชั่วโมง", ["ฝน"])),
        ("pcd", tokens.features("Air quality PM2.5 hourly", "Hourly PM2.5 from monitoring stations", ["air"])),
        ("bma", tokens.features("Hourly air quality PM2.5", "PM2.5 hourly from monitoring stations", ["air"])),
    ]
    found = clusters.find_clusters(docs)
    assert sorted(c.members for c in found) == [[0, 1], [3, 4]]
    assert all(0.5 <= c.similarity <= 1 for c in found)


def test_copies_inside_one_agency_are_not_cross_agency_overlap():
    feats = tokens.features("ปริมาณน้ำฝนรายวันจากสถานีตรวจอากาศ", "ปริมาณน้ำฝนสะสม")
    assert clusters.find_clusters([("tmd", feats), ("tmd", set(feats))]) == []


def test_lsh_finds_what_the_pairwise_baseline_finds():
    base = "ข้อมูลราคาสินค้าเกษตรรายเดือน ข้าว ยางพารา มันสำปะหลัง"
    docs = [("a", tokens.features(base)), ("b", tokens.features(base + " อ้อย")),
            ("c", tokens.features("รายชื่อโรงเรียนในสังกัด")), ("d", tokens.features("รายชื่อโรงเรียนในสังกัดเขตพื้นที่"))]
    lsh = sorted(sorted(c.members) for c in clusters.find_clusters(docs))
    exact = sorted(sorted(g) for g in clusters.pairwise_clusters(docs))
    assert lsh == exact and [0, 1] in lsh
