"""The outbox in the window: the worker uploads from the window when a store address is configured (off the UI
thread), the supervisor's outbox screen shows the files by state and the set-aside file with its Persian problem,
«تلاش دوباره» sends it again, and the header tells every user what waits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.models import UploadItem
from scanstation.core.policy import policy_file
from scanstation.services import outbox_status, upload
from scanstation.services.outbox_status import Totals
from scanstation.services.upload_worker import Progress
from scanstation.sync.policy import load_policy
from scanstation.sync.store import StoreRefused
from scanstation.sync.tracking import spaced
from scanstation.ui.outbox_view import OutboxView
from scanstation.ui.queue_view import QueueModel
from tests.builders import CLERK, SUPERVISOR
from tests.sync.conftest import Approved, approve_dossier, policy_folder
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy, start_server
from tests.ui.conftest import Settle, open_window

REFUSAL = "مخزن مرکزی اجازه نوشتن «document-001.pdf» را نمی‌دهد؛ دسترسی این حساب را از مسئول مخزن بخواهید."


@pytest.fixture
def server(tmp_path: Path) -> Iterator[DavServer]:
    dav = start_server("wsgidav", tmp_path / "dav-root")
    yield dav
    dav.close()


@pytest.fixture
def set_aside(sqlite_app: App, persian_qapp: QApplication, server: DavServer, tmp_path: Path) -> Approved:
    """An approved dossier queued for the store at `server`, its first document set aside after a 403."""
    approved = approve_dossier(sqlite_app, tmp_path / "scans")
    app = approved.app
    app.settings = replace(app.settings, store_url=server.url, store_user=USER, store_password=PASSWORD)
    upload.enqueue(app.uow(upload.SYNC_ACTOR), approved.barcode, app.pages, app.outbox)
    [claimed] = upload.claim(app.uow(upload.SYNC_ACTOR), "elsewhere", app.outbox, load_policy())
    assert claimed.name == "document-001.pdf"
    assert upload.record_failure(app.uow(upload.SYNC_ACTOR), claimed.id, StoreRefused(REFUSAL),
                                 load_policy()) == "needs_attention"
    return approved


def _counts(app: App) -> dict[str, int]:
    return outbox_status.totals(app.uow(upload.SYNC_ACTOR)).counts


def test_outbox_screen_shows_progress_problems_and_retries(qtbot: QtBot, settle: Settle, set_aside: Approved,
                                                           server: DavServer, artifacts: Path) -> None:
    app = set_aside.app
    window = open_window(qtbot, settle, app, SUPERVISOR)
    try:
        assert window.outbox_worker.running
        qtbot.waitUntil(lambda: _counts(app).get("verified") == 2, timeout=60_000)  # uploaded from the window
        view = window.screen_by_key["outbox"]
        assert isinstance(view, OutboxView)
        window.show_screen("outbox")
        settle(window.runner)
        qtbot.waitUntil(lambda: view.counts["verified"].text().endswith("2"), timeout=10_000)
        assert view.counts["needs_attention"].text().endswith("1")
        assert view.table.rowCount() == 1 and view.selected_code() is not None
        assert [view.problems.item(i).text() for i in range(view.problems.count())] == [REFUSAL]
        assert view.table.item(0, 4).text() == REFUSAL
        code = view.selected_code()
        assert code is not None and spaced(code) in view.table.item(0, 0).text()  # read in fours, as printed
        assert window.outbox_indicator.isVisible() and "نیازمند رسیدگی" in window.outbox_indicator.text()
        assert view.retry_button.isEnabled(), view.retry_button.toolTip()
        window.grab().save(str(artifacts / "sync-outbox.png"))
        qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _counts(app) == {"verified": 3}, timeout=60_000)  # woken, sent at once
        qtbot.waitUntil(lambda: view.table.rowCount() == 0 and view.counts["verified"].text().endswith("3"),
                        timeout=10_000)
        assert view.bar.value() == view.bar.maximum()
        assert "٫" in view.bar.format() and "." not in view.bar.format()  # the Persian decimal separator
        model = window.queue.model  # the dossier's new electronic state reaches the queue without an F5
        qtbot.waitUntil(lambda: "نمایه شده" in model.data(model.index(0, QueueModel.STATE)), timeout=10_000)
        assert sorted(p.name for p in server.remote_files()) == [
            "document-001.pdf", "document-002.pdf", "manifest-0001.json"]
    finally:
        window.close()
    assert not window.outbox_worker.running


def test_clerk_sees_the_indicator_not_the_screen(qtbot: QtBot, settle: Settle, set_aside: Approved) -> None:
    window = open_window(qtbot, settle, set_aside.app, CLERK)
    try:
        assert "outbox" not in window.screen_by_key
        qtbot.waitUntil(lambda: "نیازمند رسیدگی" in window.outbox_indicator.text(), timeout=60_000)
        # Files in the store whose properties wait for their dossier's read-back are not "in the queue" any more.
        window.outbox_indicator.show_totals(Totals({"queued": 1, "sending": 1, "sent": 19, "verified": 4}, {}))
        assert window.outbox_indicator.text() == "بارگذاری: 2 در صف، 19 رسیده به مخزن"
    finally:
        window.close()


def test_no_store_address_no_worker(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    try:
        assert not window.outbox_worker.running and not window.outbox_indicator.isVisible()
        view = window.screen_by_key["outbox"]
        assert isinstance(view, OutboxView) and "«تنظیم مخزن مرکزی»" in view.status.text()  # where it is set up
    finally:
        window.close()


def test_the_outbox_line_names_a_file_still_on_its_way(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    """Files go two at a time: one finishing must not make the line say that nothing is being sent."""
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    try:
        view = window.screen_by_key["outbox"]
        assert isinstance(view, OutboxView)
        emit = window.outbox_worker.progress.emit
        emit(Progress("sending", "111111111111", "document-001.pdf", 2_000_000))
        emit(Progress("sending", "222222222222", "document-002.pdf", 1_000_000))
        emit(Progress("sent", "222222222222", "document-002.pdf", 1_000_000))
        qtbot.waitUntil(lambda: "document-001.pdf" in view.current.text(), timeout=5_000)
        emit(Progress("sent", "111111111111", "document-001.pdf", 2_000_000))
        qtbot.waitUntil(lambda: view.current.text() == "فایلی در حال ارسال نیست.", timeout=5_000)
    finally:
        window.close()


@pytest.fixture
def quick_timeouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped policy with one-second waits for a store's answer, read afresh by the window's worker."""
    monkeypatch.setenv("SCANSTATION_RESOURCES", str(policy_folder(
        tmp_path / "resources", min_read_timeout_seconds=1, connect_timeout_seconds=1)))
    policy_file.cache_clear()
    load_policy.cache_clear()
    yield
    policy_file.cache_clear()  # read again with the shipped folder once the variable is gone
    load_policy.cache_clear()


