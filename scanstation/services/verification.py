"""Step 7: the supervisor approves each document's exact images against the original sheets, or sends pages back.

A document is approved iff `Document.verified_at` is set; `approved_hashes` keeps the SHA-256 of each image approved,
in order, and any later change to its pages voids it (services/document_changes.py). The dossier's step 7 is
recorded when every document is approved. Nobody approves a document whose pages they captured or edited, nor a
dossier whose scanning or quality check they closed (Directive Part 2.3); in an official agency office the approver
is the agency's responsible person (Part 2.5).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.core.errors import (Conflict, IntegrityProblem, InvalidInput, NotFound, PermissionDenied,
                                     StepOutOfOrder)
from scanstation.core.jalali import utcnow
from scanstation.core.models import Document, Dossier, Page, StepRecord
from scanstation.core.pages import active_hashes, active_pages, document_pages
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import require_step_allowed
from scanstation.services.document_changes import void_approval
from scanstation.services.lookup import document_by_number, dossier_by_barcode
from scanstation.core.models.capture import SUPERVISOR_FLAG, SUPERVISOR_REASON
from scanstation.services.review import review_queue, sent_back
from scanstation.services.steps import file_approved, progress_of, record_step

if TYPE_CHECKING:  # the store is handed in; importing it here would load the image stack for every read
    from scanstation.capture.page_store import PageStore

__all__ = ["approve", "approve_document", "reject", "reject_document", "review_queue", "require_verifiable",
           "require_document_approvable", "require_document_rejectable", "require_approved_pages"]


def approver_capacity(uow: UnitOfWork, dossier: Dossier) -> str:
    """The role in which the actor may do step 7 for this dossier: a supervisor, or in an official agency office only
    the agency's responsible person. Returns the role code recorded with the decision."""
    if dossier.branch.is_agency:
        if not uow.may("step.7.agency"):
            raise PermissionDenied("این پرونده در کارگزاری رسمی است و تأیید یا رد آن فقط با مسئول کارگزاری است.")
        return uow.acting_role("step.7.agency").value
    return uow.acting_role("step.7").value


def _closed_scanning(uow: UnitOfWork, dossier_id: int) -> bool:
    return uow.session.execute(select(StepRecord.id).where(
        StepRecord.dossier_id == dossier_id, StepRecord.step.in_((5, 6)), StepRecord.actor == uow.actor.code)
    ).first() is not None


def require_verifiable(uow: UnitOfWork, dossier: Dossier) -> str:
    """Refuse step 7 (approve or reject) out of order, to anyone but the approver the branch needs, or to whoever
    closed the dossier's scanning or quality check. Returns the approver's capacity."""
    capacity = approver_capacity(uow, dossier)
    require_step_allowed(progress_of(dossier), 7)
    if _closed_scanning(uow, dossier.id):
        raise PermissionDenied("شما خودتان اسکن یا کنترل کیفیت این پرونده را بسته‌اید؛ تأیید آن باید با ناظر دیگری "
                               "باشد.")
    return capacity


def _editors(session: Session, doc: Document) -> set[str]:
    """Everyone who captured a page of the document (replaced and deleted ones included) or changed it."""
    actors = {doc.actor, *(doc.edited_by or [])}
    return actors | set(session.execute(select(Page.actor).where(Page.document_id == doc.id)).scalars())


def _require_not_editor(uow: UnitOfWork, doc: Document) -> None:
    if uow.actor.code in _editors(uow.session, doc):
        raise PermissionDenied(f"شما صفحه‌های سند {to_persian(doc.number)} را اسکن یا ویرایش کرده‌اید؛ "
                               "تأیید یا رد آن باید با ناظر دیگری باشد.")


def _require_addition_decidable(uow: UnitOfWork, dossier: Dossier, doc: Document) -> str:
    """A document added at the counter to a dossier past step 7 is decided on its own, while it waits."""
    if doc.verified_at is not None:
        raise Conflict(f"سند {to_persian(doc.number)} قبلاً تأیید شده است؛ سند تأییدشده دیگر تغییر نمی‌کند.")
    capacity = approver_capacity(uow, dossier)
    _require_not_editor(uow, doc)
    return capacity


