"""Printing labels: the step-3 dossier label and the step-8 folder label (each recording its step on first print),
and the «اسکن شد» sticker of a classified document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from scanstation.core.jalali import jalali_date, utcnow
from scanstation.core.models import Document, Dossier
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.labels import LabelData, dossier_label_pdf, dossier_label_sheet_pdf, folder_label_pdf
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services.lookup import document_by_number, dossier_by_barcode
from scanstation.services.steps import guard_step, progress_of, record_step

if TYPE_CHECKING:  # the stamp's and separator sheets' PDF writer loads when one is made (the window starts without)
    from scanstation.indexing.stamp import StampFields


def _data(dossier: Dossier) -> LabelData:
    return LabelData(dossier.barcode, dossier.name, dossier.insured_number, dossier.shelf, dossier.branch.name,
                     jalali_date(utcnow(), persian_digits=False))


LABEL_STEP = {"dossier": 3, "sheet": 3, "folder": 8}  # the step each label belongs to
_RENDER: dict[str, Callable[[LabelData], bytes]] = {
    "dossier": dossier_label_pdf, "sheet": lambda data: dossier_label_sheet_pdf([data]), "folder": folder_label_pdf}


def require_label_allowed(uow: UnitOfWork, dossier: Dossier, kind: str) -> bool:
    """Refuse a label print by anyone but a clerk, or before its step may be done; True when the label was printed
    before (its step is done), so this print is a reprint that records no step."""
    uow.require_to("label.print")
    step = LABEL_STEP[kind]
    printed = progress_of(dossier).done(step)
    if not printed:
        guard_step(uow, dossier, step)
    return printed


def print_label(uow: UnitOfWork, barcode: str, kind: str = "dossier",
                deliver: Callable[[bytes], None] | None = None) -> bytes:
    """The label PDF. The first dossier label of a file is step 3 (register and attach), the first folder label
    step 8 (reassemble and label); later prints are audited reprints. `deliver(pdf)` (a printer, a file) runs
    before the commit, so a label that never reached the printer records nothing."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        reprint = require_label_allowed(uow, dossier, kind)
        pdf = _RENDER[kind](_data(dossier))
        if reprint:
            uow.audit("dossier.label_reprint", f"dossier:{dossier.barcode}", label=kind)
        else:
            record_step(uow, dossier, LABEL_STEP[kind], label=kind)
        if deliver is not None:
            deliver(pdf)
        uow.commit()
        return pdf


def stamp_stickers(uow: UnitOfWork, barcode: str, numbers: Sequence[int]) -> bytes:
    """The «اسکن شد» stickers of documents `numbers`, one a page, each from the stamp fields recorded when its
    document was classified (at the counter: one sticker for each paper taken in)."""
    from scanstation.indexing.stamp import stamp_pdf

    with uow:
        uow.require_to("label.stamp")
        dossier = dossier_by_barcode(uow.session, barcode)
        return stamp_pdf([stamp_fields(document_by_number(uow.session, dossier, number)) for number in numbers])


def stamp_fields(doc: Document) -> StampFields:
    """The stamp as recorded when the document was classified."""
    from scanstation.indexing.stamp import StampFields

    return StampFields(doc.stamp_branch or "", doc.stamp_user_name or "", doc.stamp_user_code or "",
                       doc.stamp_date or "")


def separator_sheets(type_codes: list[str] | None = None) -> bytes:
    """The printable separator sheets (one A4 page per type; every type when none is named)."""
    from scanstation.indexing.separator_sheets import separator_sheets_pdf

    taxonomy = load_taxonomy()
    kinds = [taxonomy.type(c) for c in type_codes] if type_codes else list(taxonomy.types.values())
    return separator_sheets_pdf([(k, taxonomy.headings[k.heading].name) for k in kinds])
