"""A report as an XLSX workbook that opens right to left: one sheet per section, numbers kept as numbers."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from scanstation.reports.model import Report

SHEET_NAME_LIMIT = 31  # Excel's limit


def report_xlsx(report: Report) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for i, section in enumerate(report.sections, start=1):
        sheet = book.create_sheet(f"{i}-{section.title}"[:SHEET_NAME_LIMIT])
        sheet.sheet_view.rightToLeft = True
        sheet.append([report.title, report.period])
        sheet.append([c.title for c in section.columns])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append([_plain(row.get(c.key), c.kind) for c in section.columns])
        for column_cells in sheet.columns:
            width = max(len(str(c.value or "")) for c in column_cells)
            sheet.column_dimensions[column_cells[0].column_letter].width = min(60, max(10, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plain(value: object, kind: str) -> object:
    if kind == "bool":
        return "بله" if value else "خیر"
    return value
