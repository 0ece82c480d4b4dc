"""Counter intake (Directive Part 2.1, 2.2): new papers for the file chosen in the queue (found by barcode, insured
number or national ID) join its electronic file as new documents, each with its type; the fate of each original is
shown while choosing the type and again at the end, where the clerk confirms it (and names who took back a returned
paper). A file not scanned yet is offered a place in the scanning queue out of turn. The work is records/intake."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.digits import to_persian
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records import intake as records_intake
from scanstation.records import register
from scanstation.records.actions import intake_actions
from scanstation.services import labels, queries
from scanstation.services.actions import Action
from scanstation.services.page_capture import ScanRequest
from scanstation.services.read_models import DossierDetail
from scanstation.ui import printing
from scanstation.ui.look import code_html, file_filter
from scanstation.ui.operations import show_error
from scanstation.ui.printing import OutputChoice
from scanstation.ui.workspace import Workspace


FLATBED = ScanRequest("counter")  # the profile's own source: the flatbed, a paper at a time
FEEDER = ScanRequest("counter", source="adf")  # a document of many sheets through the feeder


class IntakeView(QWidget):
    """Shown to clerks (ui/screens.py); follows the queue's current dossier."""

    changed = Signal(str)
    wide = True  # the outcome table needs the room: the queue narrows while this screen is in front

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self.barcode: str | None = None
        self.result: records_intake.IntakeResult | None = None
        self.files: list[Path | ScanRequest] = []  # a file, or a paper scanned when taken in (flatbed or feeder)
        self.taxonomy = load_taxonomy()
        self.heading = QLabel(self.tr("پرونده را در صف کار با بارکد، شماره بیمه یا کد ملی پیدا کنید."))
        self.heading.setObjectName("intakeDossier")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.why_not = QLabel()
        self.why_not.setObjectName("intakeWhyNot")
        self.why_not.setWordWrap(True)
        self.out_of_turn = QPushButton(self.tr("گذاشتن پرونده خارج از نوبت در صف اسکن"))
        self.out_of_turn.setObjectName("intakeOutOfTurn")
        self.add = QPushButton(self.tr("افزودن فایل اسکن‌شده…"))
        self.add.setObjectName("intakeAdd")
        self.add_scan = QPushButton(self.tr("افزودن برگ برای اسکن از شیشه"))
        self.add_scan.setObjectName("intakeAddScan")
        self.add_feeder = QPushButton(self.tr("افزودن سند چندبرگی برای تغذیه خودکار"))
        self.add_feeder.setObjectName("intakeAddFeeder")
        self.secretariat_no = QLineEdit()
        self.secretariat_no.setObjectName("secretariatNo")
        self.secretariat_no.setPlaceholderText(self.tr("فقط برای نامه دبیرخانه"))
        self.registered = QLineEdit()
        self.registered.setObjectName("registeredOn")
        self.registered.setPlaceholderText(self.tr("۱۴۰۳/۰۷/۱۵"))
        self.papers = self._table([self.tr("فایل"), self.tr("نوع سند"), self.tr("سرفصل"), self.tr("سرنوشت اصل")],
                                  "intakePapers")
        self.take = QPushButton(self.tr("پذیرش در پرونده الکترونیک"))
        self.take.setObjectName("intakeTake")
        self.outcome = self._table([self.tr("سند"), self.tr("نوع"), self.tr("سرنوشت اصل"), self.tr("کلاسور و ردیف"),
                                    self.tr("تحویل گیرنده")], "intakeOutcome")
        self.confirm = QPushButton(self.tr("تأیید سرنوشت اصل‌ها"))
        self.confirm.setObjectName("intakeConfirm")
        self.stickers = QPushButton(self.tr("چاپ مهر «اسکن شد» اصل‌ها…"))
        self.stickers.setObjectName("intakeStickers")
        self.stickers.setToolTip(self.tr("برای هر اصل پذیرفته‌شده یک برچسب مهر «اسکن شد» (نام شعبه، نام و کد کاربر، "
                                         "تاریخ اقدام) تا روی آن الصاق شود."))
        self.stamped: list[int] = []  # the documents of the last intake, whose originals get a sticker
        self.active_dialog: OutputChoice | None = None
        self.status = QLabel()
        self.status.setObjectName("intakeStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("شماره دبیرخانه"), self.secretariat_no)
        form.addRow(self.tr("تاریخ ثبت دبیرخانه"), self.registered)
        top = QGridLayout()  # two by two: in one row they made the screen 1,000 px wide, too wide beside the queue
        top.addWidget(self.add, 0, 0)
        top.addWidget(self.add_scan, 0, 1)
        top.addWidget(self.add_feeder, 1, 0)
        top.addWidget(self.out_of_turn, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.why_not)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.papers, 2)
        layout.addWidget(self.take)
        layout.addWidget(self.outcome, 2)
        done_row = QHBoxLayout()
        done_row.addWidget(self.stickers)
        done_row.addWidget(self.confirm)
        done_row.addStretch(1)
        layout.addLayout(done_row)
        layout.addWidget(self.status)
        self.add.clicked.connect(self.add_dialog)
        self.add_scan.clicked.connect(lambda: self.add_files([FLATBED]))
        self.add_feeder.clicked.connect(lambda: self.add_files([FEEDER]))
        self.take.clicked.connect(self.run_intake)
        self.confirm.clicked.connect(self.confirm_outcome)
        self.stickers.clicked.connect(self.print_stickers)
        self.out_of_turn.clicked.connect(self.put_out_of_turn)
        self._update(None)

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ----- the dossier and what may be done to it
    def show_dossier(self, barcode: str | None) -> None:
        if barcode == self.barcode:
            return
        self.barcode, self.result, self.files, self.stamped = barcode, None, [], []
        self.papers.setRowCount(0)
        self.outcome.setRowCount(0)
        self.status.clear()
        self.refresh()

    def refresh(self) -> None:
        if self.barcode is None:
            self._update(None)
            return
        barcode, uow, answers = self.barcode, self._ws.uow(), self._ws.uow()
        self._ws.runner.run(lambda: (queries.dossier_detail(uow, barcode), intake_actions(answers, barcode)),
                            self._show)

    def _show(self, found: tuple[DossierDetail, dict[str, Action]]) -> None:
        detail, answers = found
        if detail.barcode != self.barcode:
            return
        self.heading.setText(self.tr("{name} — بارکد {barcode}، بیمه {insured} — {state}").format(
            # the barcode as on its label; the insured number is a number a person reads: Persian digits
            name=html.escape(detail.name), barcode=code_html(detail.barcode), insured=to_persian(detail.insured_number),
            state=html.escape(detail.state_title)))
        self._update(answers)

    def _update(self, answers: dict[str, Action] | None) -> None:
        answers = answers or intake_actions(self._ws.uow(), None)
        intake, offer = answers["intake"], answers["intake_out_of_turn"]
        self.why_not.setText("" if intake.allowed else intake.reason or "")
        for widget in (self.add, self.add_scan, self.add_feeder, self.take, self.secretariat_no, self.registered):
            widget.setEnabled(intake.allowed)
            widget.setToolTip(intake.reason or "")
        self.take.setEnabled(intake.allowed and bool(self.files))
        self.out_of_turn.setEnabled(offer.allowed)
        self.out_of_turn.setToolTip(offer.reason or "")
        self.confirm.setEnabled(self.result is not None)
        self.stickers.setEnabled(bool(self.stamped))

    # ----- choosing the papers
    def add_dialog(self) -> None:
        dialog = QFileDialog(self, self.tr("فایل‌های اسکن‌شده (هر فایل یک سند)"), "",
                             file_filter(self.tr("تصویر (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)")))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names]))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_files(self, files: list[Path | ScanRequest]) -> None:
        """Each file, or paper to scan (flatbed or feeder), is one document; its type and heading are chosen on its
        row, the fate of its original beside it."""
        for path in files:
            row = self.papers.rowCount()
            self.papers.insertRow(row)
            self.papers.setItem(row, 0, QTableWidgetItem(self._paper_title(path)))
            kinds = QComboBox()
            kinds.setObjectName(f"intakeType{row}")
            for kind in self.taxonomy.types.values():
                kinds.addItem(kind.name, kind.code)
            headings = QComboBox()
            headings.setObjectName(f"intakeHeading{row}")
            for heading in self.taxonomy.headings.values():
                headings.addItem(heading.name, heading.code)
            fate = QTableWidgetItem()
            kinds.currentIndexChanged.connect(lambda _i, box=kinds, under=headings, item=fate:
                                              self._type_chosen(box, under, item))
            self.papers.setCellWidget(row, 1, kinds)
            self.papers.setCellWidget(row, 2, headings)
            self.papers.setItem(row, 3, fate)
            self._type_chosen(kinds, headings, fate)
            self.files.append(path)
        self.take.setEnabled(self.add.isEnabled() and bool(self.files))

    def _paper_title(self, paper: Path | ScanRequest) -> str:
        if isinstance(paper, Path):
            return paper.name
        return self.tr("اسکن از تغذیه خودکار") if paper.source == FEEDER.source else self.tr("اسکن از شیشه اسکنر")

    def _type_chosen(self, kinds: QComboBox, headings: QComboBox, fate: QTableWidgetItem) -> None:
        """A type brings its own heading (the clerk may choose another) and shows what happens to the original."""
        kind = self.taxonomy.types[kinds.currentData()]
        headings.setCurrentIndex(headings.findData(kind.heading))
        fate.setText(kind.disposition_title)

    def choose_type(self, row: int, code: str) -> None:
        box = self.papers.cellWidget(row, 1)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(code))

    # ----- taking them in, then the fates
    def run_intake(self) -> None:
        if self.barcode is None or not self.files:
            return
        documents = [records_intake.IntakeDocument(paper if isinstance(paper, Path) else None,
                                                   self.papers.cellWidget(row, 1).currentData(),
                                                   self.papers.cellWidget(row, 2).currentData(),
                                                   None if isinstance(paper, Path) else paper)
                     for row, paper in enumerate(self.files)]
        uow, barcode, store = self._ws.uow(), self.barcode, self._ws.app.pages
        number, registered = self.secretariat_no.text() or None, self.registered.text() or None
        self.take.setEnabled(False)
        self.status.setText(self.tr("در حال پذیرش و کنترل کیفیت…"))
        self._ws.runner.run(lambda: records_intake.intake(uow, barcode, documents, store, number, registered),
                            self._taken, self._refused)

    def _refused(self, error: Exception) -> None:
        self.status.clear()
        self.take.setEnabled(bool(self.files))
        show_error(self, str(error))

    def _taken(self, result: records_intake.IntakeResult) -> None:
        self.result, self.files, self.stamped = result, [], result.numbers
        self.papers.setRowCount(0)
        self.outcome.setRowCount(len(result.originals))
        for row, item in enumerate(result.originals):
            where = (self.tr("کلاسور {b} شماره {n}، ردیف {p}").format(b=item.binder, n=to_persian(item.binder_number),
                                                                    p=to_persian(item.position))
                     if item.binder else "—")
            for col, text in enumerate((to_persian(item.document), item.type_name, item.disposition_title, where)):
                self.outcome.setItem(row, col, QTableWidgetItem(text))
            if item.disposition == "return":
                name = QLineEdit()
                name.setObjectName(f"handedTo{row}")
                name.setPlaceholderText(self.tr("نام کسی که اصل را گرفت"))
                self.outcome.setCellWidget(row, 4, name)
        flags = [o for o in result.originals if o.qc_reasons]
        text = self.tr("{n} سند تازه به پرونده افزوده شد و برای تأیید نزد مسئول واحد رفت.").format(
            n=to_persian(len(result.originals)))
        if flags:
            text += " " + self.tr("{n} سند ایراد کیفی دارد؛ مسئول واحد آن را می‌بیند.").format(n=to_persian(len(flags)))
        self.status.setText(" ".join([text, *result.problems]))
        self.confirm.setEnabled(True)
        self.stickers.setEnabled(True)
        self.changed.emit(result.barcode)

    def confirm_outcome(self) -> None:
        """The clerk confirms each original's fate; a returned paper is recorded as handed to the named person."""
        if self.result is None:
            return
        result = self.result
        handed = {}
        for row, item in enumerate(result.originals):
            box = self.outcome.cellWidget(row, 4)
            if isinstance(box, QLineEdit) and box.text().strip():
                handed[item.document] = box.text()
        uow = self._ws.uow()

        def job() -> None:
            records_intake.confirm_dispositions(uow, result.intake_id)
            for number, name in handed.items():
                register.hand_over(uow, result.barcode, number, name)

        self._ws.runner.run(job, lambda _none: self._confirmed(len(handed)))

    def _confirmed(self, handed: int) -> None:
        self.result = None
        self.confirm.setEnabled(False)
        self.status.setText(self.tr("سرنوشت اصل‌ها ثبت شد؛ {n} اصل به صاحبش برگردانده شد.").format(
            n=to_persian(handed)))

    def print_stickers(self) -> OutputChoice | None:
        """The «اسکن شد» stickers of the last intake's originals, one a label, printed or saved as a PDF."""
        if self.barcode is None or not self.stamped:
            return None
        barcode, numbers = self.barcode, list(self.stamped)
        title = self.tr("مهر «اسکن شد»")

        def run(_key: str, output: printing.Output) -> None:
            uow = self._ws.uow()
            self._ws.runner.run(lambda: output(labels.stamp_stickers(uow, barcode, numbers)),
                                lambda _none: self.status.setText(self.tr("برچسب‌های مهر «اسکن شد» آماده شد.")),
                                self._refused)

        return printing.choose_output(self, title, self.tr(
            "{n} برچسب مهر «اسکن شد»، یکی برای هر اصل پذیرفته‌شده؛ هر برچسب را روی اصل همان سند بچسبانید.").format(
                n=to_persian(len(numbers))), [("stamp", title)], lambda _key: f"{barcode}-stamps.pdf", run)

    def put_out_of_turn(self) -> None:
        if self.barcode is None:
            return
        uow, barcode = self._ws.uow(), self.barcode
        self._ws.runner.run(lambda: records_intake.put_in_queue_out_of_turn(uow, barcode),
                            lambda _none: self._queued(barcode))

    def _queued(self, barcode: str) -> None:
        self.status.setText(self.tr("پرونده خارج از نوبت در صف اسکن گذاشته شد؛ اوراق تازه را همراه پرونده اسکن کنید."))
        self.changed.emit(barcode)
        self.refresh()
