"""The duplicate method on hand-made Thai and English records (pure: no services)."""
from __future__ import annotations

from ckanext.opengov.overlap import clusters, normalise, verify

AGENCIES = ["สำนักงานสถิติแห่งชาติ", "กรมการปกครอง", "National Statistical Office"]


def rec(agency, title, **kw):
    return verify.Record(agency=agency, title=title, agency_names=(agency,), **kw)


def judge(a, b):
    profs, weights = clusters.profiles([a, b], AGENCIES)
    return verify.compare(profs[0], profs[1], weights)


# ---- normalisation

def test_agency_names_years_in_both_eras_and_thai_digits_are_removed():
    names = normalise.AgencyNames(AGENCIES)
    for title in ("จำนวนประชากร พ.ศ. ๒๕๖๖ สำนักงานสถิติแห่งชาติ", "จำนวนประชากร (2566)",
                  "จำนวนประชากร 2023 National Statistical Office", "จำนวนประชากร ปีงบประมาณ 2560-2566"):
        _, subject = normalise.breakdown(normalise.clean(title, names))
        assert normalise.words(subject) == ("จำนวน", "ประชากร"), title


def test_breakdown_is_taken_out_of_the_subject_in_thai_and_english():
    found, rest = normalise.breakdown(normalise.clean("สถิติประชากรรายจังหวัด จำแนกตามเพศและกลุ่มอายุ รายเดือน"))
    assert (found.geo, found.time, found.dims) == ("province", "month", frozenset({"sex", "age"}))
    assert "จังหวัด" not in normalise.words(rest)
    found, rest = normalise.breakdown(normalise.clean("Population by province and sex"))
    assert (found.geo, found.dims) == ("province", frozenset({"sex"}))
    assert normalise.words(rest) == ("ประชากร",)  # English subject words map to Thai


def test_by_sex_is_a_breakdown_not_a_year_marker():
    # "เพศ 2566" ends in the letters of พ.ศ.: it was taken for the era and the sex breakdown lost
    found, _ = normalise.breakdown(normalise.clean("จำนวนประชากรจำแนกตามเพศ 2566"))
    assert found.dims == frozenset({"sex"})


def test_framing_words_and_short_names_are_cut_before_words():
    for title, expected in (("ชุดข้อมูลจำนวนผู้มีงานทำ (สศก.)", ("จำนวน", "มีงานทำ")),
                            ("รายงานการใช้พลังงานไฟฟ้า สป.สธ.", ("ใช้", "ไฟฟ้า"))):
        assert normalise.words(normalise.breakdown(normalise.clean(title))[1]) == expected, title


def test_subject_phrases_meet_across_wordings_and_languages():
    words = {normalise.words(normalise.breakdown(normalise.clean(t))[1])
             for t in ("สถิติอุบัติเหตุจราจรทางบก", "อุบัติเหตุบนท้องถนน", "Road accidents")}
    assert words == {("อุบัติเหตุทางถนน",)}


def test_partner_country_and_sector_are_not_geographic_levels():
    for title in ("มูลค่าการส่งออกข้าวรายประเทศคู่ค้า", "Rice export value by partner country"):
        found, _ = normalise.breakdown(normalise.clean(title))
        assert (found.geo, found.dims) == (None, frozenset({"partner"})), title
    assert normalise.breakdown(normalise.clean("การปล่อยก๊าซเรือนกระจกรายภาคส่วน"))[0].geo is None


def test_a_fund_is_not_an_agency_name():
    assert "กองทุนหมู่บ้าน" in normalise.words(normalise.clean("กองทุนหมู่บ้าน"))


# ---- verification

def test_same_series_other_years_reworded_is_a_duplicate_and_says_why():
    verdict = judge(rec("nso", "สถิติจำนวนประชากรรายจังหวัด พ.ศ. 2565 สำนักงานสถิติแห่งชาติ", unit="คน"),
                    rec("dopa", "จำนวนประชากร จำแนกตามจังหวัด (2567)", unit="คน"))
    assert verdict.duplicate
    assert "ประชากร" in verdict.terms and {"breakdown_geo", "unit"} <= set(verdict.matching)


