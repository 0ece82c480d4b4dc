"""The window's entry point: the look (ui/look.py), then login, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from scanstation.bootstrap import App, bootstrap
from scanstation.services.users import LoggedIn
from scanstation.ui.login_dialog import LoginDialog
from scanstation.ui.look import install_look
from scanstation.ui.main_window import MainWindow
from scanstation.ui.operations import MainThreadCollector, Runner


class Launcher(QObject):
    """Login first, then the main window; tests drive `login` and read `window`."""

    def __init__(self, app: App, idle_ms: int | None = None, maximized: bool = True) -> None:
        super().__init__()
        self.app = app
        self.idle_ms = idle_ms
        self.maximized = maximized
        self.runner = Runner(None)
        self.login = LoginDialog(app, self.runner)
        self.runner.owner = self.login
        self.window: MainWindow | None = None
        self.login.finished.connect(self._login_finished)

    def start(self) -> None:
        self.login.show()
        self.login.form.focus_first_empty()

    def _login_finished(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or self.login.who is None:
            QApplication.instance().quit()
            return
        self.open_window(self.login.who)

    def open_window(self, who: LoggedIn) -> MainWindow:
        self.window = MainWindow(self.app, who, self.idle_ms)
        if self.maximized:
            self.window.showMaximized()
        else:
            self.window.show()
        QApplication.instance().setQuitOnLastWindowClosed(True)
        return self.window


def run_window(db_url: str | None = None, data_dir: str | None = None, config_file: str | None = None) -> int:
    """`scanstation` with no command: upgrade the schema if needed, log in, work; returns the exit code."""
    app = bootstrap(db_url=db_url, data_dir=data_dir, config_file=config_file)
    qapp = QApplication.instance() or QApplication(sys.argv)
    qapp.setApplicationName("ScanStation")
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
