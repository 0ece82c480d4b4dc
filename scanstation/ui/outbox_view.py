"""The upload outbox for supervisors and admins: files by state, the file on its way with the bytes sent, and the
files set aside for a person with their problems in Persian, each retried with «تلاش دوباره» (services/upload.retry).
Fed by the window's OutboxWorker (ui/outbox_worker.py); the reads run on the Runner, never on the UI thread.
`OutboxIndicator` is the header's one-line summary for every user."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QProgressBar,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.digits import persian_decimal
from scanstation.core.errors import ScanStationError
from scanstation.services import outbox_status, upload
from scanstation.services.outbox_status import OutboxOverview, Totals
from scanstation.services.upload_worker import Progress
from scanstation.sync.credentials import shown_address
from scanstation.sync.tracking import spaced
from scanstation.ui.elided import ElidedLabel
from scanstation.ui.look import LATIN_DIGITS_FAMILY, code_html, codes_as_printed, ltr
from scanstation.ui.operations import show_error
from scanstation.ui.outbox_worker import OutboxWorker
from scanstation.ui.workspace import Workspace

STATES = ("queued", "sending", "sent", "verified", "needs_attention")
MB = 1024 * 1024


def _megabytes(size: int) -> str:
    return persian_decimal(size / MB)


class OutboxView(QWidget):
    """Shown to supervisors and admins (ui/screens.py); `follow_outbox` hands it the window's worker."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self._worker: OutboxWorker | None = None
        self.overview: OutboxOverview | None = None
        self._in_flight: dict[str, Progress] = {}  # tracking code -> its "sending" news, oldest first
        title = QLabel(self.tr("صف بارگذاری به مخزن مرکزی"))
        title.setObjectName("paneTitle")
        self.status = QLabel()
        self.status.setObjectName("outboxStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)  # the store's address and barcodes as typed and printed
        self.counts: dict[str, QLabel] = {}
        counts = QHBoxLayout()
        counts.setSpacing(18)  # five "title: n" pairs on one line: the gap tells where one ends
        for state in STATES:
            label = QLabel()
            label.setObjectName(f"outboxCount_{state}")
            counts.addWidget(label)
            self.counts[state] = label
        counts.addStretch(1)
        self.current = QLabel(self.tr("فایلی در حال ارسال نیست."))
        self.current.setObjectName("outboxCurrent")
        self.bar = QProgressBar()
        self.bar.setObjectName("outboxProgress")
        self.bar.setFormat(self.tr("بدون فایل"))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("outboxSetAside")
        self.table.setHorizontalHeaderLabels([self.tr("کد پیگیری"), self.tr("پرونده"), self.tr("سند"),
                                              self.tr("تلاش‌ها"), self.tr("آخرین مشکل")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.problems = QListWidget()
        self.problems.setObjectName("outboxProblems")
        self.problems.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("تلاش دوباره"))
        self.retry_button.setObjectName("outboxRetry")
        self.retry_button.clicked.connect(self.retry)
        self.refresh_button = QPushButton(self.tr("بازخوانی"))
        self.refresh_button.clicked.connect(self.refresh)
        aside_title = QLabel(self.tr("نیازمند رسیدگی"))
        aside_title.setObjectName("caption")
        problems_title = QLabel(self.tr("مشکلات فایل انتخاب‌شده"))
        problems_title.setObjectName("caption")
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addLayout(counts)
        layout.addWidget(self.current)
        layout.addWidget(self.bar)
        layout.addWidget(aside_title)
        layout.addWidget(self.table, 2)
        layout.addWidget(problems_title)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self._show_totals(Totals({}, {}))
        self._selected()

    def _state_titles(self) -> dict[str, str]:
        return {"queued": self.tr("در صف"), "sending": self.tr("در حال ارسال"),
                "sent": self.tr("فرستاده، در انتظار ویژگی‌ها"), "verified": self.tr("تأییدشده در مخزن"),
                "needs_attention": self.tr("نیازمند رسیدگی")}

    def follow_outbox(self, worker: OutboxWorker) -> None:
        """Listen to the window's worker (called once by the main window)."""
        self._worker = worker
        worker.progress.connect(self._progress)
        worker.totals.connect(self._show_totals)
        worker.news.connect(lambda sentence: self.status.setText(codes_as_printed(sentence)))
        self._say_where()

    def _say_where(self) -> None:
        """Where this window uploads to, or who sets the store up and where (read again each time the screen is
        shown: the admin may have saved the settings since)."""
        if self._worker is None:
            return
        self.status.setText(self.tr("بارگذاری در این پنجره به نشانی {url} انجام می‌شود.").format(
            url=code_html(shown_address(self._ws.app.settings.store_url or ""))) if self._worker.configured else self.tr(
            "نشانی مخزن مرکزی تنظیم نشده است؛ مدیر سیستم شعبه آن را در صفحه «تنظیم مخزن مرکزی» وارد می‌کند. تا "
            "آن زمان این پنجره چیزی نمی‌فرستد و صف فقط نشان داده می‌شود."))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._say_where()
        self.refresh()

    def refresh(self) -> None:
        uow = self._ws.uow()
        self._ws.runner.run(lambda: outbox_status.overview(uow), self._render)

    def _render(self, overview: OutboxOverview) -> None:
        keep = self.selected_code()
        self.overview = overview
        self._show_totals(overview.totals)
        self.table.setRowCount(len(overview.set_aside))
        latin = QFont(self.font())
        latin.setFamily(LATIN_DIGITS_FAMILY)
        for row, item in enumerate(overview.set_aside):
            cells = [ltr(spaced(item.tracking_code)), ltr(item.barcode),
                     str(item.document) if item.document is not None else self.tr("فهرست پرونده"),
                     str(item.attempts), item.problems[-1] if item.problems else ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column < 2:  # codes as printed on the receipt and the label
                    cell.setFont(latin)
                self.table.setItem(row, column, cell)
            if item.tracking_code == keep or (keep is None and row == 0):
                self.table.selectionModel().setCurrentIndex(  # selectRow() leaves nothing selected here
                    self.table.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._selected()

    def _show_totals(self, totals: Totals) -> None:
        titles = self._state_titles()
        for state, label in self.counts.items():
            label.setText(self.tr("{title}: {n}").format(title=titles[state], n=totals.counts.get(state, 0)))
        self.bar.setMaximum(max(totals.bytes_all // 1024, 1))
        self.bar.setValue(totals.bytes_done // 1024)
        self.bar.setFormat(self.tr("{done} از {all} مگابایت در مخزن").format(
            done=_megabytes(totals.bytes_done), all=_megabytes(totals.bytes_all)))

    def _progress(self, news: Progress) -> None:
        """The line names the file sent most recently of those still on their way (several are, at once)."""
        if news.event == "sending":
            self._in_flight[news.tracking_code] = news
        else:
            self._in_flight.pop(news.tracking_code, None)
        latest = next(reversed(self._in_flight.values()), None)
        if latest is not None:
            self.current.setText(self.tr("در حال ارسال: {name} ({size} مگابایت، کد پیگیری {code})").format(
                name=ltr(latest.name), size=_megabytes(latest.size), code=ltr(spaced(latest.tracking_code))))
        else:
            self.current.setText(self.tr("فایلی در حال ارسال نیست."))
        if news.event == "failed" and self.isVisible():
            self.refresh()

    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.overview is None or rows[0].row() >= len(self.overview.set_aside):
            return None
        return self.overview.set_aside[rows[0].row()].tracking_code

    def _selected(self) -> None:
        code = self.selected_code()
        self.problems.clear()
        chosen = next((i for i in self.overview.set_aside if i.tracking_code == code), None) if self.overview else None
        if chosen is not None:
            self.problems.addItems(list(chosen.problems))
        refusal = self.overview.retry_refusal if self.overview else self.tr("در حال خواندن صف بارگذاری…")
        if refusal is None and chosen is None:
            refusal = self.tr("نخست فایلی را از فهرست «نیازمند رسیدگی» انتخاب کنید.")
        self.retry_button.setEnabled(refusal is None)
        self.retry_button.setToolTip(refusal or self.tr("فایل انتخاب‌شده با تلاش‌های تازه دوباره در صف ارسال می‌رود؛ "
                                                        "مشکلات قبلی در سابقه می‌ماند."))

    def retry(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        uow = self._ws.uow()
        self.retry_button.setEnabled(False)
        self._ws.runner.run(lambda: upload.retry(uow, code), self._retried, self._refused)

    def _retried(self, _result: object) -> None:
        if self._worker is not None:
            self._worker.wake()
        self.refresh()

    def _refused(self, error: ScanStationError) -> None:
        show_error(self, str(error))
        self.refresh()


class OutboxIndicator(ElidedLabel):
    """The header's one line for every user: what waits to go to the store and what needs a person."""

    def __init__(self, worker: OutboxWorker) -> None:
        super().__init__()
        self.setObjectName("outboxIndicator")
        self._sentence = ""  # what the worker said last (the tooltip, under the counts)
        worker.totals.connect(self.show_totals)
        worker.news.connect(self._news)
        self.setVisible(False)

    def _news(self, sentence: str) -> None:
        self._sentence = sentence
        self.setToolTip("\n".join(filter(None, [self.text(), sentence])))

    def show_totals(self, totals: Totals) -> None:
        text = self.tr("بارگذاری: {n} در صف").format(n=totals.to_send)
        arrived = totals.counts.get("sent", 0)  # in the store and hash-checked; their properties still to read back
        if arrived:
            text += self.tr("، {n} رسیده به مخزن").format(n=arrived)
        attention = totals.counts.get("needs_attention", 0)
        if attention:
            text += self.tr("، {n} نیازمند رسیدگی").format(n=attention)
        self.setText(text)
        self.setToolTip("\n".join(filter(None, [text, self._sentence])))
        self.setVisible(True)
