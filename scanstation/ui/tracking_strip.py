"""The dossier view's upload line: the chosen document's upload state and tracking code (کد پیگیری), the code in
Latin digits as the clerk reads it out, and «چاپ رسید…» for the receipt of that document or of the whole dossier,
through the window's print path (ui/printing.py). A section of its own, fed by the dossier view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from scanstation.core.digits import to_persian
from scanstation.services.read_models import DossierDetail, DocumentView
from scanstation.services.upload_receipt import tracking_receipt
from scanstation.sync.tracking import spaced
from scanstation.ui import printing
from scanstation.ui.look import latin_digits, ltr
from scanstation.ui.printing import Output, OutputChoice
from scanstation.ui.workspace import Workspace


class TrackingStrip(QWidget):
    """`show_document(detail, number)` after each load and each change of the chosen document."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._detail: DossierDetail | None = None
        self._document: DocumentView | None = None
        self.dialog: OutputChoice | None = None
        caption = QLabel(self.tr("بارگذاری:"))
        caption.setObjectName("caption")
        self.text = QLabel()
        self.text.setObjectName("trackingText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        latin_digits(self.text)  # the code as printed on the receipt
        self.print_button = QPushButton(self.tr("چاپ رسید کد پیگیری…"))
        self.print_button.setObjectName("printReceipt")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.text, 1)
        row.addWidget(self.print_button)
        self.show_document(None, None)

    def _state_title(self, state: str) -> str:
        return {"queued": self.tr("در صف بارگذاری"), "sending": self.tr("در حال ارسال"),
                "sent": self.tr("فرستاده شد"), "verified": self.tr("در مخزن مرکزی تأیید شد"),
                "needs_attention": self.tr("نیازمند رسیدگی")}.get(state, state)

    def show_document(self, detail: DossierDetail | None, number: int | None) -> None:
        self._detail = detail
        documents = detail.documents if detail else ()
        self._document = next((d for d in documents if d.number == number), None)
        coded = [d for d in documents if d.upload.tracking_code]
        self.setVisible(bool(documents))
        upload = self._document.upload if self._document else None
        if upload is None or not upload.tracking_code:
            self.text.setText(self.tr("سند {n}: هنوز کد پیگیری ندارد (پس از تأیید در مرحله ۷ داده می‌شود).").format(
                n=to_persian(number)) if number is not None else "")
        else:
            self.text.setText(self.tr("سند {n}: {state} — کد پیگیری {code}").format(
                n=to_persian(number), state=self._state_title(upload.state or ""), code=ltr(spaced(upload.tracking_code))))
        self.print_button.setEnabled(bool(coded))
        self.print_button.setToolTip(self.tr("رسید کد پیگیری سند انتخاب‌شده یا همه اسناد پرونده را چاپ می‌کند.")
                                     if coded else self.tr("هیچ سند این پرونده هنوز کد پیگیری ندارد."))

    def choose(self) -> OutputChoice:
        """Which receipt (this document, or every document of the dossier), then the printer or a PDF file."""
        assert self._detail is not None, "the button is enabled only for a dossier with tracking codes"
        barcode = self._detail.barcode
        options = [("dossier", self.tr("رسید همه اسناد پرونده"))]
        if self._document is not None and self._document.upload.tracking_code:
            options.insert(0, ("document", self.tr("رسید سند {n}").format(n=to_persian(self._document.number))))
        number = self._document.number if self._document else None
        title = self.tr("رسید کد پیگیری")
        self.dialog = dialog = OutputChoice(self, title, self.tr(
            "رسید کد پیگیری بارگذاری در مخزن مرکزی، با بارکد کد هر سند، برای بیمه‌شده یا پرونده."), options)

        def chosen(key: str, how: str) -> None:
            which = number if key == "document" else None
            if how == "print":
                printing.ask_printer(self, title, lambda printer: self.output(barcode, which,
                                                                              printing.to_printer(printer)))
            else:
                printing.ask_pdf_file(self, title, f"{barcode}-receipt.pdf",
                                      lambda path: self.output(barcode, which, printing.to_file(path)))

        dialog.chosen.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def output(self, barcode: str, number: int | None, output: Output) -> None:
        """Make the receipt and hand it to `output`, off the UI thread."""
        uow = self._ws.uow()
        self._ws.runner.run(lambda: output(tracking_receipt(uow, barcode, number)))
