"""The work queue: dossiers waiting for a step, out-of-turn first and marked, searchable by any identifier."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QStyle,
                               QTableView, QVBoxLayout, QWidget)

from scanstation.core.jalali import jalali_date
from scanstation.core.workflow import STEPS
from scanstation.services import queries
from scanstation.ui.look import LATIN_DIGITS_FAMILY
from scanstation.ui.workspace import Workspace

URGENT_BACKGROUND = QColor("#ffe8b3")
URGENT_FOREGROUND = QColor("#7a3e00")
_Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate


class QueueModel(QAbstractTableModel):
    """Rows from `queries.work_queue`, shown as they come (the service orders them)."""

    # The state comes third: on a narrow pane the columns at the far (left) end are the ones cut, never it.
    BARCODE, NAME, STATE, INSURED, NATIONAL_ID, SHELF, CREATED = range(7)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[queries.QueueRow] = []
        self._headers = [translate("QueueModel", "بارکد"), translate("QueueModel", "نام"),
                         translate("QueueModel", "وضعیت"), translate("QueueModel", "شماره بیمه"),
                         translate("QueueModel", "کد ملی"), translate("QueueModel", "محل"),
                         translate("QueueModel", "تاریخ ثبت")]
        self._urgent_icon = parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._font = QFont(parent.font())
        self._barcode_font = QFont(parent.font())
        self._barcode_font.setFamily(LATIN_DIGITS_FAMILY)

    def set_rows(self, rows: list[queries.QueueRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (row.barcode, row.name, row.state_title, row.insured_number, row.national_id, row.shelf,
                    jalali_date(row.created_at, persian_digits=False))[column]
            if role == Qt.ItemDataRole.DisplayRole or not row.out_of_turn:
                return text  # as a tooltip: the whole text of a cell that may be elided
            urgent = translate("QueueModel", "خارج از نوبت: {reason}").format(reason=row.out_of_turn_reason or "")
            return f"{text}\n{urgent}"
        if role == Qt.ItemDataRole.FontRole and (row.out_of_turn or column == self.BARCODE):
            font = QFont(self._barcode_font if column == self.BARCODE else self._font)
            font.setBold(row.out_of_turn)
            return font
        if not row.out_of_turn:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(URGENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(URGENT_FOREGROUND)
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
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("بارکد، شماره بیمه، کد ملی یا کد پیگیری (Ctrl+F)"))
        self.search.setToolTip(self.tr("جستجو در صف کار (Ctrl+F): بارکد، شماره بیمه، کد ملی، یا کد پیگیری رسید "
                                       "برای رفتن به همان سند"))
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
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QueueModel.SHELF, QHeaderView.ResizeMode.Stretch)  # takes what is left
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
        uow = self._ws.uow()
        self._ws.runner.run(lambda: queries.work_queue(uow, search=text, step=step),
                            lambda rows: self._show(generation, rows, keep))

    def _search_now(self) -> None:
        self.refresh()
        self.table.setFocus()

    def _show(self, generation: int, rows: list[queries.QueueRow], keep: str | None) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} پرونده").format(count=len(rows)))
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