def test_the_outbox_screen_says_when_the_store_hangs(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                     persian_qapp: QApplication, server: DavServer,
                                                     quick_timeouts: None, tmp_path: Path) -> None:
    """A store that takes the connection and never answers: the screen says so in the worker's sentence, no file
    stays named as on its way, every file is back in the queue with no try used up, and the window closes at
    once."""
    approved = approve_dossier(sqlite_app, tmp_path / "scans")
    hung = FaultProxy(server.port)
    hung.hang()
    app = approved.app
    app.settings = replace(app.settings, store_url=hung.url, store_user=USER, store_password=PASSWORD)
    window = open_window(qtbot, settle, app, SUPERVISOR)
    try:
        view = window.screen_by_key["outbox"]
        assert isinstance(view, OutboxView)
        window.show_screen("outbox")
        qtbot.waitUntil(lambda: "در زمان مقرر پاسخ نداد" in view.status.text(), timeout=60_000)
        assert view.current.text() == "فایلی در حال ارسال نیست."
        assert "در زمان مقرر پاسخ نداد" in window.outbox_indicator.toolTip()
        with app.uow(upload.SYNC_ACTOR) as uow:
            rows = uow.session.execute(select(UploadItem.state, UploadItem.attempts)).all()
        assert sorted(rows) == [("queued", 0)] * 3
        view.refresh()  # a refresh begun mid-run may have shown its counts after the worker's last ones
        settle(window.runner)
        qtbot.waitUntil(lambda: view.counts["queued"].text().endswith("3"), timeout=10_000)
    finally:
        window.close()
        hung.close()
    assert not window.outbox_worker.running
