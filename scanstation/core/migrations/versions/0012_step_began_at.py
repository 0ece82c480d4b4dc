"""when each step began (step_record.began_at), so service time is a column, not a year of records ordered

Revision ID: 0012
Revises: 0011

A step's service time runs from the end of the step before it on its track (core/workflow.steps_before_on_track):
recorded with the step from now on (services/steps.record_step), and filled here for the steps already recorded by
the same rule, in one ordered pass per track. Records that are part of a step (one document approved or rejected)
keep it empty.
"""
from alembic import op
import sqlalchemy as sa

from scanstation.core.workflow import STEPS, steps_before_on_track


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def _completed(alias: str) -> str:
    return "(" + " OR ".join(f"({alias}.step = {s.number} AND {alias}.action = '{s.code}')" for s in STEPS) + ")"


def _previous(steps: tuple[int, ...]) -> str:
    """Each completed record of `steps` with the end of the completed record before it among them."""
    listed = ", ".join(str(n) for n in steps)
    return (f"SELECT s.id, s.step, LAG(s.at) OVER (PARTITION BY s.dossier_id ORDER BY s.at, s.id) AS previous "
            f"FROM step_record s WHERE {_completed('s')} AND s.step IN ({listed})")


def upgrade() -> None:
    with op.batch_alter_table("step_record") as batch:
        batch.add_column(sa.Column("began_at", sa.DateTime(timezone=True), nullable=True))
    track_a, track_b = steps_before_on_track(1), steps_before_on_track(11)
    rows = (f"SELECT id, previous FROM ({_previous(track_a)}) AS a WHERE a.step <> 1 "
            f"UNION ALL SELECT id, previous FROM ({_previous(track_b)}) AS b WHERE b.step IN (11, 12)")
    op.execute(f"UPDATE step_record SET began_at = t.previous FROM ({rows}) AS t WHERE t.id = step_record.id")
    op.execute("UPDATE step_record SET began_at = (SELECT d.created_at FROM dossier d WHERE d.id = step_record.dossier_id) "
               "WHERE step = 1 AND action = 'retrieve'")


def downgrade() -> None:
    with op.batch_alter_table("step_record") as batch:
        batch.drop_column("began_at")
