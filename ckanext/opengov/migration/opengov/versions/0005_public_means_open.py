"""The classification gate below the action layer: PostgreSQL refuses a public dataset that is
not classified exactly เปิดเผย.

The validators enforce the rule on every action; this trigger holds it for every other writer
(a future code path, a plugin writing the model directly, a manual SQL edit). It refuses the row
rather than forcing it private: the transaction that tried it is rolled back whole, so nothing is
half-written, the writer learns at once (instead of believing it published something), and the
search index, which CKAN updates after the flush that fires this trigger, is never told about it.

It fires BEFORE each INSERT or UPDATE of a row, so it judges the row as written, and skips rows
of type 'harvest' (harvest sources carry no classification). Rows already breaking the rule are
made private first (run `ckan search-index rebuild` afterwards so the index agrees).

Revision ID: 0005_public_means_open
Revises: 0004_harvest_object_children
Create Date: 2026-11-29
"""
from alembic import op

revision = "0005_public_means_open"
down_revision = "0004_harvest_object_children"
branch_labels = None
depends_on = None

# The row that breaks the rule: not a harvest source, not private (NULL counts as public, as CKAN
# reads it), classification not byte-for-byte เปิดเผย (missing, other spelling, look-alike).
BREAKS_RULE = """
    {row}.type IS DISTINCT FROM 'harvest'
    AND {row}.private IS NOT TRUE
    AND ({row}.extras ->> 'data_classification') IS DISTINCT FROM 'เปิดเผย'
"""


def upgrade():
    op.execute(f"UPDATE package SET private = TRUE WHERE {BREAKS_RULE.format(row='package')}")
    op.execute("""
        CREATE OR REPLACE FUNCTION opengov_refuse_public_classified() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            CONSTRAINT = 'opengov_public_means_open',
            MESSAGE = format('dataset %s is public but not classified เปิดเผย', NEW.name),
            HINT = 'Make the dataset private or classify it เปิดเผย.';
        END $$""")
    op.execute("DROP TRIGGER IF EXISTS opengov_public_means_open ON package")
    op.execute(f"""
        CREATE TRIGGER opengov_public_means_open
        BEFORE INSERT OR UPDATE ON package
        FOR EACH ROW WHEN ({BREAKS_RULE.format(row='NEW')})
        EXECUTE FUNCTION opengov_refuse_public_classified()""")


def downgrade():
    op.execute("DROP TRIGGER IF EXISTS opengov_public_means_open ON package")
    op.execute("DROP FUNCTION IF EXISTS opengov_refuse_public_classified()")
