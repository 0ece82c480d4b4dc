"""trust: database flags (a demo database says so)

Revision ID: 0004
Revises: 0002 (the merge chains it after 0003)
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('database_flag',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_database_flag'))
    )


def downgrade() -> None:
    op.drop_table('database_flag')
