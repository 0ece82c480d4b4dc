"""Part 3.2 through the window: saving the scanned document asks for the purpose, is audited with it, and a copy for
an internal unit is refused with the sentence that the unit reads the file in the central system."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.models import AuditEntry
from scanstation.records.paper_copies import INTERNAL_UNIT_REFUSAL
from scanstation.services import capture_steps, classification, page_capture
from scanstation.ui import printing
from scanstation.ui.dossier_view import DossierView
from scanstation.ui.printing import OutputChoice
from tests import imaging as im
from tests.builders import CLERK, new_dossier, walk
from tests.ui.conftest import Settle, open_window


def _save_document(qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch, view: DossierView, purpose: str,
                   target: Path) -> None:
    assert view.buttons["stamp"].isEnabled(), view.buttons["stamp"].toolTip()
    qtbot.mouseClick(view.buttons["stamp"], Qt.MouseButton.LeftButton)
    dialog = view.active_dialog
    assert isinstance(dialog, OutputChoice)
    dialog.keys["document"].setChecked(True)
    combo = dialog.findChild(QComboBox, "copyPurpose")
    combo.setCurrentIndex(combo.findData(purpose))
    monkeypatch.setattr(printing, "ask_pdf_file", lambda _parent, _title, _name, ready: ready(target))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)


def _copies(app: App) -> list[dict]:
    with app.uow(CLERK) as uow:
        rows = uow.session.execute(select(AuditEntry.details).where(AuditEntry.action == "records.paper_copy"))
        return [json.loads(d) for d in rows.scalars()]


def test_a_copy_asks_its_purpose_and_internal_units_are_refused(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = staffed
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    files = [im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(2)]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    classification.classify(app.uow(CLERK), barcode, "1-2", "CORRESPONDENCE")
    window = open_window(qtbot, settle, app, CLERK)
    window.queue.refresh(keep=barcode)
    settle(window.runner)
    assert window.dossier.detail is not None and window.dossier.detail.barcode == barcode

    _save_document(qtbot, settle, monkeypatch, window.dossier, "internal-unit", tmp_path / "internal.pdf")
    boxes = [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert INTERNAL_UNIT_REFUSAL in boxes and not (tmp_path / "internal.pdf").exists()
    assert _copies(app) == []

    _save_document(qtbot, settle, monkeypatch, window.dossier, "insured-person", tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes().startswith(b"%PDF")
    assert [(c["document"], c["purpose"]) for c in _copies(app)] == [(1, "insured-person")]
