"""The store password from the OS keyring through the `keyring` package, with a real file-based backend
(keyrings.alt's PlaintextKeyring in a temporary folder): in the process, and in a `scanstation sync` process that
finds the backend the way keyring does on a workstation (its environment). The password is never printed."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyrings.alt.file import PlaintextKeyring

from scanstation.core.settings import load_settings
from scanstation.sync.credentials import KEYRING_SERVICE, open_store
from scanstation.sync.store import StoreAuthFailed
from tests.builders import PASSWORD as USER_PASSWORD
from tests.sync.conftest import Approved
from tests.sync.servers import PASSWORD, USER, DavServer


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A keyring kept in a file under tmp_path, made the process's keyring for the test."""
    previous: KeyringBackend = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")  # type: ignore[misc]
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_the_password_comes_from_the_keyring_and_works(file_keyring: PlaintextKeyring, wsgidav_server: DavServer,
                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SCANSTATION_STORE_PASSWORD", raising=False)
    settings = load_settings(config_file=str(tmp_path / "absent.toml"), store_url=wsgidav_server.url, store_user=USER)
    assert settings.store_password is None and settings.store_password_source is None
    keyring.set_password(KEYRING_SERVICE, USER, PASSWORD)
    kept = Path(file_keyring.file_path).read_text(encoding="utf-8")  # really kept in the backend's file (base64)
    assert f"{USER} = " in kept and PASSWORD not in kept
    caplog.set_level(logging.DEBUG)
    store = open_store(settings)
    try:
        store.ensure_collection("keyring-check")  # the server accepts it: the keyring's password was used
        assert "keyring-check" in store._collections
        assert PASSWORD not in repr(store) and PASSWORD not in repr(settings)
    finally:
        store.close()
    keyring.set_password(KEYRING_SERVICE, USER, "not-the-password")
    wrong = open_store(settings)
    try:
        with pytest.raises(StoreAuthFailed) as refused:
            wrong.ensure_collection("keyring-wrong")
        assert "گذرواژه" in str(refused.value) and "not-the-password" not in str(refused.value)
    finally:
        wrong.close()
    printed = capsys.readouterr()
    assert PASSWORD not in caplog.text + printed.out + printed.err
    assert "not-the-password" not in caplog.text + printed.out + printed.err


def test_sync_process_takes_the_password_from_the_keyring(approved: Approved, wsgidav_server: DavServer,
                                                          tmp_path: Path) -> None:
    data_home = tmp_path / "xdg-data"
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
               SCANSTATION_STORE_URL=wsgidav_server.url, SCANSTATION_STORE_USER=USER,
               SCANSTATION_WORKSTATION="test-ws", SCANSTATION_PASSWORD=USER_PASSWORD, XDG_DATA_HOME=str(data_home),
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    env.pop("SCANSTATION_STORE_PASSWORD", None)
    setter = subprocess.run([sys.executable, "-c", "import keyring, sys; keyring.set_password(*sys.argv[1:])",
                             KEYRING_SERVICE, USER, PASSWORD], env=env, capture_output=True, text=True, timeout=60)
    assert setter.returncode == 0, setter.stderr
    assert any(f"{USER} = " in p.read_text(encoding="utf-8") for p in data_home.rglob("*.cfg"))
    run = subprocess.run([sys.executable, "-m", "scanstation", "sync", "--once"], env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in wsgidav_server.remote_files()) == [
        "document-001.pdf", "document-002.pdf", "manifest-0001.json"]
    assert PASSWORD not in run.stdout + run.stderr
