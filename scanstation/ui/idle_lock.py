"""Lock the window after a quiet spell (Settings.idle_lock_minutes) behind a re-login overlay."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scanstation.bootstrap import App
from scanstation.ui.login_dialog import LoginForm
from scanstation.ui.operations import Runner

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Watches every input event of the application; `idle` fires after `timeout_ms` without any."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockOverlay(QFrame):
    """Covers its parent window; only a correct password (same user, or another after "switch user") opens it."""

    unlocked = Signal(object)  # users.LoggedIn

    def __init__(self, app: App, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self._locked = False
        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setMaximumWidth(520)
        self.title = QLabel(self.tr("صفحه به دلیل بیکاری قفل شد"))
        self.title.setObjectName("dialogTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.form = LoginForm(app, runner, parent=panel)
        self.form.code.returnPressed.connect(self.form.submit)
        self.form.password.returnPressed.connect(self.form.submit)
        self.unlock_button = QPushButton(self.tr("باز کردن قفل"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.form.submit)
        self.switch_button = QPushButton(self.tr("ورود با کاربر دیگر"))
        self.switch_button.clicked.connect(self.switch_user)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.title)
        inner.addWidget(self.hint)
        inner.addWidget(self.form)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.form.logged_in.connect(self._unlocked)
        parent.installEventFilter(self)
        self.hide()

    def lock(self, user_code: str, user_name: str) -> None:
        self._locked = True
        self.form.code.setText(user_code)
        self.form.code.setReadOnly(True)
        self.form.message.clear()
        self.hint.setText(self.tr("برای ادامه، {name} گذرواژه خود را دوباره بنویسد.").format(name=user_name))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.form.password.setFocus()

    def switch_user(self) -> None:
        self.form.code.setReadOnly(False)
        self.form.code.clear()
        self.form.password.clear()
        self.hint.setText(self.tr("کد کاربری و گذرواژه کاربر دیگر را بنویسید."))
        self.form.code.setFocus()

    def _unlocked(self, who: object) -> None:
        self._locked = False
        self.hide()
        self.unlocked.emit(who)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    @property
    def locked(self) -> bool:
        return self._locked


def idle_timeout_ms(minutes: int) -> int:
    """Settings give minutes; Qt timers want milliseconds."""
    return max(1, minutes) * 60_000

