"""Every screen of every role's window fits the office screen in every state of a clerk's day (issue 22): the
window never grows past the available geometry (1366x768 and 1920x1080) and every button of the screen in front
is inside it, as are the dialogs and messages shown. The states come from tests/ui/screen_states.py, through the
real widgets; names are the longest the input limits allow throughout."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from tests.builders import ADMIN, CLERK, RECORDS, SUPERVISOR, SUPERVISOR2
from tests.ui.conftest import Settle, open_window
from tests.ui.screen_states import STATES, Day, laid_out, overflow, screens, staff_longest

# the available geometry of the office screens, a 40-pixel panel taken off their height
SCREENS = (QRect(0, 0, 1366, 728), QRect(0, 0, 1920, 1040))
ROLES = (CLERK, SUPERVISOR, SUPERVISOR2, RECORDS, ADMIN)  # super2 is a supervisor and a clerk: every screen but two


def test_every_screen_fits_in_every_state_for_every_role(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                         persian_qapp: QApplication) -> None:
    staff_longest(sqlite_app)
    problems: list[str] = []
    for code in ROLES:
        window = open_window(qtbot, settle, sqlite_app, code)
        frame = window.frameGeometry().size() - window.geometry().size()
        window.queue.select_row(0)
        settle(window.runner)
        day = Day(window)
        for screen in SCREENS:
            window.resize(screen.size() - frame)  # as maximised by a window manager: the frame on the screen
            laid_out()
            for state in STATES:
                day.enter(state)
                for key in screens(window):
                    problems += [f"{code} / {state} / {key} / {screen.width()}: {p}" for p in overflow(window, screen)]
                day.leave()
                settle(window.runner)
        window.close()
        settle(window.runner)
    assert problems == [], "\n".join(problems)
