"""The admin sets the central store up from the window (issue 22 point 9): a connection test that makes a real round
trip to a WebDAV server (refused with a wrong password, answered with the right one), then «ذخیره»: the address and
user in the private config file, the password in the system keyring (a real file-based backend), and the window's
upload worker working with them at once, without a restart."""

from __future__ import annotations

import stat
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.settings import store_settings_again
from scanstation.sync.credentials import KEYRING_SERVICE
from scanstation.ui.store_settings_view import StoreSettingsView
from tests.builders import ADMIN
from tests.sync.conftest import wsgidav_server  # noqa: F401 (a fixture)
from tests.sync.servers import PASSWORD, USER, DavServer
from tests.sync.test_keyring import file_keyring  # noqa: F401 (a fixture)
from tests.ui.conftest import Settle, open_window


def test_the_admin_tests_and_saves_the_store_settings(
        qtbot: QtBot, settle: Settle, staffed: App, wsgidav_server: DavServer,  # noqa: F811
        file_keyring: PlaintextKeyring, monkeypatch: pytest.MonkeyPatch, artifacts: Path) -> None:  # noqa: F811
    for name in ("SCANSTATION_STORE_URL", "SCANSTATION_STORE_USER", "SCANSTATION_STORE_PASSWORD",
                 "SCANSTATION_STORE_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    window = open_window(qtbot, settle, staffed, ADMIN)
    window.resize(1366, 768)
    assert not window.outbox_worker.configured and not window.outbox_indicator.isVisible()
    window.show_screen("store_settings")
    view = window.screen_by_key["store_settings"]
    assert isinstance(view, StoreSettingsView)
    settle(window.runner)
    view.fields["store_url"].setText(wsgidav_server.url)
    view.fields["store_user"].setText(USER)
    view.fields["store_password"].setText("not-the-password")
    qtbot.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert "انجام نشد" in view.status.text()
    view.fields["store_password"].setText(PASSWORD)
    qtbot.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert "اتصال برقرار شد" in view.status.text(), view.status.text()
    window.grab().save(str(artifacts / "window-store-settings.png"))

    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    config = staffed.settings.config_file
    text = config.read_text(encoding="utf-8")
    assert f'store_url = "{wsgidav_server.url}"' in text and f'store_user = "{USER}"' in text
    assert PASSWORD not in text and stat.S_IMODE(config.stat().st_mode) == 0o600
    assert keyring.get_password(KEYRING_SERVICE, USER) == PASSWORD
    assert staffed.settings.store_url == wsgidav_server.url and window.outbox_worker.configured
    qtbot.waitUntil(window.outbox_indicator.isVisible, timeout=10_000)  # the worker reached the store and counted
    assert view.fields["store_password"].text() == "" and "نگه داشته" in view.fields["store_password"].placeholderText()
    window.show_screen("outbox")  # the outbox screen says where it uploads now, without a restart
    assert wsgidav_server.url in window.screen_by_key["outbox"].status.text()
    window.close()
    settle(window.runner)


def test_the_window_picks_up_a_fixed_config_file_without_a_restart(
        qtbot: QtBot, settle: Settle, staffed: App, wsgidav_server: DavServer,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SCANSTATION_STORE_URL", "SCANSTATION_STORE_USER", "SCANSTATION_STORE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    config = staffed.settings.config_file
    config.write_text(f'store_url = "{wsgidav_server.url}"\nstore_user = "{USER}"\nstore_password = "{PASSWORD}"\n',
                      encoding="utf-8")
    config.chmod(0o644)  # others may read the password: refused
    staffed.settings = store_settings_again(staffed.settings)
    window = open_window(qtbot, settle, staffed, ADMIN)
    qtbot.waitUntil(lambda: "chmod 600" in window.outbox_indicator.toolTip(), timeout=10_000)  # the sentence said
    assert not window.outbox_indicator.isVisible()
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "store_user = [\n", encoding="utf-8")  # then breaks it while editing: said, not fatal
    window.outbox_worker.wake()
    qtbot.waitUntil(lambda: "TOML" in window.outbox_indicator.toolTip(), timeout=10_000)
    config.write_text(good, encoding="utf-8")
    config.chmod(0o600)  # the admin fixes the file's mode; the window is not restarted
    window.outbox_worker.wake()  # as a person's «دوباره» would (or the next reading of the settings)
    qtbot.waitUntil(window.outbox_indicator.isVisible, timeout=10_000)
    window.close()
    settle(window.runner)
