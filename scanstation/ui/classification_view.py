"""The classification screen (Directive Part 2.4: every document indexed under its heading): the dossier's pages as
thumbnails banded by document, the current page large, the documents list, and a form to assign a type.

Made for the keyboard. On the pages: arrows move, Shift+arrows / Shift+Home / Shift+End select a run, digits then
Enter select up to that page; Enter goes to the type field, where a few letters of the Persian name or of the code
and Enter classify the run; Space gives the run the type of the document before it. F2 edits the current page's
document, F3 splits it at the current page, F4 merges it with the next, Ctrl+B applies scanned separator sheets (F8
is the supervisor's review everywhere), Ctrl+6 closes the quality check (refused, with the service's sentence,
while a page is loose).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QKeyEvent, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.digits import to_latin, to_persian
from scanstation.indexing.labels import write
from scanstation.indexing.taxonomy import DocumentType, load_taxonomy
from scanstation.indexing.type_suggestion import Suggestion
from scanstation.services import actions, capture_steps, classification, labels, page_capture, queries
from scanstation.services.actions import ActionSet
from scanstation.services.read_models import DossierDetail, PageView
from scanstation.ui.elided import ElidedLabel
from scanstation.ui import printing
from scanstation.ui.look import ltr
from scanstation.ui.operations import Runner, show_error
from scanstation.ui.page_images import read_scaled
from scanstation.ui.workspace import Workspace

BANDS = [QColor(c) for c in ("#1f77b4", "#d9822b", "#2ca02c", "#c0392b", "#8e5ea2", "#8c564b", "#d6619d",
                                "#17a2b8")]
LOOSE = QColor("#9e9e9e")
THUMB = QSize(96, 128)
BAND_HEIGHT = 22


Cursor = QAbstractItemView.CursorAction
MOVES = {Qt.Key.Key_Left: Cursor.MoveLeft, Qt.Key.Key_Right: Cursor.MoveRight, Qt.Key.Key_Up: Cursor.MoveUp,
         Qt.Key.Key_Down: Cursor.MoveDown, Qt.Key.Key_Home: Cursor.MoveHome, Qt.Key.Key_End: Cursor.MoveEnd,
         Qt.Key.Key_PageUp: Cursor.MovePageUp, Qt.Key.Key_PageDown: Cursor.MovePageDown}
MIRRORED = {Cursor.MoveLeft: Cursor.MoveRight, Cursor.MoveRight: Cursor.MoveLeft}


def band_colour(number: int | None) -> QColor:
    """Neighbouring documents never share a colour; loose pages are grey."""
    return LOOSE if number is None else BANDS[(number - 1) % len(BANDS)]


def _fold(text: str) -> str:
    """Text as matched: Latin digits, upper case, Persian ye/kaf for Arabic ones, ZWNJ as a space."""
    return to_latin(text).upper().replace("ي", "ی").replace("ك", "ک").replace("\u200c", " ")


def matching_types(text: str, kinds: list[DocumentType]) -> list[DocumentType]:
    """Types whose Persian name or code contains every word typed; the exact code, then codes and names that start
    so come first, otherwise the taxonomy's order."""
    words = _fold(text).split()
    found = [k for k in kinds if all(w in _fold(f"{k.name} {k.code}") for w in words)]
    head = _fold(text).strip()
    return sorted(found, key=lambda k: (k.code != head, not k.code.startswith(head), not _fold(k.name).startswith(head)))


