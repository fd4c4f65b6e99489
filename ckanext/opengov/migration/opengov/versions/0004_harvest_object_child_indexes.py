"""Index ckanext-harvest's object extras and errors by object.

ckanext-harvest declares neither: reading one object's status extra (which every import does) or
its errors scans the whole table, which grows by one row per harvested record per run.
`ckan db upgrade` migrates plugins in name order, so harvest's tables exist by now; where they do
not (harvest not enabled), there is nothing to index.

Revision ID: 0004_harvest_object_children
Revises: 0003_reference_url_index
Create Date: 2026-11-26
"""
from alembic import op

revision = "0004_harvest_object_children"
down_revision = "0003_reference_url_index"
branch_labels = None
depends_on = None

INDEXES = {
    "idx_opengov_harvest_object_extra_object": "harvest_object_extra",
    "idx_opengov_harvest_object_error_object": "harvest_object_error",
}


def upgrade():
    for name, table in INDEXES.items():
        op.execute(f"""
            DO $$ BEGIN
              IF to_regclass('{table}') IS NOT NULL THEN
                CREATE INDEX IF NOT EXISTS {name} ON {table} (harvest_object_id);
              END IF;
            END $$""")


def downgrade():
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
