"""the outbox's upkeep looks upload rows up by file name and finds the newest manifest by index (issue 20)

Revision ID: 0019
Revises: 0018

Every hour the service sweeps its outbox folder: the few names the folder holds are looked up by `local_file`; and it
asks when a manifest last anchored the chain, max(remote_verified_at) of the manifest rows. Without these indexes
both read every upload row (about ten a dossier: a million on a branch server).
"""
from alembic import op


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_upload_item_local_file": ("upload_item", ["local_file"]),
    "ix_upload_item_kind_verified": ("upload_item", ["kind", "remote_verified_at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
