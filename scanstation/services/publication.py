"""Steps 11 and 12 as seen by the workflow: the upload worker reports what the central store accepted."""

from __future__ import annotations

from scanstation.core.errors import InvalidInput
from scanstation.core.models import Dossier
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_step, record_step


def mark_uploaded(uow: UnitOfWork, dossier: Dossier, tracking_codes: list[str], verified_hashes: list[str]) -> None:
    """Step 11 inside the caller's unit of work: every file is in the store and its read-back hash matched."""
    if not tracking_codes or not all(code.strip() for code in tracking_codes):
        raise InvalidInput("برای بارگذاری کد پیگیری ثبت نشده است؛ بارگذاری را دوباره در صف بگذارید.")
    guard_step(uow, dossier, 11)
    record_step(uow, dossier, 11, tracking_codes=tracking_codes, verified_hashes=verified_hashes)


def mark_indexed(uow: UnitOfWork, dossier: Dossier, documents: int) -> None:
    """Step 12 inside the caller's unit of work: the documents' properties read back from the store."""
    guard_step(uow, dossier, 12)
    record_step(uow, dossier, 12, documents=documents)


def record_uploaded(uow: UnitOfWork, barcode: str, tracking_code: str, verified_hashes: list[str]) -> None:
    """Step 11 as its own unit of work."""
    with uow:
        mark_uploaded(uow, dossier_by_barcode(uow.session, barcode, lock=True), [tracking_code], verified_hashes)
        uow.commit()


def record_indexed(uow: UnitOfWork, barcode: str, documents: int) -> None:
    """Step 12 as its own unit of work."""
    with uow:
        mark_indexed(uow, dossier_by_barcode(uow.session, barcode, lock=True), documents)
        uow.commit()
