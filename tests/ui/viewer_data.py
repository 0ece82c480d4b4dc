"""Viewer entries for a real dossier, as a screen would build them from `dossier_detail` (used by the viewer's
window tests, its screenshot harness and bench/bench_viewer.py)."""

from __future__ import annotations

from pathlib import Path

from scanstation.bootstrap import App
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services import page_capture, queries
from scanstation.ui.page_viewer import ViewerPage
from tests import imaging as im
from tests.builders import CLERK


def dossier_pages(app: App, barcode: str) -> list[ViewerPage]:
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    taxonomy = load_taxonomy()
    documents = {d.number: d for d in detail.documents}
    store = app.pages
    pages = []
    for page in detail.pages:
        document = documents.get(page.document) if page.document is not None else None
        kind = taxonomy.types.get(document.type) if document else None
        heading = taxonomy.headings.get(document.heading) if document and document.heading else None
        pages.append(ViewerPage(
            seq=page.seq, files=lambda sha=page.sha256: page_capture.page_files(store, sha),
            sheet=page.sheet, side=page.side, document=page.document,
            doc_type=kind.name if kind else document.type if document else None,
            heading=heading.name if heading else None, qc_reasons=tuple(page.qc_reasons),
            accepted_reason=page.accepted_reason))
    return pages


def import_text_pages(app: App, barcode: str, count: int, folder: Path, dpi: int = 300) -> None:
    """`count` different letter-like A4 pages through the real import pipeline (QC, thumbnails, page store)."""
    files = [im.save(im.text_page(n, dpi=dpi), folder / f"page{n:03}.png", dpi=dpi) for n in range(count)]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
