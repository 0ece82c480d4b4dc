"""The receipt of a document's or a dossier's tracking codes, printed on request for the insured person or the
file: what was accepted for the central store and the code to follow it by (`scanstation track`)."""

from __future__ import annotations

from sqlalchemy import select

from scanstation.core.errors import NotFound
from scanstation.core.jalali import jalali_date, utcnow
from scanstation.core.models import Document, UploadItem
from scanstation.core.models.upload import UPLOAD_STATE_TITLES
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.queries import require_reader


def tracking_receipt(uow: UnitOfWork, barcode: str, number: int | None = None) -> bytes:
    """The receipt PDF of document `number` of the dossier, or of every document with a tracking code."""
    from scanstation.sync.receipt import ReceiptData, ReceiptLine, receipt_pdf  # the PDF writer, when one is made

    with uow:
        require_reader(uow)
        dossier = dossier_by_barcode(uow.session, barcode)
        rows = uow.session.execute(
            select(Document, UploadItem).join(UploadItem, UploadItem.document_id == Document.id)
            .where(Document.dossier_id == dossier.id).order_by(Document.number, UploadItem.id)).all()
        latest = {doc.number: (doc, item) for doc, item in rows if number is None or doc.number == number}
        if not latest:
            raise NotFound("این سند هنوز کد پیگیری ندارد؛ کد پیگیری پس از تأیید سند در مرحله ۷، هنگام گذاشتن آن در "
                           "صف بارگذاری داده می‌شود." if number is not None else
                           "هیچ سند این پرونده هنوز کد پیگیری ندارد؛ پس از تأیید در مرحله ۷ کد پیگیری داده می‌شود.")
        types = load_taxonomy().types
        lines = tuple(ReceiptLine(doc.number, types[doc.type_code].name if doc.type_code in types else doc.type_code,
                                  UPLOAD_STATE_TITLES[item.state], item.tracking_code)
                      for doc, item in (latest[n] for n in sorted(latest)))
        data = ReceiptData(dossier.branch.name, dossier.barcode, dossier.name, dossier.insured_number,
                           jalali_date(utcnow(), persian_digits=False), lines)
        uow.audit("upload.receipt", f"dossier:{dossier.barcode}", documents=[line.number for line in lines],
                  tracking_codes=[line.tracking_code for line in lines])
        uow.commit()
    return receipt_pdf(data)
