"""Printing from the dossier view through a real QPrinter (PDF output stands in for the chosen printer): the label
comes out at its physical size, its barcode reads back at 300 dpi, and the step is recorded only once printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.models import AuditEntry
from scanstation.services import capture_steps, classification, page_capture, queries, users
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher
from scanstation.ui.main_window import MainWindow
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, new_dossier, walk
from tests.ui.conftest import Settle, print_from_window

MM = 72 / 25.4


def _window(qtbot: QtBot, settle: Settle, app: App, barcode: str) -> MainWindow:
    window = Launcher(app, maximized=False).open_window(users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD))
    qtbot.addWidget(window)
    settle(window.runner)
    window.queue.refresh(keep=barcode)
    settle(window.runner)
    assert window.dossier.detail is not None and window.dossier.detail.barcode == barcode
    return window


def _page_mm(pdf: Path) -> tuple[int, int]:
    """The page size to the nearest millimetre (Qt writes page boxes in whole points, 0.35 mm steps)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    words = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    return round(float(words[2]) / MM), round(float(words[4]) / MM)


def _render(pdf: Path, name: str, artifacts: Path) -> Path:
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(artifacts / name)], check=True)
    return artifacts / f"{name}.png"


def _decoded(png: Path) -> list[str]:
    return subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.split()


def _steps(app: App, barcode: str) -> list[tuple[int, dict]]:
    return [(s.step, s.values) for s in queries.dossier_detail(app.uow(CLERK), barcode).steps]


def _audited(app: App, action: str) -> int:
    with app.session_factory() as session:
        return len(session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars().all())


def test_step_3_label_printed_at_its_size_reads_back_and_records_the_step(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, artifacts: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 2)
    window = _window(qtbot, settle, staffed, barcode)
    offered = print_from_window(qtbot, settle, monkeypatch, window.dossier, "register", tmp_path / "label.pdf",
                                option="dossier", snapshot=artifacts / "window-print-choice.png")
    assert offered == ["dossier", "sheet"]
    assert _page_mm(tmp_path / "label.pdf") == (50, 25)
    assert _decoded(_render(tmp_path / "label.pdf", "window-printed-label", artifacts)) == [barcode]
    assert _steps(staffed, barcode)[2] == (3, {"label": "dossier"})
    assert window.dossier.steps.item(2, 1).text() == "کاربر clerk1"

    print_from_window(qtbot, settle, monkeypatch, window.dossier, "register", tmp_path / "sheet.pdf",
                      option="sheet", how="pdf")
    assert _page_mm(tmp_path / "sheet.pdf") == (210, 297)
    assert [step for step, _values in _steps(staffed, barcode)] == [1, 2, 3]  # a reprint is not a new step
    assert _audited(staffed, "dossier.label_reprint") == 1


def test_a_label_that_never_reached_the_printer_records_nothing(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 2)
    window = _window(qtbot, settle, staffed, barcode)
    print_from_window(qtbot, settle, monkeypatch, window.dossier, "register", tmp_path / "missing" / "x" / "l.pdf")
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible() and "چاپ" in box.text()
    box.accept()
    assert [step for step, _values in _steps(staffed, barcode)] == [1, 2]
    assert window.dossier.buttons["register"].isEnabled()


def test_folder_label_records_step_8_and_a_document_stamp_sticker_prints(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, artifacts: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 7)
    window = _window(qtbot, settle, staffed, barcode)
    view = window.dossier
    assert view.documents.isVisible() and view.documents.rowCount() == 1
    assert view.selected_document() == 1 and view.buttons["stamp"].isEnabled()

    print_from_window(qtbot, settle, monkeypatch, view, "stamp", tmp_path / "stamp.pdf", option="stamp")
    assert _page_mm(tmp_path / "stamp.pdf") == (60, 26)
    sticker = np.asarray(Image.open(_render(tmp_path / "stamp.pdf", "window-printed-stamp", artifacts)).convert("L"))
    assert (sticker < 128).mean() > 0.03  # box and four lines of text on paper

    print_from_window(qtbot, settle, monkeypatch, view, "reassemble", tmp_path / "folder.pdf")
    assert _page_mm(tmp_path / "folder.pdf") == (100, 50)
    assert _decoded(_render(tmp_path / "folder.pdf", "window-printed-folder", artifacts)) == [barcode]
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert detail.progress.physical_step == 8 and _steps(staffed, barcode)[-1] == (8, {"label": "folder"})
    assert view.buttons["recount"].isEnabled() and "چاپ دوباره" in view.buttons["reassemble"].toolTip()
    window.grab().save(str(artifacts / "window-documents.png"))


def test_the_stamped_document_pdf_is_saved_from_the_documents_list(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4)
    files = [im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(2)]
    page_capture.import_files(staffed.uow(CLERK), barcode, files, staffed.pages)
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    classification.classify(staffed.uow(CLERK), barcode, "1-2", "CORRESPONDENCE")
    window = _window(qtbot, settle, staffed, barcode)
    offered = print_from_window(qtbot, settle, monkeypatch, window.dossier, "stamp", tmp_path / "doc.pdf",
                                option="document", how="pdf")
    assert offered == ["stamp", "document"]
    listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "doc.pdf")], capture_output=True, text=True,
                             check=True).stdout
    assert len(listing.splitlines()) == 2 + 2  # two header lines, one line per page master
    info = subprocess.run(["pdfinfo", str(tmp_path / "doc.pdf")], capture_output=True, text=True, check=True).stdout
    assert f"dossier={barcode}" in info and "مکاتبات" in info
