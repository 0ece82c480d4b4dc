"""The capture bench in the real window: after an import that skipped images the dossier already held, a prompt
names them and can capture them anyway with a reason; an import into a dossier another workstation is filling is
refused with the service's sentence."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.jalali import utcnow
from scanstation.core.models import CaptureBatch
from scanstation.services import queries
from scanstation.services.lookup import dossier_by_barcode
from tests import imaging as im
from tests.builders import CLERK, new_dossier, walk
from tests.ui.conftest import Settle, capture_bench

REASON = "این برگ در پرونده دو بار آمده است"


def test_skipped_duplicates_are_named_and_kept_with_a_reason(qtbot: QtBot, settle: Settle, staffed: App,
                                                             tmp_path: Path, artifacts: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    files = [im.save(im.text_page(i, dpi=100, lines=6), tmp_path / f"page-{i}.png", dpi=100) for i in range(2)]
    bench.import_files(files[:1])
    settle(window.runner)
    assert bench.duplicates_box is None and bench.thumbs.count() == 1

    bench.import_files(files)
    settle(window.runner)
    box = bench.duplicates_box
    assert box is not None and box.isVisible()
    assert "page-0.png" in box.text() and "page-1.png" not in box.text() and "دوباره ثبت نشدند" in box.text()
    box.grab().save(str(artifacts / "trust-duplicates-prompt.png"))
    assert bench.keep_button is not None
    qtbot.mouseClick(bench.keep_button, Qt.MouseButton.LeftButton)
    dialog = bench.reason_dialog
    assert dialog is not None
    dialog.setTextValue(REASON)
    dialog.accept()
    settle(window.runner)
    pages = queries.dossier_detail(staffed.uow(CLERK), barcode).pages
    assert [(p.origin, p.duplicate_reason) for p in pages] == [("page-0.png", None), ("page-1.png", None),
                                                              ("page-0.png", REASON)]
    assert bench.thumbs.count() == 3 and REASON in bench.thumbs.item(2).toolTip()


def test_an_import_into_a_dossier_being_filled_elsewhere_is_refused(qtbot: QtBot, settle: Settle, staffed: App,
                                                                    tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    with staffed.uow(CLERK) as uow:  # another workstation's scan, with a page a minute ago
        dossier = dossier_by_barcode(uow.session, barcode)
        uow.session.add(CaptureBatch(dossier_id=dossier.id, kind="scan", actor="clerk-elsewhere", host="counter-2",
                                     pid=1, started_at=utcnow() - timedelta(minutes=2),
                                     heartbeat_at=utcnow() - timedelta(minutes=1), pages=3))
        uow.session.commit()
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    bench.import_files([im.save(im.text_page(5, dpi=100, lines=6), tmp_path / "p.png", dpi=100)])
    settle(window.runner)
    box = bench.findChild(QMessageBox, "errorBox")
    assert box is not None and "counter-2" in box.text() and "در حال اسکن" in box.text() and "صبر کنید" in box.text()
    assert bench.thumbs.count() == 0
