"""Tracking codes in the dossier view: the chosen document's upload state and code (Latin digits isolated in the
Persian line), and the receipt printed through a real QPrinter: its text and barcodes read back the codes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from scanstation.core.models import AuditEntry
from scanstation.indexing.barcode_reader import read_barcodes
from scanstation.services import upload
from scanstation.sync.tracking import spaced
from scanstation.ui import printing
from scanstation.ui.look import LRI, PDI
from tests.builders import CLERK
from tests.sync.conftest import approve_dossier
from tests.ui.conftest import Settle, open_window, pdf_printer



def test_dossier_view_shows_codes_and_prints_the_receipt(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                         persian_qapp: QApplication, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, artifacts: Path) -> None:
    approved = approve_dossier(sqlite_app, tmp_path / "scans")
    codes = upload.enqueue(sqlite_app.uow(upload.SYNC_ACTOR), approved.barcode, sqlite_app.pages, sqlite_app.outbox)
    assert len(codes) == 2
    window = open_window(qtbot, settle, sqlite_app, CLERK)
    window.queue.refresh(keep=approved.barcode)
    settle(window.runner)
    view = window.dossier
    strip = view.tracking
    assert view.detail is not None and view.selected_document() == 1
    assert strip.isVisible() and f"{LRI}{spaced(codes[0])}{PDI}" in strip.text.text()
    assert "در صف بارگذاری" in strip.text.text() and strip.text.text().startswith("سند ۱: ")  # a number read is Persian
    view.documents.selectRow(1)
    view.documents.setCurrentCell(1, 0)
    qtbot.waitUntil(lambda: spaced(codes[1]) in strip.text.text(), timeout=5_000)
    view.documents.setCurrentCell(0, 0)
    window.grab().save(str(artifacts / "sync-dossier.png"))
    assert strip.print_button.isEnabled(), strip.print_button.toolTip()
    qtbot.mouseClick(strip.print_button, Qt.MouseButton.LeftButton)
    dialog = strip.dialog
    assert dialog is not None and dialog.isVisible() and list(dialog.keys) == ["document", "dossier"]
    dialog.keys["dossier"].setChecked(True)
    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(printing, "ask_printer", lambda _parent, _title, ready: ready(pdf_printer(target)))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert target.exists()
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", str(target), str(tmp_path / "r")],
                   check=True)
    found = {b.value for b in read_barcodes(Image.open(tmp_path / "r.png"), thorough=True)}
    assert set(codes) <= found
    with sqlite_app.uow(upload.SYNC_ACTOR) as uow:
        printed = uow.session.execute(select(AuditEntry).where(AuditEntry.action == "upload.receipt")).scalar_one()
        assert printed.actor == CLERK and codes[0] in printed.details
    window.close()


def test_a_tracking_code_typed_in_the_search_opens_its_document(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                                 persian_qapp: QApplication, tmp_path: Path) -> None:
    """A clerk types the code from a receipt (in fours, Persian digits) into the queue's search: the dossier comes
    up in the dossier view with that document chosen, its code on the upload line."""
    approved = approve_dossier(sqlite_app, tmp_path / "scans")
    codes = upload.enqueue(sqlite_app.uow(upload.SYNC_ACTOR), approved.barcode, sqlite_app.pages, sqlite_app.outbox)
    window = open_window(qtbot, settle, sqlite_app, CLERK)
    window.show_screen("capture")
    settle(window.runner)
    window.queue.search.setText(to_persian(spaced(codes[1])))  # QTest cannot type Persian digits
    qtbot.keyClick(window.queue.search, Qt.Key.Key_Return)
    view = window.dossier
    qtbot.waitUntil(lambda: window.screens.currentWidget() is view and view.detail is not None
                    and view.selected_document() == 2, timeout=10_000)
    assert view.detail.barcode == approved.barcode and spaced(codes[1]) in view.tracking.text.text()
    assert window.queue.current_barcode() == approved.barcode
    window.close()


def test_receipt_text_reads_back_in_persian(sqlite_app: App, tmp_path: Path) -> None:
    from scanstation.services.upload_receipt import tracking_receipt
    from scanstation.core.errors import NotFound

    approved = approve_dossier(sqlite_app, tmp_path / "scans")
    with pytest.raises(NotFound):  # no code yet: one sentence
        tracking_receipt(sqlite_app.uow(CLERK), approved.barcode, 1)
    codes = upload.enqueue(sqlite_app.uow(upload.SYNC_ACTOR), approved.barcode, sqlite_app.pages, sqlite_app.outbox)
    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(tracking_receipt(sqlite_app.uow(CLERK), approved.barcode, 2))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert spaced(codes[1]) in text and spaced(codes[0]) not in text and approved.barcode in text
