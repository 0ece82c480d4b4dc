"""The work queue: dossiers waiting for a step, out-of-turn first and marked, searchable by name or any identifier.

The service hands it a page at a time (services/work_queue.py); the model asks for the next page when the list is
scrolled to its end (Qt's canFetchMore/fetchMore), off the main thread. Columns have widths set once from the header
and a sample of what they hold (measuring every row's contents after each recorded step froze the window ~0.2 s),
and a refresh that brings back the same dossiers changes their cells in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QStyle,
                               QTableView, QVBoxLayout, QWidget)

from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.jalali import jalali_date
from scanstation.core.policy import input_limits
from scanstation.core.workflow import STEPS
from scanstation.services.work_queue import QueuePage, QueueRow, work_queue
from scanstation.ui.look import LATIN_DIGITS_FAMILY
from scanstation.ui.workspace import Workspace

URGENT_BACKGROUND = QColor("#ffe8b3")
URGENT_FOREGROUND = QColor("#7a3e00")
_Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate


class QueueModel(QAbstractTableModel):
    """Rows from `work_queue`, shown as they come (the service orders them); `more` is asked for the page after the
    last one held (the view's fetchMore), and `total` is how many match in all."""

    # The state comes third: on a narrow pane the columns at the far (left) end are the ones cut, never it.
    BARCODE, NAME, STATE, INSURED, NATIONAL_ID, SHELF, CREATED = range(7)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[QueueRow] = []
        self.total = 0
        self.next: str | None = None  # the cursor of the page after the rows held
        self.more: Callable[[str], None] | None = None  # asks for that page; add_page brings it
        self._asked: str | None = None
        self._headers = [translate("QueueModel", "بارکد"), translate("QueueModel", "نام"),
                         translate("QueueModel", "وضعیت"), translate("QueueModel", "شماره بیمه"),
                         translate("QueueModel", "کد ملی"), translate("QueueModel", "محل"),
                         translate("QueueModel", "تاریخ ثبت")]
        self._urgent_icon = parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        # made once: data() is asked for every visible cell at every paint
        self._fonts: dict[tuple[bool, bool], QFont] = {}  # (barcode column, out of turn)
        for barcode in (False, True):
            for bold in (False, True):
                font = QFont(parent.font())
                if barcode:
                    font.setFamily(LATIN_DIGITS_FAMILY)
                font.setBold(bold)
                self._fonts[barcode, bold] = font
        self._brushes = (QBrush(URGENT_BACKGROUND), QBrush(URGENT_FOREGROUND))
        self._cells: dict[int, tuple[str, ...]] = {}  # each shown row's texts, made when first painted

    def set_page(self, page: QueuePage) -> bool:
        """The first page of a new answer. The same dossiers in the same order (a refresh after a recorded step)
        change their cells in place; anything else starts the list anew (True)."""
        self.total, self.next, self._asked = page.total, page.next, None
        self._cells.clear()
        if [row.barcode for row in page.rows] == [row.barcode for row in self.rows]:
            changed = [n for n, (old, new) in enumerate(zip(self.rows, page.rows)) if old != new]
            self.rows = list(page.rows)
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1))
            return False
        self.beginResetModel()
        self.rows = list(page.rows)
        self.endResetModel()
        return True

    def add_page(self, after: str, page: QueuePage) -> None:
        """The page after `after`, appended when it still follows the rows held."""
        if after != self.next:
            return
        self.total, self.next, self._asked = page.total, page.next, None
        if page.rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt's signature)
        return not parent.isValid() and self.next is not None and self._asked != self.next

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent) and self.more is not None and self.next is not None:
            self._asked = self.next
            self.more(self.next)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _texts(self, number: int) -> tuple[str, ...]:
        texts = self._cells.get(number)
        if texts is None:
            row = self.rows[number]
            texts = self._cells[number] = (row.barcode, row.name, row.state_title, row.insured_number,
                                           row.national_id, row.shelf, jalali_date(row.created_at, persian_digits=False))
        return texts

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._texts(index.row())[column]
            if role == Qt.ItemDataRole.DisplayRole or not row.out_of_turn:
                return text  # as a tooltip: the whole text of a cell that may be elided
            urgent = translate("QueueModel", "خارج از نوبت: {reason}").format(reason=row.out_of_turn_reason or "")
            return f"{text}\n{urgent}"
        if role == Qt.ItemDataRole.FontRole and (row.out_of_turn or column == self.BARCODE):
            return self._fonts[column == self.BARCODE, row.out_of_turn]
        if not row.out_of_turn:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[1]
        if role == Qt.ItemDataRole.DecorationRole and column == self.BARCODE:
            return self._urgent_icon
        return None


