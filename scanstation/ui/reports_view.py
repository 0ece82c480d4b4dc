"""The reports screen (issue 12): choose a report and a Jalali range, see its figures and charts, save it as PDF or
XLSX. The report is computed off the UI thread (reports/service.py decides who sees what: a clerk gets their own
production only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.errors import ScanStationError
from scanstation.reports.model import Report, Section
from scanstation.reports.period import Period
from scanstation.reports.service import allowed_reports, run_report
from scanstation.reports.shown import shown
from scanstation.ui import printing
from scanstation.ui.look import LATIN_DIGITS_FAMILY, file_filter
from scanstation.ui.operations import show_error
from scanstation.ui.report_chart import BarChart
from scanstation.ui.workspace import Workspace


class ReportsView(QWidget):
    own_queue = True  # a report is about the branch, not the dossier chosen in the work queue: the queue steps aside

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self.report: Report | None = None
        self.choice = QComboBox()
        self.choice.setObjectName("reportChoice")
        titles = {"service-time": self.tr("زمان انجام خدمت"), "production": self.tr("تولید"),
                  "backlog": self.tr("کارهای مانده"), "quality": self.tr("کیفیت"), "upload": self.tr("بارگذاری و اسناد")}
        for name in allowed_reports(ws.uow()):
            self.choice.addItem(titles[name], name)
        self.by = QComboBox()
        self.by.setObjectName("reportBy")
        for key, title in (("step", self.tr("به تفکیک مرحله")), ("user", self.tr("به تفکیک کاربر")),
                           ("turn", self.tr("نوبتی / خارج از نوبت")), ("type", self.tr("به تفکیک نوع سند"))):
            self.by.addItem(title, key)
        self.date_from = QLineEdit()
        self.date_from.setObjectName("reportFrom")
        self.date_from.setPlaceholderText(self.tr("از ۱۴۰۴/۰۱/۰۱ (خالی: از آغاز)"))
        self.date_to = QLineEdit()
        self.date_to.setObjectName("reportTo")
        self.date_to.setPlaceholderText(self.tr("تا ۱۴۰۴/۰۱/۳۱ (خالی: تا امروز)"))
        self.show_button = QPushButton(self.tr("نمایش گزارش"))
        self.show_button.setObjectName("reportShow")
        self.show_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("ذخیره PDF…"))
        self.pdf_button.setObjectName("reportPdf")
        self.xlsx_button = QPushButton(self.tr("ذخیره اکسل…"))
        self.xlsx_button.setObjectName("reportXlsx")
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        form = QFormLayout()
        form.addRow(self.tr("گزارش:"), self.choice)
        form.addRow(self.tr("تفکیک:"), self.by)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        form.addRow(self.tr("بازه:"), dates)
        buttons = QHBoxLayout()
        for button in (self.show_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        self.show_button.clicked.connect(self.compute)
        self.date_to.returnPressed.connect(self.compute)
        self.pdf_button.clicked.connect(lambda: self.save_dialog("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_dialog("xlsx"))
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self._choice_changed()
        self._set_ready(False)

    def _choice_changed(self) -> None:
        self.by.setEnabled(self.choice.currentData() == "service-time")

    def _set_ready(self, ready: bool) -> None:
        self.pdf_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)

    def compute(self) -> None:
        """Run the chosen report off the UI thread; a bad date or a refusal is one sentence."""
        name = self.choice.currentData()
        if name is None:
            show_error(self, self.tr("گزارشی برای نقش شما تعریف نشده است."))
            return
        try:
            period = Period.parse(self.date_from.text().strip() or None, self.date_to.text().strip() or None)
        except ScanStationError as exc:
            show_error(self, str(exc))
            return
        self.show_button.setEnabled(False)
        self.status.setText(self.tr("در حال محاسبه…"))
        uow, by = self._ws.uow(), self.by.currentData()
        self._ws.runner.run(lambda: run_report(uow, name, period, by), self._show, self._refused)

    def _refused(self, error: ScanStationError) -> None:
        self.show_button.setEnabled(True)
        self.status.setText("")
        show_error(self, str(error))

    def _show(self, report: Report) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        self._set_ready(True)
        self.status.setText(self.tr("{title} — {period}").format(title=report.title, period=report.period))
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for section in report.sections:
            title = QLabel(section.title)
            title.setObjectName("paneTitle")
            self.body_layout.addWidget(title)
            if section.chart and section.rows:
                self.body_layout.addWidget(BarChart(section, section.chart))
            self.body_layout.addWidget(self._table(section))
        self.body_layout.addStretch(1)

    def _table(self, section: Section) -> QTableWidget:
        table = QTableWidget(len(section.rows), len(section.columns))
        table.setObjectName("reportTable")
        table.setHorizontalHeaderLabels([c.title for c in section.columns])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for r, row in enumerate(section.rows):
            for c, column in enumerate(section.columns):
                item = QTableWidgetItem(shown(row.get(column.key), column))
                if column.kind == "code":
                    font = item.font()
                    font.setFamily(LATIN_DIGITS_FAMILY)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(min(420, 44 + 31 * max(1, len(section.rows))))
        return table

    def save_dialog(self, kind: str) -> QFileDialog:
        """Ask where to save the shown report; the file is written when a name is chosen."""
        name = f"{self.report.name if self.report else 'report'}.{kind}"
        pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("اکسل (*.xlsx)")
        dialog = QFileDialog(self, self.tr("ذخیره گزارش"), str(printing.documents_folder() / name),
                             file_filter(pattern))
        dialog.setObjectName("reportSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.save(Path(path), kind))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def save(self, path: Path, kind: str) -> None:
        """Write the shown report off the UI thread (a long report's PDF takes a moment)."""
        report = self.report
        if report is None:
            return
        self.status.setText(self.tr("در حال ساختن فایل…"))

        def build() -> Path:
            from scanstation.indexing.labels import write

            if kind == "pdf":
                from scanstation.reports.pdf_export import report_pdf

                return write(report_pdf(report), path)
            from scanstation.reports.xlsx_export import report_xlsx

            return write(report_xlsx(report), path)

        self._ws.runner.run(build, lambda done: self.status.setText(printing.saved_text(done)), self._refused)
