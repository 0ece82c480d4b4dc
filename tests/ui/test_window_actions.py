"""Buttons follow services.actions: a refused action is disabled before the click with the service's sentence as its
tooltip, and a refusal after the click (the dossier changed meanwhile) is a readable message, not a corner label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import capture_steps, classification, page_capture, queries
from scanstation.services.actions import allowed_actions
from scanstation.ui.capture_bench import CaptureBench
from tests import imaging as im
from tests.builders import CLERK, SUPERVISOR, new_dossier, walk
from tests.ui.conftest import Settle, open_window


def _bench(qtbot: QtBot, settle: Settle, app: App, barcode: str, user: str = CLERK) -> CaptureBench:
    window = open_window(qtbot, settle, app, user)
    bench: CaptureBench = window.screen_by_key["capture"]  # type: ignore[assignment]
    window.screens.setCurrentWidget(bench)
    bench.show_dossier(barcode)
    settle(window.runner)
    return bench


def test_a_supervisor_sees_why_capture_is_not_theirs(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4)
    bench = _bench(qtbot, settle, staffed, barcode, SUPERVISOR)
    expected = allowed_actions(staffed.uow(SUPERVISOR), barcode)["scan"].reason
    assert expected and "کاربر بایگانی" in expected
    for key in ("scan", "import"):
        assert not bench.buttons[key].isEnabled() and bench.buttons[key].toolTip() == expected
    assert not bench.buttons["cancel"].isEnabled()
    bench.thumbs.setFocus()
    qtbot.keyClick(bench.thumbs, Qt.Key.Key_F6)  # the shortcut goes through the disabled button: nothing starts
    settle(bench.window().runner)
    assert bench.window().findChild(QMessageBox, "errorBox") is None  # no batch was tried and refused


def test_sheets_that_do_not_add_up_keep_the_quality_check_closed(qtbot: QtBot, settle: Settle, staffed: App,
                                                                 tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=6, slimmed=1)
    files = [im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(6)]
    page_capture.import_files(staffed.uow(CLERK), barcode, files, staffed.pages)
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    classification.classify(staffed.uow(CLERK), barcode, "1-6", "EMPLOYMENT")
    bench = _bench(qtbot, settle, staffed, barcode)
    checked = bench.buttons["checked"]
    assert not checked.isEnabled() and "۶ برگ اسکن شده" in checked.toolTip()
    assert bench.buttons["delete"].isEnabled() and not bench.buttons["next_flag"].isEnabled()

    bench.select_row(5)
    bench.ask_reason("delete")
    bench.reason_dialog.setTextValue("برگ لاغرسازی شده")
    bench.reason_dialog.accept()
    settle(bench.window().runner)
    assert checked.isEnabled(), checked.toolTip()
    qtbot.mouseClick(checked, Qt.MouseButton.LeftButton)
    settle(bench.window().runner)
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).state == "checked"
    assert "کنترل کیفیت بسته شد" in bench.status.text() and not checked.isEnabled()


def test_a_refusal_after_the_click_is_a_message(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=1, slimmed=0)
    page_capture.import_files(staffed.uow(CLERK), barcode, [im.save(im.text_page(1), tmp_path / "a.png")],
                         staffed.pages)
    classification.classify(staffed.uow(CLERK), barcode, "1", "LETTER")
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    bench = _bench(qtbot, settle, staffed, barcode)
    assert bench.buttons["checked"].isEnabled()
    # meanwhile, at another workstation, a blank page is added to the dossier
    page_capture.import_files(staffed.uow(CLERK), barcode, [im.save(im.blank_page(), tmp_path / "b.png")],
                         staffed.pages)
    qtbot.mouseClick(bench.buttons["checked"], Qt.MouseButton.LeftButton)
    settle(bench.window().runner)
    box = bench.window().findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible() and "ایراد کیفی" in box.text()
    box.accept()
