"""The records officer's screen (Directive Part 2): originals held for collection and their age, the binders and
their fill, the next destruction batch (and a banner when it is due), batches waiting for approval or execution, the
minutes of past batches, and "where is the original of this document?". Everything is read and done through
scanstation/records; buttons take their state from records/actions (records_actions, and batch_actions for the
batch chosen)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from scanstation.core.digits import to_persian
from scanstation.core.jalali import jalali_date, parse_jalali_date
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.labels import write
from scanstation.records import binder_prints, destruction, holds, overview, register
from scanstation.records.actions import batch_actions, records_actions
from scanstation.records.batches import BatchView
from scanstation.records.register import minutes_dir, series_letter
from scanstation.services.actions import Action
from scanstation.sync.credentials import open_store
from scanstation.ui import printing, step_dialogs
from scanstation.ui.destruction_confirm import DestructionConfirm
from scanstation.ui.hold_dialog import HoldDialog
from scanstation.ui.look import LATIN_DIGITS_FAMILY, ltr
from scanstation.ui.workspace import Workspace

DUE_STYLE = "background: #ffe1c4; color: #7a2e00; border-radius: 6px; padding: 6px; font-weight: bold;"
CALM_STYLE = "background: #e5f2e5; color: #1f4d1f; border-radius: 6px; padding: 6px;"


def _table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]], codes: Sequence[int] = ()) -> None:
    """Put `rows` in `table`; the `codes` columns (barcodes, user codes, file names) keep their Latin digits."""
    table.setRowCount(len(rows))
    code_font = QFont(table.font())
    code_font.setFamily(LATIN_DIGITS_FAMILY)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, QWidget):
                table.setCellWidget(r, c, value)
                continue
            item = QTableWidgetItem("—" if value is None else str(value))
            if c in codes:
                item.setFont(code_font)
            table.setItem(r, c, item)


class RecordsView(QWidget):
    """Shown to records officers and supervisors (ui/screens.py)."""

    changed = Signal(str)
    wide = True  # the main window gives this screen most of the queue's room (tables of many columns)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self.data: overview.Overview | None = None
        self._batch_numbers: list[int] = []
        self._listed: list[BatchView] = []
        self.message: QMessageBox | None = None  # the last "done" box, for the person (and the tests) to read
        self.banner = QLabel()
        self.banner.setObjectName("batchDue")
        self.banner.setWordWrap(True)
        self.buttons = {
            "plan": QPushButton(self.tr("برنامه‌ریزی دسته امحا")),
            "approve_batch": QPushButton(self.tr("تأیید دسته انتخاب‌شده")),
            "execute": QPushButton(self.tr("اجرای دسته و صورتجلسه…")),
            "label": QPushButton(self.tr("برچسب عطف کلاسور…")),
            "contents": QPushButton(self.tr("فهرست محتویات کلاسور…")),
            "hold": QPushButton(self.tr("توقیف اصل…")),
            "release": QPushButton(self.tr("رفع توقیف…")),
            "refresh": QPushButton(self.tr("بازخوانی")),
        }
        for key, button in self.buttons.items():
            button.setObjectName(f"records_{key}")
        self.as_of = QLineEdit()
        self.as_of.setObjectName("batchAsOf")
        self.as_of.setPlaceholderText(self.tr("امروز"))
        self.as_of.setMaximumWidth(140)
        self.as_of.setToolTip(self.tr("دسته‌ای که تا این تاریخ (شمسی) موعدش می‌رسد؛ خالی یعنی امروز. Enter فهرست "
                                      "دسته بعدی را برای این تاریخ نشان می‌دهد."))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("تا تاریخ:")))
        row.addWidget(self.as_of)
        for key in ("plan", "approve_batch", "execute"):
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        row.addWidget(self.buttons["refresh"])
        self.held = _table([self.tr("بارکد پرونده"), self.tr("نام"), self.tr("سند"), self.tr("نوع"),
                            self.tr("سرنوشت اصل"), self.tr("از تاریخ"), self.tr("روز")], "heldTable")
        self.binders = _table([self.tr("کلاسور"), self.tr("شماره"), self.tr("سند"), self.tr("برگ"),
                               self.tr("پر شده"), self.tr("بازه ثبت"), self.tr("وضع")], "bindersTable")
        self.next_batch = _table([self.tr("بارکد پرونده"), self.tr("سند"), self.tr("نوع"), self.tr("دلیل"),
                                  self.tr("کد پیگیری")], "nextBatchTable")
        self.batches = _table([self.tr("دسته"), self.tr("وضع"), self.tr("تا تاریخ"), self.tr("سند"),
                               self.tr("برنامه‌ریز"), self.tr("تأییدکننده"), self.tr("اجراکننده"),
                               self.tr("صورتجلسه")], "batchesTable")
        self.search = QLineEdit()
        self.search.setObjectName("originalSearch")
        self.search.setPlaceholderText(self.tr("اصل این سند کجاست؟ بارکد، شماره بیمه، کد ملی یا کد پیگیری"))
        self.found = _table([self.tr("بارکد پرونده"), self.tr("سند"), self.tr("نوع"), self.tr("کلاسور"),
                             self.tr("ردیف"), self.tr("تاریخ ثبت"), self.tr("وضع"), self.tr("توضیح")], "foundTable")
        shelf = QWidget()
        shelf_layout = QVBoxLayout(shelf)
        shelf_row = QHBoxLayout()
        shelf_row.addWidget(self.buttons["label"])
        shelf_row.addWidget(self.buttons["contents"])
        shelf_row.addStretch(1)
        shelf_layout.addLayout(shelf_row)
        shelf_layout.addWidget(self.binders, 1)
        finder = QWidget()
        finder_layout = QVBoxLayout(finder)
        finder_row = QHBoxLayout()
        finder_row.addWidget(self.search, 1)
        finder_row.addWidget(self.buttons["hold"])
        finder_row.addWidget(self.buttons["release"])
        finder_layout.addLayout(finder_row)
        finder_layout.addWidget(self.found, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordsTabs")
        self.tabs.addTab(self.held, self.tr("نزد شعبه"))
        self.tabs.addTab(shelf, self.tr("کلاسورها"))
        self.tabs.addTab(self.next_batch, self.tr("دسته امحای بعدی"))
        self.tabs.addTab(self.batches, self.tr("دسته‌ها و صورتجلسه‌ها"))
        self.tabs.addTab(finder, self.tr("جستجوی اصل سند"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.buttons["refresh"].clicked.connect(self.refresh)
        self.batches.itemSelectionChanged.connect(self._ask_batch)
        self.buttons["plan"].clicked.connect(self.plan)
        self.buttons["approve_batch"].clicked.connect(self.approve)
        self.buttons["execute"].clicked.connect(self.execute)
        self.buttons["label"].clicked.connect(lambda: self.print_binder("label"))
        self.buttons["contents"].clicked.connect(lambda: self.print_binder("contents"))
        self.buttons["hold"].clicked.connect(lambda: self.hold(release=False))
        self.buttons["release"].clicked.connect(lambda: self.hold(release=True))
        self.search.returnPressed.connect(self.find)
        self.as_of.returnPressed.connect(self.refresh)
        self.found_rows: list[register.RegisterRow] = []
        self.active_dialog: QDialog | None = None  # the hold or destruction dialog while it is open
        self.refresh()

    # ----- reading
    def refresh(self) -> None:
        """Read everything again, the next batch as of the date typed (default today)."""
        uow, answers_uow, as_of = self._ws.uow(), self._ws.uow(), self.as_of.text().strip()

        def job() -> tuple[overview.Overview, dict[str, Action]]:
            day = parse_jalali_date(as_of) if as_of else None
            return overview.overview(uow, day), records_actions(answers_uow)

        self._ws.runner.run(job, self._show)

    def _show(self, result: tuple[overview.Overview, dict[str, Action]]) -> None:
        self.data, answers = result
        data = self.data
        self._banner(data.schedule)
        _fill(self.held, [[ltr(h.row.barcode), h.row.name, to_persian(h.row.document), h.row.type_name,
                           self._fate(h.row.disposition), to_persian(h.since), to_persian(h.age_days)]
                          for h in data.held], codes=(0,))
        _fill(self.binders, [[series_letter(b.series), to_persian(b.number), to_persian(b.items),
                              f"{to_persian(b.sheets)} / {to_persian(b.capacity)}", self._bar(b.fill),
                              to_persian(f"{b.first_registered or ''} – {b.last_registered or ''}"),
                              self.tr("بسته") if b.closed else self.tr("باز")] for b in data.binders])
        _fill(self.next_batch, [[ltr(i.barcode), to_persian(i.document), i.type_name, self._reason(i.reason),
                                 ltr(i.tracking_code or "—")] for i in data.schedule.items], codes=(0, 4))
        listed = [*data.waiting, *data.approved, *data.executed]
        _fill(self.batches, [[to_persian(b.number), self._state(b.state), to_persian(b.as_of),
                              to_persian(len(b.items)), ltr(b.planned_by), ltr(b.approved_by or "—"),
                              ltr(b.executed_by or "—"), ltr(b.minutes_file or "—")] for b in listed],
              codes=(4, 5, 6, 7))
        self._batch_numbers = [b.number for b in listed]
        self._listed = listed
        answers = {**answers, "release": answers["hold"]}
        self._enable(answers)
        self._ask_batch()

    def _enable(self, answers: dict[str, Action]) -> None:
        for key, button in self.buttons.items():
            answer = answers.get(key)
            if answer is not None:
                button.setEnabled(answer.allowed)
                button.setToolTip(answer.reason or "")

    def _ask_batch(self) -> None:
        """Approve and execute follow the batch chosen in the batches table (services/actions' way)."""
        uow, number = self._ws.uow(), self._selected_batch()
        self._ws.runner.run(lambda: batch_actions(uow, number), self._enable)

    def _banner(self, schedule: destruction.Schedule) -> None:
        count = len(schedule.items)
        if schedule.due_now:
            text = self.tr("موعد دسته امحا رسیده است: {count} سند آماده امحاست (موعد دوره‌ای {date}). دسته را "
                           "برنامه‌ریزی کنید تا مسئول واحد تأیید کند.").format(count=to_persian(count),
                                                                             date=to_persian(schedule.next_due))
            self.banner.setStyleSheet(DUE_STYLE)
        else:
            text = self.tr("دسته امحای بعدی: {date}؛ اکنون {count} سند آماده است.").format(
                date=to_persian(schedule.next_due), count=to_persian(count))
            self.banner.setStyleSheet(CALM_STYLE)
        self.banner.setText(text)

    def _bar(self, fill: float) -> QProgressBar:
        bar = QProgressBar()
        bar.setFormat(self.tr("%p درصد"))  # «%p%» read «%۰» in a right-to-left line
        bar.setRange(0, 100)
        bar.setValue(min(100, round(fill * 100)))
        return bar

    def _fate(self, disposition: str) -> str:
        return {"return": self.tr("بازگرداندن به بیمه شده"), "hold-then-destroy": self.tr("نگهداری برای مراجعه"),
                "binder": self.tr("کلاسور"), "destroy": self.tr("امحا پس از بارگذاری")}[disposition]

    def _reason(self, reason: str) -> str:
        return self.tr("رای دیگر کمیسیون پزشکی") if reason == "ruling" else self.tr("مکاتبه تحویل‌نگرفته")

    def _state(self, state: str) -> str:
        return {"planned": self.tr("در انتظار تأیید"), "approved": self.tr("تأییدشده، آماده اجرا"),
                "executed": self.tr("اجرا شده")}[state]

    def find(self) -> None:
        uow, text = self._ws.uow(), self.search.text()
        self._ws.runner.run(lambda: register.register(uow, search=text), self._found)

    def _found(self, rows: list[register.RegisterRow]) -> None:
        self.found_rows = rows
        _fill(self.found, [[ltr(r.barcode), to_persian(r.document), r.type_name,
                            f"{series_letter(r.binder)} – {to_persian(r.binder_number)}" if r.binder else "—",
                            to_persian(r.position) if r.position else "—", to_persian(r.registered), r.status_title,
                            self._detail(r)] for r in rows], codes=(0,))

    def _detail(self, row: register.RegisterRow) -> str:
        if row.destroyed_batch:
            return self.tr("امحا در دسته {n}، {date}").format(n=to_persian(row.destroyed_batch),
                                                              date=jalali_date(row.destroyed_at))
        if row.handed_to:
            return self.tr("تحویل به {name}").format(name=row.handed_to)
        return self.tr("توقیف") if row.on_hold else ""

    # ----- doing
    @staticmethod
    def _selected_row(table: QTableWidget) -> int:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selected_batch(self) -> int | None:
        row = self._selected_row(self.batches)
        return self._batch_numbers[row] if 0 <= row < len(self._batch_numbers) else None

    def _done(self, message: str) -> None:
        """Say what was done (window-modal, non-blocking) and read everything again."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("اسناد و اوراق"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("recordsDone")
        box.open()
        self.message = box
        self.refresh()

    def plan(self) -> None:
        uow, as_of = self._ws.uow(), self.as_of.text().strip() or None
        self._ws.runner.run(lambda: destruction.plan(uow, as_of), lambda batch: self._done(self.tr(
            "دسته امحای {n} با {count} سند برنامه‌ریزی شد و در انتظار تأیید مسئول واحد است.").format(
                n=to_persian(batch.number), count=to_persian(len(batch.items)))))

    def approve(self) -> None:
        number = self._selected_batch()
        if number is None:
            self.tabs.setCurrentWidget(self.batches)
            return
        uow = self._ws.uow()
        self._ws.runner.run(lambda: destruction.approve(uow, number), lambda batch: self._done(self.tr(
            "دسته امحای {n} تأیید شد.").format(n=to_persian(batch.number))))

    def execute(self) -> DestructionConfirm | None:
        """Show what the chosen batch will destroy and ask for its number; once confirmed, read every remote copy
        back and destroy the batch off the UI thread. The minutes stay in the data folder and their path is shown."""
        number = self._selected_batch()
        batch = next((b for b in self._listed if b.number == number), None)
        if batch is None:
            self.tabs.setCurrentWidget(self.batches)
            return None
        dialog = DestructionConfirm(self, batch)
        dialog.accepted.connect(lambda: self._execute(batch.number))
        dialog.finished.connect(lambda _result: setattr(self, "active_dialog", None))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _execute(self, number: int) -> None:
        uow, settings, outbox = self._ws.uow(), self._ws.app.settings, self._ws.app.outbox

        def job() -> destruction.Execution:
            store = open_store(settings)
            try:
                return destruction.execute(uow, number, store, minutes_dir(settings.data_dir), outbox)
            finally:
                store.close()

        self._ws.runner.run(job, lambda done: self._done(self.tr(
            "دسته امحای {n} اجرا شد. صورتجلسه را چاپ و امضا کنید: {path}").format(
                n=to_persian(done.batch.number), path=ltr(done.minutes_path))))

    def hold(self, release: bool) -> HoldDialog | None:
        """Put a legal hold on the original chosen in the search results (or its whole dossier), or release one."""
        row = self._selected_row(self.found)
        if not 0 <= row < len(self.found_rows):
            self.tabs.setCurrentIndex(self.tabs.count() - 1)
            self.search.setFocus()
            return None
        chosen = self.found_rows[row]
        dialog = HoldDialog(self, release, chosen.barcode, chosen.document)
        change = holds.release_hold if release else holds.add_hold

        def work(uow: UnitOfWork, values: dict[str, str]) -> object:
            document = chosen.document if values["scope"] == "document" else None
            return change(uow, chosen.barcode, values["reason"], document)

        def done(_result: object) -> None:
            self._done(self.tr("توقیف برداشته شد.") if release else self.tr("اصل توقیف شد؛ تا رفع توقیف امحا نمی‌شود."))
            self.find()

        step_dialogs.open_for_service(self, self._ws.runner, self._ws.uow, dialog, work, done)
        return dialog

    def print_binder(self, kind: str) -> None:
        """Save the selected binder's spine label or contents list as a PDF (then print it from there)."""
        row = self._selected_row(self.binders)
        if self.data is None or not 0 <= row < len(self.data.binders):
            self.tabs.setCurrentIndex(1)
            return
        binder = self.data.binders[row]
        render = binder_prints.binder_label if kind == "label" else binder_prints.binder_contents
        title = self.buttons[kind].text().rstrip("…")

        def save(path: Path) -> None:
            uow = self._ws.uow()
            self._ws.runner.run(lambda: write(render(uow, binder.series, binder.number), path),
                                lambda written: self._done(printing.saved_text(written)))

        printing.ask_pdf_file(self, title, f"binder-{binder.series}-{binder.number}-{kind}.pdf", save)
