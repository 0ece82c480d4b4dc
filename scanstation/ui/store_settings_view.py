"""The admin's settings of the central store (services/store_settings.py): address, user, password (kept in the
system keyring), the private CA's certificate, a «آزمایش اتصال» that makes a real round trip, and «ذخیره». Once
saved, the window's upload worker starts again with the new settings (`changed_settings`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from scanstation.core.digits import to_persian
from scanstation.core.settings import STORE_ENVIRONMENT
from scanstation.services import store_settings
from scanstation.ui.look import file_filter, latin_digits, ltr
from scanstation.ui.workspace import Workspace


class StoreSettingsView(QWidget):
    """Shown to admins only (ui/screens.py)."""

    changed_settings = Signal()  # saved: the window restarts its upload worker with `app.settings`

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        title = QLabel(self.tr("مخزن مرکزی اسناد"))
        title.setObjectName("paneTitle")
        intro = QLabel(self.tr("پرونده‌های تأییدشده به این مخزن (WebDAV) فرستاده می‌شوند. گذرواژه در کلیدستان "
                               "سیستم نگه داشته می‌شود، نه در پرونده تنظیمات."))
        intro.setWordWrap(True)
        self.fields = {"store_url": QLineEdit(), "store_user": QLineEdit(), "store_password": QLineEdit(),
                       "store_ca_bundle": QLineEdit()}
        for key, edit in self.fields.items():
            edit.setObjectName(key)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses and paths are written left to right
            latin_digits(edit)
        self.fields["store_url"].setPlaceholderText("https://dms.example.ir/dav/")
        self.fields["store_password"].setEchoMode(QLineEdit.EchoMode.Password)
        browse = QPushButton(self.tr("انتخاب…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.fields["store_ca_bundle"], 1)
        ca_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("نشانی مخزن:"), self.fields["store_url"])
        form.addRow(self.tr("کاربر مخزن:"), self.fields["store_user"])
        form.addRow(self.tr("گذرواژه:"), self.fields["store_password"])
        form.addRow(self.tr("گواهی مرجع (PEM، اختیاری):"), ca_row)
        self.test_button = QPushButton(self.tr("آزمایش اتصال"))
        self.test_button.setObjectName("storeTest")
        self.test_button.clicked.connect(self.test)
        self.save_button = QPushButton(self.tr("ذخیره"))
        self.save_button.setObjectName("storeSave")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("storeSettingsStatus")
        self.status.setWordWrap(True)
        self.where = QLabel()  # which config file the values go into
        self.where.setObjectName("caption")
        self.where.setWordWrap(True)
        latin_digits(self.where)  # a path's digits as written
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.where)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        uow, settings = self._ws.uow(), self._ws.app.settings
        self._ws.runner.run(lambda: store_settings.current(uow, settings), self._show)

    def _show(self, found: store_settings.StoreSettings) -> None:
        values = {"store_url": found.url, "store_user": found.user, "store_ca_bundle": found.ca_bundle}
        for key, value in values.items():
            self.fields[key].setText(value)
        password = self.fields["store_password"]
        password.clear()
        password.setPlaceholderText(self.tr("نگه داشته شده؛ خالی یعنی بدون تغییر") if found.password_kept
                                    else self.tr("هنوز گذرواژه‌ای نگه داشته نشده است"))
        for key in found.fixed:  # the environment wins over the file: shown, not offered for change
            self.fields[key].setReadOnly(True)
            self.fields[key].setToolTip(self.tr("از متغیر محیطی {name} آمده و اینجا تغییر نمی‌کند.").format(
                name=ltr(STORE_ENVIRONMENT[key])))
        self.where.setText(self.tr("پرونده تنظیمات: {path}").format(path=ltr(found.config_file)))

    def _values(self) -> tuple[str, str, str, str]:
        f = self.fields
        return f["store_url"].text(), f["store_user"].text(), f["store_password"].text(), f["store_ca_bundle"].text()

    def _choose_ca(self) -> None:
        dialog = QFileDialog(self, self.tr("گواهی مرجع مخزن"), "", file_filter(self.tr("گواهی PEM (*.pem *.crt)")))
        dialog.fileSelected.connect(self.fields["store_ca_bundle"].setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def test(self) -> None:
        """A real round trip with the values typed, off the UI thread."""
        uow, (url, user, password, ca) = self._ws.uow(), self._values()
        self.status.setText(self.tr("در حال تماس با مخزن…"))
        self.test_button.setEnabled(False)
        self._ws.runner.run(lambda: store_settings.try_connection(uow, url, user, password, ca), self._reached,
                            self._refused)

    def _reached(self, folders: int) -> None:
        self.test_button.setEnabled(True)
        self.status.setText(self.tr("اتصال برقرار شد: مخزن پاسخ داد و {n} پوشه در آن هست.").format(
            n=to_persian(folders)))

    def _refused(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("انجام نشد: {reason}").format(reason=str(error)))

    def save(self) -> None:
        uow, settings, (url, user, password, ca) = self._ws.uow(), self._ws.app.settings, self._values()
        self.save_button.setEnabled(False)
        self._ws.runner.run(lambda: store_settings.save(uow, settings, url, user, password, ca), self._saved,
                            self._refused)

    def _saved(self, settings: object) -> None:
        self._ws.app.settings = settings  # type: ignore[assignment]
        self.save_button.setEnabled(True)
        self.changed_settings.emit()
        self.refresh()
        self.status.setText(self.tr("ذخیره شد؛ بارگذاری با این تنظیمات از سر گرفته شد."))
