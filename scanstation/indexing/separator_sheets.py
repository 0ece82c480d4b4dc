"""Separator sheets (reportlab): an A4 page per document type, laid before a document's first sheet in the feeder.

Its Code 128 value is `SEP-<type code>` (core.identifiers), which can never be read as a dossier barcode, so a
separator never stops a batch as "another dossier's label". Drawn like the labels: the barcode as a 1-bit image in
whole 300-dpi dots, the Persian text shaped right to left.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from scanstation.core.identifiers import separator_value
from scanstation.indexing.labels import draw_barcode
from scanstation.indexing.pdf_text import CODE_FONT, paragraph, register_fonts
from scanstation.indexing.taxonomy import DocumentType

MARGIN = 20 * mm
BARCODE_HEIGHT = 22 * mm


def separator_sheets_pdf(kinds: list[tuple[DocumentType, str]]) -> bytes:
    """One page per (document type, its heading's name): a big barcode, the type's name and what the sheet is for."""
    register_fonts()
    width, height = A4
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setTitle("Separator sheets")
    for kind, heading_name in kinds:
        value = separator_value(kind.code)
        top = height - MARGIN
        c.setLineWidth(1.2)
        c.roundRect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN, 4 * mm)
        for text, size, bold in (("برگ جداکننده سند", 26, True), (kind.name, 20, True),
                                 (f"سرفصل: {heading_name}", 14, False)):
            block = paragraph(text, size, bold=bold, centre=True)
            _, used = block.wrap(width - 2 * MARGIN, height)
            top -= used + 4 * mm
            block.drawOn(c, MARGIN, top)
        top -= BARCODE_HEIGHT + 12 * mm
        draw_barcode(c, value, MARGIN, top, width - 2 * MARGIN, BARCODE_HEIGHT)
        c.setFont(CODE_FONT, 12)
        c.drawCentredString(width / 2, top - 7 * mm, value)
        note = paragraph("این برگ را پیش از نخستین برگ سند بگذارید و با اوراق اسکن کنید. این برگ جزو پرونده نیست: "
                         "پس از اسکن کنار گذاشته می‌شود و در برگ شماری شمرده نمی‌شود.", 12, centre=True)
        _, used = note.wrap(width - 2 * MARGIN, height)
        note.drawOn(c, MARGIN, top - 20 * mm - used)
        c.showPage()
    c.save()
    return buf.getvalue()
