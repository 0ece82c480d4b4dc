"""Printing through Qt's own print dialog, as a clerk does: no stand-in for `ask_printer`. The dialog's printer is
pointed at a PDF file by typing in its output-file field, «چاپ» is pressed, and the PDF that comes out is rendered
back to pixels and its barcode read."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import queries, users
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher
from scanstation.ui.printing import OutputChoice
from tests.builders import CLERK, PASSWORD, new_dossier, walk
from tests.ui.conftest import Settle


def _print_dialog(qtbot: QtBot) -> QPrintDialog:
    found: list[QPrintDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5_000)
    return found[0]


def test_the_label_goes_through_the_real_print_dialog_and_reads_back(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, artifacts: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 2)
    window = Launcher(staffed, maximized=False).open_window(users.authenticate(staffed.uow(CONSOLE), CLERK, PASSWORD))
    qtbot.addWidget(window)
    settle(window.runner)
    window.queue.refresh(keep=barcode)
    settle(window.runner)
    view = window.dossier
    qtbot.mouseClick(view.buttons["register"], Qt.MouseButton.LeftButton)
    choice = view.active_dialog
    assert isinstance(choice, OutputChoice)
    choice.keys["dossier"].setChecked(True)
    qtbot.mouseClick(choice.print_button, Qt.MouseButton.LeftButton)

    dialog = _print_dialog(qtbot)
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.WindowModal
    target = tmp_path / "label.pdf"
    file_field = dialog.findChild(QLineEdit, "filename")
    assert file_field is not None, "Qt's print dialog offers printing to a PDF file when no printer is installed"
    file_field.setText(str(target))
    dialog.grab().save(str(artifacts / "window-print-dialog.png"))
    ok = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "چاپ")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    settle(window.runner)

    png = artifacts / "window-print-dialog-label"
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(target), str(png)], check=True)
    read = subprocess.run(["zbarimg", "-q", "--raw", f"{png}.png"], capture_output=True, text=True).stdout.split()
    assert read == [barcode]
    steps = [s.step for s in queries.dossier_detail(staffed.uow(CLERK), barcode).steps]
    assert steps == [1, 2, 3]