def test_same_subject_other_breakdown_is_not_a_duplicate():
    verdict = judge(rec("nso", "จำนวนประชากรรายจังหวัด 2566"), rec("dopa", "จำนวนประชากรรายอำเภอ 2566"))
    assert not verdict.duplicate and "breakdown_geo" in verdict.conflicts


def test_same_words_other_unit_or_subject_is_not_a_duplicate():
    assert not judge(rec("a", "มูลค่าการส่งออกข้าวรายเดือน", unit="บาท"),
                     rec("b", "ปริมาณการส่งออกข้าวรายเดือน", unit="ตัน")).duplicate
    assert not judge(rec("a", "จำนวนผู้ป่วยโรคไข้เลือดออกรายจังหวัด"),
                     rec("b", "จำนวนผู้ป่วยโรคเบาหวานรายจังหวัด")).duplicate


def test_what_is_measured_and_new_vs_cumulative_are_evidence():
    # no unit to tell them apart: the titles say value vs volume, new vs cumulative
    verdict = judge(rec("a", "มูลค่าการส่งออกข้าวรายเดือน"), rec("b", "ปริมาณการส่งออกข้าวรายเดือน"))
    assert not verdict.duplicate and "measure" in verdict.conflicts
    verdict = judge(rec("a", "จำนวนรถจดทะเบียนใหม่รายจังหวัด"), rec("b", "จำนวนรถที่จดทะเบียนสะสมรายจังหวัด"))
    assert not verdict.duplicate and "qualifier" in verdict.conflicts
    # จำนวน and ปริมาณ both count: not a conflict
    assert judge(rec("a", "ปริมาณขยะมูลฝอยชุมชน รายจังหวัด", unit="ตัน"),
                 rec("b", "จำนวนขยะมูลฝอย จำแนกตามจังหวัด", unit="ตัน")).duplicate


def test_english_title_meets_its_thai_series():
    verdict = judge(rec("nso", "Employed persons by region by sex 2023", unit="คน"),
                    rec("dopa", "สถิติผู้มีงานทำรายภาค แยกตามเพศ ๒๕๖๘", unit="คน"))
    assert verdict.duplicate and {"breakdown_geo", "breakdown"} <= set(verdict.matching)


def test_the_same_table_for_another_place_is_not_a_duplicate():
    # Two provinces' offices publish the same register of their own province: the words are the
    # same, the geographic extent is not (it was paired: similarity 0.9, no conflict).
    for a, b in (("ทะเบียนร้านอาหารที่ได้รับอนุญาต จังหวัดลำปาง", "รายชื่อร้านอาหารที่ได้รับอนุญาตในจังหวัดลำพูน 2566"),
                 ("ผลการสำรวจแหล่งน้ำบ้านท่าศรีพู", "ผลการสำรวจแหล่งน้ำบ้านศรีวังพู"),
                 ("จำนวนผู้สูงอายุ ตำบลหนองบัว", "จำนวนผู้สูงอายุ ตำบลโคกสูง")):
        verdict = judge(rec("x", a), rec("y", b))
        assert not verdict.duplicate and "places" in verdict.conflicts, (a, b)
    # the same place named by both agencies: still the same table
    verdict = judge(rec("x", "ทะเบียนร้านอาหารที่ได้รับอนุญาต จังหวัดลำปาง"),
                    rec("y", "รายชื่อร้านอาหารที่ได้รับอนุญาตในจังหวัดลำปาง 2566"))
    assert verdict.duplicate
    # a breakdown (by province, the houses of a register) is not a named place
    for title in ("จำนวนประชากรรายจังหวัด", "ประชากรตามทะเบียนบ้าน ระดับอำเภอ", "จำนวนบ้านเช่า"):
        assert normalise.places(normalise.breakdown(normalise.clean(title))[1]) == frozenset(), title


def test_english_plurals_and_measures_inside_thai_compounds():
    # plurals the glossary does not list still meet their singular
    assert normalise.words("hotspots") == normalise.words("hotspot") == ("hotspot",)
    # newmm keeps "ราคาขายปลีก" whole: the price is still a measure, the rest still the subject
    assert normalise.words("ราคาขายปลีกน้ำมัน") == ("ราคา", "ขายปลีก", "น้ำมัน")
    assert judge(rec("a", "ราคาขายปลีกน้ำมันเชื้อเพลิง รายวัน", unit="บาทต่อลิตร"),
                 rec("b", "ราคาน้ำมันเชื้อเพลิงขายปลีก รายวัน", unit="บาทต่อลิตร")).duplicate