def require_document_rejectable(uow: UnitOfWork, dossier: Dossier, doc: Document) -> str:
    """Refuse a decision on the document to anyone require_verifiable refuses or who captured or edited it (for a
    counter addition: to anyone but an approver who did not capture or edit it, or once it is approved)."""
    if file_approved(dossier):
        return _require_addition_decidable(uow, dossier, doc)
    capacity = require_verifiable(uow, dossier)
    _require_not_editor(uow, doc)
    return capacity


def _require_no_open_rejection(session: Session, doc: Document) -> None:
    """A page the approver sent back stays refused until the clerk rescans it or accepts it with a reason (for the
    paper file, closing the quality check already asks this)."""
    returned = [p.seq for p in document_pages(session, doc.id) if sent_back(p)]
    if returned:
        raise StepOutOfOrder(f"صفحه {to_persian(returned[0])} سند {to_persian(doc.number)} برای اصلاح به اپراتور "
                             "برگردانده شده و هنوز اصلاح نشده است؛ پس از اصلاح آن را تأیید کنید.")


def require_document_approvable(uow: UnitOfWork, dossier: Dossier, doc: Document) -> str:
    """As require_document_rejectable, and the document must still wait for approval. A document added to a dossier
    already past step 7 (counter intake) is approved on its own, once the pages sent back are fixed."""
    if doc.verified_at is not None:
        raise Conflict(f"سند {to_persian(doc.number)} قبلاً تأیید شده است.")
    if not file_approved(dossier):
        return require_document_rejectable(uow, dossier, doc)
    capacity = _require_addition_decidable(uow, dossier, doc)
    _require_no_open_rejection(uow.session, doc)
    return capacity


_FILE_PROBLEM = {"missing": "در مخزن صفحه‌ها نیست", "altered": "پس از اسکن تغییر کرده است"}


def _require_files_intact(store: PageStore, pages: list[Page]) -> None:
    """Re-hash every image about to be approved: a missing or altered file is named and nothing is approved."""
    for page in pages:
        state = store.check(page.sha256)
        if state != "ok":
            raise IntegrityProblem(f"تصویر صفحه {to_persian(page.seq)} {_FILE_PROBLEM[state]}؛ سند تأیید نشد. "
                                   "آن صفحه را دوباره اسکن کنید یا به مدیر سیستم خبر دهید.")


def require_approved_pages(session: Session, dossier: Dossier, pages: list[Page]) -> None:
    """Whatever is built from pages of an approved document (a PDF, an upload) must use exactly the images approved:
    a page row that points at another image is named and nothing is built."""
    for page in pages:
        doc = session.get(Document, page.document_id) if page.document_id else None
        if doc is not None and doc.approved_hashes is not None and page.sha256 not in doc.approved_hashes:
            raise IntegrityProblem(f"تصویر صفحه {to_persian(page.seq)} همان تصویری نیست که ناظر تأیید کرده است؛ "
                                   "چیزی ساخته نشد. به مدیر سیستم خبر دهید و «audit verify» را اجرا کنید.")


def _approve(uow: UnitOfWork, dossier: Dossier, doc: Document, store: PageStore, capacity: str,
             seen: Collection[int] | None = None) -> list[str]:
    pages = document_pages(uow.session, doc.id)
    _require_files_intact(store, pages)
    hashes = [page.sha256 for page in pages]
    doc.verified_by, doc.verified_at, doc.approved_hashes = uow.actor.code, utcnow(), hashes
    shown = {} if seen is None else {"pages_seen": sorted(p.seq for p in pages if p.seq in seen),
                                     "pages_not_seen": sorted(p.seq for p in pages if p.seq not in seen)}
    record_step(uow, dossier, 7, action="approve_document", advance=False, document=doc.number,
                approved_hashes=hashes, capacity=capacity, **shown)
    return hashes


def _documents(session: Session, dossier: Dossier) -> list[Document]:
    return list(session.execute(select(Document).where(Document.dossier_id == dossier.id)
                                .order_by(Document.number)).scalars())


