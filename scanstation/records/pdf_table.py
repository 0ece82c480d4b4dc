"""Right-to-left tables and signature lines on A4 (reportlab) for the binder contents list and the minutes."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from scanstation.indexing.labels import draw_barcode
from scanstation.indexing.pdf_text import CODE_FONT, paragraph

PAGE = landscape(A4)
MARGIN = 12 * mm


def cell(text: object, size: float = 8.5, bold: bool = False, latin: bool = False) -> Paragraph:
    """One table cell; `latin` for codes (barcodes, tracking codes) a clerk compares with what she types."""
    return paragraph(str(text) if text is not None else "—", size, bold=bold, latin_digits=latin)


def rtl_table(header: Sequence[str], rows: Sequence[Sequence[Paragraph]], widths_mm: Sequence[float]) -> Table:
    """A table whose first column stands on the right, with its header repeated on every page."""
    head = [cell(h, 8.5, bold=True) for h in header]
    data = [list(reversed(head))] + [list(reversed(list(r))) for r in rows]
    table = Table(data, colWidths=[w * mm for w in reversed(widths_mm)], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


class BarcodeFlowable(Flowable):
    """A Code 128 symbol drawn like the labels' (whole printer dots), centred, with its value under it."""

    def __init__(self, value: str, width: float, height: float) -> None:
        super().__init__()
        self.value, self.width, self.height = value, width, height

    def draw(self) -> None:
        draw_barcode(self.canv, self.value, 0, 4 * mm, self.width, self.height - 4 * mm)
        self.canv.setFont(CODE_FONT, 8)
        self.canv.drawCentredString(self.width / 2, 0, self.value)


def signature_lines(titles: Sequence[str]) -> Table:
    """Signature boxes side by side (first on the right): title, name, signature and date."""
    boxes = [[paragraph(f"{t}", 10, bold=True), Spacer(1, 3 * mm), paragraph("نام و نام خانوادگی:", 9),
              Spacer(1, 8 * mm), paragraph("امضا و تاریخ:", 9), Spacer(1, 10 * mm)] for t in titles]
    width = (PAGE[0] - 2 * MARGIN) / len(titles)
    table = Table([list(reversed(boxes))], colWidths=[width] * len(titles))
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def build(story: Sequence[Flowable], title: str) -> bytes:
    """A landscape A4 PDF of the story."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title)
    doc.build(list(story))
    return buf.getvalue()
