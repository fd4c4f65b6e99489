"""Synthetic Thai catalog for the transparency benchmarks, bulk-loaded with COPY.

Real Thai words (PyThaiNLP's bundled word list) joined without spaces, as Thai is written, so
the overlap detector has to segment them; one dataset in 40 is a near-copy of another agency's.
Every row is prefixed "bench-tr-" so the seed can be removed without touching anything else.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import uuid
from functools import lru_cache

PREFIX = "bench-tr-"
MINISTRIES = 20
GEO = ["จังหวัด", "อำเภอ", "ตำบล", "ภาค", "ประเทศ"]
UNITS = ["ปี", "ครึ่งปี", "ไตรมาส", "เดือน", "สัปดาห์", "วัน", "ไม่ทราบ"]
FORMATS = ["CSV", "PDF", "XLSX", "JSON", "RDF", "SHP", "DOCX", ""]
LICENCES = ["Open Data Common", "Creative Commons Attributions",
            "Creative Commons Attribution Non-Commercial", "อื่นๆ"]
OBJECTIVES = ["ยุทธศาสตร์ชาติ", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "พันธกิจหน่วยงาน",
              "เพื่อการให้บริการประชาชน", "กฎหมายที่เกี่ยวข้อง", "มติคณะรัฐมนตรี"]
ENGLISH = ("population province district rainfall station budget school hospital road river "
           "price rice rubber tourism export import vehicle accident tax land forest").split()
DUPLICATE_EVERY = 40


@lru_cache(maxsize=1)
def vocabulary() -> list[str]:
    from pythainlp.corpus import thai_words

    return sorted(w for w in thai_words() if 2 <= len(w) <= 8 and " " not in w)


def texts(i: int) -> tuple[str, str, list[str]]:
    """Title, description and tags of dataset i (deterministic)."""
    if i >= DUPLICATE_EVERY and i % DUPLICATE_EVERY == 0:
        title, notes, tags = texts(i - 17)  # another agency's dataset (agency = i % agencies)
        return title + "ล่าสุด", notes, tags
    rng = random.Random(i)
    words = vocabulary()
    title = "".join(rng.sample(words, 3)) + "ราย" + rng.choice(GEO)
    notes = "".join(rng.sample(words, 10)) + " " + " ".join(rng.sample(ENGLISH, 3))
    tags = rng.sample(words[:3000], 3)
    return title, notes, tags


def documents(n: int, agencies: int = 300):
    """(agency, title, notes, tags) for overlap runs that do not need the database."""
    for i in range(n):
        title, notes, tags = texts(i)
        yield f"agency-{i % agencies}", title, notes, tags


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    count = 0

    def flush():
        buffer.seek(0)
        cursor.copy_expert(f'COPY "{table}" ({", ".join(columns)}) FROM STDIN WITH (FORMAT csv)', buffer)
        buffer.seek(0)
        buffer.truncate()

    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        count += 1
        if count % 20_000 == 0:
            flush()
    flush()


def clear(engine) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        like = PREFIX + "%"
        cur.execute("SELECT to_regclass('harvest_source') IS NOT NULL")
        if cur.fetchone()[0]:  # ckanext-harvest's tables, when seed_sources() filled them
            cur.execute("DELETE FROM harvest_object_error WHERE id LIKE %s", (like,))
            cur.execute("DELETE FROM harvest_object WHERE id LIKE %s", (like,))
            cur.execute("DELETE FROM harvest_gather_error WHERE id LIKE %s", (like,))
            cur.execute("DELETE FROM harvest_job WHERE id LIKE %s", (like,))
            cur.execute("DELETE FROM harvest_source WHERE id LIKE %s", (like,))
        cur.execute("DELETE FROM package_tag WHERE id LIKE %s", (like,))
        cur.execute("DELETE FROM tag WHERE id LIKE %s", (like,))
        cur.execute("DELETE FROM resource WHERE id LIKE %s", (like,))
        cur.execute("DELETE FROM package WHERE id LIKE %s", (like,))
        cur.execute('DELETE FROM "group" WHERE id LIKE %s', (like,))
        raw.commit()
    finally:
        raw.close()


def seed(engine, datasets: int, agencies: int = 300, start: int = 0) -> None:
    """Insert agencies (once) and datasets start … start+datasets-1."""
    now = dt.datetime(2026, 11, 25)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if start == 0:
            _copy(cur, "group", ["id", "name", "title", "type", "state", "is_organization",
                                 "approval_status", "created", "extras"], (
                (f"{PREFIX}org-{a}", f"{PREFIX}org-{a}", f"หน่วยงานทดสอบที่ {a}", "organization",
                 "active", "t", "approved", now,
                 json.dumps({"ministry": f"กระทรวงทดสอบที่ {a % MINISTRIES}"}, ensure_ascii=False))
                for a in range(agencies)))
            _copy(cur, "tag", ["id", "name"], ((f"{PREFIX}tag-{w}", w) for w in vocabulary()[:3000]))

        def packages():
            for i in range(start, start + datasets):
                rng = random.Random(-i - 1)
                title, notes, _ = texts(i)
                classified = rng.random() < 0.1
                extras = {
                    "data_type": "ข้อมูลสถิติ", "objective": json.dumps(rng.sample(OBJECTIVES, 2), ensure_ascii=False),
                    "update_frequency_unit": rng.choice(UNITS), "update_frequency_interval": "1",
                    "geo_coverage": rng.choice(GEO), "data_source": "หน่วยงานทดสอบ",
                    "data_format": '["CSV"]', "data_category": "ข้อมูลส่วนบุคคล" if classified else "ข้อมูลสาธารณะ",
                    "data_classification": "ลับ" if classified else "เปิดเผย",
                    "last_updated_date": (now - dt.timedelta(days=rng.randint(0, 1200))).date().isoformat(),
                }
                if rng.random() < 0.15:
                    extras.pop("geo_coverage")
                created = now - dt.timedelta(days=rng.randint(0, 1500))
                yield (f"{PREFIX}{i}", f"{PREFIX}ds-{i}", title, notes if rng.random() > 0.05 else "",
                       "กองทดสอบ", "test@example.go.th", "active", rng.choice(LICENCES), "dataset",
                       f"{PREFIX}org-{i % agencies}", "t" if classified else "f", created, created,
                       json.dumps(extras, ensure_ascii=False))

        _copy(cur, "package", ["id", "name", "title", "notes", "maintainer", "maintainer_email",
                               "state", "license_id", "type", "owner_org", "private",
                               "metadata_created", "metadata_modified", "extras"], packages())

        def resources():
            for i in range(start, start + datasets):
                rng = random.Random(i * 7 + 3)
                for position in range(rng.choice([0, 1, 1, 2, 3])):
                    yield (f"{PREFIX}{i}-{position}", f"{PREFIX}{i}", f"http://127.0.0.1:9/{i}/{position}",
                           rng.choice(FORMATS), f"ไฟล์ {position}", position, "active", "{}")

        _copy(cur, "resource", ["id", "package_id", "url", "format", "name", "position", "state",
                                "extras"], resources())

        def package_tags():
            for i in range(start, start + datasets):
                for tag in texts(i)[2]:
                    yield (f"{PREFIX}{i}-{uuid.uuid5(uuid.NAMESPACE_URL, tag).hex[:8]}", "active",
                           f"{PREFIX}{i}", f"{PREFIX}tag-{tag}")

        _copy(cur, "package_tag", ["id", "state", "package_id", "tag_id"], package_tags())
        cur.execute("ANALYZE package; ANALYZE resource; ANALYZE package_tag")
        raw.commit()
    finally:
        raw.close()


def seed_sources(engine, agencies: int, jobs_per_source: int = 10) -> None:
    """One harvest source per agency (ckanext-harvest's tables), with `jobs_per_source` nightly
    jobs each; about one last job in 20 with a gather error and one in 50 with an object error,
    so harvest health has every status to compute. Needs the harvest plugin's tables."""
    now = dt.datetime(2026, 11, 25, 2)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        ids = [f"{PREFIX}src-{a}" for a in range(agencies)]
        _copy(cur, "package", ["id", "name", "title", "state", "type", "owner_org", "private",
                               "metadata_created", "metadata_modified", "extras"], (
            (sid, sid, f"แคตตาล็อกหน่วยงานทดสอบที่ {a}", "active", "harvest", f"{PREFIX}org-{a}", "f",
             now, now, "{}") for a, sid in enumerate(ids)))
        _copy(cur, "harvest_source", ["id", "url", "title", "type", "active", "created", "frequency"], (
            (sid, f"http://127.0.0.2/catalog/{a}?key=secret", f"แคตตาล็อกหน่วยงานทดสอบที่ {a}", "ckan",
             "t" if a % 25 else "f", now, "DAILY") for a, sid in enumerate(ids)))

        def job(a: int, j: int) -> str:
            return f"{PREFIX}job-{a}-{j}"

        # Some sources stopped succeeding a while ago (stale), a few never ran (never).
        _copy(cur, "harvest_job", ["id", "created", "gather_started", "gather_finished", "finished",
                                   "source_id", "status"], (
            (job(a, j), day, day, day, day + dt.timedelta(minutes=5), sid, "Finished")
            for a, sid in enumerate(ids) if a % 97
            for j in range(jobs_per_source)
            for day in [now - dt.timedelta(days=j + (40 if a % 13 == 0 else 0))]))
        _copy(cur, "harvest_gather_error", ["id", "harvest_job_id", "message", "created"], (
            (f"{PREFIX}ge-{a}", job(a, 0), "ติดต่อแคตตาล็อกไม่ได้", now)
            for a in range(agencies) if a % 97 and a % 20 == 1))
        _copy(cur, "harvest_object", ["id", "guid", "current", "state", "harvest_job_id",
                                      "harvest_source_id", "report_status"], (
            (f"{PREFIX}obj-{a}", f"record-{a}", "f", "ERROR", job(a, 0), sid, "errored")
            for a, sid in enumerate(ids) if a % 97 and a % 50 == 3))
        _copy(cur, "harvest_object_error", ["id", "harvest_object_id", "message", "stage", "line", "created"], (
            (f"{PREFIX}oe-{a}", f"{PREFIX}obj-{a}", "ไม่มีชื่อชุดข้อมูล", "Import", 0, now)
            for a in range(agencies) if a % 97 and a % 50 == 3))
        cur.execute("ANALYZE harvest_source; ANALYZE harvest_job; ANALYZE harvest_gather_error; "
                    "ANALYZE harvest_object; ANALYZE harvest_object_error")
        raw.commit()
    finally:
        raw.close()
