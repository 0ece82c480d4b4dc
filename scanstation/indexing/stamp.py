"""The «اسکن شد» stamp of Directive Part 2 as a sticker PDF, laid out like the directive's sample stamp."""

from __future__ import annotations

import io
import tomllib
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from scanstation.core.digits import to_persian
from scanstation.core.resources import resource
from scanstation.indexing.pdf_text import paragraph, register_fonts


@dataclass(frozen=True)
class StampFields:
    branch: str
    user_name: str
    user_code: str
    date: str  # Jalali, Latin digits


def stamp_pdf(fields: StampFields) -> bytes:
    """One sticker: title, branch name, user name and code, date of action."""
    register_fonts()
    with resource("labels.toml").open("rb") as fh:
        spec = tomllib.load(fh)["stamp"]
    w, h, m = spec["width"] * mm, spec["height"] * mm, spec["margin"] * mm
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h))
    c.setTitle("Scanned stamp")
    c.setSubject(f"branch={fields.branch}; user={fields.user_name} ({fields.user_code}); date={fields.date}")
    c.setLineWidth(1.2)
    c.roundRect(m / 2, m / 2, w - m, h - m, 2.5 * mm)
    lines = [
        paragraph("اسکن شد", 12, bold=True, centre=True),
        paragraph(f"نام شعبه: {fields.branch}", 8),
        paragraph(f"نام و کد کاربر: {fields.user_name} ({fields.user_code})", 8),
        paragraph(f"تاریخ اقدام: {to_persian(fields.date)}", 8),
    ]
    top = h - m - 0.5 * mm
    for p in lines:
        _, used = p.wrap(w - 2 * m, h)
        top -= used + 0.6 * mm
        p.drawOn(c, m, top)
    c.showPage()
    c.save()
    return buf.getvalue()
