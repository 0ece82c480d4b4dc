"""The supervisor's review queue (step 7): what waits for approval, out-of-turn first, then the longest waiting."""

from __future__ import annotations

from sqlalchemy import exists, or_, select

from scanstation.core.models import Document, Dossier, Page, StepRecord
from scanstation.core.models.capture import SUPERVISOR_FLAG
from scanstation.core.pages import active_pages
from scanstation.core.uow import UnitOfWork
from scanstation.services.read_models import ReviewItem
from scanstation.services.steps import file_approved



def sent_back(page: Page) -> bool:
    """The approver sent this page back and the clerk has neither replaced it nor accepted it with a reason."""
    return SUPERVISOR_FLAG in page.qc_reasons and not page.accepted_reason


def _item(uow: UnitOfWork, dossier: Dossier) -> ReviewItem | None:
    """The dossier as the queue shows it; None for a dossier whose additions all wait for the clerk's fixes."""
    session = uow.session
    pages = active_pages(session, dossier.id)
    docs = list(session.execute(select(Document).where(Document.dossier_id == dossier.id)).scalars())
    pending = [d for d in docs if d.verified_at is None]
    if file_approved(dossier):  # counter additions: one sent back waits for the clerk, not for the approver
        returned = {p.document_id for p in pages if sent_back(p)}
        pending = [d for d in pending if d.id not in returned]
        if not pending:
            return None
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
    with uow.reading():
        uow.require_to("review.queue")
        waiting_document = exists().where(Document.dossier_id == Dossier.id, Document.verified_at.is_(None))
        dossiers = uow.session.execute(select(Dossier).where(
            or_(Dossier.step == 6, (Dossier.step >= 7) & waiting_document))).scalars().all()
        items = [item for item in (_item(uow, d) for d in dossiers) if item is not None]
        return sorted(items, key=lambda i: (not i.out_of_turn, i.since, i.barcode))
