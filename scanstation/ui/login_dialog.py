"""Login: a user code and a password checked by the users service (lockout rules live there)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from scanstation.bootstrap import App
from scanstation.core.errors import ScanStationError
from scanstation.core.uow import Actor
from scanstation.services import users
from scanstation.ui.look import latin_digits
from scanstation.ui.operations import Runner

LOGIN_ACTOR = Actor("system:console", system=True)


class LoginForm(QWidget):
    """Code, password and the service's refusal in plain sight; used by the login dialog and the idle lock."""

    logged_in = Signal(object)  # users.LoggedIn

    def __init__(self, app: App, runner: Runner, code: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app, self._runner = app, runner
        self.code = QLineEdit(code)
        self.code.setObjectName("userCode")
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        latin_digits(self.code)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("کد کاربری"), self.code)
        form.addRow(self.tr("گذرواژه"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)

    def focus_first_empty(self) -> None:
        (self.password if self.code.text() else self.code).setFocus()

    def submit(self) -> None:
        """Check the password off the UI thread (argon2 is deliberately slow); empty fields get the focus."""
        if not self.isEnabled():
            return
        code, password = self.code.text().strip(), self.password.text()
        if not code or not password:
            self.message.setText(self.tr("کد کاربری و گذرواژه را بنویسید."))
            self.focus_first_empty()
            return
        self.setEnabled(False)
        self.message.setText(self.tr("در حال بررسی…"))
        uow = self._app.uow(LOGIN_ACTOR)
        self._runner.run(lambda: users.authenticate(uow, code, password),
                         self._accepted, self._refused)

    def _accepted(self, who: users.LoggedIn) -> None:
        self.setEnabled(True)
        self.password.clear()
        self.message.clear()
        self.logged_in.emit(who)

    def _refused(self, error: ScanStationError) -> None:
        self.setEnabled(True)
        self.password.clear()
        self.message.setText(str(error))
        self.password.setFocus()


class LoginDialog(QDialog):
    """The first thing a clerk sees; Enter logs in, Esc quits."""

    def __init__(self, app: App, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ورود به اسکن‌استیشن"))
        self.who: users.LoggedIn | None = None
        title = QLabel(self.tr("ورود به سامانه پرونده الکترونیک"))
        title.setObjectName("dialogTitle")
        self.form = LoginForm(app, runner, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("ورود"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.form.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.logged_in.connect(self._done)
        self.setMinimumWidth(460)
        uow = app.uow(LOGIN_ACTOR)
        runner.run(lambda: users.user_count(uow), self._hint_if_empty)

    def _hint_if_empty(self, count: int) -> None:
        if count == 0:
            self.form.message.setText(self.tr(
                "هنوز کاربری تعریف نشده است؛ با «scanstation init --demo» یا «scanstation user add» کاربر بسازید."))

    def _done(self, who: users.LoggedIn) -> None:
        self.who = who
        self.accept()
