"""capture and documents: pages, batches, documents

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('capture_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('device', sa.String(length=120), nullable=True),
    sa.Column('profile', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=True),
    sa.Column('dpi', sa.Integer(), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_capture_batch_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capture_batch'))
    )
    with op.batch_alter_table('capture_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capture_batch_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('type_code', sa.String(length=40), nullable=False),
    sa.Column('heading_code', sa.String(length=40), nullable=False),
    sa.Column('doc_date', sa.String(length=10), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('stamp_branch', sa.String(length=200), nullable=True),
    sa.Column('stamp_user_name', sa.String(length=200), nullable=True),
    sa.Column('stamp_user_code', sa.String(length=32), nullable=True),
    sa.Column('stamp_date', sa.String(length=10), nullable=True),
    sa.Column('verified_by', sa.String(length=32), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_document_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    sa.UniqueConstraint('dossier_id', 'number', name=op.f('uq_document_dossier_id'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('page',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sheet', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=8), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('dpi', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('qc_reasons', sa.Text(), nullable=False),
    sa.Column('qc_metrics', sa.Text(), nullable=False),
    sa.Column('barcodes', sa.Text(), nullable=False),
    sa.Column('accepted_reason', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('derived_from_id', sa.Integer(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['capture_batch.id'], name=op.f('fk_page_batch_id_capture_batch')),
    sa.ForeignKeyConstraint(['derived_from_id'], ['page.id'], name=op.f('fk_page_derived_from_id_page')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_page_document_id_document')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_page_dossier_id_dossier'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['replaced_by_id'], ['page.id'], name=op.f('fk_page_replaced_by_id_page')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_page'))
    )
    with op.batch_alter_table('page', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_page_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_page_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_page_sha256'), ['sha256'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('page', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_page_sha256'))
        batch_op.drop_index(batch_op.f('ix_page_dossier_id'))
        batch_op.drop_index(batch_op.f('ix_page_document_id'))

    op.drop_table('page')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_dossier_id'))

    op.drop_table('document')
    with op.batch_alter_table('capture_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capture_batch_dossier_id'))

    op.drop_table('capture_batch')
