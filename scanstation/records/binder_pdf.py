"""Binder spine labels and contents lists (Persian PDFs with the binder's barcode), from the register's rows."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from scanstation.core.digits import to_persian
from scanstation.indexing.labels import draw_barcode
from scanstation.indexing.pdf_text import CODE_FONT, paragraph, register_fonts
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records.pdf_table import BarcodeFlowable, build, cell, rtl_table
from scanstation.records.register import BinderView, RegisterRow, series_letter


def binder_code(series: str, number: int) -> str:
    """The binder's own barcode value, e.g. `BINDER-B-003` (never read as a dossier barcode)."""
    return f"BINDER-{series.upper()}-{number:03d}"


def series_title(series: str) -> str:
    """What the series keeps: the names of the taxonomy's types filed in it (Note to Part 2.1, case `series`)."""
    names = [t.name for t in load_taxonomy().types.values() if t.binder == series]
    return f"بند {series_letter(series)}: " + "، ".join(names)


def _span(binder: BinderView) -> str:
    if binder.first_registered is None:
        return "خالی"
    return f"ثبت از {to_persian(binder.first_registered)} تا {to_persian(binder.last_registered)}"


def spine_label_pdf(binder: BinderView, branch: str, width_mm: float, height_mm: float) -> bytes:
    """A strip for the binder's back: branch, series, number, registration span, fill and the barcode."""
    register_fonts()
    w, h, m = width_mm * mm, height_mm * mm, 4 * mm
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h))
    c.setTitle(f"Binder spine {binder_code(binder.series, binder.number)}")
    c.setLineWidth(0.8)
    c.roundRect(m / 2, m / 2, w - m, h - m, 2 * mm)
    top = h - m
    for text, size, bold in ((branch, 9, False), ("کلاسور اصل اسناد", 11, True), (series_title(binder.series), 9, False),
                             (f"شماره {to_persian(binder.number)}", 22, True), (_span(binder), 9, False),
                             (f"{to_persian(binder.items)} سند، {to_persian(binder.sheets)} برگ"
                              + (" — بسته شده" if binder.closed else ""), 9, False)):
        block = paragraph(text, size, bold=bold, centre=True)
        _, used = block.wrap(w - 2 * m, h)
        top -= used + 2 * mm
        block.drawOn(c, m, top)
    code = binder_code(binder.series, binder.number)
    draw_barcode(c, code, m, m + 6 * mm, w - 2 * m, 14 * mm)
    c.setFont(CODE_FONT, 7)
    c.drawCentredString(w / 2, m + 1.5 * mm, code)
    c.showPage()
    c.save()
    return buf.getvalue()


CONTENTS_HEADER = ("ردیف", "بارکد پرونده", "شماره بیمه", "نام بیمه شده", "سند", "نوع سند", "تاریخ ثبت دبیرخانه",
                   "شماره دبیرخانه", "برگ", "کد پیگیری", "وضعیت")
CONTENTS_WIDTHS = (12, 44, 24, 36, 10, 42, 24, 22, 10, 26, 20)


def contents_pdf(binder: BinderView, rows: Sequence[RegisterRow], branch: str, printed: str) -> bytes:
    """The binder's contents list in position order, with the binder's barcode, for the front of the binder."""
    code = binder_code(binder.series, binder.number)
    letter = series_letter(binder.series)
    story = [paragraph(f"فهرست محتویات کلاسور {letter} شماره {to_persian(binder.number)} — {branch}", 14,
                       bold=True),
             paragraph(f"{series_title(binder.series)} — {_span(binder)} — چاپ {to_persian(printed)}", 9),
             Spacer(1, 3 * mm), BarcodeFlowable(code, 70 * mm, 16 * mm), Spacer(1, 4 * mm),
             rtl_table(CONTENTS_HEADER, [
                 [cell(to_persian(r.position)), cell(r.barcode, latin=True), cell(to_persian(r.insured_number)),
                  cell(r.name), cell(to_persian(r.document)), cell(r.type_name), cell(to_persian(r.registered)),
                  cell(r.secretariat_no, latin=True), cell(to_persian(r.sheets)), cell(r.tracking_code, latin=True),
                  cell(r.status_title)] for r in rows], CONTENTS_WIDTHS)]
    return build(story, f"Binder contents {code}")
