"""Read-only views for screens and the CLI: the work queue and a dossier's full picture."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from scanstation.core.digits import to_latin
from scanstation.core.models import Document, Dossier, StepRecord, UploadItem
from scanstation.core.roles import Role
from scanstation.core.pages import active_columns
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import STEP_BY_NUMBER, state_code, state_title
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.read_models import (PAGE_VIEW_COLUMNS, DocumentView, DossierDetail, PageView, StepView,
                                              UploadView)
from scanstation.services.steps import progress_of
from scanstation.sync.tracking import normalise_tracking_code


def require_reader(uow: UnitOfWork) -> None:
    """Reads that show names and national IDs need a logged-in, active user with a role (or a system actor)."""
    uow.require(*Role)


@dataclass(frozen=True)
class QueueRow:
    barcode: str
    name: str
    insured_number: str
    national_id: str
    shelf: str
    out_of_turn: bool
    out_of_turn_reason: str | None
    state: str
    state_title: str
    next_steps: tuple[int, ...]
    created_at: datetime
    tracked_document: int | None = None  # the document whose tracking code was searched for


_CODE_AS_TYPED = re.compile(r"[0-9][0-9 -]*")  # digits in groups, as on the receipt (a barcode has letters)


def _tracked(uow: UnitOfWork, search: str) -> tuple[int, int | None] | None:
    """The dossier id and document number a searched tracking code (کد پیگیری, as typed: spaces, Persian digits)
    names; None when the text is not a tracking code of this branch."""
    code = normalise_tracking_code(search) if _CODE_AS_TYPED.fullmatch(search) else None
    if code is None:
        return None
    found = uow.session.execute(select(UploadItem.dossier_id, Document.number)
                                .join(Document, Document.id == UploadItem.document_id, isouter=True)
                                .where(UploadItem.tracking_code == code)).first()
    return (found[0], found[1]) if found else None


def work_queue(uow: UnitOfWork, search: str = "", step: int | None = None, include_done: bool = False,
               limit: int = 500) -> list[QueueRow]:
    """Dossiers waiting for work, out-of-turn first, then oldest first; `search` matches
    barcode, insured number or national ID (any digits), or is a document's tracking code (its dossier is listed
    even when done, the document named in `tracked_document`); `step` keeps those whose next step it is."""
    with uow.reading():
        require_reader(uow)
        query = select(Dossier)
        text = to_latin(search).strip().upper()
        tracked = _tracked(uow, text) if text else None
        if text:
            like = f"%{text}%"
            matches = [Dossier.barcode.like(like), Dossier.insured_number.like(like), Dossier.national_id.like(like)]
            if tracked:
                matches.append(Dossier.id == tracked[0])
            query = query.where(or_(*matches))
        query = query.order_by(Dossier.out_of_turn.desc(), Dossier.created_at, Dossier.id).limit(limit * 4)
        rows = []
        for d in uow.session.execute(query).scalars():
            p = progress_of(d)
            named = tracked is not None and d.id == tracked[0]
            if p.digitized and not (include_done or named):
                continue
            nxt = tuple(p.next_steps())
            if step is not None and step not in nxt and not named:
                continue
            rows.append(QueueRow(d.barcode, d.name, d.insured_number, d.national_id, d.shelf, d.out_of_turn,
                                 d.out_of_turn_reason, state_code(p), state_title(p), nxt, d.created_at,
                                 tracked[1] if named and tracked else None))
            if len(rows) >= limit:
                break
        return rows


def upload_states(session: Session, dossier_id: int) -> dict[int, UploadView]:
    """Where each of the dossier's documents' upload stands, by document id (`documents[].upload` of the dossier read
    model): its latest upload item, all read in one query; a document not sent has none."""
    rows = session.execute(select(UploadItem.document_id, UploadItem.state, UploadItem.tracking_code)
                           .where(UploadItem.dossier_id == dossier_id, UploadItem.document_id.is_not(None))
                           .order_by(UploadItem.id))
    return {document_id: UploadView(state, code) for document_id, state, code in rows}  # the latest wins


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
        return DossierDetail(
            barcode=d.barcode, branch=d.branch.code, insured_number=d.insured_number, national_id=d.national_id,
            name=d.name, shelf=d.shelf, out_of_turn=d.out_of_turn, out_of_turn_reason=d.out_of_turn_reason,
            state=state_code(p), state_title=state_title(p), progress=p, rejected_reason=d.rejected_reason,
            sheets_counted=d.sheets_counted, sheets_slimmed=d.sheets_slimmed, sheets_recounted=d.sheets_recounted,
            created_at=d.created_at,
            steps=tuple(StepView(s.step, s.action, STEP_BY_NUMBER[s.step].title, s.actor,
                                 s.user.name if s.user else s.actor, s.workstation, s.at, json.loads(s.values_json))
                        for s in steps),
            pages=tuple(PageView.of(pg, doc_number.get(pg.document_id) if pg.document_id else None) for pg in pages),
            documents=tuple(DocumentView(doc.number, doc.type_code, doc.heading_code, doc.doc_date,
                                         tuple(seqs.get(doc.id, ())), doc.verified_by,
                                         uploads.get(doc.id, UploadView()), doc.verified_at)
                            for doc in docs),
        )
