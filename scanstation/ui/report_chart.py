"""A bar chart for the reports screen, drawn with QPainter (PySide6-Essentials has no QtCharts, and one chart kind
does not justify pyqtgraph): one horizontal bar per row, its label on the right and the bar growing leftward, as a
right-to-left reader expects; values in Persian digits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from scanstation.reports.model import Chart, Section
from scanstation.reports.shown import chart_label, chart_value, is_code_label
from scanstation.ui.look import LATIN_DIGITS_FAMILY

BAR = 22
GAP = 6
LABEL_SHARE = 0.32
MAX_BARS = 25
COLOURS = ("#2f6f8f", "#4f9a76", "#c07b2a", "#8a5aa8")


class BarChart(QWidget):
    def __init__(self, section: Section, chart: Chart) -> None:
        super().__init__()
        self.setObjectName("reportChart")
        self.chart = chart
        self.rows: list[dict[str, Any]] = [r for r in section.rows
                                           if isinstance(r.get(chart.value), (int, float))][:MAX_BARS]
        self._height = len(self.rows) * (BAR + GAP) + 40
        self.setMinimumHeight(self._height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name): a fixed-height widget is laid out at its hint
        return QSize(400, self._height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        painter.drawText(QRectF(0, 0, width - 8, 26), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         self.chart.title)
        label_width = width * LABEL_SHARE
        right = width - label_width - 8
        span = right - 70
        top = max((float(r[self.chart.value]) for r in self.rows), default=0.0) or 1.0
        plain, labels = painter.font(), QFont(painter.font())
        if is_code_label(self.chart.label):
            labels.setFamily(LATIN_DIGITS_FAMILY)  # user codes and barcodes keep the digits they are printed with
        for i, row in enumerate(self.rows):
            y = 32 + i * (BAR + GAP)
            value = float(row[self.chart.value])
            length = span * value / top
            painter.setFont(labels)
            painter.drawText(QRectF(right + 8, y, label_width - 8, BAR),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, chart_label(self.chart, row))
            painter.setFont(plain)
            painter.fillRect(QRectF(right - length, y + 2, length, BAR - 4), QColor(COLOURS[i % len(COLOURS)]))
            painter.drawText(QRectF(right - length - 66, y, 62, BAR),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, chart_value(row[self.chart.value]))
        painter.end()
