"""Migration 0006: dossiers approved before approval was per document keep their approval, document by document."""

from __future__ import annotations

from alembic import command

from scanstation.bootstrap import App
from scanstation.core.db import _alembic_config
from scanstation.services import queries, verification
from tests.builders import CLERK, SUPERVISOR, new_dossier, staff, walk
from tests.services.test_document_approval import three_documents


def test_upgrade_carries_a_dossiers_approval_to_each_of_its_documents(app: App) -> None:
    staff(app)
    approved = new_dossier(app, 0)
    walk(app, approved, 7, sheets=3, slimmed=0)
    waiting = three_documents(app, 1)
    before = queries.dossier_detail(app.uow(CLERK), approved).to_json()["documents"]
    with app.engine.begin() as conn:
        cfg = _alembic_config(app.engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    app.upgrade_schema()
    after = queries.dossier_detail(app.uow(CLERK), approved).to_json()["documents"]
    assert [d["verified_by"] for d in after] == [SUPERVISOR] and after[0]["verified_at"] == before[0]["verified_at"]
    assert [d.verified_by for d in queries.dossier_detail(app.uow(CLERK), waiting).documents] == [None] * 3
    assert verification.review_queue(app.uow(SUPERVISOR))[0].barcode == waiting
