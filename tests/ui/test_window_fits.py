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
from scanstation.core.policy import input_limits
from tests.ui.screen_states import STATES, Day, dialog_overflow, laid_out, longest, overflow, screens, staff_longest

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


def test_the_dialogs_fit_with_the_longest_names(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                persian_qapp: QApplication) -> None:
    """The dialogs a clerk and an admin open, filled with the longest names and reasons the input limits allow and
    showing a refusal, fit the 1366x768 screen with every button inside them."""
    staff_longest(sqlite_app)
    screen = SCREENS[0]
    problems: list[str] = []
    clerk = open_window(qtbot, settle, sqlite_app, CLERK)
    clerk.queue.select_row(0)
    settle(clerk.runner)
    view = clerk.dossier
    opened = []
    new = view.new_dossier()  # a refusal showing: a national ID that fails its check
    for key, text in (("insured_number", "1000234599"), ("national_id", "0012345678"),
                      ("name", longest("سیدمحمدحسین ", input_limits().name_max_chars))):
        new.field(key).setText(text)
    new.submit()
    settle(clerk.runner)
    assert new.message.text(), "the refusal is shown in the dialog"
    opened.append(new)
    for open_one in (view.out_of_turn, view.register):
        view.active_dialog = None
        opened.append(open_one())
    for dialog in opened:
        laid_out()
        problems += dialog_overflow(dialog, screen)
        dialog.close()
    clerk.close()
    settle(clerk.runner)

    admin = open_window(qtbot, settle, sqlite_app, ADMIN)
    admin.show_screen("users")
    settle(admin.runner)
    users_view = admin.screen_by_key["users"]
    for open_one in (users_view.add_user, users_view.change_roles, users_view.new_password):
        settle(admin.runner)
        users_view.select(CLERK)  # the longest name
        dialog = open_one()
        assert dialog is not None
        laid_out()
        problems += dialog_overflow(dialog, screen)
        dialog.close()
    admin.close()
    settle(admin.runner)
    assert problems == [], "\n".join(problems)
