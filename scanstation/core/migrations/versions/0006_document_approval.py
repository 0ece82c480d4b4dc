"""per-document approval: document.approved_hashes, document.edited_by

Revision ID: 0006
Revises: 0005
"""
import json
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _carry_dossier_approvals() -> None:
    """Dossiers approved before approval was per document: each of their documents takes the dossier's standing
    approval (who, when), with the hashes of its own active pages, so nothing approved waits again."""
    bind = op.get_bind()
    document = sa.table('document', sa.column('id', sa.Integer), sa.column('dossier_id', sa.Integer),
                        sa.column('verified_by', sa.String), sa.column('verified_at', sa.DateTime(timezone=True)),
                        sa.column('approved_hashes', sa.JSON))
    approvals = bind.execute(sa.text(
        "SELECT r.dossier_id, r.actor, r.at, r.values_json FROM step_record r JOIN dossier d ON d.id = r.dossier_id "
        "WHERE r.step = 7 AND r.action = 'verify' AND d.step >= 7 ORDER BY r.id")).all()
    latest = {row.dossier_id: row for row in approvals}
    for dossier_id, row in latest.items():
        allowed = set(json.loads(row.values_json).get('approved_hashes', []))
        docs = bind.execute(sa.text("SELECT id FROM document WHERE dossier_id = :d"), {'d': dossier_id}).scalars()
        for doc_id in list(docs):
            hashes = list(bind.execute(sa.text(
                "SELECT sha256 FROM page WHERE document_id = :doc AND status = 'active' ORDER BY seq"),
                {'doc': doc_id}).scalars())
            if hashes and set(hashes) <= allowed:
                at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
                bind.execute(document.update().where(document.c.id == doc_id).values(
                    verified_by=row.actor, verified_at=at if at.tzinfo else at.replace(tzinfo=timezone.utc),
                    approved_hashes=hashes))


def upgrade() -> None:
    with op.batch_alter_table('document') as batch:
        batch.add_column(sa.Column('approved_hashes', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('edited_by', sa.JSON(), nullable=True))
    _carry_dossier_approvals()


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+): a batch copy of `document` would break the foreign keys pages hold to it
    op.drop_column('document', 'edited_by')
    op.drop_column('document', 'approved_hashes')
