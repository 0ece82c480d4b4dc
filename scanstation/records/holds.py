"""Legal holds: an original, or every original of a dossier, kept out of destruction until released, with a reason.

A hold is never deleted; releasing it records who released it, when and why.
"""

from __future__ import annotations

from sqlalchemy import select

from scanstation.core.digits import parse_int, to_persian
from scanstation.core.errors import Conflict, InvalidInput
from scanstation.core.identifiers import plain_text
from scanstation.core.jalali import utcnow
from scanstation.core.models import Document, LegalHold
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import document_by_number, dossier_by_barcode

def _reason(text: str, missing: str) -> str:
    reason = plain_text(text, "دلیل", "reason_max_chars")
    if not reason:
        raise InvalidInput(missing)
    return reason


def _target(uow: UnitOfWork, barcode: str, document: int | str | None) -> tuple[int, str, Document | None]:
    dossier = dossier_by_barcode(uow.session, barcode, lock=True)
    doc = None
    if document is not None:
        doc = document_by_number(uow.session, dossier, parse_int(document, "شماره سند", minimum=1))
    return dossier.id, dossier.barcode, doc


def _what(document: Document | None) -> str:
    return f"سند {to_persian(document.number)}" if document else "کل پرونده"


def add_hold(uow: UnitOfWork, barcode: str, reason: str, document: int | str | None = None) -> int:
    """Put a legal hold on one document's original or on the whole dossier; returns the hold's id."""
    with uow:
        uow.require_to("hold.place")
        reason = _reason(reason, "دلیل توقیف (مانند دستور مرجع قضایی یا حراست) را بنویسید.")
        dossier_id, code, doc = _target(uow, barcode, document)
        hold = LegalHold(dossier_id=dossier_id, document_id=doc.id if doc else None, reason=reason,
                         actor=uow.actor.code, at=utcnow())
        uow.session.add(hold)
        uow.session.flush()
        uow.audit("records.hold", f"dossier:{code}", hold=hold.id, document=doc.number if doc else None,
                  reason=reason)
        uow.commit()
        return hold.id


def release_hold(uow: UnitOfWork, barcode: str, reason: str, document: int | str | None = None) -> int:
    """Release the open holds on exactly this target (a document, or the whole dossier); returns how many."""
    with uow:
        uow.require_to("hold.place")
        reason = _reason(reason, "دلیل رفع توقیف را بنویسید.")
        dossier_id, code, doc = _target(uow, barcode, document)
        target = LegalHold.document_id.is_(None) if doc is None else LegalHold.document_id == doc.id
        holds = uow.session.execute(select(LegalHold).where(LegalHold.dossier_id == dossier_id, target,
                                                            LegalHold.released_at.is_(None))).scalars().all()
        if not holds:
            raise Conflict(f"{_what(doc)} توقیف باز ندارد.")
        now = utcnow()
        for hold in holds:
            hold.released_by, hold.released_at, hold.release_reason = uow.actor.code, now, reason
        uow.audit("records.hold_release", f"dossier:{code}", holds=[h.id for h in holds],
                  document=doc.number if doc else None, reason=reason)
        uow.commit()
        return len(holds)
