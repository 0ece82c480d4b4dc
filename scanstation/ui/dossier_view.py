"""One dossier: its data, the twelve steps with who did each and when, its documents, and the paper-step actions.

Steps 3 and 8 print their label (through Qt's print dialog, or into a PDF file): the label service records the
step once the label has reached the printer or the file. A classified document's «اسکن شد» sticker, or the document
itself with the stamp drawn on, print the same way.

What may be done now comes from services.actions (the checks the services themselves run), so a disabled button
says why in its tooltip with the service's own sentence; the service still has the last word after the click, and
its refusal is shown as is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel,
                               QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.jalali import jalali_datetime
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import STEP_BY_NUMBER, STEPS
from scanstation.indexing.labels import label_size
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records import paper_copies
from scanstation.services import actions, dossiers, labels, queries
from scanstation.services.actions import ActionSet
from scanstation.services.read_models import DossierDetail, StepView
from scanstation.ui import printing, step_dialogs
from scanstation.ui.elided import ElidedLabel
from scanstation.ui.look import isolated, latin_digits, ltr
from scanstation.ui.printing import Output, OutputChoice
from scanstation.ui.rejections import step_record_text
from scanstation.ui.step_dialogs import StepDialog
from scanstation.ui.tracking_strip import TrackingStrip
from scanstation.ui.workspace import Workspace

NEXT_BACKGROUND = QColor("#d7f0dc")
PENDING_FOREGROUND = QColor("#8a8a8a")
SENT_BACK_FOREGROUND = QColor("#b00020")
DOCUMENT_ROWS = 3  # rows of the documents table before it scrolls
STEP_ROWS_SHOWN = 6  # rows of the steps table always in sight
PERFORMER_CHARS = 14  # the performer column's width, in characters

Job = Callable[[UnitOfWork, Output], object]  # makes a PDF and hands it to the output


class DossierView(QWidget):
    """Shows the dossier chosen in the queue; `changed(barcode)` tells the window a step was recorded."""

    changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._generation = 0
        self._chosen: int | None = None  # the document to choose at the next load (`choose_document`)
        self.detail: DossierDetail | None = None
        self.allowed: ActionSet | None = None  # what the user may do to the shown dossier (None: not known yet)
        self.active_dialog: QDialog | None = None  # the open step or print dialog, if any
        self.title = ElidedLabel()  # a long name is cut, not the window widened
        self.title.setObjectName("paneTitle")
        latin_digits(self.title)
        self.badge = QLabel()
        self.badge.setObjectName("urgentBadge")
        self.badge.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge.hide()
        self._badge_text = ""
        self.values: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        rows = [[("name", self.tr("نام")), ("insured_number", self.tr("شماره بیمه"))],
                [("national_id", self.tr("کد ملی")), ("shelf", self.tr("محل در بایگانی"))],
                [("state_title", self.tr("وضعیت")), ("sheets", self.tr("برگ‌ها"))]]
        for row, pairs in enumerate(rows):
            for number, (key, text) in enumerate(pairs):
                caption = QLabel(text + ":")
                caption.setObjectName("caption")
                value = QLabel()
                value.setObjectName(f"value_{key}")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)  # the state after step 7 names both tracks
                value.setAlignment(self._leading())
                facts.addWidget(caption, row, number * 2, Qt.AlignmentFlag.AlignTop)
                facts.addWidget(value, row, number * 2 + 1)
                self.values[key] = value
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)
        self.steps = QTableWidget(len(STEPS), 4)
        self.steps.setObjectName("stepsTable")
        self.steps.setHorizontalHeaderLabels([self.tr("مرحله"), self.tr("انجام دهنده"), self.tr("زمان"),
                                              self.tr("جزئیات")])
        self.steps.verticalHeader().hide()
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setWordWrap(False)
        self.steps.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.steps.installEventFilter(self)
        # at least the next steps and those around them: never squeezed to a few rows by the documents below
        self.steps.setMinimumHeight(STEP_ROWS_SHOWN * (self.fontMetrics().height() + 4) + self.fontMetrics().height() + 14)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # a performer's name is as long as the account's: cut in its cell (the tooltip has it), never pushing the
        # time and details out of the table
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("م") * PERFORMER_CHARS)
        header.setStretchLastSection(True)
        self.documents = QTableWidget(0, 4)
        self.documents.setObjectName("documentsTable")
        self.documents.setHorizontalHeaderLabels([self.tr("سند"), self.tr("نوع سند"), self.tr("سرفصل"),
                                                  self.tr("صفحه‌ها")])
        self.documents.verticalHeader().hide()
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setWordWrap(False)
        self.documents.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.documents.setMaximumHeight((DOCUMENT_ROWS + 1) * (self.fontMetrics().height() + 6) + 6)
        self.documents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents.horizontalHeader().setStretchLastSection(True)
        self.documents.itemSelectionChanged.connect(self._update_buttons)
        self.tracking = TrackingStrip(workspace)  # the chosen document's upload state, tracking code and receipt
        self.documents.itemSelectionChanged.connect(
            lambda: self.tracking.show_document(self.detail, self.selected_document()))
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("new", self.tr("پرونده جدید (۱)"), "Ctrl+N", self.new_dossier),
            ("count", self.tr("برگ شماری (۲)"), "Alt+2", self.count),
            ("register", self.tr("ثبت و الصاق بارکد (۳)"), "Alt+3", self.register),
            ("prepare", self.tr("آماده سازی (۴)"), "Alt+4", self.prepare),
            ("reassemble", self.tr("جمع آوری اوراق (۸)"), "Alt+8", self.reassemble),
            ("recount", self.tr("کنترل تعداد برگ‌ها (۹)"), "Alt+9", self.recount),
            ("reshelve", self.tr("بازگرداندن به قفسه (۱۰)"), "Alt+0", self.reshelve),
            ("out_of_turn", self.tr("خارج از نوبت"), "Ctrl+U", self.out_of_turn),
            ("stamp", self.tr("مهر «اسکن شد» سند…"), "Ctrl+M", self.print_stamp),
        ]
        for number, (key, text, keys, slot) in enumerate(specs):
            button = QPushButton(text)
            button.setObjectName(f"action_{key}")
            button.setShortcut(QKeySequence(keys))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            actions.addWidget(button, number // 3, number % 3)
            self.buttons[key] = button
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.badge, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(facts)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.documents)
        layout.addWidget(self.tracking)
        layout.addLayout(actions)
        self.show_dossier(None)

    def _leading(self) -> Qt.AlignmentFlag:
        """Text starts on the reading side even when it is all digits (which Qt would put on the left)."""
        side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        return Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter

    # ----- loading and drawing
    def show_dossier(self, barcode: str | None) -> None:
        """Load the dossier and what the user may do to it now (with no dossier: whether they may start one)."""
        self._generation += 1
        generation = self._generation
        uow = self._ws.uow()
        if barcode is None:
            self._render(None, None)
            self._ws.runner.run(lambda: actions.allowed_actions(uow, None),
                                lambda allowed: self._loaded(generation, None, allowed))
            return
        self._ws.runner.run(lambda: (queries.dossier_detail(uow, barcode), actions.allowed_actions(uow, barcode)),
                            lambda loaded: self._loaded(generation, *loaded))

    def _loaded(self, generation: int, detail: DossierDetail | None, allowed: ActionSet) -> None:
        if generation == self._generation:
            self._render(detail, allowed)

    def _render(self, detail: DossierDetail | None, allowed: ActionSet | None) -> None:
        self.detail, self.allowed = detail, allowed
        if detail is None:
            self.title.setText(self.tr("پرونده‌ای انتخاب نشده است"))
            self.badge.hide()
            for value in self.values.values():
                value.clear()
        else:
            self.title.setText(self.tr("پرونده {barcode}").format(barcode=ltr(detail.barcode)))
            self._badge_text = self.tr("خارج از نوبت: {reason}").format(reason=detail.out_of_turn_reason or "")
            self.badge.setToolTip(self._badge_text)
            self.badge.setVisible(detail.out_of_turn)
            self._fit_badge()
            for key in ("name", "insured_number", "national_id", "shelf", "state_title"):
                self.values[key].setText(str(getattr(detail, key)))
            self.values["sheets"].setText(self._sheets_text(detail))
        self._render_steps(detail)
        self._render_documents(detail)
        self.tracking.show_document(detail, self.selected_document())
        self._update_buttons()

    def _fit_badge(self) -> None:
        """One line beside the title, elided when the pane is narrow (the tooltip has it all)."""
        room = max(40, self.badge.width() - 24)
        self.badge.setText(self.badge.fontMetrics().elidedText(self._badge_text, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_badge()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.steps and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._keep_next_in_sight)  # once the table has its new scroll range
        return False

    def _sheets_text(self, detail: DossierDetail) -> str:
        parts = []
        if detail.sheets_counted is not None:
            parts.append(self.tr("شمارش {n}").format(n=detail.sheets_counted))
        if detail.sheets_slimmed is not None:
            parts.append(self.tr("لاغرسازی {n}").format(n=detail.sheets_slimmed))
        if detail.sheets_recounted is not None:
            parts.append(self.tr("بازشماری {n}").format(n=detail.sheets_recounted))
        return self.tr("، ").join(parts) if parts else self.tr("هنوز شمرده نشده")

    def _values_text(self, values: dict[str, Any]) -> str:
        names = {"sheets": self.tr("برگ"), "slimmed": self.tr("لاغرسازی"), "shelf": self.tr("محل")}
        return self.tr("، ").join(f"{names[k]}: {values[k]}" for k in names if values.get(k) not in (None, ""))

    def _render_steps(self, detail: DossierDetail | None) -> None:
        """One row per step: the last record of it (a step-7 row says what it was: approved, or sent back with the
        reason), the step's whole history in the tooltip, the next steps marked, a sent-back step never shown as
        done."""
        history: dict[int, list[StepView]] = {}
        for record in (detail.steps if detail else ()):
            history.setdefault(record.step, []).append(record)
        upcoming = set(detail.progress.next_steps()) if detail else set()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, step in enumerate(STEPS):
            records = history.get(step.number, [])
            record = records[-1] if records else None
            cells = [f"{step.number}. {step.title}", "", "", ""]
            tip = ""
            sent_back = record is not None and record.action in queries.REJECTIONS
            if record is not None:
                cells[1:] = [record.user_name, jalali_datetime(record.at, persian_digits=False),
                             self._record_text(record)]
                tip = "\n".join(f"{jalali_datetime(r.at)} — {isolated(r.user_name)} — "
                                 f"{self._record_text(r) or r.title}" for r in records)
            elif step.number in upcoming:
                cells[1] = self.tr("مرحله بعد")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip or text)
                if step.number in upcoming:
                    item.setBackground(QBrush(NEXT_BACKGROUND))
                    item.setFont(bold)
                elif record is None:
                    item.setForeground(QBrush(PENDING_FOREGROUND))
                if sent_back:
                    item.setForeground(QBrush(SENT_BACK_FOREGROUND))
                self.steps.setItem(row, column, item)
        self._keep_next_in_sight()

    def _record_text(self, record: StepView) -> str:
        return step_record_text(record) if record.step == 7 else self._values_text(record.values)

    def _keep_next_in_sight(self) -> None:
        """On a short screen the table scrolls: the next steps stay in sight (again after every resize, since the
        table's height is known only once it is laid out)."""
        upcoming = self.detail.progress.next_steps() if self.detail else []
        if upcoming:
            self.steps.scrollToItem(self.steps.item(max(upcoming) - 1, 0))
            self.steps.scrollToItem(self.steps.item(min(upcoming) - 1, 0))

    def _render_documents(self, detail: DossierDetail | None) -> None:
        """The classified documents, hidden while there are none."""
        documents = detail.documents if detail else ()
        taxonomy = load_taxonomy()
        self.documents.setRowCount(len(documents))
        for row, doc in enumerate(documents):
            kind, heading = taxonomy.types.get(doc.type), taxonomy.headings.get(doc.heading)
            cells = [str(doc.number), kind.name if kind else doc.type, heading.name if heading else doc.heading,
                     self.tr("، ").join(str(n) for n in doc.pages)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.documents.setItem(row, column, item)
        self.documents.setVisible(bool(documents))
        if documents:
            numbers = [doc.number for doc in documents]
            row = numbers.index(self._chosen) if self._chosen in numbers else 0
            self._chosen = None
            self.documents.selectionModel().setCurrentIndex(  # selectRow() left nothing selected here
                self.documents.model().index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def choose_document(self, number: int) -> None:
        """Choose document `number` when the dossier next loads (a tracking code found it), not the first."""
        self._chosen = number

    def selected_document(self) -> int | None:
        """The number of the document chosen in the documents table."""
        rows = self.documents.selectionModel().selectedRows()
        if not rows or not self.detail:
            return None
        return self.detail.documents[rows[0].row()].number

    # ----- which buttons work, and why not: as services.actions answers
    def _update_buttons(self) -> None:
        descriptions = {key: STEP_BY_NUMBER[step].title for key, step in (
            ("new", 1), ("count", 2), ("register", 3), ("prepare", 4), ("reassemble", 8), ("recount", 9),
            ("reshelve", 10))}
        descriptions["out_of_turn"] = self.tr("این پرونده در همه صف‌ها پیش از بقیه می‌آید.")
        descriptions["stamp"] = self.tr("برچسب مهر «اسکن شد» سند انتخاب شده، یا خود سند با مهر، را چاپ می‌کند.")
        for key, description in descriptions.items():
            if self.allowed is None:
                self._enable(key, self.tr("در حال خواندن پرونده…"), description)
                continue
            action = self.allowed[key]
            reason = action.reason
            if key == "stamp" and action.allowed and self.selected_document() is None:
                reason = self.tr("نخست سندی طبقه‌بندی شده را از فهرست اسناد انتخاب کنید.")
            if action.reprint:
                description = self.tr("چاپ دوباره برچسب؛ مرحله دوباره ثبت نمی‌شود.")
            self._enable(key, reason, description)

    def _enable(self, key: str, reason: str | None, description: str) -> None:
        button = self.buttons[key]
        button.setEnabled(reason is None)
        shortcut = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(reason if reason else f"{description} ({shortcut})")

    # ----- actions: a dialog collects values, the service decides
    def _ask(self, dialog: StepDialog, work: Callable[[UnitOfWork, dict[str, str]], object],
             barcode: str | None = None,
             offer: Callable[[ScanStationError], step_dialogs.Offer | None] | None = None) -> StepDialog:
        """Open `dialog`; each submission runs `work(uow, values)` off the UI thread (the job holds no widget).
        Afterwards the dossier `barcode` is shown again (for a new dossier: the barcode `work` returns)."""
        return step_dialogs.open_for_service(self, self._ws.runner, self._ws.uow, dialog, work,
                                             lambda result: self._changed(barcode or str(result)),
                                             offer=offer)

    def _barcode(self) -> str:
        assert self.detail is not None, "step buttons are disabled until a dossier is shown"
        return self.detail.barcode

    def _changed(self, barcode: str) -> None:
        self.show_dossier(barcode)
        self.changed.emit(barcode)

    def new_dossier(self) -> StepDialog:
        branch = self._ws.branch or ""

        def work(uow: UnitOfWork, v: dict[str, str]) -> str:
            data = dossiers.NewDossier(v["insured_number"], v["national_id"], v["name"], v["shelf"], v["reason"],
                                       v["second"])
            return dossiers.retrieve(uow, branch, data)

        dialog = step_dialogs.new_dossier(self)

        def offer(error: ScanStationError) -> step_dialogs.Offer | None:
            """A national ID that has a dossier: open that one instead (the newest, if there are several)."""
            if not isinstance(error, dossiers.SecondDossier):
                return None
            existing = error.existing[-1]

            def open_existing() -> None:
                dialog.reject()
                self._changed(existing)

            return self.tr("باز کردن پرونده موجود {0}").format(ltr(existing)), open_existing

        return self._ask(dialog, work, offer=offer)

    def count(self) -> StepDialog:
        barcode = self._barcode()
        return self._ask(step_dialogs.count(self),
                         lambda uow, v: dossiers.count_sheets(uow, barcode, v["sheets"]), barcode)

    # ----- printing: choose what and how, then the printer or the file, then the service on the Runner
    def _choose(self, title: str, intro: str, options: list[tuple[str, str]],
                job: Callable[[str], Job], file_name: Callable[[str], str],
                extra: QWidget | None = None) -> OutputChoice:
        """Offer `options`; the chosen one is printed, or saved as a PDF file, by `job(key)`."""
        return printing.choose_output(self, title, intro, options, file_name,
                                      lambda key, output: self.output(job(key), output), extra)

    def output(self, job: Job, output: Output) -> None:
        """Run `job` off the UI thread with `output` (a configured printer or a file); then show the dossier again."""
        barcode = self._barcode()
        uow = self._ws.uow()
        self._ws.runner.run(lambda: job(uow, output), lambda _result: self._changed(barcode))

    def label_job(self, kind: str) -> Job:
        """Print the `kind` label of the shown dossier; the service records step 3 or 8 on its first print."""
        barcode = self._barcode()
        return lambda uow, output: labels.print_label(uow, barcode, kind, output)

    def stamp_job(self, number: int) -> Job:
        """Print the «اسکن شد» sticker of document `number`."""
        barcode = self._barcode()
        return lambda uow, output: output(labels.stamp_stickers(uow, barcode, [number]))

    def document_job(self, number: int, purpose: str) -> Job:
        """Output document `number` as its stamped PDF for `purpose` (Part 3.2: checked and audited by the service)."""
        barcode, store = self._barcode(), self._ws.app.pages
        return lambda uow, output: paper_copies.document_copy(uow, barcode, number, purpose, store, output)

    def _size_text(self, kind: str) -> str:
        width, height = label_size(kind)
        return self.tr("{w}×{h} میلی‌متر").format(w=f"{width:g}", h=f"{height:g}")

    def register(self) -> OutputChoice:
        barcode = self._barcode()
        return self._choose(STEP_BY_NUMBER[3].title, self.tr(
            "برچسب بارکد این پرونده چاپ می‌شود؛ با چاپ نخستین برچسب، ثبت پرونده (مرحله ۳) ثبت می‌شود. "
            "برچسب را روی جلد پرونده بچسبانید."),
            [("dossier", self.tr("برچسب برای چاپگر برچسب ({size})").format(size=self._size_text("dossier"))),
             ("sheet", self.tr("برگ A4 برچسب برای چاپگر معمولی"))],
            self.label_job, lambda kind: f"{barcode}-{kind}.pdf")

    def prepare(self) -> StepDialog:
        barcode = self._barcode()
        return self._ask(step_dialogs.prepare(self),
                         lambda uow, v: dossiers.prepare(uow, barcode, v["slimmed"]), barcode)

    def reassemble(self) -> OutputChoice:
        barcode = self._barcode()
        return self._choose(STEP_BY_NUMBER[8].title, self.tr(
            "اوراق این پرونده را در پوشه بگذارید و برچسب پوشه ({size}) را چاپ و روی آن الصاق کنید؛ "
            "با چاپ نخستین برچسب، جمع آوری اوراق (مرحله ۸) ثبت می‌شود.").format(size=self._size_text("folder")),
            [("folder", self.tr("برچسب پوشه"))], self.label_job, lambda kind: f"{barcode}-{kind}.pdf")

    def print_stamp(self) -> OutputChoice:
        barcode, number = self._barcode(), self.selected_document()
        assert number is not None, "the stamp button is disabled until a document is chosen"
        purpose = self._purpose_box()
        jobs = {"stamp": lambda: self.stamp_job(number),
                "document": lambda: self.document_job(number, purpose.findChild(QComboBox).currentData())}
        dialog = self._choose(self.tr("مهر «اسکن شد»"), self.tr(
            "مهر «اسکن شد» سند {number} این پرونده: نام شعبه، نام و کد کاربر، تاریخ اقدام.").format(
                number=to_persian(number)),
            [("stamp", self.tr("برچسب مهر، برای الصاق روی اصل سند")),
             ("document", self.tr("سند اسکن شده با مهر (همان PDF که بارگذاری می‌شود)"))],
            lambda key: jobs[key](), lambda key: f"{barcode}-doc{number}-{key}.pdf", purpose)
        # the purpose is asked only of a copy of the scanned document (Part 3.2), never of the sticker alone
        document = dialog.keys["document"]
        purpose.setEnabled(document.isChecked())
        purpose.setToolTip(self.tr("هدف تنها برای چاپ یا ذخیره خود سند اسکن‌شده پرسیده می‌شود."))
        document.toggled.connect(purpose.setEnabled)
        return dialog

    def _purpose_box(self) -> QWidget:
        """Part 3.2: why the scanned document is printed or saved (purposes from resources/records.toml)."""
        box = QWidget()
        row = QFormLayout(box)
        combo = QComboBox()
        combo.setObjectName("copyPurpose")
        for purpose in paper_copies.purposes():
            combo.addItem(purpose.title, purpose.code)
        row.addRow(self.tr("هدف از چاپ یا ذخیره سند اسکن‌شده:"), combo)
        return box

    def recount(self) -> StepDialog:
        barcode = self._barcode()
        return self._ask(step_dialogs.recount(self),
                         lambda uow, v: dossiers.recount(uow, barcode, v["sheets"]), barcode)

    def reshelve(self) -> StepDialog:
        barcode = self._barcode()
        shelf = self.detail.shelf if self.detail else ""
        return self._ask(step_dialogs.reshelve(self, shelf),
                         lambda uow, v: dossiers.reshelve(uow, barcode, v["shelf"]), barcode)

    def out_of_turn(self) -> StepDialog:
        barcode = self._barcode()
        reason = (self.detail.out_of_turn_reason or "") if self.detail else ""
        return self._ask(step_dialogs.out_of_turn(self, reason),
                         lambda uow, v: dossiers.set_out_of_turn(uow, barcode, v["reason"]), barcode)
