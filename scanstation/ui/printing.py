"""Putting the label, sticker and document PDFs on paper through Qt's print system, or into a PDF file.

The layouts are drawn once, by reportlab (scanstation/indexing). To print, pdftoppm (poppler) rasterises each PDF
page at the printer's resolution and it is painted at the page's physical size, so a 50 x 25 mm label comes out
50 x 25 mm whatever paper the driver proposed, and each barcode module stays a whole number of printer dots.
Printing runs on the window's Runner thread: Qt allows painting on a QPrinter outside the GUI thread.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, QStandardPaths, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QPushButton,
                               QRadioButton, QWidget)

from scanstation.core.errors import ScanStationError
from scanstation.indexing.labels import max_print_dpi, write
from scanstation.ui.look import ltr, titled_dialog
from scanstation.ui.step_dialogs import dismiss

Output = Callable[[bytes], None]  # where a finished PDF goes: a printer or a file
translate = QCoreApplication.translate


def _run(command: list[str]) -> str:
    """A poppler tool's output; its absence or failure as one sentence."""
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise ScanStationError(translate("printing", "چاپ نشد: برنامه {tool} از poppler-utils اجرا نشد ({error}).")
                               .format(tool=command[0], error=type(exc).__name__)) from exc


def page_sizes(pdf: Path) -> list[QSizeF]:
    """Each page's size in points, as the PDF states it."""
    out = _run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)])
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page ") and " size:" in line:
            words = line.split()
            sizes.append(QSizeF(float(words[3]), float(words[5])))
    return sizes


def raster_dpi(printer_dpi: int) -> int:
    """The printer's resolution divided by the smallest whole number that brings it within the cap, so each
    rasterised pixel is a whole number of printer dots (crisp barcode bars)."""
    cap = max_print_dpi()
    return printer_dpi // -(-printer_dpi // cap)


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Paint every page of `pdf` on `printer`, edge to edge at the page's own physical size."""
    with tempfile.TemporaryDirectory(prefix="scanstation-print-") as folder:
        source = Path(folder) / "job.pdf"
        source.write_bytes(pdf)
        sizes = page_sizes(source)
        dpi = raster_dpi(printer.resolution())
        _run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), str(Path(folder) / "page")])
        images = sorted(Path(folder).glob("page-*.png"))
        printer.setFullPage(True)
        painter = QPainter()
        try:
            for number, (path, size) in enumerate(zip(images, sizes, strict=True)):
                printer.setPageLayout(QPageLayout(
                    QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch),
                    QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
                if number == 0 and not painter.begin(printer):
                    raise ScanStationError(translate("printing", "چاپگر آماده نیست؛ چاپ نشد."))
                if number > 0 and not printer.newPage():
                    raise ScanStationError(translate("printing", "چاپگر برگ بعد را نپذیرفت؛ چاپ ناتمام ماند."))
                scale = printer.resolution() / 72  # Qt rounds paper to whole points: draw at the PDF's exact size
                painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), QImage(str(path)))
        finally:
            if painter.isActive():
                painter.end()


def to_printer(printer: QPrinter) -> Output:
    return lambda pdf: print_pdf(pdf, printer)


def to_file(path: Path) -> Output:
    def save(pdf: bytes) -> None:
        try:
            write(pdf, path)
        except OSError as exc:
            raise ScanStationError(translate("printing", "فایل {path} نوشته نشد ({error}).")
                                   .format(path=path, error=exc.strerror or type(exc).__name__)) from exc

    return save


class OutputChoice(QDialog):
    """Which of `options` to output, and how: `chosen(key, "print" | "pdf")`. Enter prints."""

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget, title: str, intro: str, options: list[tuple[str, str]],
                 extra: QWidget | None = None) -> None:
        """`extra`: a widget under the options (e.g. the purpose of a copy, Part 3.2)."""
        super().__init__(parent)
        layout = titled_dialog(self, title, intro, 480)
        self.options = QButtonGroup(self)
        self.keys: dict[str, QRadioButton] = {}
        for key, label in options:
            radio = QRadioButton(label)
            radio.setObjectName(f"option_{key}")
            radio.setChecked(not self.keys)
            radio.setVisible(len(options) > 1)
            self.options.addButton(radio)
            self.keys[key] = radio
            layout.addWidget(radio)
        if extra is not None:
            layout.addWidget(extra)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(translate("printing", "چاپ…"))
        self.print_button.setDefault(True)
        self.pdf_button = QPushButton(translate("printing", "ذخیره PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(translate("printing", "انصراف"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(lambda: self._choose("print"))
        self.pdf_button.clicked.connect(lambda: self._choose("pdf"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return next(key for key, radio in self.keys.items() if radio.isChecked())

    def _choose(self, how: str) -> None:
        key = self.choice()
        self.accept()
        self.chosen.emit(key, how)


def choose_output(owner: QWidget, title: str, intro: str, options: list[tuple[str, str]],
                  file_name: Callable[[str], str], ready: Callable[[str, Output], None],
                  extra: QWidget | None = None) -> OutputChoice:
    """Offer `options` (named as `owner.active_dialog` while open); the one chosen goes to a printer (Qt's print
    dialog) or to a PDF file named after `file_name(key)`, and `ready(key, output)` does the work."""
    dialog = OutputChoice(owner, title, intro, options, extra)

    def chosen(key: str, how: str) -> None:
        if how == "print":
            ask_printer(owner, title, lambda printer: ready(key, to_printer(printer)))
        else:
            ask_pdf_file(owner, title, file_name(key), lambda path: ready(key, to_file(path)))

    owner.active_dialog = dialog  # type: ignore[attr-defined]
    dialog.chosen.connect(chosen)
    dialog.finished.connect(lambda _code: dismiss(owner, dialog))
    dialog.open()
    return dialog


def ask_printer(parent: QWidget, title: str, on_printer: Callable[[QPrinter], None]) -> QPrintDialog:
    """Qt's print dialog, window-modal and non-blocking; `on_printer` gets the configured printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.accepted.connect(lambda: on_printer(printer))
    dialog.finished.connect(dialog.deleteLater)
    QDialog.open(dialog)  # PySide6 6.12 binds only QPrintDialog.open(receiver, member): call the base slot
    return dialog


def documents_folder() -> Path:
    """Where every save dialog starts: the user's documents folder (the home folder when there is none), never
    the program's own folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def saved_text(path: Path | str) -> str:
    """The one sentence every screen says once a file is saved."""
    return translate("printing", "ذخیره شد: {path}").format(path=ltr(path))


def ask_pdf_file(parent: QWidget, title: str, suggested: str, on_path: Callable[[Path], None]) -> QFileDialog:
    """A save dialog for a PDF file, window-modal and non-blocking."""
    dialog = QFileDialog(parent, title, str(documents_folder() / suggested), translate("printing", "PDF (*.pdf)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")
    dialog.fileSelected.connect(lambda name: on_path(Path(name)))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
