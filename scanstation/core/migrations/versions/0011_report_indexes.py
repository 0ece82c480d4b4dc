"""indexes the reports aggregate by (issue 12)

Revision ID: 0011
Revises: 0010

Service time finds each step's start with "the latest record of the step before, for this dossier, no later than
this one" (dossier_id, step, at); every report filters by time: step records by (step, at), pages, documents and
capture batches by the moment they were made. bench/bench_reports.py measured them on one year of a busy branch.
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_step_record_dossier_step_at": ("step_record", ["dossier_id", "step", "at"]),
    "ix_step_record_step_at": ("step_record", ["step", "at"]),
    "ix_page_created_at": ("page", ["created_at"]),
    "ix_document_created_at": ("document", ["created_at"]),
    "ix_capture_batch_started_at": ("capture_batch", ["started_at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
