"""The supervisor's review queue (step 7): what waits for approval, out-of-turn first, then the longest waiting."""

from __future__ import annotations

from sqlalchemy import exists, or_, select

from scanstation.core.models import Document, Dossier, StepRecord
from scanstation.core.pages import active_pages
from scanstation.core.roles import Role
from scanstation.core.uow import UnitOfWork
from scanstation.services.read_models import ReviewItem


def _item(uow: UnitOfWork, dossier: Dossier) -> ReviewItem:
    session = uow.session
    pages = active_pages(session, dossier.id)
    docs = list(session.execute(select(Document).where(Document.dossier_id == dossier.id)).scalars())
    pending = [d for d in docs if d.verified_at is None]
    if dossier.step == 6:
        kind = "dossier"
        since = session.execute(select(StepRecord.at).where(StepRecord.dossier_id == dossier.id, StepRecord.step == 6)
                                .order_by(StepRecord.id.desc()).limit(1)).scalar_one()
    else:
        kind, since = "intake", min(d.created_at for d in pending)
    return ReviewItem(
        barcode=dossier.barcode, name=dossier.name, out_of_turn=dossier.out_of_turn, kind=kind,
        operators=tuple(sorted({p.actor for p in pages})), pages=len(pages), documents=len(docs),
        pending=len(pending), sheets_counted=dossier.sheets_counted, sheets_slimmed=dossier.sheets_slimmed,
        sheets_captured=len({p.sheet for p in pages}),
        flags_accepted=sum(1 for p in pages if p.qc_reasons and p.accepted_reason), since=since)


def review_queue(uow: UnitOfWork) -> list[ReviewItem]:
    """Dossiers whose quality check is closed (step 7 waits), and approved dossiers holding a document added since
    that still waits for approval; out-of-turn first, then the longest waiting."""
    with uow:
        uow.require(Role.SUPERVISOR, Role.AGENCY_RESPONSIBLE)
        waiting_document = exists().where(Document.dossier_id == Dossier.id, Document.verified_at.is_(None))
        dossiers = uow.session.execute(select(Dossier).where(
            or_(Dossier.step == 6, (Dossier.step >= 7) & waiting_document))).scalars().all()
        items = [_item(uow, d) for d in dossiers]
        return sorted(items, key=lambda i: (not i.out_of_turn, i.since, i.barcode))
