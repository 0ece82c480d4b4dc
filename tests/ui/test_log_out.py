"""Log out and switch user: Ctrl+Shift+L closes the clerk's window, the real login dialog comes back, and the next
user gets a window built for their own roles."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.ui.app import Launcher
from tests.builders import CLERK, PASSWORD, SUPERVISOR
from tests.ui.conftest import Settle


def _log_in(qtbot: QtBot, settle: Settle, launcher: Launcher, code: str) -> None:
    """Type into the dialog that has the keyboard, as a person would, and press Enter."""
    login = launcher.login
    qtbot.waitUntil(login.isVisible, timeout=5_000)
    qtbot.keyClicks(login.form.code, code)
    qtbot.keyClicks(login.form.password, PASSWORD)
    qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
    settle(launcher.runner)
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.isVisible(), timeout=5_000)


def test_log_out_returns_to_login_and_the_next_user_gets_their_window(
        qtbot: QtBot, settle: Settle, staffed: App) -> None:
    launcher = Launcher(staffed, maximized=False)
    qtbot.addWidget(launcher.login)
    launcher.start()
    settle(launcher.runner)
    _log_in(qtbot, settle, launcher, CLERK)
    first = launcher.window
    assert first is not None and "کاربر clerk1" in first.header_user.text()
    settle(first.runner)
    first.activateWindow()
    qtbot.keyClick(first, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert launcher.window is None and not first.isVisible()
    assert launcher.login.isVisible() and launcher.login.form.code.text() == ""
    assert not QApplication.instance().quitOnLastWindowClosed()  # closing the clerk's window did not end the program

    _log_in(qtbot, settle, launcher, SUPERVISOR)
    second = launcher.window
    assert second is not None and second is not first
    assert "کاربر super1" in second.header_user.text() and second.ws.user.code == SUPERVISOR
    assert second.log_out_button.text() == "خروج از حساب"
    settle(second.runner)


def test_no_log_out_while_work_runs_in_the_users_name(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    launcher = Launcher(staffed, maximized=False)
    qtbot.addWidget(launcher.login)
    launcher.start()
    _log_in(qtbot, settle, launcher, CLERK)
    window = launcher.window
    assert window is not None
    settle(window.runner)
    release = threading.Event()
    window.runner.run(lambda: release.wait(10))  # work still running, as during a feeder batch
    qtbot.mouseClick(window.log_out_button, Qt.MouseButton.LeftButton)
    release.set()
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "در جریان" in box.text()
    assert launcher.window is window and window.isVisible()
    box.accept()
    settle(window.runner)
