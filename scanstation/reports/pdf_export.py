"""A report as a Persian PDF: each section a right-to-left table, with its chart drawn by reportlab's graphics
(bars grow leftward from their labels, as a right-to-left reader expects)."""

from __future__ import annotations

from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from scanstation.core.digits import to_persian
from scanstation.indexing.pdf_text import paragraph
from scanstation.records.pdf_table import MARGIN, PAGE, build, cell, rtl_table
from scanstation.reports.model import Chart, Report, Section
from scanstation.reports.shown import chart_label, chart_value, is_code_label, shown

BAR_HEIGHT = 5.5 * mm
MAX_BARS = 25
LABEL_WIDTH = 70 * mm
COLOURS = ("#2f6f8f", "#4f9a76", "#c07b2a", "#8a5aa8")


class BarChart(Flowable):
    """Horizontal bars, one per row (at most MAX_BARS), each with its Persian label on the right."""

    def __init__(self, section: Section, chart: Chart, width: float) -> None:
        super().__init__()
        self.rows = [r for r in section.rows if isinstance(r.get(chart.value), (int, float))][:MAX_BARS]
        self.chart, self.width = chart, width
        self.height = (len(self.rows) + 1) * BAR_HEIGHT * 1.25 + 8 * mm

    def draw(self) -> None:
        top = max((float(r[self.chart.value]) for r in self.rows), default=0.0) or 1.0
        span = self.width - LABEL_WIDTH - 20 * mm
        drawing = Drawing(self.width, self.height)
        right = self.width - LABEL_WIDTH - 2 * mm
        for i, row in enumerate(self.rows):
            y = self.height - 8 * mm - (i + 1) * BAR_HEIGHT * 1.25
            length = span * float(row[self.chart.value]) / top
            drawing.add(Rect(right - length, y, length, BAR_HEIGHT, fillColor=_colour(i), strokeColor=None))
        drawing.add(Line(right, 0, right, self.height - 8 * mm, strokeWidth=0.6))
        renderPDF.draw(drawing, self.canv, 0, 0)
        title = paragraph(self.chart.title, 10, bold=True)
        title.wrapOn(self.canv, self.width, 8 * mm)
        title.drawOn(self.canv, 0, self.height - 6 * mm)
        for i, row in enumerate(self.rows):
            y = self.height - 8 * mm - (i + 1) * BAR_HEIGHT * 1.25
            label = paragraph(chart_label(self.chart, row), 8, latin_digits=is_code_label(self.chart.label))
            label.wrapOn(self.canv, LABEL_WIDTH, BAR_HEIGHT)
            label.drawOn(self.canv, self.width - LABEL_WIDTH, y)
            length = span * float(row[self.chart.value]) / top
            value = paragraph(chart_value(row[self.chart.value]), 8)
            value.wrapOn(self.canv, 18 * mm, BAR_HEIGHT)
            value.drawOn(self.canv, right - length - 19 * mm, y)


def _colour(i: int) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(COLOURS[i % len(COLOURS)])


def report_pdf(report: Report, branch: str = "") -> bytes:
    """The whole report: title and range, then each section's chart and table."""
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = [paragraph(f"{report.title} — {branch}" if branch else report.title, 15, bold=True),
                             paragraph(f"بازه: {to_persian(report.period)}", 10), Spacer(1, 4 * mm)]
    for section in report.sections:
        story += [paragraph(section.title, 12, bold=True), Spacer(1, 2 * mm)]
        if section.chart and section.rows:
            story.append(BarChart(section, section.chart, width))
        if section.rows:
            share = width / mm / len(section.columns)
            story.append(rtl_table([c.title for c in section.columns],
                                   [[cell(shown(row.get(c.key), c), latin=c.kind == "code") for c in section.columns]
                                    for row in section.rows], [share] * len(section.columns)))
        else:
            story.append(paragraph("در این بازه چیزی نیست.", 9))
        story.append(Spacer(1, 6 * mm))
    return build(story, report.title)