class QueueView(QWidget):
    """Search box, step filter and the table. `selected` follows the cursor; `opened` is Enter or double-click."""

    selected = Signal(str)
    opened = Signal(str)
    tracked = Signal(str, int)  # a searched tracking code named this dossier's document

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._generation = 0
        self._told: str | None = None  # the search whose tracking code was last passed on (`tracked`)
        self._question: tuple[str, int | None] | None = None  # the search and step of the list shown
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("نام، بارکد، کد ملی یا کد پیگیری (Ctrl+F)"))
        self.search.setToolTip(self.tr("جستجو (Ctrl+F): نام به هر املایی، بارکد یا بخشی از آن، شماره بیمه، "
                                       "کد ملی، یا کد پیگیری رسید برای رفتن به همان سند؛ پرونده‌های تمام‌شده هم "
                                       "پیدا می‌شوند"))
        self.step_filter = QComboBox()
        self.step_filter.setObjectName("stepFilter")
        # when a wide screen narrows the queue, the filter gives up its room (elided), never the search box
        self.step_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.step_filter.setMinimumContentsLength(6)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("SS-0012-1405-000001-E") + 24)
        self.step_filter.addItem(self.tr("همه پرونده‌های در جریان"), None)
        for step in STEPS[1:]:
            self.step_filter.addItem(self.tr("آماده مرحله {number}: {title}").format(number=step.number,
                                                                                  title=step.title), step.number)
        self.count_label = QLabel()
        self.model = QueueModel(self)
        self.model.more = self._fetch_more
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.viewport().installEventFilter(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self._size_columns()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        title = QLabel(self.tr("صف کار"))
        title.setObjectName("paneTitle")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.step_filter, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_now)
        self.step_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)
        self.setTabOrder(self.search, self.step_filter)
        self.setTabOrder(self.step_filter, self.table)

    FIT_SAMPLE = 40  # rows measured for the columns' widths when a new answer comes
    PADDING = 8  # beside a cell's text, as the item delegate's own margins (3 px a side) and the grid line
    MOST = {QueueModel.NAME: 260, QueueModel.STATE: 340}  # wider names and states are elided, whole in the tooltip
    STATE_KEEPS, NAME_LEAST = 170, 60  # in a narrow queue the name gives way, so the state (what waits) stays in sight

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QueueModel.SHELF, QHeaderView.ResizeMode.Stretch)  # takes what is left
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its title and the first rows of the answer (never every row: measuring all of
        them after each recorded step froze the window), set once per new answer."""
        header = self.table.horizontalHeader()
        plain = self.table.fontMetrics()
        rows = range(min(len(self.model.rows), self.FIT_SAMPLE))
        for column in range(self.model.columnCount()):
            if column == QueueModel.SHELF:
                continue
            width = plain.horizontalAdvance(self.model.headerData(column, Qt.Orientation.Horizontal))
            for number in rows:
                index = self.model.index(number, column)
                font = self.model.data(index, Qt.ItemDataRole.FontRole)
                metrics = QFontMetrics(font) if font is not None else plain
                width = max(width, metrics.horizontalAdvance(self.model.data(index)))
            if column == QueueModel.BARCODE and any(self.model.rows[n].out_of_turn for n in rows):
                width += self.table.iconSize().width() + 14  # the icon and the spaces either side of it
            most = self.MOST.get(column, width + self.PADDING)
            if column == QueueModel.NAME:
                room = self.table.viewport().width() - header.sectionSize(QueueModel.BARCODE) - self.STATE_KEEPS
                most = max(self.NAME_LEAST, min(most, room))
            header.resizeSection(column, min(width + self.PADDING, most))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The queue narrows when a wide screen comes to the front: the columns are fitted to its new width."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def current_barcode(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].barcode if index.isValid() else None

    def refresh(self, keep: str | None = None) -> None:
        """Ask the service again; a late answer to an older question is dropped."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        keep = keep or self.current_barcode()
        text, step = self.search.text(), self.step_filter.currentData()
        # the same question again (after a recorded step): as many rows as the list holds, so they change in place
        limits = input_limits()
        held = len(self.model.rows) if (text, step) == self._question else 0
        limit = min(max(held, limits.queue_page_rows), limits.queue_max_rows)
        self._question = (text, step)
        uow = self._ws.uow()
        self._ws.runner.run(lambda: work_queue(uow, search=text, step=step, limit=limit),
                            lambda page: self._show(generation, page, keep),
                            lambda error: self._refused(generation, error))

    def _fetch_more(self, after: str) -> None:
        """The next page of the list shown (whatever has been typed since), asked by the model when the list is
        scrolled to its end."""
        if self._question is None:
            return
        generation, (text, step) = self._generation, self._question
        uow = self._ws.uow()
        self._ws.runner.run(lambda: work_queue(uow, search=text, step=step, after=after),
                            lambda page: self._more(generation, after, page),
                            lambda error: self._refused(generation, error))

    def _more(self, generation: int, after: str, page: QueuePage) -> None:
        if generation == self._generation:
            self.model.add_page(after, page)
            self._count()

    def _refused(self, generation: int, error: ScanStationError) -> None:
        """A search the service cannot answer (too short): the sentence where the count goes; the list stays."""
        if generation == self._generation:
            self.count_label.setText(str(error))

    def _count(self) -> None:
        self.count_label.setText(self.tr("{count} پرونده").format(count=to_persian(self.model.total)))

    def _search_now(self) -> None:
        self.refresh()
        self.table.setFocus()

    def _show(self, generation: int, page: QueuePage, keep: str | None) -> None:
        if generation != self._generation:
            return
        if self.model.set_page(page):
            self._fit_columns()
        self._count()
        rows = self.model.rows
        for number, row in enumerate(rows):
            if row.tracked_document is not None:  # the clerk typed a receipt's code: that dossier, that document
                self.select_row(number)
                if self._told != self.search.text():  # once a search: a later refresh leaves the clerk be
                    self._told = self.search.text()
                    self.tracked.emit(row.barcode, row.tracked_document)
                return
        for number, row in enumerate(rows):
            if row.barcode == keep:
                self.select_row(number)
                return
        if rows and self.search.text().strip():
            self.select_row(0)

    def select_row(self, number: int) -> None:
        """Make row `number` current (QTableView.selectRow misses it in right-to-left layouts)."""
        self.table.setCurrentIndex(self.model.index(number, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.selected.emit(self.model.rows[current.row()].barcode)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.model.rows[index.row()].barcode)
