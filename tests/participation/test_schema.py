"""tables.py is the code's one reading of the participation schema: what migration 0008 made in
the real PostgreSQL and what tables.py declares must be the same, column by column.

Both are read back from PostgreSQL: tables.py's tables are created in a scratch schema inside a
transaction that is rolled back, so defaults and constraints are compared as PostgreSQL itself
writes them (``now() at time zone 'utc'`` and ``timezone('utc', now())`` are one default).
"""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from ckanext.opengov.participation import tables

pytestmark = pytest.mark.usefixtures("clean_db")

SCRATCH = "opengov_schema_check"
# Every table migration 0008 created (the activity index it adds belongs to CKAN's table).
PREFIXES = ("opengov_datarequest", "opengov_follow_", "opengov_digest_")


def _shape(inspector: sa.engine.Inspector, table: str, schema: str | None) -> dict:
    def fks():
        return sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]),
                       (fk.get("options") or {}).get("ondelete")) for fk in inspector.get_foreign_keys(table, schema))
    return {
        "columns": [(c["name"], str(c["type"]), c["nullable"], c["default"])
                    for c in inspector.get_columns(table, schema)],
        "primary key": inspector.get_pk_constraint(table, schema)["constrained_columns"],
        "foreign keys": fks(),
        "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                          for i in inspector.get_indexes(table, schema)),
        "unique": sorted((u["name"], tuple(u["column_names"]))
                         for u in inspector.get_unique_constraints(table, schema)),
        "checks": sorted((c["name"], c["sqltext"]) for c in inspector.get_check_constraints(table, schema)),
    }


def _declared_in_scratch(conn) -> None:
    """tables.py's tables created in SCRATCH; foreign keys still reach CKAN's tables in public."""
    copy = sa.MetaData()
    for name in ("user", "group", "package"):  # stand-ins so that the DDL compiles; never created
        sa.Table(name, copy, sa.Column("id", sa.UnicodeText, primary_key=True))
    ours = [table.to_metadata(copy) for table in tables.metadata.tables.values()]
    conn.execute(sa.text(f"CREATE SCHEMA {SCRATCH}"))
    conn.execute(sa.text(f"SET LOCAL search_path TO {SCRATCH}, public"))
    copy.create_all(conn, tables=ours, checkfirst=False)


def test_the_migrated_tables_are_the_tables_py_tables():
    import ckan.model as model

    with model.meta.engine.connect() as conn:
        transaction = conn.begin()
        try:
            migrated = sorted(name for name in sa.inspect(conn).get_table_names()
                              if name.startswith(PREFIXES))
            assert migrated == sorted(tables.metadata.tables), "tables.py and migration 0008 name other tables"
            _declared_in_scratch(conn)
            inspector = sa.inspect(conn)
            for name in migrated:
                assert _shape(inspector, name, SCRATCH) == _shape(inspector, name, "public"), name
        finally:
            transaction.rollback()
