"""The window shows a screen to whoever may do one of its actions by the permissions table: giving an action to
another role in permissions.toml brings its screen to them, in a real main window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.roles import Role
from scanstation.ui.screens import SCREENS
from tests.builders import CLERK, RECORDS, staff
from tests.ui.conftest import Settle, open_window


def _shown(roles: set[Role]) -> list[str]:
    return [s.key for s in SCREENS if s.shown_to(frozenset(roles))]


def test_the_screens_follow_the_table(permission_table) -> None:
    assert "users" not in _shown({Role.CLERK}) and "records" in _shown({Role.RECORDS_OFFICER})
    assert "review" in _shown({Role.AGENCY_RESPONSIBLE}) and "intake" not in _shown({Role.SUPERVISOR})
    permission_table({"users.manage": ["admin", "clerk"], "destruction.view": ["supervisor"], "hold.place": []})
    assert "users" in _shown({Role.CLERK}) and "records" not in _shown({Role.RECORDS_OFFICER})


def test_a_clerk_given_user_management_sees_its_screen_in_the_window(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                                                      permission_table) -> None:
    staff(sqlite_app)
    window = open_window(qtbot, settle, sqlite_app, CLERK)
    assert "users" not in window.screen_by_key and "intake" in window.screen_by_key
    permission_table({"users.manage": ["admin", "clerk"]})
    window = open_window(qtbot, settle, sqlite_app, CLERK)
    assert "users" in window.screen_by_key
    records = open_window(qtbot, settle, sqlite_app, RECORDS)
    assert records.screens.currentWidget() is records.screen_by_key["records"]  # a records officer's day starts there
