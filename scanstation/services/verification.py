"""Step 7: the supervisor approves the scanned images against the originals, or sends them back.

The approver is never the operator who scanned (Directive Part 2.3, separation of duties).
"""

from __future__ import annotations

from sqlalchemy import select

from scanstation.core.errors import InvalidInput, PermissionDenied
from scanstation.core.models import Dossier, Page, StepRecord
from scanstation.core.pages import active_hashes
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_step, record_step


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


def approve(uow: UnitOfWork, barcode: str) -> list[str]:
    """Approve the dossier's active pages; returns the exact image hashes approved."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        require_verifiable(uow, dossier)
        hashes = active_hashes(uow.session, dossier.id)
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
