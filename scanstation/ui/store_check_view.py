"""The admin's store check: every page image re-hashed against the database (services/store_check.py), off the UI
thread, with a progress bar and a stop button; each missing or altered image is listed by dossier and page."""

from __future__ import annotations

from threading import Event

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QProgressBar, QPushButton, QVBoxLayout, QWidget

from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.services.store_check import StoreReport, verify_store
from scanstation.ui.operations import show_error
from scanstation.ui.workspace import Workspace


class _Progress(QObject):
    """Lives on the main thread; the worker's emits arrive here queued."""

    step = Signal(int, int)


class StoreCheckView(QWidget):
    """Shown to admins only (ui/screens.py)."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self._cancel = Event()
        self._progress = _Progress(self)
        self.start = QPushButton(self.tr("بررسی همه تصویرها"))
        self.start.setObjectName("storeCheckStart")
        self.stop = QPushButton(self.tr("توقف"))
        self.stop.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setObjectName("storeCheckProgress")
        self.bar.setFormat(self.tr("%p درصد"))  # «%p%» read «%۰» in a right-to-left line
        self.summary = QLabel(self.tr("هر تصویر صفحه دوباره خوانده و با هش ثبت‌شده در پایگاه داده سنجیده می‌شود."))
        self.summary.setObjectName("storeCheckSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("storeCheckProblems")
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.stop)
        row.addWidget(self.bar, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        self.start.clicked.connect(self.run_check)
        self.stop.clicked.connect(self._cancel.set)
        self._progress.step.connect(self._advance)

    def run_check(self) -> None:
        self._cancel.clear()
        self.start.setEnabled(False)
        self.stop.setEnabled(True)
        self.problems.clear()
        self.bar.setValue(0)
        uow, store, cancel, step = self._ws.uow(), self._ws.app.pages, self._cancel, self._progress.step
        self._ws.runner.run(lambda: verify_store(uow, store, progress=step.emit, cancel=cancel),
                            self._done, self._refused)

    def _advance(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)

    def _done(self, report: StoreReport) -> None:
        self._idle()
        for problem in report.problems:
            self.problems.addItem(problem.sentence)
        # one image file may stand for several page rows (a page replaced and restored, the same sheet kept twice):
        # both counts are said, so «۳ تصویر» for a dossier of 12 pages does not read as 9 lost
        if report.cancelled:
            text = self.tr("بررسی پس از {files} فایل تصویر متوقف شد.").format(files=to_persian(report.files))
        elif report.ok:
            text = self.tr("همه {files} فایل تصویر، که {rows} ردیف صفحه به آن‌ها اشاره دارد، سالم است.").format(
                files=to_persian(report.files), rows=to_persian(report.rows))
        else:
            text = self.tr("{count} صفحه تصویر سالم ندارد؛ آن‌ها را دوباره اسکن کنید یا از پشتیبان برگردانید.").format(
                count=to_persian(len(report.problems)))
        self.summary.setText(text)

    def _refused(self, error: ScanStationError) -> None:
        self._idle()
        show_error(self, str(error))

    def _idle(self) -> None:
        self.start.setEnabled(True)
        self.stop.setEnabled(False)
