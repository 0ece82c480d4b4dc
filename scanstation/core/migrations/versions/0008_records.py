"""records (Directive Part 2): intake, originals, binders, legal holds, destruction batches

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('binder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series', sa.String(length=1), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_binder')),
    sa.UniqueConstraint('series', 'number', name=op.f('uq_binder_series'))
    )
    op.create_table('destruction_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('planned_by', sa.String(length=64), nullable=False),
    sa.Column('planned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('executed_by', sa.String(length=64), nullable=True),
    sa.Column('executed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('minutes_file', sa.String(length=200), nullable=True),
    sa.Column('minutes_sha256', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destruction_batch')),
    sa.UniqueConstraint('number', name=op.f('uq_destruction_batch_number'))
    )
    op.create_table('intake',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('secretariat_no', sa.String(length=40), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['capture_batch.id'], name=op.f('fk_intake_batch_id_capture_batch')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_intake_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake'))
    )
    with op.batch_alter_table('intake', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('legal_hold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_by', sa.String(length=64), nullable=True),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('release_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_legal_hold_document_id_document')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_legal_hold_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_hold'))
    )
    with op.batch_alter_table('legal_hold', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_hold_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('original_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('intake_id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('type_code', sa.String(length=40), nullable=False),
    sa.Column('disposition', sa.String(length=20), nullable=False),
    sa.Column('binder_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('sheets', sa.Integer(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('confirmed_by', sa.String(length=64), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handed_to', sa.String(length=200), nullable=True),
    sa.Column('handed_by', sa.String(length=64), nullable=True),
    sa.Column('handed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('destroyed_batch_id', sa.Integer(), nullable=True),
    sa.Column('destroyed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['binder_id'], ['binder.id'], name=op.f('fk_original_item_binder_id_binder')),
    sa.ForeignKeyConstraint(['destroyed_batch_id'], ['destruction_batch.id'], name=op.f('fk_original_item_destroyed_batch_id_destruction_batch')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_original_item_document_id_document')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_original_item_dossier_id_dossier'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['intake_id'], ['intake.id'], name=op.f('fk_original_item_intake_id_intake'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_original_item')),
    sa.UniqueConstraint('document_id', name=op.f('uq_original_item_document_id'))
    )
    with op.batch_alter_table('original_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_original_item_binder_id'), ['binder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_original_item_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_original_item_intake_id'), ['intake_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_original_item_registered_on'), ['registered_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_original_item_status'), ['status'], unique=False)

    op.create_table('destruction_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('original_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('remote_verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['destruction_batch.id'], name=op.f('fk_destruction_item_batch_id_destruction_batch'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['original_id'], ['original_item.id'], name=op.f('fk_destruction_item_original_id_original_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destruction_item')),
    sa.UniqueConstraint('batch_id', 'original_id', name=op.f('uq_destruction_item_batch_id'))
    )
    with op.batch_alter_table('destruction_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_destruction_item_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_destruction_item_original_id'), ['original_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('destruction_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_destruction_item_original_id'))
        batch_op.drop_index(batch_op.f('ix_destruction_item_batch_id'))

    op.drop_table('destruction_item')
    with op.batch_alter_table('original_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_original_item_status'))
        batch_op.drop_index(batch_op.f('ix_original_item_registered_on'))
        batch_op.drop_index(batch_op.f('ix_original_item_intake_id'))
        batch_op.drop_index(batch_op.f('ix_original_item_dossier_id'))
        batch_op.drop_index(batch_op.f('ix_original_item_binder_id'))

    op.drop_table('original_item')
    with op.batch_alter_table('legal_hold', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_hold_dossier_id'))

    op.drop_table('legal_hold')
    with op.batch_alter_table('intake', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_dossier_id'))

    op.drop_table('intake')
    op.drop_table('destruction_batch')
    op.drop_table('binder')
