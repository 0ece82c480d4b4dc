"""each step's records in order of how long they took, on SQLite (issue 12)

Revision ID: 0013
Revises: 0012

SQLite has no percentile function, and its window functions copy every row of a partition aside before ranking
it: the median of a year's step records (1.1 million) took 3.5 s. With an index on the step, its action and the
minutes it took, a median is read off the index (count the step's records, then step to the middle one); on one year
of a busy branch that is 0.9 s for every step together (bench/bench_reports.py). PostgreSQL sorts each step's times
for its percentile functions well enough and gets no such index.
"""
from alembic import op
import sqlalchemy as sa

from scanstation.core.models.dossier import SQLITE_STEP_MINUTES


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

NAME = "ix_step_record_took"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(NAME, "step_record", ["step", "action", sa.text(SQLITE_STEP_MINUTES), "at"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index(NAME, table_name="step_record")