def test_every_agencys_own_action_plan_is_not_a_duplicate():
    assert not judge(rec("a", "แผนปฏิบัติราชการประจำปี 2566"), rec("b", "แผนปฏิบัติราชการประจำปี 2566")).duplicate


# ---- grouping

def _pair(a, b, sim=0.8):
    return clusters.Pair(a, b, verify.Verdict(True, sim, [], [], []))


def test_groups_never_chain_records_through_a_third():
    # 0~1 and 1~2 but not 0~2: two pairs, not one group of three
    groups = clusters.group([_pair(0, 1, 0.9), _pair(1, 2, 0.8)])
    assert sorted(g.members for g in groups) == [[0, 1], [1, 2]]
    # all three alike each other: one group holding the three pairs
    groups = clusters.group([_pair(0, 1), _pair(1, 2), _pair(0, 2)])
    assert [g.members for g in groups] == [[0, 1, 2]] and len(groups[0].pairs) == 3


def test_a_one_word_subject_is_a_candidate():
    # "ขยะ" was one MinHash feature (word and trigram alike), below the sketch minimum: never paired
    records = [rec("pcd", "ขยะมูลฝอย รายจังหวัด 2566", unit="ตัน"),
               rec("dla", "ปริมาณขยะมูลฝอยชุมชน จำแนกตามจังหวัด", unit="ตัน")]
    groups, _ = clusters.find_groups(records, AGENCIES)
    assert [g.members for g in groups] == [[0, 1]]


def test_pipeline_finds_cross_agency_pairs_only_and_respects_judgements():
    records = [rec("nso", "จำนวนประชากรรายจังหวัด 2566"), rec("dopa", "สถิติจำนวนประชากร จำแนกรายจังหวัด 2564"),
               rec("nso", "จำนวนประชากรรายจังหวัด 2565"), rec("tmd", "ปริมาณน้ำฝนรายวัน")]
    groups, _ = clusters.find_groups(records, AGENCIES)
    assert sorted(g.members for g in groups) == [[0, 1], [1, 2]]
    groups, _ = clusters.find_groups(records, AGENCIES, {(0, 1): clusters.REJECTED, (0, 3): clusters.CONFIRMED})
    assert sorted(g.members for g in groups) == [[0, 3], [1, 2]]


# ---- concepts (WordNet): subjects no word list here names

def test_thai_and_english_titles_meet_on_wordnet_concepts_and_only_there():
    """The Thai WordNet PyThaiNLP ships and WordNet 3.0 share synsets: "ช้าง" meets "elephants",
    "เกลือ" meets "salt", though no glossary names them; another animal does not."""
    assert judge(rec("a", "Domestic elephants by province, 2022"), rec("b", "จำนวนช้างเลี้ยง รายจังหวัด 2565")).duplicate
    assert judge(rec("a", "Salt production by province 2023"), rec("b", "ปริมาณการผลิตเกลือ รายจังหวัด 2566")).duplicate
    assert not judge(rec("a", "Domestic elephants by province, 2022"), rec("b", "จำนวนม้า รายจังหวัด 2565")).duplicate
    assert not judge(rec("a", "Honey production by province 2023"), rec("b", "ปริมาณการผลิตเกลือ รายจังหวัด 2566")).duplicate
    # The concept carries the pair; the breakdown still decides.
    assert not judge(rec("a", "Salt production by month 2023"), rec("b", "ปริมาณการผลิตเกลือ รายจังหวัด 2566")).duplicate


def test_wordnet_concepts_of_thai_synonyms_and_english_words():
    from ckanext.opengov.overlap import wordnet

    assert set(wordnet.concepts("โลหิต")) & set(wordnet.concepts("เลือด"))
    assert set(wordnet.concepts("blood")) & set(wordnet.concepts("โลหิต"))
    assert wordnet.phrase_concepts(("exchange", "rate")) & set(wordnet.concepts("อัตราแลกเปลี่ยน"))
    assert wordnet.concepts("ไม่มีคำนี้ในพจนานุกรม") == () and wordnet.concepts("zzzq") == ()
