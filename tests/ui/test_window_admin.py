"""The admin's screens in the real window, offscreen: users (add through the real dialog, roles, unlock, new
password, deactivate) and the store check with its progress; a demo database says so in the header; a clerk sees
neither screen (issue 8, points 1, 2 and 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.roles import Role
from scanstation.services import setup, users
from scanstation.services.page_capture import import_files
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher
from scanstation.ui.main_window import MainWindow
from scanstation.ui.store_check_view import StoreCheckView
from scanstation.ui.users_admin import UsersAdmin
from tests import imaging as im
from tests.builders import ADMIN, CLERK, PASSWORD, new_dossier, walk
from tests.ui.conftest import Settle


def _window(qtbot: QtBot, settle: Settle, app: App, code: str) -> MainWindow:
    who = users.authenticate(app.uow(CONSOLE), code, PASSWORD)
    window = Launcher(app, None, maximized=False).open_window(who)
    qtbot.addWidget(window)
    settle(window.runner)
    return window


def test_admin_adds_a_user_through_the_dialog_and_manages_it(qtbot: QtBot, settle: Settle, staffed: App,
                                                             artifacts: Path) -> None:
    window = _window(qtbot, settle, staffed, ADMIN)
    window.show_screen("users")
    screen: UsersAdmin = window.screen_by_key["users"]  # type: ignore[assignment]
    qtbot.mouseClick(screen.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = screen.active_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.field("code").setText("newclerk")
    dialog.field("name").setText("کارمند تازه")
    dialog.field("password").setText("fresh-pass")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no role ticked: refused inside the dialog
    settle(window.runner)
    assert dialog.isVisible() and "نقش" in dialog.message.text()
    dialog.findChild(QCheckBox, "role-clerk").setChecked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle(window.runner)
    assert screen.active_dialog is None
    assert users.authenticate(staffed.uow(CONSOLE), "newclerk", "fresh-pass").roles == {Role.CLERK}
    screen.grab().save(str(artifacts / "window-users-admin.png"))

    screen.select("newclerk")
    roles = screen.change_roles()
    assert roles is not None
    roles.findChild(QCheckBox, "role-supervisor").setChecked(True)
    qtbot.keyClick(roles, Qt.Key.Key_Return)
    settle(window.runner)
    assert users.authenticate(staffed.uow(CONSOLE), "newclerk", "fresh-pass").roles == {Role.CLERK, Role.SUPERVISOR}

    screen.select("newclerk")
    password = screen.new_password()
    assert password is not None
    password.field("password").setText("second-pass")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    settle(window.runner)
    assert users.authenticate(staffed.uow(CONSOLE), "newclerk", "second-pass").code == "newclerk"

    screen.select("newclerk")
    qtbot.mouseClick(screen.buttons["active"], Qt.MouseButton.LeftButton)
    settle(window.runner)
    settle(window.runner)
    listed = {u.code: u for u in users.list_users(staffed.uow(ADMIN))}
    assert listed["newclerk"].active is False
    screen.select("newclerk")
    assert screen.buttons["active"].text() == "فعال کردن"


def test_a_clerk_sees_no_admin_screen(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    window = _window(qtbot, settle, staffed, CLERK)
    assert "users" not in window.screen_by_key and "store" not in window.screen_by_key
    assert not window.header_demo.isVisible()


def test_store_check_in_the_window_names_a_damaged_image(qtbot: QtBot, settle: Settle, staffed: App,
                                                         tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4)
    files = [im.save(im.text_page(seed=i, dpi=100, lines=6), tmp_path / f"p{i}.png", dpi=100) for i in range(2)]
    pages = import_files(staffed.uow(CLERK), barcode, files, staffed.pages).pages
    staffed.pages.path_for(pages[1].sha256).unlink()
    window = _window(qtbot, settle, staffed, ADMIN)
    window.show_screen("store")
    view: StoreCheckView = window.screen_by_key["store"]  # type: ignore[assignment]
    qtbot.mouseClick(view.start, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert view.bar.value() == view.bar.maximum() == 2
    assert view.problems.count() == 1 and barcode in view.problems.item(0).text()


def test_a_demo_database_says_so_in_the_header(qtbot: QtBot, settle: Settle, sqlite_app: App,
                                               persian_qapp: object) -> None:
    setup.create_demo(sqlite_app.uow)
    who = users.authenticate(sqlite_app.uow(CONSOLE), "clerk1", "clerk1-pass")
    window = Launcher(sqlite_app, None, maximized=False).open_window(who)
    qtbot.addWidget(window)
    settle(window.runner)
    assert not window.header_demo.isHidden() and "نمونه" in window.header_demo.text()
