"""The reports screen: a supervisor computes service time and production off the UI thread, sees tables and a
chart, and saves the report as PDF through the real file dialog; a clerk is offered their own production only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from scanstation.ui.report_chart import BarChart
from scanstation.ui.reports_view import ReportsView
from tests.builders import CLERK2, SUPERVISOR
from tests.reports.fixture_data import STORIES, write_history
from tests.ui.conftest import Settle, open_window


def test_supervisor_sees_service_time_and_saves_a_pdf(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                       persian_qapp: object, tmp_path: Path, artifacts: Path) -> None:
    write_history(sqlite_app)
    window = open_window(qtbot, settle, sqlite_app, SUPERVISOR)
    window.resize(1366, 768)
    view = window.screen_by_key["reports"]
    assert isinstance(view, ReportsView)
    window.screens.setCurrentWidget(view)
    assert [view.choice.itemData(i) for i in range(view.choice.count())] == [
        "service-time", "production", "backlog", "quality", "upload"]
    assert not view.pdf_button.isEnabled()  # nothing to save before a report is shown
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert view.report is not None and view.report.name == "service-time"
    charts = view.body.findChildren(BarChart)
    assert len(charts) == 1 and len(charts[0].rows) == 7
    table = view.body.findChild(QTableWidget, "reportTable")
    assert table.rowCount() == 7 and table.item(1, 1).text() == to_persian(len(STORIES))  # step 2, done 4 times
    # laid out one above the other, never overlapping (the body scrolls instead)
    qtbot.waitUntil(lambda: charts[0].geometry().bottom() < table.geometry().top(), timeout=5_000)
    window.grab().save(str(artifacts / "window-reports.png"))
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(QFileDialog, "reportSaveDialog")
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "service-time.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists, timeout=15_000)
    settle(window.runner)
    assert target.read_bytes().startswith(b"%PDF")
    assert "ذخیره شد" in view.status.text()


def test_clerk_is_offered_only_their_production(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                persian_qapp: object) -> None:
    write_history(sqlite_app)
    window = open_window(qtbot, settle, sqlite_app, CLERK2)
    view = window.screen_by_key["reports"]
    assert [view.choice.itemData(i) for i in range(view.choice.count())] == ["production"]
    view.compute()
    settle(window.runner)
    rows = view.report.sections[0].rows
    assert {r["user"] for r in rows} == {CLERK2}
    assert sum(r["pages"] for r in rows) == sum(s.pages for s in STORIES if s.operator == CLERK2 and 5 in s.minutes)
