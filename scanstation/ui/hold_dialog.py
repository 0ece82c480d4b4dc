"""Putting a legal hold on an original, or releasing one: on the chosen document or on its whole dossier, always with
a reason (records/holds does the work and keeps the record)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from scanstation.core.digits import to_persian
from scanstation.ui.look import latin_digits, ltr
from scanstation.ui.step_dialogs import Field, StepDialog


translate = QCoreApplication.translate


class HoldDialog(StepDialog):
    """`values()` gives the reason and the scope: "document" or "dossier"."""

    def __init__(self, parent: QWidget, release: bool, barcode: str, document: int) -> None:
        scope = QWidget()
        column = QVBoxLayout(scope)
        column.setContentsMargins(0, 0, 0, 0)
        self.document_scope = QRadioButton(
            translate("HoldDialog", "اصل سند {n} این پرونده").format(n=to_persian(document)))
        self.document_scope.setObjectName("holdDocument")
        self.dossier_scope = QRadioButton(
            translate("HoldDialog", "همه اصل‌های پرونده {barcode}").format(barcode=ltr(barcode)))
        self.dossier_scope.setObjectName("holdDossier")
        latin_digits(self.dossier_scope)  # the barcode as printed on the label
        self.document_scope.setChecked(True)
        group = QButtonGroup(scope)
        for radio in (self.document_scope, self.dossier_scope):
            group.addButton(radio)
            column.addWidget(radio)
        if release:
            title, intro = translate("HoldDialog", "رفع توقیف"), translate(
                "HoldDialog", "توقیف باز همین سند، یا توقیف کل پرونده، برداشته می‌شود و اصل دوباره می‌تواند در دسته امحا بیاید.")
            reason, submit = translate("HoldDialog", "دلیل رفع توقیف"), translate("HoldDialog", "رفع توقیف")
        else:
            title, intro = translate("HoldDialog", "توقیف اصل"), translate(
                "HoldDialog", "اصل توقیف‌شده تا رفع توقیف در هیچ دسته امحایی نمی‌آید (مانند دستور مرجع قضایی یا حراست).")
            reason, submit = translate("HoldDialog", "دلیل توقیف"), translate("HoldDialog", "توقیف")
        super().__init__(parent, title, intro, [Field("reason", reason)], submit, extra=scope)
        self.field("reason").setFocus()

    def values(self) -> dict[str, str]:
        return {**super().values(), "scope": "document" if self.document_scope.isChecked() else "dossier"}
