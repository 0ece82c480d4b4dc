"""Read-only views for screens and the CLI: a dossier's full picture (the work queue: services/work_queue.py)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.models import Document, StepRecord, UploadItem
from scanstation.core.pages import active_columns
from scanstation.core.uow import SYSTEM_NAMES, UnitOfWork
from scanstation.core.workflow import STEP_BY_NUMBER, state_code, state_title
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.read_models import (PAGE_VIEW_COLUMNS, DocumentView, DossierDetail, PageView, Rejection,
                                              StepView, UploadView)
from scanstation.services.steps import progress_of


def require_reader(uow: UnitOfWork) -> None:
    """Reads that show names and national IDs need a logged-in, active user with a role (or a system actor)."""
    uow.require_to("dossier.read")


def upload_states(session: Session, dossier_id: int) -> dict[int, UploadView]:
    """Where each of the dossier's documents' upload stands, by document id (`documents[].upload` of the dossier read
    model): its latest upload item, all read in one query; a document not sent has none."""
    rows = session.execute(select(UploadItem.document_id, UploadItem.state, UploadItem.tracking_code)
                           .where(UploadItem.dossier_id == dossier_id, UploadItem.document_id.is_not(None))
                           .order_by(UploadItem.id))
    return {document_id: UploadView(state, code) for document_id, state, code in rows}  # the latest wins


REJECTIONS = ("reject", "reject_document")  # the step-7 records that send work back to the clerk


def _rejections(steps: list[StepView]) -> tuple[Rejection, ...]:
    """The approver's decisions that sent the dossier back, since it last went to the approver (step 6 closed)."""
    since = max((n for n, s in enumerate(steps) if s.step == 6), default=-1)
    return tuple(Rejection(s.values.get("reason", ""), s.user_name, s.at, s.values.get("document"),
                           tuple(s.values.get("pages", ())))
                 for s in steps[since + 1:] if s.step == 7 and s.action in REJECTIONS and not s.values.get("addition"))


def dossier_detail(uow: UnitOfWork, barcode: str) -> DossierDetail:
    """Everything known about one dossier (names and national IDs: a logged-in user's read)."""
    with uow.reading():
        require_reader(uow)
        d = dossier_by_barcode(uow.session, barcode)
        p = progress_of(d)
        steps = uow.session.execute(
            select(StepRecord).where(StepRecord.dossier_id == d.id).order_by(StepRecord.id)
        ).scalars().all()
        pages = active_columns(uow.session, d.id, PAGE_VIEW_COLUMNS)
        docs = uow.session.execute(
            select(Document).where(Document.dossier_id == d.id).order_by(Document.number)
        ).scalars().all()
        doc_number = {doc.id: doc.number for doc in docs}
        seqs: dict[int | None, list[int]] = {}
        for pg in pages:
            seqs.setdefault(pg.document_id, []).append(pg.seq)
        uploads = upload_states(uow.session, d.id)
        step_views = [StepView(s.step, s.action, STEP_BY_NUMBER[s.step].title, s.actor,
                               s.user.name if s.user else SYSTEM_NAMES.get(s.actor, s.actor), s.workstation, s.at,
                               json.loads(s.values_json))
                      for s in steps]
        return DossierDetail(
            barcode=d.barcode, branch=d.branch.code, insured_number=d.insured_number, national_id=d.national_id,
            name=d.name, shelf=d.shelf, out_of_turn=d.out_of_turn, out_of_turn_reason=d.out_of_turn_reason,
            state=state_code(p), state_title=state_title(p, d.rejected_reason), progress=p,
            rejected_reason=d.rejected_reason if p.rejected else None,
            sheets_counted=d.sheets_counted, sheets_slimmed=d.sheets_slimmed, sheets_recounted=d.sheets_recounted,
            created_at=d.created_at,
            steps=tuple(step_views),
            pages=tuple(PageView.of(pg, doc_number.get(pg.document_id) if pg.document_id else None) for pg in pages),
            documents=tuple(DocumentView(doc.number, doc.type_code, doc.heading_code, doc.doc_date,
                                         tuple(seqs.get(doc.id, ())), doc.verified_by,
                                         uploads.get(doc.id, UploadView()), doc.verified_at)
                            for doc in docs),
            rejections=_rejections(step_views) if p.rejected else (),
        )
