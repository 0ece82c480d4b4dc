"""Printing labels: the step-3 dossier label (registering the step on first print) and the step-8 folder label."""

from __future__ import annotations

from scanstation.core.jalali import jalali_date, utcnow
from scanstation.core.models import Document, Dossier
from scanstation.core.roles import Role
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.labels import LabelData, dossier_label_pdf, dossier_label_sheet_pdf, folder_label_pdf
from scanstation.indexing.stamp import StampFields, stamp_pdf
from scanstation.services.lookup import document_by_number, dossier_by_barcode
from scanstation.services.steps import guard_step, record_step

KINDS = ("dossier", "sheet", "folder")


def _data(dossier: Dossier) -> LabelData:
    return LabelData(dossier.barcode, dossier.name, dossier.insured_number, dossier.shelf, dossier.branch.name,
                     jalali_date(utcnow(), persian_digits=False))


def print_label(uow: UnitOfWork, barcode: str, kind: str = "dossier") -> bytes:
    """The label PDF. The first dossier label of a file is step 3 (register and attach); later prints are
    audited reprints. The folder label belongs to step 8 and is printed once the supervisor has approved."""
    with uow:
        uow.require(Role.CLERK)
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        data = _data(dossier)
        if kind == "folder":
            if dossier.physical_step < 8:
                guard_step(uow, dossier, 8)
            pdf = folder_label_pdf(data)
            uow.audit("dossier.folder_label", f"dossier:{dossier.barcode}")
        else:
            pdf = dossier_label_sheet_pdf([data]) if kind == "sheet" else dossier_label_pdf(data)
            if dossier.step < 3:
                guard_step(uow, dossier, 3)
                record_step(uow, dossier, 3, label=kind)
            else:
                uow.audit("dossier.label_reprint", f"dossier:{dossier.barcode}", label=kind)
        uow.commit()
        return pdf


def stamp_sticker(uow: UnitOfWork, barcode: str, number: int) -> bytes:
    """The «اسکن شد» sticker of document `number`, from the stamp fields recorded when it was classified."""
    with uow:
        uow.require(Role.CLERK, Role.SUPERVISOR)
        doc = document_by_number(uow.session, dossier_by_barcode(uow.session, barcode), number)
        return stamp_pdf(stamp_fields(doc))


def stamp_fields(doc: Document) -> StampFields:
    """The stamp as recorded when the document was classified."""
    return StampFields(doc.stamp_branch or "", doc.stamp_user_name or "", doc.stamp_user_code or "",
                       doc.stamp_date or "")
