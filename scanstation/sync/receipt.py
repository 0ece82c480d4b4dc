"""The upload receipt (رسید کد پیگیری) as a PDF: the dossier, then per document its type, upload state and tracking
code, written out in Latin digits (as the clerk types it into a lookup) and as a Code 128 barcode. Sizes are data
(resources/labels.toml [receipt])."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from scanstation.core.digits import to_persian
from scanstation.core.policy import policy_file
from scanstation.indexing.labels import draw_barcode
from scanstation.indexing.pdf_text import CODE_FONT, paragraph, register_fonts
from scanstation.sync.tracking import spaced


@dataclass(frozen=True)
class ReceiptLine:
    number: int
    type_name: str
    state: str  # the state's Persian title
    tracking_code: str


@dataclass(frozen=True)
class ReceiptData:
    branch: str
    barcode: str
    name: str
    insured_number: str
    jalali_date: str  # Latin digits, e.g. 1403/07/15
    lines: tuple[ReceiptLine, ...]


def receipt_pdf(data: ReceiptData) -> bytes:
    """One slip listing every line of `data`."""
    register_fonts()
    spec = policy_file("labels.toml")["receipt"]
    w, m = spec["width"] * mm, spec["margin"] * mm
    block, bar_h = spec["block_height"] * mm, spec["barcode_height"] * mm
    h = spec["head_height"] * mm + block * len(data.lines) + m
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h))
    c.setTitle(f"Upload receipt {data.barcode}")
    top = h - m
    head = [paragraph("رسید بارگذاری در مخزن مرکزی", 11, bold=True, centre=True),
            paragraph(escape(data.branch), 8, centre=True),
            paragraph(f"{escape(data.name)} — شماره بیمه {to_persian(data.insured_number)}", 8.5, centre=True),
            paragraph(f"تاریخ {to_persian(data.jalali_date)}", 8, centre=True)]
    for part in head:
        _, used = part.wrap(w - 2 * m, h)
        top -= used
        part.drawOn(c, m, top)
    c.setFont(CODE_FONT, 8)
    top -= 4 * mm
    c.drawCentredString(w / 2, top, data.barcode)
    top = h - spec["head_height"] * mm
    for line in data.lines:
        c.setLineWidth(0.4)
        c.line(m, top, w - m, top)
        text = paragraph(f"سند {to_persian(line.number)}: {escape(line.type_name)} — {escape(line.state)}", 8.5,
                         bold=True)
        _, used = text.wrap(w - 2 * m, block)
        text.drawOn(c, m, top - used - 1 * mm)
        caption = paragraph("کد پیگیری:", 8)
        _, cap_h = caption.wrap(w - 2 * m, block)
        caption.drawOn(c, m, top - used - cap_h - 2 * mm)
        c.setFont(CODE_FONT, 11)
        c.drawString(m, top - used - cap_h - 1.6 * mm, spaced(line.tracking_code))
        draw_barcode(c, line.tracking_code, m, top - block + 1.5 * mm, w - 2 * m, bar_h)
        top -= block
    c.showPage()
    c.save()
    return buf.getvalue()
