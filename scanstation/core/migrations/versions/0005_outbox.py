"""upload outbox: upload_item

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('upload_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('tracking_code', sa.String(length=16), nullable=False),
    sa.Column('collection', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('local_file', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('properties', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_try_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('remote_verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('indexed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_upload_item_document_id_document')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_upload_item_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upload_item')),
    sa.UniqueConstraint('tracking_code', name=op.f('uq_upload_item_tracking_code'))
    )
    with op.batch_alter_table('upload_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upload_item_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_upload_item_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_upload_item_state'), ['state'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('upload_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upload_item_state'))
        batch_op.drop_index(batch_op.f('ix_upload_item_dossier_id'))
        batch_op.drop_index(batch_op.f('ix_upload_item_document_id'))

    op.drop_table('upload_item')
