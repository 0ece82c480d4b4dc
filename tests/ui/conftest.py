"""Fixtures for the window tests: Qt set up in Persian once, a staffed application, helpers to wait and to print."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.ui import printing
from scanstation.services import users
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher, install_look, pin_singletons
from scanstation.ui.capture_bench import CaptureBench
from scanstation.ui.dossier_view import DossierView
from scanstation.ui.main_window import MainWindow
from scanstation.ui.operations import MainThreadCollector, Runner
from scanstation.ui.printing import OutputChoice
from tests.builders import CLERK, PASSWORD, staff


@pytest.fixture(scope="session")
def persian_qapp(qapp: QApplication) -> QApplication:
    """The application as `run_window` sets it up for Persian, with PySide6 6.12's lost references to None, True and
    False made harmless first (as `run_window` does), whatever order the tests run in."""
    pin_singletons()
    install_look(qapp, "fa")
    return qapp


@pytest.fixture(autouse=True)
def main_thread_gc(qapp: QApplication) -> Iterator[None]:
    """As in `run_window`: cycles are collected on the main thread only, never by a worker (which crashes Qt)."""
    collector = MainThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def staffed(sqlite_app: App, persian_qapp: QApplication) -> Iterator[App]:
    """Branch 0012 with one user per role (tests/builders.py)."""
    staff(sqlite_app)
    yield sqlite_app


Settle = Callable[..., None]


@pytest.fixture
def settle(qtbot: QtBot) -> Settle:
    """Wait until the given runners have finished every job (results delivered on the main thread)."""

    def wait(*runners: Runner) -> None:
        qtbot.waitUntil(lambda: all(r.idle for r in runners), timeout=15_000)

    return wait


def open_window(qtbot: QtBot, settle: Settle, app: App, code: str = CLERK, idle_ms: int | None = None) -> MainWindow:
    """The main window as `code` (password `pass-word`) sees it after logging in, with its first loads done."""
    who = users.authenticate(app.uow(CONSOLE), code, PASSWORD)
    window = Launcher(app, idle_ms, maximized=False).open_window(who)
    qtbot.addWidget(window)
    settle(window.runner)
    return window


def capture_bench(qtbot: QtBot, settle: Settle, app: App, barcode: str) -> tuple[CaptureBench, MainWindow]:
    """The capture bench of a clerk's window at 1366x768, showing `barcode`."""
    window = open_window(qtbot, settle, app)
    window.resize(1366, 768)
    bench: CaptureBench = window.screen_by_key["capture"]  # type: ignore[assignment]
    window.screens.setCurrentWidget(bench)
    bench.show_dossier(barcode)
    settle(window.runner)
    return bench, window


def pdf_printer(path: Path) -> QPrinter:
    """A real QPrinter writing a PDF file, standing in for the printer chosen in Qt's print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def print_from_window(qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch, view: DossierView, action: str,
                      target: Path, option: str | None = None, how: str = "print",
                      snapshot: Path | None = None) -> list[str]:
    """Click `action`, pick `option` and press Print (the modal print dialog answered with a PDF printer on
    `target`) or Save PDF (the file dialog answered with `target`); wait until the job has run. Returns the
    options the dialog offered."""
    button = view.buttons[action]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.active_dialog
    assert isinstance(dialog, OutputChoice) and dialog.isVisible()
    offered = list(dialog.keys)
    if snapshot is not None:
        dialog.grab().save(str(snapshot))
    if option is not None:
        dialog.keys[option].setChecked(True)
    if how == "print":
        monkeypatch.setattr(printing, "ask_printer", lambda _parent, _title, ready: ready(pdf_printer(target)))
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    else:
        monkeypatch.setattr(printing, "ask_pdf_file", lambda _parent, _title, _name, ready: ready(target))
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)
    assert view.active_dialog is None
    return offered
