"""Steps 11 and 12 as seen by the workflow: the upload worker reports what the central store accepted."""

from __future__ import annotations

from scanstation.core.errors import InvalidInput
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_step, record_step


def record_uploaded(uow: UnitOfWork, barcode: str, tracking_code: str, verified_hashes: list[str]) -> None:
    """Step 11: every approved image is in the central store and its read-back hash matched."""
    with uow:
        if not tracking_code.strip():
            raise InvalidInput("the central store gave no tracking code for the upload")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 11)
        record_step(uow, dossier, 11, tracking_code=tracking_code, verified_hashes=verified_hashes)
        uow.commit()


def record_indexed(uow: UnitOfWork, barcode: str, documents: int) -> None:
    """Step 12: the documents are indexed under their types and headings in the central store."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 12)
        record_step(uow, dossier, 12, documents=documents)
        uow.commit()
