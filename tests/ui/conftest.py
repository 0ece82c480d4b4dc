"""Fixtures for the window tests: Qt set up in Persian once, a staffed application, helpers to wait."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.ui.app import install_look
from scanstation.ui.operations import MainThreadCollector, Runner
from tests.builders import staff


@pytest.fixture(scope="session")
def persian_qapp(qapp: QApplication) -> QApplication:
    """The application as `run_window` sets it up for Persian."""
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
