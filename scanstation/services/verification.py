"""Step 7: the supervisor approves the scanned images against the originals, or sends them back.

The approver is never the operator who scanned (Directive Part 2.3, separation of duties).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.core.errors import IntegrityProblem, InvalidInput, PermissionDenied
from scanstation.core.models import Dossier, Page, StepRecord
from scanstation.core.pages import active_pages
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_step, record_step

if TYPE_CHECKING:  # the store is handed in; importing it here would load the image stack for every read
    from scanstation.capture.page_store import PageStore


def _scanned_by(uow: UnitOfWork, dossier_id: int) -> set[str]:
    actors = set(uow.session.execute(
        select(StepRecord.actor).where(StepRecord.dossier_id == dossier_id, StepRecord.step.in_((5, 6)))
    ).scalars())
    actors |= set(uow.session.execute(select(Page.actor).where(Page.dossier_id == dossier_id)).scalars())
    return actors


def _require_not_operator(uow: UnitOfWork, dossier_id: int) -> None:
    """Refuse step 7 to anyone who captured pages of the dossier or closed its steps 5-6 (separation of duties)."""
    if uow.actor.code in _scanned_by(uow, dossier_id):
        raise PermissionDenied("شما خودتان این پرونده را اسکن کرده‌اید؛ تأیید آن باید با ناظر دیگری باشد.")


def require_verifiable(uow: UnitOfWork, dossier: Dossier) -> None:
    """Refuse step 7 (approve or reject) to anyone but a supervisor who did not scan the dossier, or out of order."""
    guard_step(uow, dossier, 7)
    _require_not_operator(uow, dossier.id)


_FILE_PROBLEM = {"missing": "در مخزن صفحه‌ها نیست", "altered": "پس از اسکن تغییر کرده است"}


def _require_files_intact(store: PageStore, pages: list[Page]) -> None:
    """Re-hash every image about to be approved: a missing or altered file is named and nothing is approved."""
    for page in pages:
        state = store.check(page.sha256)
        if state != "ok":
            raise IntegrityProblem(f"تصویر صفحه {to_persian(page.seq)} {_FILE_PROBLEM[state]}؛ پرونده تأیید نشد. "
                                   "آن صفحه را دوباره اسکن کنید یا به مدیر سیستم خبر دهید.")


def standing_approval(session: Session, dossier: Dossier) -> StepRecord | None:
    """The step-7 record of the dossier's standing approval: who approved, when, and the exact image hashes (None
    before step 7 or after a rejection)."""
    if dossier.step < 7:
        return None
    return session.execute(select(StepRecord).where(StepRecord.dossier_id == dossier.id, StepRecord.step == 7,
                                                    StepRecord.action == "verify")
                           .order_by(StepRecord.id.desc()).limit(1)).scalar_one_or_none()


def approved_hashes(session: Session, dossier: Dossier) -> list[str] | None:
    """The image hashes of the dossier's standing approval (None before step 7 or after a rejection)."""
    record = standing_approval(session, dossier)
    return None if record is None else list(json.loads(record.values_json).get("approved_hashes", []))


def require_approved_pages(session: Session, dossier: Dossier, pages: list[Page]) -> None:
    """After step 7, whatever is built from `pages` (a document PDF, an upload) must use exactly the approved images:
    a page row that points at another image is named and nothing is built."""
    approved = approved_hashes(session, dossier)
    if approved is None:
        return
    allowed = set(approved)
    for page in pages:
        if page.sha256 not in allowed:
            raise IntegrityProblem(f"تصویر صفحه {to_persian(page.seq)} همان تصویری نیست که ناظر تأیید کرده است؛ "
                                   "چیزی ساخته نشد. به مدیر سیستم خبر دهید و «audit verify» را اجرا کنید.")


def approve(uow: UnitOfWork, barcode: str, store: PageStore) -> list[str]:
    """Approve the dossier's active pages after re-reading and re-hashing each image; returns the exact hashes
    approved, which everything built afterwards must use."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        require_verifiable(uow, dossier)
        pages = active_pages(uow.session, dossier.id)
        _require_files_intact(store, pages)
        hashes = [page.sha256 for page in pages]
        dossier.rejected_reason = None
        record_step(uow, dossier, 7, decision="approved", approved_hashes=hashes)
        uow.commit()
        return hashes


def reject(uow: UnitOfWork, barcode: str, reason: str) -> None:
    """Send the dossier back to scanning and quality check with the supervisor's reason."""
    with uow:
        reason = reason.strip()
        if not reason:
            raise InvalidInput("دلیل رد را بنویسید تا اپراتور بداند چه چیزی را اصلاح کند.")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        require_verifiable(uow, dossier)
        record_step(uow, dossier, 7, action="reject", decision="rejected", reason=reason)
        dossier.step = 5
        dossier.rejected_reason = reason
        uow.commit()
