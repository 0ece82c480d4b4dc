"""Part 2 through the window: the records officer sees the batch due, plans it, a supervisor approves it in his own
window, the officer executes it (the remote copies read back from a real WebDAV server) and finds the destroyed
original in the register; the screen is grabbed at 1366x768."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.sync.webdav import WebDavStore
from scanstation.ui.records_view import RecordsView
from tests.builders import RECORDS, SUPERVISOR
from tests.records.helpers import approve_and_upload, counter_intake
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
    counter = counter_intake(app, tmp_path / "scans", with_staff=False)
    store = WebDavStore(wsgidav_server.url, USER, PASSWORD)
    try:
        approve_and_upload(app, counter, store)
    finally:
        store.close()
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

    supervisor = _records_screen(qtbot, settle, app, SUPERVISOR)
    assert not supervisor.buttons["plan"].isEnabled()
    _pick(qtbot, supervisor, 0)
    _click(qtbot, settle, supervisor, "approve_batch")
    assert "تأیید شد" in supervisor.message.text()

    officer.refresh()
    settle(officer._ws.runner)
    _pick(qtbot, officer, 0)
    _click(qtbot, settle, officer, "execute")
    assert "صورتجلسه" in officer.message.text()
    officer.search.setText(counter.barcode)
    qtbot.keyClick(officer.search, Qt.Key.Key_Return)
    settle(officer._ws.runner)
    states = {officer.found.item(r, 6).text() for r in range(officer.found.rowCount())}
    assert "امحا شده" in states and "در کلاسور" in states
