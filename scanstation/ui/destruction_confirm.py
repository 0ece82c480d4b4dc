"""The last question before a destruction batch is executed (irreversible): what will be destroyed, counted and
listed, and the batch number typed by the planner before the destroy button works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit,
                               QTableWidget, QTableWidgetItem, QWidget)

from scanstation.core.digits import to_latin, to_persian
from scanstation.records.batches import BatchView
from scanstation.ui.look import latin_digits_item, titled_dialog

LISTED_ROWS = 8  # rows of the list in sight before it scrolls


class DestructionConfirm(QDialog):
    """Accepted only once the batch number is typed (Persian or Latin digits) and «امحا شود» is pressed."""

    def __init__(self, parent: QWidget, batch: BatchView) -> None:
        super().__init__(parent)
        self.setObjectName("destructionConfirm")
        self.number = batch.number
        dossiers = len({item.barcode for item in batch.items})
        layout = titled_dialog(self, self.tr("اجرای دسته امحای {n}").format(n=to_persian(batch.number)), self.tr(
            "اصل {count} سند از {dossiers} پرونده، پس از خواندن دوباره نسخه مخزن مرکزی، برای همیشه امحا و "
            "صورتجلسه آن نوشته می‌شود. این کار برگشت‌پذیر نیست.").format(
                count=to_persian(len(batch.items)), dossiers=to_persian(dossiers)), 560)
        self.items = QTableWidget(len(batch.items), 4)
        self.items.setObjectName("destroyedItems")
        self.items.setHorizontalHeaderLabels([self.tr("بارکد پرونده"), self.tr("سند"), self.tr("نوع"),
                                              self.tr("دلیل")])
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.items.horizontalHeader().setStretchLastSection(True)
        for row, item in enumerate(batch.items):
            reason = self.tr("رای دیگر کمیسیون پزشکی") if item.reason == "ruling" else self.tr("مکاتبه تحویل‌نگرفته")
            cells = [QTableWidgetItem(item.barcode), QTableWidgetItem(to_persian(item.document)),
                     QTableWidgetItem(item.type_name), QTableWidgetItem(reason)]
            latin_digits_item(cells[0], self.items)
            for column, cell in enumerate(cells):
                self.items.setItem(row, column, cell)
        rows = min(LISTED_ROWS, max(len(batch.items), 1))
        self.items.setMaximumHeight((rows + 1) * (self.fontMetrics().height() + 10) + 8)
        layout.addWidget(self.items)
        ask = QLabel(self.tr("برای تأیید، شماره دسته ({n}) را بنویسید:").format(n=to_persian(batch.number)))
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.typed = QLineEdit()
        self.typed.setObjectName("typedBatchNumber")
        self.typed.textChanged.connect(self._typed)
        layout.addWidget(self.typed)
        buttons = QDialogButtonBox()
        self.destroy_button = buttons.addButton(self.tr("امحا شود"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.destroy_button.setObjectName("confirmDestruction")
        self.destroy_button.setEnabled(False)
        self.destroy_button.setAutoDefault(False)  # Enter in the field never destroys
        cancel = buttons.addButton(self.tr("انصراف"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)  # Enter does nothing here; Esc cancels
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.typed.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self, text: str) -> None:
        self.destroy_button.setEnabled(to_latin(text).strip() == str(self.number))