def _close_when_all_approved(uow: UnitOfWork, dossier: Dossier, capacity: str) -> None:
    """Step 7 is done once every document is approved and every active page belongs to one."""
    if dossier.step != 6:
        return
    docs = _documents(uow.session, dossier)
    loose = any(p.document_id is None for p in active_pages(uow.session, dossier.id))
    if docs and not loose and all(d.verified_at is not None for d in docs):
        dossier.rejected_reason = None
        record_step(uow, dossier, 7, decision="approved", approved_hashes=active_hashes(uow.session, dossier.id),
                    capacity=capacity)


def approve_document(uow: UnitOfWork, barcode: str, number: int, store: PageStore,
                     seen: Collection[int] | None = None) -> list[str]:
    """Approve document `number` after re-reading and re-hashing each of its images; returns the exact hashes
    approved, which everything built from it afterwards must use. `seen`: the pages (numbers in the dossier) the
    window showed the approver, recorded with the step (Directive 2.3); None where no page was shown (the CLI)."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        doc = document_by_number(uow.session, dossier, number)
        capacity = require_document_approvable(uow, dossier, doc)
        hashes = _approve(uow, dossier, doc, store, capacity, seen)
        _close_when_all_approved(uow, dossier, capacity)
        uow.commit()
        return hashes


def approve(uow: UnitOfWork, barcode: str, store: PageStore) -> list[str]:
    """Approve every document still waiting, all or none, and so close step 7; returns the hashes of all the
    dossier's pages."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        capacity = require_verifiable(uow, dossier)  # step 6 closed: every page is in a document
        pending = [d for d in _documents(uow.session, dossier) if d.verified_at is None]
        for doc in pending:
            require_document_approvable(uow, dossier, doc)
        for doc in pending:
            _approve(uow, dossier, doc, store, capacity)
        _close_when_all_approved(uow, dossier, capacity)
        uow.commit()
        return active_hashes(uow.session, dossier.id)


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise InvalidInput("دلیل رد را بنویسید تا اپراتور بداند چه چیزی را اصلاح کند.")
    return reason


def reject_document(uow: UnitOfWork, barcode: str, number: int, reason: str, pages: list[int] | None = None) -> None:
    """Send document `number` back: each page named (`pages`, numbered as in the dossier; default all the
    document's pages) gets an open flag carrying the reason, and the dossier returns to scanning (step 5)."""
    with uow:
        reason = _reason(reason)
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        doc = document_by_number(uow.session, dossier, number)
        capacity = require_document_rejectable(uow, dossier, doc)
        own = {p.seq: p for p in document_pages(uow.session, doc.id)}
        wanted = sorted(set(pages or own))
        outside = [n for n in wanted if n not in own]
        if outside:
            raise NotFound(f"صفحه {to_persian(outside[0])} در سند {to_persian(doc.number)} نیست.")
        for seq in wanted:
            page = own[seq]
            page.qc_reasons = [*(r for r in page.qc_reasons if r != SUPERVISOR_FLAG), SUPERVISOR_FLAG]
            page.qc_metrics = {**page.qc_metrics, SUPERVISOR_REASON: reason}
            page.accepted_reason = None
        void_approval(uow, dossier, doc, "verify.reject_document")
        addition = file_approved(dossier)  # a counter addition goes back alone; the paper file stays where it is
        record_step(uow, dossier, 7, action="reject_document", advance=False, document=doc.number, pages=wanted,
                    reason=reason, capacity=capacity, addition=addition)
        if not addition:
            dossier.step = 5
            dossier.rejected_reason = f"سند {to_persian(doc.number)}: {reason}"
        uow.commit()


def reject(uow: UnitOfWork, barcode: str, reason: str) -> None:
    """Send the whole dossier back to scanning and quality check with the supervisor's reason."""
    with uow:
        reason = _reason(reason)
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        require_verifiable(uow, dossier)
        record_step(uow, dossier, 7, action="reject", decision="rejected", reason=reason)
        dossier.step = 5
        dossier.rejected_reason = reason
        uow.commit()
