"""The window's entry point: the look (ui/look.py), then login, then the main window."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from scanstation.bootstrap import App, bootstrap
from scanstation.core.errors import ConfigError
from scanstation.services.users import LoggedIn
from scanstation.ui.login_dialog import LoginDialog
from scanstation.ui.look import install_look
from scanstation.ui.main_window import MainWindow
from scanstation.ui.operations import MainThreadCollector, Runner, show_error


def pin_singletons() -> None:
    """PySide6 6.12 drops a reference to True on every Signal.emit and to None on every Runner job; on Python 3.11,
    where those objects are not yet immortal (3.12 made them so), a day of scanning frees them and the process
    aborts ("deallocating True or False"). Give them references enough for centuries, as 3.12 does."""
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40  # ob_refcnt comes first in every object


class Launcher(QObject):
    """Login first, then the main window; tests drive `login` and read `window`."""

    def __init__(self, app: App, idle_ms: int | None = None, maximized: bool = True) -> None:
        super().__init__()
        self.app = app
        self.idle_ms = idle_ms
        self.maximized = maximized
        self.runner = Runner(None)
        self.login = self._new_login()
        self.window: MainWindow | None = None

    def _new_login(self) -> LoginDialog:
        login = LoginDialog(self.app, self.runner)
        self.runner.owner = login
        login.finished.connect(self._login_finished)
        return login

    def start(self) -> None:
        self.login.show()
        self.login.form.focus_first_empty()

    def log_out(self) -> None:
        """«خروج از حساب»: the window closes and the login dialog asks who works next; that user gets a window
        built anew for their roles."""
        if self.window is None:
            return
        QApplication.instance().setQuitOnLastWindowClosed(False)  # the login dialog is shown after the window
        self.window.close()
        self.window.deleteLater()
        self.window = None
        self.login.deleteLater()
        self.login = self._new_login()
        self.start()

    def _login_finished(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or self.login.who is None:
            QApplication.instance().quit()
            return
        self.open_window(self.login.who)

    def open_window(self, who: LoggedIn) -> MainWindow:
        self.window = MainWindow(self.app, who, self.idle_ms)
        self.window.log_out_requested.connect(self.log_out)
        if self.maximized:
            self.window.showMaximized()
        else:
            self.window.show()
        QApplication.instance().setQuitOnLastWindowClosed(True)
        return self.window


def run_window(db_url: str | None = None, data_dir: str | None = None, config_file: str | None = None) -> int:
    """`scanstation` with no command: upgrade the schema if needed, log in, work; returns the exit code."""
    pin_singletons()
    qapp = QApplication.instance() or QApplication(sys.argv)
    qapp.setApplicationName("ScanStation")
    try:
        app = bootstrap(db_url=db_url, data_dir=data_dir, config_file=config_file)
    except ConfigError as bad:  # started from an icon, nobody reads stderr: the sentence in a box, then the refusal
        install_look(qapp, "fa")
        show_error(None, str(bad)).exec()  # its own loop: the application's would end closing for good
        raise
    install_look(qapp, app.settings.language)
    MainThreadCollector(qapp)
    qapp.setQuitOnLastWindowClosed(False)  # the login dialog closes before the window opens
    app.upgrade_schema()
    launcher = Launcher(app)
    launcher.start()
    try:
        return qapp.exec()
    finally:
        launcher.runner.wait()
        if launcher.window is not None:
            launcher.window.runner.wait()
        app.close()
