"""The «اسکن شد» stamp of Directive Part 2, laid out like the directive's sample stamp: as a sticker PDF for the
paper original, and drawn as vector text over a page of the document PDF (scanstation/indexing/document_pdf.py)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from scanstation.core.digits import to_persian
from scanstation.core.policy import policy_file
from scanstation.indexing.pdf_text import paragraph, register_fonts


@dataclass(frozen=True)
class StampFields:
    branch: str
    user_name: str
    user_code: str
    date: str  # Jalali, Latin digits


def stamp_spec() -> Mapping[str, Any]:
    """The stamp's size and look (resources/labels.toml, [stamp])."""
    return policy_file("labels.toml")["stamp"]


def stamp_subject(fields: StampFields) -> str:
    """The stamp as one line of text for a PDF's metadata."""
    return f"branch={fields.branch}; user={fields.user_name} ({fields.user_code}); date={fields.date}"


def draw_stamp(c: Canvas, fields: StampFields, x: float, y: float, ink: Color = black,
               backing: float = 0.0) -> None:
    """The stamp with its lower left corner at (x, y): title, branch name, user name and code, date of action.

    `backing` is the opacity of a white ground under the text, so the stamp reads on a busy page while the page
    stays visible beneath it. The user line keeps Latin digits: a user code is compared with what users type."""
    register_fonts()
    spec = stamp_spec()
    w, h, m = spec["width"] * mm, spec["height"] * mm, spec["margin"] * mm
    c.saveState()
    c.translate(x, y)
    if backing:
        c.setFillColor(Color(1, 1, 1, alpha=backing))
        c.roundRect(m / 2, m / 2, w - m, h - m, 2.5 * mm, stroke=0, fill=1)
    c.setStrokeColor(ink)
    c.setLineWidth(1.2)
    c.roundRect(m / 2, m / 2, w - m, h - m, 2.5 * mm)
    colour = ink.hexval()[2:]
    lines = [
        paragraph("اسکن شد", 12, bold=True, centre=True, colour=colour),
        paragraph(f"نام شعبه: {escape(fields.branch)}", 8, colour=colour),
        paragraph(f"نام و کد کاربر: {escape(fields.user_name)} ({escape(fields.user_code)})", 8, colour=colour,
                  latin_digits=True),
        paragraph(f"تاریخ اقدام: {to_persian(fields.date)}", 8, colour=colour),
    ]
    top = h - m - 0.5 * mm
    for p in lines:
        _, used = p.wrap(w - 2 * m, h)
        top -= used + 0.6 * mm
        p.drawOn(c, m, top)
    c.restoreState()


def stamp_pdf(stamps: Sequence[StampFields]) -> bytes:
    """Stickers the size of the stamp, one a page, to stick on the paper originals after they are scanned (a label
    printer feeds one sticker a page)."""
    spec = stamp_spec()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(spec["width"] * mm, spec["height"] * mm))
    c.setTitle("Scanned stamp")
    c.setSubject(" | ".join(dict.fromkeys(stamp_subject(fields) for fields in stamps)))
    for fields in stamps:
        draw_stamp(c, fields, 0, 0)
        c.showPage()
    c.save()
    return buf.getvalue()
