"""The PDF of one classified document with its «اسکن شد» stamp: what the upload to the central store sends."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.capture.page_store import PageStore
from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.models import PageReading
from scanstation.core.pages import document_pages
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.document_pdf import DocumentInfo, MasterPage, document_pdf
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.indexing.text_layer import TextLayer
from scanstation.services.labels import stamp_fields
from scanstation.services.lookup import document_by_number, dossier_by_barcode
from scanstation.services.verification import require_approved_pages


def stamped_document_pdf(uow: UnitOfWork, barcode: str, number: int, store: PageStore, action: str) -> bytes:
    """Document `number` of the dossier from its page masters, each checked against its SHA-256 first, so a
    damaged master is named instead of being sent. `action`: what the PDF is for (`upload.queue`, `copies.print`),
    whose permission the caller's actor needs."""
    with uow:
        uow.require_to(action)
        dossier = dossier_by_barcode(uow.session, barcode)
        doc = document_by_number(uow.session, dossier, number)
        pages = document_pages(uow.session, doc.id)
        require_approved_pages(uow.session, dossier, pages)
        for page in pages:
            if not store.verify(page.sha256):
                raise ScanStationError(f"تصویر صفحه {to_persian(page.seq)} در مخزن صفحه‌ها نیست یا با "
                                       "اثر انگشت (SHA-256) خود نمی‌خواند؛ سند ساخته نشد.")
        taxonomy = load_taxonomy()
        info = DocumentInfo(dossier.barcode, dossier.insured_number, doc.number, doc.type_code,
                            taxonomy.types[doc.type_code].name, doc.heading_code,
                            taxonomy.headings[doc.heading_code].name, stamp_fields(doc))
        layers = text_layers(uow.session, [p.id for p in pages])
        return document_pdf(info, [MasterPage(store.path_for(p.sha256), p.dpi, layers.get(p.id)) for p in pages])


def text_layers(session: Session, page_ids: list[int]) -> dict[int, TextLayer]:
    """The words read on each of these pages that has been read and holds text, by page id."""
    rows = session.execute(select(PageReading).where(PageReading.page_id.in_(page_ids),
                                                     PageReading.state == "read")).scalars()
    return {r.page_id: TextLayer(r.turn, r.width or 0, r.height or 0, r.words) for r in rows if r.words}
