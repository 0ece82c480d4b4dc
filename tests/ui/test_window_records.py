"""Part 2 through the window: the records officer sees the batch due, plans it, a supervisor approves it in his own
window, the officer executes it (the remote copies read back from a real WebDAV server) and finds the destroyed
original in the register; the screen is grabbed at 1366x768."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from scanstation.core.jalali import tehran_today
from scanstation.records.schedule import add_months
from scanstation.ui.destruction_confirm import DestructionConfirm
from scanstation.ui.hold_dialog import HoldDialog
from scanstation.ui.look import ltr
from scanstation.ui.records_view import RecordsView
from tests.builders import RECORDS, SUPERVISOR
from tests.records.helpers import uploaded_counter
from tests.sync.conftest import wsgidav_server  # noqa: F401 (a fixture)
from tests.sync.servers import PASSWORD, USER, DavServer
from tests.ui.conftest import Settle, open_window



def _records_screen(qtbot: QtBot, settle: Settle, app: App, code: str) -> RecordsView:
    window = open_window(qtbot, settle, app, code)
    window.show_screen("records")
    view = window.screen_by_key["records"]
    assert isinstance(view, RecordsView)
    settle(window.runner)
    return view


def _click(qtbot: QtBot, settle: Settle, view: RecordsView, key: str) -> None:
    settle(view._ws.runner)  # the buttons follow the batch chosen once the screen has asked what it allows
    button = view.buttons[key]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)


def _pick(qtbot: QtBot, view: RecordsView, row: int) -> None:
    """Bring the batches tab forward and click a batch's row, as the officer would."""
    view.tabs.setCurrentWidget(view.batches)
    rect = view.batches.visualRect(view.batches.model().index(row, 0))
    qtbot.mouseClick(view.batches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.batches.selectionModel().selectedRows(), "the batch row was not selected"


def test_records_officer_plans_and_executes_a_batch_a_supervisor_approves(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, artifacts: Path,
        wsgidav_server: DavServer) -> None:  # noqa: F811
    app = staffed
    counter = uploaded_counter(app, tmp_path / "scans", wsgidav_server, with_staff=False)
    app.settings = dataclasses.replace(app.settings, store_url=wsgidav_server.url, store_user=USER,
                                       store_password=PASSWORD)

    officer = _records_screen(qtbot, settle, app, RECORDS)
    assert "موعد دسته امحا رسیده است" in officer.banner.text()
    assert officer.next_batch.rowCount() == 1 and officer.held.rowCount() == 2  # the form and the letter
    assert officer.binders.rowCount() == 1
    assert not officer.buttons["approve_batch"].isEnabled()  # a records officer is not the second person
    officer.window().resize(1366, 768)
    officer.window().grab().save(str(artifacts / "records-officer-screen.png"))
    _click(qtbot, settle, officer, "plan")
    assert officer.batches.rowCount() == 1 and "۱" in officer.message.text()
    _pick(qtbot, officer, 0)
    settle(officer._ws.runner)
    assert not officer.buttons["execute"].isEnabled()  # not approved yet: refused before it is pressed
    assert "تأییدشده" in officer.buttons["execute"].toolTip()

    supervisor = _records_screen(qtbot, settle, app, SUPERVISOR)
    assert not supervisor.buttons["plan"].isEnabled()
    _pick(qtbot, supervisor, 0)
    _click(qtbot, settle, supervisor, "approve_batch")
    assert "تأیید شد" in supervisor.message.text()

    officer.refresh()
    settle(officer._ws.runner)
    _pick(qtbot, officer, 0)
    settle(officer._ws.runner)
    _click(qtbot, settle, officer, "execute")
    confirm = officer.active_dialog
    assert isinstance(confirm, DestructionConfirm) and confirm.isVisible()
    assert confirm.items.rowCount() == 1 and confirm.items.item(0, 0).text() == ltr(counter.barcode)
    assert "۱ سند از ۱ پرونده" in confirm.findChild(QLabel, "dialogIntro").text()
    confirm.grab().save(str(artifacts / "records-destruction-confirm.png"))
    qtbot.keyClicks(confirm.typed, "2")
    assert not confirm.destroy_button.isEnabled()
    qtbot.keyClick(confirm.typed, Qt.Key.Key_Return)  # Enter in the field destroys nothing
    confirm.typed.setText("۱")  # the batch number, in Persian digits
    assert confirm.destroy_button.isEnabled()
    qtbot.mouseClick(confirm.destroy_button, Qt.MouseButton.LeftButton)
    settle(officer._ws.runner)
    assert officer.active_dialog is None
    assert "صورتجلسه" in officer.message.text()
    officer.search.setText(counter.barcode)
    qtbot.keyClick(officer.search, Qt.Key.Key_Return)
    settle(officer._ws.runner)
    states = {officer.found.item(r, 6).text() for r in range(officer.found.rowCount())}
    assert "امحا شده" in states and "در کلاسور" in states


def _found_row(view: RecordsView, document: int) -> int:
    return next(r for r in range(view.found.rowCount()) if view.found_rows[r].document == document)


def _hold_dialog(qtbot: QtBot, settle: Settle, view: RecordsView, key: str, row: int, reason: str,
                 whole_dossier: bool = False) -> HoldDialog:
    """Choose a search result, open the (real) hold dialog, fill it like the officer and press Enter."""
    rect = view.found.visualRect(view.found.model().index(row, 0))
    qtbot.mouseClick(view.found.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _click(qtbot, settle, view, key)
    dialog = view.active_dialog
    assert isinstance(dialog, HoldDialog) and dialog.isVisible()
    if whole_dossier:
        dialog.dossier_scope.setChecked(True)
    dialog.field("reason").setText(reason)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle(view._ws.runner)
    return dialog


def test_records_officer_holds_an_original_and_plans_a_batch_ahead(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, artifacts: Path,
        wsgidav_server: DavServer) -> None:  # noqa: F811
    app = staffed
    counter = uploaded_counter(app, tmp_path / "scans", wsgidav_server, with_staff=False)
    officer = _records_screen(qtbot, settle, app, RECORDS)
    assert officer.next_batch.rowCount() == 1  # the other ruling, verified in the store
    officer.search.setText(counter.barcode)
    qtbot.keyClick(officer.search, Qt.Key.Key_Return)
    settle(officer._ws.runner)
    _hold_dialog(qtbot, settle, officer, "hold", _found_row(officer, counter.ruling_other), "دستور دادگاه")
    assert officer.active_dialog is None
    assert "توقیف شد" in officer.message.text()
    assert officer.found.item(_found_row(officer, counter.ruling_other), 7).text() == "توقیف"
    assert officer.next_batch.rowCount() == 0  # held: out of every batch
    officer.window().resize(1366, 768)
    officer.window().grab().save(str(artifacts / "records-hold.png"))

    ahead = add_months(tehran_today(), 7).strftime("%Y/%m/%d")
    officer.as_of.setText(to_persian(ahead))  # Persian digits, as typed
    qtbot.keyClick(officer.as_of, Qt.Key.Key_Return)
    settle(officer._ws.runner)
    assert [officer.next_batch.item(r, 1).text() for r in range(officer.next_batch.rowCount())] == [
        to_persian(counter.letter)]  # the uncollected letter comes due; the held ruling stays out
    _click(qtbot, settle, officer, "plan")
    assert officer.batches.rowCount() == 1 and to_persian(ahead) in officer.batches.item(0, 2).text()

    _hold_dialog(qtbot, settle, officer, "release", _found_row(officer, counter.ruling_other), "رأی دادگاه صادر شد")
    assert officer.active_dialog is None and "برداشته" in officer.message.text()
    assert officer.found.item(_found_row(officer, counter.ruling_other), 7).text() == ""
    refused = _hold_dialog(qtbot, settle, officer, "release", _found_row(officer, counter.ruling_other), "دوباره",
                           whole_dossier=True)
    assert officer.active_dialog is refused and "کل پرونده توقیف باز ندارد" in refused.message.text()
    qtbot.keyClick(refused, Qt.Key.Key_Escape)
    assert officer.active_dialog is None
