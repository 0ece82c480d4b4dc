"""capture batch owner (host, pid, heartbeat) and kept duplicates

Revision ID: 0010
Revises: 0008

A running batch is the dossier's capture lock; its owner and last sign of life let a later capture tell a batch still
being filled from one left behind by a killed process. A page kept although the dossier already held its image says
why in `duplicate_reason`. Adding nullable columns needs no table copy on SQLite.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('capture_batch') as batch:
        batch.add_column(sa.Column('host', sa.String(length=120), nullable=True))
        batch.add_column(sa.Column('pid', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('page') as batch:
        batch.add_column(sa.Column('duplicate_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('page') as batch:
        batch.drop_column('duplicate_reason')
    with op.batch_alter_table('capture_batch') as batch:
        batch.drop_column('heartbeat_at')
        batch.drop_column('pid')
        batch.drop_column('host')