class TypeChooser(QWidget):
    """A line for a few letters of a type's name or code, and the matching types under it; Up/Down pick,
    Enter chooses, Esc goes back."""

    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = list(load_taxonomy().types.values())
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("چند حرف از نام یا کد نوع سند"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.matches = QListWidget()
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setFixedHeight(self.fontMetrics().height() * 4)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.matches.itemActivated.connect(lambda _: self._choose())
        self.edit.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        self.setFocusProxy(self.edit)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.matches.clear()
        for kind in matching_types(text, self.kinds):
            item = QListWidgetItem(f"{kind.name} — {kind.code}")
            item.setData(Qt.ItemDataRole.UserRole, kind.code)
            self.matches.addItem(item)
        self.matches.setCurrentRow(0)

    def current_code(self) -> str | None:
        item = self.matches.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_type(self, code: str) -> None:
        """Put a known type in the line (editing a document)."""
        self.edit.setText(code)

    def _choose(self) -> None:
        code = self.current_code()
        if code is not None:
            self.chosen.emit(code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key()  # type: ignore[arg-type]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = 1 if key == Qt.Key.Key_Down else -1
                self.matches.setCurrentRow(max(0, min(self.matches.count() - 1, self.matches.currentRow() + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)


class ClassificationView(QWidget):
    """Follows the dossier chosen in the queue; `changed(barcode)` tells the window something was recorded."""

    changed = Signal(str)
    wide = True  # the window gives this screen the room of the queue while it is shown

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.barcode: str | None = None
        self.pages: tuple[PageView, ...] = ()
        self.documents: list[classification.DocumentInfo] = []
        self.files: dict[str, tuple[Path, Path | None]] = {}
        self.editing: int | None = None  # the document the form is changing, or None for a new one
        self.goto = ""  # page number typed on the pages, waiting for Enter or Space
        self._icons: dict[tuple[str, int | None], QIcon] = {}
        self._next_row: int | None = None
        self.taxonomy = load_taxonomy()

        self.title = ElidedLabel(self.tr("پرونده‌ای انتخاب نشده است"))  # a long name is cut, not the window widened
        self.title.setObjectName("paneTitle")
        self.status = QLabel()
        self.status.setObjectName("looseCount")
        self.hint = QLabel()
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)

        self.thumbs = QListWidget()
        self.thumbs.setObjectName("classifyPages")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB.width(), THUMB.height() + BAND_HEIGHT))
        self.thumbs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.setSpacing(4)
        self.thumbs.setUniformItemSizes(True)
        self.thumbs.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.thumbs.installEventFilter(self)
        self.thumbs.currentRowChanged.connect(lambda _: self._large_timer.start())
        self.thumbs.itemSelectionChanged.connect(self._show_selection)
        self._large_timer = QTimer(self)
        self._large_timer.setSingleShot(True)
        self._large_timer.setInterval(80)  # arrowing across pages does not decode every master on the way
        self._large_timer.timeout.connect(self._show_large)
        self.large = QLabel()
        self.large.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.large.setMinimumSize(240, 200)
        self.large.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # the pixmap never grows it

        self.selection = QLabel()
        self.selection.setObjectName("selectionTitle")
        # The type the selected pages' read text suggests (issue 23): shown, accepted only with F6, never applied.
        self.suggestion = QLabel()
        self.suggestion.setObjectName("typeSuggestion")
        self.suggestion.setWordWrap(True)
        self.suggested: Suggestion | None = None
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(150)  # arrowing across pages asks once it settles
        self._suggest_timer.timeout.connect(self._ask_suggestion)
        self.chooser = TypeChooser()
        self.chooser.chosen.connect(self.assign)
        self.chooser.cancelled.connect(self.back_to_pages)
        self.chooser.matches.currentRowChanged.connect(self._default_heading)
        self.heading = QComboBox()
        for heading in self.taxonomy.headings.values():
            self.heading.addItem(heading.name, heading.code)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("۱۴۰۳/۰۷/۱۵"))
        self.note = QLineEdit()
        for field in (self.date, self.note):
            field.returnPressed.connect(lambda: self.assign(self.chooser.current_code()))
        self.date.setMaximumWidth(self.fontMetrics().horizontalAdvance("۱۴۰۳/۰۷/۱۵") * 2)
        dated = QHBoxLayout()
        dated.addWidget(self.date)
        dated.addSpacing(12)
        dated.addWidget(QLabel(self.tr("یادداشت:")))
        dated.addWidget(self.note, 1)
        form = QFormLayout()
        form.setVerticalSpacing(4)
        form.addRow(self.tr("صفحه‌ها:"), self.selection)
        form.addRow(self.tr("نوع سند:"), self.chooser)
        form.addRow("", self.suggestion)
        form.addRow(self.tr("سرفصل:"), self.heading)
        form.addRow(self.tr("تاریخ سند:"), dated)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("documentsTable")
        self.table.setHorizontalHeaderLabels([self.tr("سند"), self.tr("نوع سند"), self.tr("سرفصل"),
                                              self.tr("تاریخ"), self.tr("صفحه‌ها")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(lambda row, _: self.select_document(self.documents[row].number))

        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("assign", self.tr("ثبت سند (Enter)"), None, lambda: self.assign(self.chooser.current_code())),
            ("same", self.tr("همان نوع سند قبلی (فاصله)"), None, self.same_as_previous),
            ("edit", self.tr("ویرایش سند (F2)"), "F2", self.edit_document),
            ("split", self.tr("جدا کردن از این صفحه (F3)"), "F3", self.split),
            ("suggested", self.tr("نوع پیشنهادی (F6)"), "F6", self.accept_suggestion),
            ("merge", self.tr("ادغام با سند بعدی (F4)"), "F4", self.merge),
            ("separators", self.tr("اعمال برگ‌های جداکننده (Ctrl+B)"), "Ctrl+B", self.apply_separators),
            ("print", self.tr("چاپ برگ‌های جداکننده…"), None, self.print_separators),
            ("checked", self.tr("پایان کنترل کیفیت (مرحله ۶)"), "Ctrl+6", self.complete_qc),
        ]
        grid = QGridLayout()
        for n, (key, text, keys, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(slot)
            if keys:
                QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.buttons[key] = button
            grid.addWidget(button, n // 4, n % 4)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(form)
        side_layout.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(self.thumbs)
        split.addWidget(self.large)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 3)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.thumbs)
        self._images = Runner(self)  # the large page is decoded here, off the main thread
        self._hint()
        self.allowed: ActionSet | None = None  # what the user may do to the shown dossier, from services.actions
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------------------------
    def show_dossier(self, barcode: str | None) -> None:
        if barcode != self.barcode:
            self._icons.clear()  # the banded thumbnails are kept only for the dossier on screen
        self.barcode = barcode
        self.editing = None
        if barcode is None:
            self._loaded((None, (), [], {}, None))
            return
        uow, store = self._ws.uow(), self._ws.app.pages

        def load() -> tuple[DossierDetail, tuple[PageView, ...], list, dict, ActionSet]:
            detail = queries.dossier_detail(uow, barcode)
            docs = classification.documents(uow, barcode)
            files = {p.sha256: page_capture.page_files(store, p.sha256) for p in detail.pages}
            return detail, detail.pages, docs, files, actions.allowed_actions(uow, barcode)

        self._ws.runner.run(load, self._loaded)

    def _loaded(self, loaded: tuple[DossierDetail | None, tuple[PageView, ...], list, dict, ActionSet | None]
                ) -> None:
        detail, pages, docs, files, allowed = loaded
        if detail is not None and detail.barcode != self.barcode:
            return  # the clerk has moved on to another dossier
        if detail is not None:
            self.title.setText(self.tr("طبقه‌بندی پرونده {barcode} — {name}").format(
                barcode=ltr(detail.barcode), name=detail.name))
        else:
            self.title.setText(self.tr("پرونده‌ای انتخاب نشده است"))
        self.pages, self.documents, self.files, self.allowed = pages, docs, files, allowed
        self._render()

    def _render(self) -> None:
        keep = self._next_row if self._next_row is not None else max(self.thumbs.currentRow(), 0)
        self._next_row = None
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        for page in self.pages:
            item = QListWidgetItem(self._icon(page), to_persian(page.seq))
            item.setToolTip(self._document_title(page.document))
            self.thumbs.addItem(item)
        self.thumbs.blockSignals(False)
        self.table.setRowCount(len(self.documents))
        for row, doc in enumerate(self.documents):
            kind = self.taxonomy.types.get(doc.type_code)
            heading = self.taxonomy.headings.get(doc.heading)
            cells = [to_persian(doc.number), kind.name if kind else doc.type_code,
                     heading.name if heading else doc.heading, to_persian(doc.date) if doc.date else "—",
                     _ranges(doc.pages)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 0:
                    cell.setBackground(band_colour(doc.number))
                    cell.setForeground(QColor("white"))
                self.table.setItem(row, column, cell)
        loose = sum(1 for p in self.pages if p.document is None)
        if not self.pages:
            self.status.setText("")
        elif loose:
            self.status.setText(self.tr("{loose} صفحه از {total} صفحه هنوز طبقه‌بندی نشده است").format(
                loose=to_persian(loose), total=to_persian(len(self.pages))))
        else:
            self.status.setText(self.tr("همه {total} صفحه در {docs} سند طبقه‌بندی شده است").format(
                total=to_persian(len(self.pages)), docs=to_persian(len(self.documents))))
        self._update_buttons()
        if self.pages:
            self._select_rows(min(keep, len(self.pages) - 1), min(keep, len(self.pages) - 1))
        self._show_large()

    def _icon(self, page: PageView) -> QIcon:
        """The thumbnail under a band in its document's colour with the document's number."""
        key = (page.sha256, page.document)
        if key not in self._icons:
            canvas = QPixmap(THUMB.width(), THUMB.height() + BAND_HEIGHT)
            canvas.fill(QColor("white"))
            painter = QPainter(canvas)
            thumb = self.files.get(page.sha256, (None, None))[1]
            if thumb is not None:
                picture = QPixmap(str(thumb)).scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation)
                painter.drawPixmap((THUMB.width() - picture.width()) // 2, BAND_HEIGHT, picture)
            band = QRect(0, 0, THUMB.width(), BAND_HEIGHT)
            painter.fillRect(band, band_colour(page.document))
            font = QFont(self.font())
            font.setBold(True)
            font.setPointSize(10)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            number = page.document
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter,
                             self.tr("سند {n}").format(n=to_persian(number)) if number else self.tr("بی‌سند"))
            painter.end()
            self._icons[key] = QIcon(canvas)
        return self._icons[key]

    def _document_title(self, number: int | None) -> str:
        doc = self._doc(number)
        if doc is None:
            return self.tr("هنوز در هیچ سندی نیست")
        kind = self.taxonomy.types.get(doc.type_code)
        return self.tr("سند {n}: {kind}").format(n=to_persian(doc.number), kind=kind.name if kind else doc.type_code)

    def _doc(self, number: int | None) -> classification.DocumentInfo | None:
        return next((d for d in self.documents if d.number == number), None)

    def _update_buttons(self) -> None:
        """Document edits and step 6 as services.actions answered, the refusal as the tooltip; printing separator
        sheets needs no dossier."""
        for key, button in self.buttons.items():
            if key == "print":
                reason = None
            elif key == "suggested" and self.allowed is not None and self.pages and self.suggested is None:
                reason = self.tr("متن صفحه‌های انتخاب‌شده هنوز خوانده نشده یا نوعی را پیشنهاد نمی‌کند.")
            elif self.allowed is None:
                reason = self.tr("نخست یک پرونده را از صف کار انتخاب کنید.")
            elif not self.pages:
                reason = self.tr("این پرونده هنوز صفحه‌ای ندارد؛ نخست صفحه‌ها را اسکن کنید.")
            else:
                reason = self.allowed["complete_qc" if key == "checked" else "classify"].reason
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def _hint(self) -> None:
        typed = self.tr("تا صفحه {n}: Enter برای انتخاب نوع، فاصله برای همان نوع قبلی. ").format(
            n=to_persian(self.goto)) if self.goto else ""
        self.hint.setText(typed + self.tr(
            "پیمایش: جهت‌ها؛ انتخاب: Shift با جهت‌ها، Home یا End، یا شماره صفحه آخر. "
            "Enter: نوع سند؛ فاصله: همان نوع سند قبلی؛ F2 ویرایش، F3 جدا کردن، F4 ادغام."))

    # -- pages and selection --------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = sorted(i.row() for i in self.thumbs.selectedIndexes())
        return rows or ([self.thumbs.currentRow()] if self.thumbs.currentRow() >= 0 else [])

    def selected_seqs(self) -> list[int]:
        return [self.pages[r].seq for r in self.selected_rows()]

    def current_page(self) -> PageView | None:
        row = self.thumbs.currentRow()
        return self.pages[row] if 0 <= row < len(self.pages) else None

    def _select_rows(self, first: int, last: int) -> None:
        """Select the run from `first` to `last` (either order); `last` becomes the current page."""
        model = self.thumbs.model()
        self.thumbs.setCurrentRow(last, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.thumbs.selectionModel().select(QItemSelection(model.index(min(first, last), 0),
                                                           model.index(max(first, last), 0)),
                                            QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.thumbs.scrollToItem(self.thumbs.item(last))

    def _move(self, key: int, modifiers: Qt.KeyboardModifier) -> None:
        """Arrows, Home, End, Page Up/Down; with Shift they stretch the run from its fixed end. QListView moves by
        its unmirrored geometry, so right to left Left and Right are swapped to mean what the clerk sees."""
        action = MOVES[key]
        if self.isRightToLeft() and action in MIRRORED:
            action = MIRRORED[action]
        target = self.thumbs.moveCursor(action, modifiers).row()
        if target < 0:
            return
        rows, current = self.selected_rows(), self.thumbs.currentRow()
        if modifiers & Qt.KeyboardModifier.ShiftModifier and rows:
            self._select_rows(rows[0] if current == rows[-1] else rows[-1], target)
        else:
            self._select_rows(target, target)

    def _extend_to_typed_page(self) -> None:
        """Digits typed on the pages: select from the start of the run to that page."""
        if not self.goto:
            return
        wanted, self.goto = int(self.goto), ""
        self._hint()
        rows = [r for r, p in enumerate(self.pages) if p.seq == wanted]
        if rows:
            self._select_rows(self.selected_rows()[0], rows[0])

    def _show_selection(self) -> None:
        seqs = self.selected_seqs()
        if self.editing is not None:
            text = self.tr("ویرایش سند {n}").format(n=to_persian(self.editing))
        elif not seqs:
            text = ""
        elif len(seqs) == 1:
            text = self.tr("صفحه {first}").format(first=to_persian(seqs[0]))
        else:
            text = self.tr("صفحه {first} تا {last} ({count} صفحه)").format(
                first=to_persian(seqs[0]), last=to_persian(seqs[-1]), count=to_persian(len(seqs)))
        self.selection.setText(text)
        self._suggest_timer.start()

    def _ask_suggestion(self) -> None:
        seqs = self.selected_seqs()
        if self.barcode is None or not seqs:
            self._suggested(None)
            return
        uow, barcode = self._ws.uow(), self.barcode
        self._ws.runner.run(lambda: (seqs, classification.suggested_type(uow, barcode, seqs)),
                            lambda found: self._suggested(found[1]) if found[0] == self.selected_seqs() else None,
                            lambda _error: self._suggested(None))

    def _suggested(self, suggestion: Suggestion | None) -> None:
        self.suggested = suggestion
        self.suggestion.setText(self.tr("پیشنهاد از روی متن صفحه‌ها: {name} (F6 برای پذیرش؛ یافته: {words})").format(
            name=suggestion.name, words="، ".join(suggestion.keywords)) if suggestion else "")
        self._update_buttons()

    def accept_suggestion(self) -> None:
        """F6: make the selected pages a document of the suggested type (the clerk's one key; never by itself)."""
        if self.suggested is not None and self.buttons["suggested"].isEnabled():
            kind = self.taxonomy.types[self.suggested.code]
            self.heading.setCurrentIndex(self.heading.findData(kind.heading))
            self.assign(self.suggested.code)

    def select_document(self, number: int) -> None:
        rows = [r for r, p in enumerate(self.pages) if p.document == number]
        if rows:
            self._select_rows(rows[0], rows[-1])
            self.thumbs.setFocus()

    def _show_large(self) -> None:
        page = self.current_page()
        if page is None or page.sha256 not in self.files:
            self.large.clear()
            return
        sha, master = page.sha256, self.files[page.sha256][0]
        self._images.run(lambda: read_scaled(master, self.large.size()), lambda image: self._large_read(sha, image))

    def _large_read(self, sha: str, image: QImage | None) -> None:
        """Shown only if that page is still the current one (the clerk may have moved on meanwhile)."""
        page = self.current_page()
        if page is None or page.sha256 != sha:
            return
        if image is None:
            self.large.clear()
        else:
            self.large.setPixmap(QPixmap.fromImage(image))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.thumbs and event.type() == QEvent.Type.KeyPress:
            key_event = QKeyEvent(event)  # type: ignore[arg-type]
            key, digit = key_event.key(), to_latin(key_event.text())
            if digit.isdigit() and len(digit) == 1:
                self.goto += digit
                self._hint()
                return True
            if key == Qt.Key.Key_Backspace and self.goto:
                self.goto = self.goto[:-1]
                self._hint()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._extend_to_typed_page()
                self.to_type()
                return True
            if key == Qt.Key.Key_Space:
                self._extend_to_typed_page()
                self.same_as_previous()
                return True
            if key in MOVES:
                self._move(key, key_event.modifiers())
                return True
            if key == Qt.Key.Key_Escape:
                self.goto, self.editing = "", None
                self._hint()
                self._show_selection()
                return True
        return super().eventFilter(watched, event)

    # -- the form -------------------------------------------------------------------------------------------
    def to_type(self) -> None:
        self.chooser.edit.selectAll()
        self.chooser.setFocus()

    def back_to_pages(self) -> None:
        self.editing = None
        self._show_selection()
        self.thumbs.setFocus()

    def _default_heading(self) -> None:
        code = self.chooser.current_code()
        if code is not None:
            self.heading.setCurrentIndex(self.heading.findData(self.taxonomy.types[code].heading))

    def _previous_type(self) -> str | None:
        """The type of the document the selection follows."""
        rows = self.selected_rows()
        earlier = [p.document for p in self.pages[:rows[0]] if p.document is not None] if rows else []
        doc = self._doc(earlier[-1]) if earlier else None
        return doc.type_code if doc else None

    def same_as_previous(self) -> None:
        code = self._previous_type()
        if code is None:
            self.hint.setText(self.tr("پیش از این صفحه‌ها سندی نیست؛ نوع سند را بنویسید (Enter)."))
            return
        self.heading.setCurrentIndex(self.heading.findData(self.taxonomy.types[code].heading))
        self.assign(code)

    def assign(self, code: str | None) -> None:
        """Make the selected pages a document of `code` (or change the document being edited)."""
        seqs = self.selected_seqs()
        if code is None or self.barcode is None or not seqs:
            return
        uow, barcode = self._ws.uow(), self.barcode
        heading, date, note = self.heading.currentData(), self.date.text(), self.note.text()
        if self.editing is not None:
            number = self.editing
            work: Callable[[], object] = lambda: classification.update(uow, barcode, number, code, heading, date, note)
        else:
            pages = f"{seqs[0]}-{seqs[-1]}"
            work = lambda: classification.classify(uow, barcode, pages, code, heading, date or None, note or None)
        last = self.selected_rows()[-1]
        self._next_row = min(last + 1, len(self.pages) - 1) if self.editing is None else last
        self._ws.runner.run(work, self._done, self._refused)

    def _done(self, _: object = None) -> None:
        self.editing = None
        self.chooser.edit.clear()
        self.date.clear()
        self.note.clear()
        self.thumbs.setFocus()
        if self.barcode:
            self.changed.emit(self.barcode)
            self.show_dossier(self.barcode)

    def _refused(self, error: Exception) -> None:
        """The service's sentence; once read, the keyboard is back on the pages."""
        self._next_row = None
        show_error(self, str(error)).finished.connect(lambda _: self.thumbs.setFocus())

    def edit_document(self) -> None:
        page = self.current_page()
        doc = self._doc(page.document) if page else None
        if doc is None:
            return
        self.select_document(doc.number)
        self.editing = doc.number
        self.chooser.show_type(doc.type_code)
        self.heading.setCurrentIndex(self.heading.findData(doc.heading))
        self.date.setText(to_persian(doc.date) if doc.date else "")
        self.note.setText(doc.note or "")
        self._show_selection()
        self.to_type()

    def split(self) -> None:
        page = self.current_page()
        if page is None or page.document is None or self.barcode is None:
            return
        uow, barcode, number, seq = self._ws.uow(), self.barcode, page.document, page.seq
        self._next_row = self.thumbs.currentRow()
        self._ws.runner.run(lambda: classification.split(uow, barcode, number, seq), self._done, self._refused)

    def merge(self) -> None:
        page = self.current_page()
        if page is None or page.document is None or self.barcode is None:
            return
        uow, barcode, number = self._ws.uow(), self.barcode, page.document
        self._next_row = self.thumbs.currentRow()
        self._ws.runner.run(lambda: classification.merge(uow, barcode, number), self._done, self._refused)

    def apply_separators(self) -> None:
        if self.barcode is None:
            return
        uow, barcode = self._ws.uow(), self.barcode
        self._ws.runner.run(lambda: classification.classify_by_separators(uow, barcode), self._separated,
                            self._refused)

    def _separated(self, result: classification.SeparatorResult) -> None:
        self._done()
        self.hint.setText(self.tr("{sheets} برگ جداکننده کنار گذاشته شد و {docs} سند ساخته شد.").format(
            sheets=to_persian(len(result.separators)), docs=to_persian(len(result.documents))))

    def print_separators(self) -> None:
        def save(path: Path) -> None:
            self._ws.runner.run(lambda: write(labels.separator_sheets(), path),
                                lambda written: self.hint.setText(printing.saved_text(written)))

        printing.ask_pdf_file(self, self.tr("برگ‌های جداکننده"), "separator-sheets.pdf", save)

    def complete_qc(self) -> None:
        if self.barcode is None:
            return
        uow, barcode = self._ws.uow(), self.barcode
        self._ws.runner.run(lambda: capture_steps.complete_quality_check(uow, barcode), self._done, self._refused)


def _ranges(seqs: tuple[int, ...]) -> str:
    """`۱-۴، ۷`: runs of consecutive pages, in Persian digits."""
    runs: list[list[int]] = []
    for seq in seqs:
        if runs and runs[-1][1] == seq - 1:
            runs[-1][1] = seq
        else:
            runs.append([seq, seq])
    return "، ".join(to_persian(a if a == b else f"{a}-{b}") for a, b in runs)
