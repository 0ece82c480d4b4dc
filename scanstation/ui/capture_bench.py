"""The capture bench (steps 5-6): scan or import pages, watch thumbnails arrive with their quality flags,
and fix what is flagged from the keyboard. Every action is a service call run off the UI thread; which buttons
work, and the tooltip saying why one does not, come from services.actions."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QInputDialog,
                               QLabel, QListWidget, QListWidgetItem, QMessageBox, QProgressBar, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from scanstation.capture.qc_titles import REASON_TITLES
from scanstation.capture.sane_scanner import list_devices, load_profiles
from scanstation.core.digits import to_persian
from scanstation.core.progress import CancelFlag, Pace, Tally
from scanstation.services import actions, capture_steps, page_capture, page_fixes, queries
from scanstation.services.actions import ActionSet
from scanstation.services.read_models import CaptureSummary, DossierDetail, PageView
from scanstation.ui.elided import ElidedLabel
from scanstation.ui.look import file_filter, latin_digits, ltr
from scanstation.ui.operations import Runner, show_error
from scanstation.ui.page_viewer import PageViewer, ViewerPage
from scanstation.ui.page_images import read_scaled
from scanstation.ui.rejections import rejection_text, sent_back_text
from scanstation.ui.workspace import Workspace

FLAGGED = QColor("#ffe0e0")
ACCEPTED = QColor("#fff4d6")
ICON_SIZE = QSize(110, 150)
FIX_COLUMNS = 5
# Which answer of services.actions each button follows (next_flag and cancel follow the bench itself).
DUPLICATES_NAMED = 12  # skipped images named one by one in the prompt; the rest are counted
BUTTON_ACTIONS = {"scan": "scan", "import": "import", "classify": "classify", "blank_backs": "drop_blank_backs",
                  "finish": "finish_scanning", "checked": "complete_qc"}
LARGE_VIEW_EVERY_MS = 250
PAGE_BUTTONS = ("accept", "delete", "rescan", "rotate", "upright")  # follow the pages chosen too (actions.page_action)


class _PageRelay(QObject):
    """Lives on the main thread: pages captured on the worker arrive here through a queued signal."""

    captured = Signal(object)
    file_started = Signal(object)  # a core.progress.Tally: file n of N of an import


class CaptureBench(QWidget):
    """Follows the dossier chosen in the queue."""

    changed = Signal(str)
    open_screen = Signal(str)  # the window brings that screen forward (C: classification)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.barcode: str | None = None
        self.pages: list[PageView] = []
        self.allowed: ActionSet | None = None
        self._busy = False  # a batch is running: only «توقف» works
        # While a batch runs, the newest page is shown large at most this often: each view decodes a whole master,
        # which at a feeder's ten pages a second took a third of the one core the page reader leaves to capture.
        self._large_pace = QTimer(self)
        self._large_pace.setSingleShot(True)
        self._large_pace.setInterval(LARGE_VIEW_EVERY_MS)
        self._large_pace.timeout.connect(self._show_newest_waiting)
        self._newest_waiting = False
        self._note = ""  # what the last batch or step did, kept beside the page count until another dossier is shown
        self.reason_dialog: QInputDialog | None = None
        self.duplicates_box: QMessageBox | None = None
        self.keep_button: QAbstractButton | None = None
        self._imported: list[Path] = []
        self._cancel = CancelFlag()
        self._relay = _PageRelay(self)
        self._relay.captured.connect(self._page_arrived)
        self._relay.file_started.connect(self._file_started)
        self._pace = Pace()
        # Images are read by a runner of their own: neither a PNG decoder nor a scan batch queued on the window's
        # runner holds up the window or the large view.
        self._images = Runner(self)
        self._icons: dict[str, QIcon | None] = {}  # by sha256: images never change, so neither do thumbnails
        self._shown: list[tuple[object, ...]] = []  # what each row of `thumbs` shows, to update only what changed

        self.title = ElidedLabel(self.tr("پرونده‌ای انتخاب نشده است"))  # a long name is cut, not the window widened
        self.title.setObjectName("paneTitle")
        self.profile = QComboBox()
        for name, profile in load_profiles().items():
            self.profile.addItem(profile.title, name)
        self.device = QComboBox()
        latin_digits(self.device)  # SANE names a device test:0, as its own tools print it
        # SANE's test device (a newcomer's, or a demo's) scans white pages that are all flagged blank: a grid instead
        self.test_grid = QCheckBox(self.tr("برگ شطرنجی"))
        self.test_grid.setToolTip(self.tr("دستگاه آزمایشی SANE به جای برگ سفید یک برگ شطرنجی می‌دهد."))
        self.test_grid.setChecked(True)
        self.device.currentIndexChanged.connect(self._device_chosen)
        self.status = QLabel()
        self.status.setObjectName("caption")
        # The approver's decisions that sent this dossier back: the sentence, who and when, which pages.
        self.rejection = ElidedLabel()
        self.rejection.setObjectName("rejectionBanner")
        self.rejection.hide()
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("scan", self.tr("اسکن (F6)"), "F6", self.scan),
            ("import", self.tr("از فایل…"), "Ctrl+O", self.import_dialog),
            ("cancel", self.tr("توقف"), "Esc", self.cancel),
            ("next_flag", self.tr("ایراد بعدی (N)"), "N", self.next_flagged),
            ("sent_back", self.tr("برگشتی ناظر (F9)"), "F9", self.first_sent_back),
            ("accept", self.tr("پذیرش با دلیل (A)"), "A", lambda: self.ask_reason("accept")),
            ("delete", self.tr("حذف با دلیل (Del)"), "Delete", lambda: self.ask_reason("delete")),
            ("rescan", self.tr("اسکن دوباره این صفحه (F7)"), "F7", self.rescan),
            ("rotate", self.tr("چرخش ۹۰° (R)"), "R", self.rotate),
            ("upright", self.tr("راست کردن (U)"), "U", self.upright),
            ("blank_backs", self.tr("حذف پشت‌های سفید (B)"), "B", lambda: self.ask_reason("blank_backs")),
            ("classify", self.tr("طبقه‌بندی صفحه‌ها (C)"), "C", lambda: self.open_screen.emit("classify")),
            ("finish", self.tr("پایان اسکن (مرحله ۵)"), "Ctrl+5", self.finish_scanning),
            ("checked", self.tr("پایان کنترل کیفیت (مرحله ۶)"), "Ctrl+6", self.complete_qc),
        ]
        toolbar, fixes = QHBoxLayout(), QGridLayout()
        for key, text, shortcut, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            # through the button, so a key does nothing while its button is disabled (and says why in its tooltip)
            QShortcut(QKeySequence(shortcut), self, button.click, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.buttons[key] = button
            if key in ("scan", "import", "cancel"):
                toolbar.addWidget(button)
            else:  # two rows, so the screen fits a 1366-pixel office display
                fixes.addWidget(button, fixes.count() // FIX_COLUMNS, fixes.count() % FIX_COLUMNS)
        for combo in (self.profile, self.device):  # long scanner names are elided, not allowed to widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)  # with the test device's grid choice beside them
        self.status.setWordWrap(True)
        toolbar.insertWidget(0, self.profile)
        toolbar.insertWidget(1, self.device)
        toolbar.insertWidget(2, self.test_grid)
        self._device_chosen()
        self.progress = QProgressBar()
        self.progress.setObjectName("captureProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        toolbar.addWidget(self.progress)
        toolbar.addStretch(1)
        self.thumbs = QListWidget()
        # Shift/Ctrl choose several pages (a run of blank backs): delete, accept and rotate take them all at once
        self.thumbs.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(ICON_SIZE)
        self.thumbs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        # One size for all, given by the bench: laying out 500 thumbnails need not ask each. Left to the list, the
        # uniform size was taken once from the first item, before its thumbnail had been read off the main thread
        # (an empty icon), and kept after the pictures came: every page collapsed into a 17x25 cell, 1-px lines of
        # picture, whenever a dossier with pages was opened on a fresh bench (after a log-out and log-in).
        self.thumbs.setUniformItemSizes(True)
        self._cell = QSize(ICON_SIZE.width() + 16, ICON_SIZE.height() + 2 * self.fontMetrics().height() + 12)
        self.thumbs.setLayoutMode(QListWidget.LayoutMode.Batched)  # and is spread over several turns of the loop
        self.thumbs.currentRowChanged.connect(self._show_large)
        self.thumbs.itemSelectionChanged.connect(self._update_buttons)
        self.setFocusProxy(self.thumbs)
        # the page large in the shared viewer: fit page or width, zoom (wheel, +/−), pan; the list beside it chooses
        self.viewer = PageViewer(strip=False)
        self.viewer.setObjectName("captureViewer")
        split = QSplitter()
        split.addWidget(self.thumbs)
        split.addWidget(self.viewer)
        split.setSizes([380, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(toolbar)
        layout.addWidget(self.rejection)
        layout.addWidget(self.status)  # a row of its own: what a batch or a step did is read, not squeezed
        layout.addWidget(split, 1)
        layout.addLayout(fixes)
        # SANE discovery can take seconds (network backends): on a runner of its own it holds up nothing else.
        self.discovery = Runner(self)
        self.discovery.run(list_devices, self._devices_found, lambda e: self.status.setText(str(e)))
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------------------------
    def _devices_found(self, devices: list) -> None:
        self.device.clear()
        for d in devices:
            # "frontend-tester (test:0)": the model and SANE's name, left to right; a vendor SANE calls Noname is left out
            vendor = "" if d.vendor.lower() in ("noname", "") else f"{d.vendor} "
            self.device.addItem(ltr(f"{vendor}{d.model} ({d.name})"), d.name)
        if not devices:
            self.device.addItem(self.tr("اسکنری پیدا نشد"), None)

    def _device_chosen(self, _index: int = 0) -> None:
        self.test_grid.setVisible(str(self.device.currentData() or "").startswith("test:"))

    def _request(self, source: str | None = None) -> page_capture.ScanRequest:
        """What the clerk chose: profile, device, and for the test device whether it draws a grid."""
        device = self.device.currentData()
        grid = self.test_grid.isChecked() and str(device or "").startswith("test:")
        return page_capture.ScanRequest(self.profile.currentData(), device, source=source, test_grid=grid)

    def show_dossier(self, barcode: str | None) -> None:
        if barcode != self.barcode:
            self._note = ""
            self.allowed = None
            self.rejection.hide()
            self._icons.clear()  # a clerk goes through many dossiers a day: keep only this one's thumbnails
        self.barcode = barcode
        if barcode is None:
            self.pages, self.allowed = [], None
            self._render()
            return
        uow = self._ws.uow()
        self._ws.runner.run(lambda: (queries.dossier_detail(uow, barcode), actions.allowed_actions(uow, barcode)),
                            lambda loaded: self._loaded(*loaded))

    def _loaded(self, detail: DossierDetail, allowed: ActionSet) -> None:
        if detail.barcode != self.barcode:
            return
        first_look = self.allowed is None or not self.pages
        self.allowed = allowed
        self.title.setText(self.tr("تصویربرداری پرونده {barcode} — {name}").format(
            barcode=ltr(detail.barcode), name=detail.name))
        self.pages = list(detail.pages)
        self._show_rejections(detail)
        self._render()
        if first_look and detail.rejections:
            self.first_sent_back()  # what the approver sent back is where the clerk starts

    def _show_rejections(self, detail: DossierDetail) -> None:
        """One line per decision of the approver that sent this dossier back (the whole text in the tooltip)."""
        lines = [rejection_text(r) for r in detail.rejections]
        self.rejection.setText("\n".join(lines))
        self.rejection.setVisible(bool(lines))

    def _render(self) -> None:
        """Bring the thumbnails up to date row by row: unchanged rows are left alone, so a 500-page dossier is not
        rebuilt after every batch."""
        current = self.thumbs.currentRow()
        for row, page in enumerate(self.pages):
            shown = self._row_key(page)
            if row < len(self._shown):
                if self._shown[row] != shown:
                    self._fill(self.thumbs.item(row), page)
                    self._shown[row] = shown
            else:
                self._append(page)
        while len(self._shown) > len(self.pages):
            self._shown.pop()
            self.thumbs.takeItem(len(self._shown))
        counts = self.tr("{pages} صفحه، {flagged} ایراد باز").format(
            pages=to_persian(len(self.pages)), flagged=to_persian(self._open_flags()))
        self.status.setText(f"{self._note} — {counts}" if self._note else counts)
        self._update_buttons()
        row = min(max(current, 0), len(self.pages) - 1) if self.pages else -1
        self._refresh_viewer(max(row, 0))  # a page in it may have changed (rotated, rescanned, deleted)
        if row >= 0 and row != current:
            self.select_row(row)

    @staticmethod
    def _row_key(page: PageView) -> tuple[object, ...]:
        return page.seq, page.sha256, page.qc_reasons, page.accepted_reason, page.duplicate_reason

    def _append(self, page: PageView) -> None:
        item = QListWidgetItem()
        item.setSizeHint(self._cell)
        self._fill(item, page)
        self.thumbs.addItem(item)
        self._shown.append(self._row_key(page))

    def _fill(self, item: QListWidgetItem, page: PageView) -> None:
        """Text, flag colour and thumbnail of one row; a thumbnail not yet read is asked of the loader."""
        sha = page.sha256
        flags = "، ".join(REASON_TITLES.get(r, r) for r in page.qc_reasons)
        text = to_persian(page.seq) + (f" — {flags}" if flags else "")
        if sha in self._icons and self._icons[sha] is None:
            text += " — " + self.tr("تصویر در دسترس نیست")
        if page.duplicate_reason:
            text += " — " + self.tr("تکراری")
        item.setText(text)
        if sha not in self._icons:
            self._icons[sha] = QIcon()  # asked for once; filled in by _thumbnail_read
            thumb = lambda: page_capture.page_files(self._ws.app.pages, sha)[1]  # noqa: E731
            self._load(self._thumbnail_read, sha, thumb, ICON_SIZE)
        item.setIcon(self._icons[sha] or QIcon())
        item.setBackground(QBrush(ACCEPTED if page.accepted_reason else FLAGGED) if page.qc_reasons else QBrush())
        item.setToolTip("\n".join(filter(None, [(page.accepted_reason or flags) if page.qc_reasons else "",
                                                 sent_back_text(page), page.duplicate_reason])))

    def _thumbnail_read(self, sha: str, image: QImage | None) -> None:
        if sha not in self._icons:  # asked for by a dossier no longer shown
            return
        self._icons[sha] = QIcon(QPixmap.fromImage(image)) if image is not None else None
        for row, page in enumerate(self.pages):
            if page.sha256 == sha and row < self.thumbs.count():
                self._fill(self.thumbs.item(row), page)

    def _show_large(self, row: int) -> None:
        """Show the page of `row` in the viewer (decoded off the main thread, the next pages prefetched); while a
        batch runs, its newest page a few times a second (LARGE_VIEW_EVERY_MS), the last one always."""
        if not 0 <= row < len(self.viewer.pages):
            return
        if self._busy and row == len(self.viewer.pages) - 1 and self._large_pace.isActive():
            self._newest_waiting = True
            return
        self._newest_waiting = False
        self.viewer.show_page(row)
        if self._busy:
            self._large_pace.start()

    def _show_newest_waiting(self) -> None:
        row = self.thumbs.currentRow()
        if self._newest_waiting and row == len(self.viewer.pages) - 1:
            self._show_large(row)

    def _refresh_viewer(self, current: int) -> None:
        """Give the viewer the dossier's pages as they are now, at `current`."""
        self.viewer.set_pages([self._entry(p) for p in self.pages], current)

    def _entry(self, page: PageView) -> ViewerPage:
        store = self._ws.app.pages
        return ViewerPage(seq=page.seq, files=lambda sha=page.sha256: page_capture.page_files(store, sha),
                          sheet=page.sheet, side=page.side, document=page.document, qc_reasons=page.qc_reasons,
                          accepted_reason=page.accepted_reason, sent_back_reason=page.supervisor_reason)

    def _load(self, done: Callable[[str, QImage | None], None], sha: str, path: Callable[[], Path | None],
              fit: QSize) -> None:
        """Read the image at `path()` on the image runner, then `done(sha, image)` here on the main thread."""
        self._images.run(lambda: read_scaled(path(), fit), lambda image: done(sha, image))

    def _open_flags(self) -> int:
        return sum(1 for p in self.pages if p.open_flag)

    def _update_buttons(self) -> None:
        """Each button as services.actions answered for the shown dossier, its refusal as the tooltip."""
        for key, button in self.buttons.items():
            if self._busy:
                reason = None if key == "cancel" else self.tr("تا پایان دسته در حال اسکن صبر کنید یا آن را متوقف کنید.")
            elif key == "cancel":
                reason = self.tr("دسته‌ای در حال اسکن نیست.")
            elif self.allowed is None:
                reason = self.tr("نخست یک پرونده را از صف کار انتخاب کنید.")
            elif key == "next_flag":
                reason = None if self._open_flags() else self.tr("ایراد بازی در صفحه‌های این پرونده نمانده است.")
            elif key == "sent_back":
                reason = None if self._sent_back_rows() else self.tr("ناظر برگی از این پرونده را برنگردانده است.")
            elif key in PAGE_BUTTONS:
                reason = actions.page_action(self.allowed, key, self.pages, self.selected_seqs()).reason
            else:
                reason = self.allowed[BUTTON_ACTIONS[key]].reason
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def current_seq(self) -> int | None:
        row = self.thumbs.currentRow()
        return self.pages[row].seq if 0 <= row < len(self.pages) else None

    def select_row(self, row: int) -> None:
        """Make `row` the current page and the only one chosen (a move by the bench itself, not Shift/Ctrl)."""
        self.thumbs.setCurrentRow(row, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def selected_seqs(self) -> list[int]:
        """The numbers of the pages chosen (Shift/Ctrl for several), or of the current page alone."""
        rows = sorted({index.row() for index in self.thumbs.selectedIndexes()})
        seqs = [self.pages[r].seq for r in rows if 0 <= r < len(self.pages)]
        current = self.current_seq()
        return seqs or ([current] if current is not None else [])

    @property
    def capturing(self) -> bool:
        """A batch is running (the page reader then leaves a core to it)."""
        return self._busy

    # -- capturing -------------------------------------------------------------------------------------------
    def _page_arrived(self, page: PageView) -> None:
        self._pace.tick(time.monotonic())
        pace = self._pace.per_minute()
        text = self.tr("صفحه {n} رسید ({count} صفحه در این دسته)").format(n=to_persian(page.seq),
                                                                        count=to_persian(self._pace.count))
        if pace is not None:
            text += " — " + self.tr("{rate} صفحه در دقیقه").format(rate=to_persian(round(pace)))
        self.status.setText(text)
        self.pages.append(page)
        self._append(page)
        self.viewer.add_page(self._entry(page))
        self.select_row(len(self.pages) - 1)  # each page large as it arrives
        self.thumbs.scrollToBottom()

    def _file_started(self, tally: Tally) -> None:
        """An import's file n of N: the bar and the line say how far the import has come."""
        self.progress.setRange(0, tally.total)
        self.progress.setValue(tally.number - 1)
        self.progress.setFormat(self.tr("فایل {n} از {total}").format(n=to_persian(tally.number),
                                                                     total=to_persian(tally.total)))
        self.progress.show()

    def _run_batch(self, work: Any) -> None:
        self._cancel = CancelFlag()
        self._pace = Pace()
        self._busy = True
        self._update_buttons()
        self._ws.runner.run(work, self._batch_done, self._failed)

    def scan(self) -> None:
        if self.barcode is None:
            return
        request = self._request()
        uow, barcode, store = self._ws.uow(), self.barcode, self._ws.app.pages
        self._run_batch(lambda: page_capture.scan_batch(uow, barcode, request, store, self._relay.captured.emit,
                                                   self._cancel))

    def import_dialog(self) -> None:
        if self.barcode is None:
            return
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("تصاویر برای افزودن"), "",
                                                file_filter(self.tr("تصویر (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)")))
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path], keep: page_capture.KeepDuplicates | None = None) -> None:
        uow, barcode, store = self._ws.uow(), self.barcode, self._ws.app.pages
        self._imported = files
        self._run_batch(lambda: page_capture.import_files(uow, barcode, files, store, self._relay.captured.emit,
                                                     self._cancel, keep_duplicates=keep,
                                                     files=self._relay.file_started.emit))

    def cancel(self) -> None:
        self._cancel.set()

    def _batch_done(self, summary: CaptureSummary) -> None:
        self._busy = False
        self.progress.hide()
        lines = [*summary.warnings, *summary.problems] + ([summary.stopped] if summary.stopped else [])
        if summary.duplicates:
            lines.append(self.tr("{n} تصویر پیش‌تر در این پرونده بود و دوباره ثبت نشد.").format(
                n=to_persian(len(summary.duplicates))))
        self._note = " ".join(lines) or self.tr("{n} صفحه افزوده شد").format(n=to_persian(len(summary.pages)))
        self.status.setText(self._note)
        self._after_change()
        if summary.duplicates:
            self._offer_duplicates(summary.duplicates)

    def _offer_duplicates(self, skipped: tuple[str, ...]) -> None:
        """Name the images skipped as already in the dossier, and offer to capture them anyway with a reason."""
        shown = "\n".join(f"• {ltr(label)}" for label in skipped[:DUPLICATES_NAMED])
        if len(skipped) > DUPLICATES_NAMED:
            shown += "\n" + self.tr("و {n} تصویر دیگر").format(n=to_persian(len(skipped) - DUPLICATES_NAMED))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("تصویرهای تکراری"), self.tr(
            "این تصویرها پیش‌تر در این پرونده بوده‌اند و دوباره ثبت نشدند:") + "\n" + shown, parent=self)
        box.setObjectName("duplicatesBox")
        keep = box.addButton(self.tr("با ذکر دلیل ثبت شوند"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("ثبت نشوند"), QMessageBox.ButtonRole.RejectRole))
        box.buttonClicked.connect(lambda button: self._ask_keep_reason(skipped) if button is keep else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.duplicates_box, self.keep_button = box, keep
        box.open()

    def _ask_keep_reason(self, skipped: tuple[str, ...]) -> None:
        files, barcode = self._imported, self.barcode
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("دلیل"))
        dialog.setLabelText(self.tr("چرا این تصویرها باید دوباره در پرونده ثبت شوند؟"))
        dialog.textValueSelected.connect(lambda reason: self._keep_duplicates(barcode, files, skipped, reason))
        dialog.finished.connect(dialog.deleteLater)
        self.reason_dialog = dialog
        dialog.open()

    def _keep_duplicates(self, barcode: str | None, files: list[Path], skipped: tuple[str, ...], reason: str) -> None:
        self.reason_dialog = None
        if barcode is not None and barcode == self.barcode:
            self.import_files(files, page_capture.KeepDuplicates(reason, frozenset(skipped)))

    def _failed(self, error: Exception) -> None:
        """The batch was refused or could not start: a readable message, and the buttons as they were."""
        self._busy = False
        self.progress.hide()
        self._update_buttons()
        show_error(self, str(error))

    def _after_change(self, _: object = None) -> None:
        if self.barcode:
            self.changed.emit(self.barcode)
            self.show_dossier(self.barcode)

    # -- fixing ----------------------------------------------------------------------------------------------
    def _sent_back_rows(self) -> list[int]:
        return [row for row, page in enumerate(self.pages) if page.supervisor_reason and page.open_flag]

    def first_sent_back(self) -> None:
        """F9: the first page the approver sent back that is still to be fixed, large in the viewer."""
        rows = self._sent_back_rows()
        if rows:
            self.select_row(rows[0])
            self.thumbs.scrollToItem(self.thumbs.item(rows[0]))
            self.thumbs.setFocus()

    def next_flagged(self) -> None:
        start = self.thumbs.currentRow() + 1
        order = list(range(start, len(self.pages))) + list(range(0, start))
        for row in order:
            page = self.pages[row]
            if page.open_flag:
                self.select_row(row)
                return

    def ask_reason(self, action: str) -> None:
        """One reason for every page chosen (accept, delete) or for every blank back of a duplex batch."""
        if self.barcode is None:
            return
        seqs = self.selected_seqs()
        if action == "accept":  # only flagged pages are accepted; the others chosen with them are left as they are
            flagged = {p.seq for p in self.pages if p.open_flag}
            seqs = [n for n in seqs if n in flagged]
        if not seqs and action != "blank_backs":
            return
        named = "، ".join(to_persian(n) for n in seqs)
        label = {"accept": self.tr("دلیل پذیرش صفحه‌های {pages} با ایراد:"),
                 "delete": self.tr("دلیل حذف صفحه‌های {pages}:"),
                 "blank_backs": self.tr("دلیل حذف همه پشت‌های سفید این پرونده:")}[action]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("دلیل"))
        dialog.setLabelText(label.format(pages=named))
        dialog.textValueSelected.connect(lambda reason: self._with_reason(action, seqs, reason))
        dialog.finished.connect(dialog.deleteLater)
        self.reason_dialog = dialog
        dialog.open()

    def _with_reason(self, action: str, seqs: list[int], reason: str) -> None:
        self.reason_dialog = None
        uow, barcode = self._ws.uow(), self.barcode
        if action == "accept":
            work: Callable[[], object] = lambda: page_fixes.accept_flags(uow, barcode, seqs, reason)  # noqa: E731
        elif action == "delete":
            work = lambda: page_fixes.delete_pages(uow, barcode, seqs, reason)  # noqa: E731
        else:
            work = lambda: page_fixes.drop_blank_backs(uow, barcode, reason)  # noqa: E731
        self._ws.runner.run(work, self._pages_fixed, self._refused)

    def _pages_fixed(self, seqs: list[int]) -> None:
        self._note = self.tr("{n} صفحه اصلاح شد").format(n=to_persian(len(seqs)))
        self.thumbs.clearSelection()
        self._after_change()

    def _refused(self, error: Exception) -> None:
        show_error(self, str(error))
        self._after_change()

    def rescan(self) -> None:
        seq = self.current_seq()
        if seq is None:
            return
        request = self._request(source="flatbed")
        uow, barcode, store = self._ws.uow(), self.barcode, self._ws.app.pages
        self._ws.runner.run(lambda: page_capture.rescan_page(uow, barcode, seq, request, store), self._after_change)

    def rotate(self) -> None:
        seqs = self.selected_seqs()
        if not seqs:
            return
        uow, barcode, store = self._ws.uow(), self.barcode, self._ws.app.pages
        self._ws.runner.run(lambda: page_fixes.rotate_pages(uow, barcode, seqs, 90, store), self._after_change,
                            self._refused)

    def upright(self) -> None:
        """The pages flagged «turned» put upright by the turn the quality check measured: one key."""
        seqs = self.selected_seqs()
        if not seqs:
            return
        uow, barcode, store = self._ws.uow(), self.barcode, self._ws.app.pages
        self._ws.runner.run(lambda: page_fixes.upright_pages(uow, barcode, seqs, store), self._after_change,
                            self._refused)

    def finish_scanning(self) -> None:
        uow, barcode = self._ws.uow(), self.barcode
        self._ws.runner.run(lambda: capture_steps.finish_scanning(uow, barcode), self._scanning_finished)

    def _scanning_finished(self, pages: int) -> None:
        self._note = self.tr("پایان اسکن ثبت شد ({n} صفحه)").format(n=to_persian(pages))
        self._after_change()

    def complete_qc(self) -> None:
        uow, barcode = self._ws.uow(), self.barcode
        self._ws.runner.run(lambda: capture_steps.complete_quality_check(uow, barcode), self._qc_completed)

    def _qc_completed(self, _: object) -> None:
        self._note = self.tr("کنترل کیفیت بسته شد؛ پرونده برای تأیید به ناظر رسید")
        self._after_change()
