"""Recording a step on a dossier: the guard, the step record and the audit entry, in one place."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from scanstation.core.jalali import utcnow
from scanstation.core.models import Document, Dossier, Page, PageStatus, StepRecord
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import (STEP_BY_NUMBER, Progress, pages_editable, require_pages_editable,
                                       require_step_allowed, steps_before_on_track)


def progress_of(dossier: Dossier) -> Progress:
    """Where `dossier` stands. It counts as sent back only while it waits for the clerk (step 5 after a rejection):
    once the quality check is closed again it is simply checked, waiting for the supervisor; the reason it was sent
    back stays in its step history."""
    return progress_from(dossier.step, dossier.physical_step, dossier.electronic_step, dossier.rejected_reason)


def progress_from(step: int, physical: int, electronic: int, rejected_reason: str | None) -> Progress:
    """As progress_of, from the dossier's columns (the work queue reads columns, not rows)."""
    return Progress(step, physical, electronic, rejected_reason is not None and step == 5)


def guard_step(uow: UnitOfWork, dossier: Dossier, number: int) -> None:
    """Refuse unless the actor has the step's role and the dossier is ready for the step."""
    uow.require_to(f"step.{number}")
    require_step_allowed(progress_of(dossier), number)


def guard_pages(uow: UnitOfWork, dossier: Dossier) -> None:
    """Refuse a change to pages or documents (fix, rescan, rotate, classify) by anyone but a clerk, or once the pages
    may no longer change (core.workflow.pages_editable)."""
    uow.require_to("pages.edit")
    require_pages_editable(progress_of(dossier))


def file_approved(dossier: Dossier) -> bool:
    """Step 7 is done: the paper file's documents are approved and frozen. From then on only documents taken in at
    the counter may still be fixed, approved or sent back, each on its own."""
    return progress_of(dossier).done(7)


def pending_addition(dossier: Dossier, doc: Document | None) -> bool:
    """A document taken in at the counter after step 7 that no approver has approved yet. Its pages may still be
    fixed by a clerk (a rejection sends it back for that), while the approved paper file's pages stay frozen."""
    return doc is not None and file_approved(dossier) and doc.verified_at is None


def guard_page(uow: UnitOfWork, dossier: Dossier, page: Page) -> None:
    """Refuse a fix of `page` (accept a flag, delete, rescan, rotate) as guard_pages does, except on the page of a
    counter addition still waiting for approval."""
    uow.require_to("pages.edit")
    doc = uow.session.get(Document, page.document_id) if page.document_id is not None else None
    if not pending_addition(dossier, doc):
        require_pages_editable(progress_of(dossier))


def fixable_pages(session: Session, dossier: Dossier) -> frozenset[int] | None:
    """After step 7, the numbers of the active pages guard_page lets a clerk fix (those of additions waiting for
    approval), so a screen can refuse the others before the click; None while the dossier's pages may all change."""
    if not file_approved(dossier):
        return None
    return frozenset(session.execute(select(Page.seq).join(Document, Document.id == Page.document_id).where(
        Page.dossier_id == dossier.id, Page.status == PageStatus.ACTIVE, Document.verified_at.is_(None))).scalars())


def guard_page_fixes(uow: UnitOfWork, dossier: Dossier) -> None:
    """Refuse the page fixes of the capture bench unless guard_page allows them for some page of the dossier: the
    dossier's pages may change, or it has a counter addition waiting for approval."""
    uow.require_to("pages.edit")
    if not pages_editable(progress_of(dossier)) and not fixable_pages(uow.session, dossier):
        require_pages_editable(progress_of(dossier))


def _began(uow: UnitOfWork, dossier: Dossier, number: int) -> datetime | None:
    """When step `number` began: the dossier's creation for step 1, else the end of the last step completed before
    it on its track (None if none was)."""
    if number == 1:
        return dossier.created_at
    before = steps_before_on_track(number)
    completed = or_(*(and_(StepRecord.step == n, StepRecord.action == STEP_BY_NUMBER[n].code) for n in before))
    return uow.session.execute(select(func.max(StepRecord.at))
                               .where(StepRecord.dossier_id == dossier.id, completed)).scalar_one_or_none()


def record_step(uow: UnitOfWork, dossier: Dossier, number: int, action: str | None = None, *, advance: bool = True,
                **values: Any) -> StepRecord:
    """Advance the dossier past step `number`, keep who/when/values, and queue the audit entry. `advance=False`
    records part of a step (one document approved at step 7) without moving the dossier on."""
    if not advance:
        pass
    elif number <= 7:
        dossier.step = number
    elif number <= 10:
        dossier.physical_step = number
    else:
        dossier.electronic_step = number
    user = uow.user
    code = action or STEP_BY_NUMBER[number].code
    record = StepRecord(
        dossier=dossier, step=number, action=code, user_id=user.id if user else None, actor=uow.actor.code,
        workstation=uow.workstation, at=utcnow(), values_json=json.dumps(values, ensure_ascii=False, sort_keys=True),
        began_at=_began(uow, dossier, number) if code == STEP_BY_NUMBER[number].code else None,
    )
    uow.session.add(record)
    uow.audit(f"dossier.{record.action}", f"dossier:{dossier.barcode}", step=number, **values)
    return record
