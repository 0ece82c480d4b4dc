"""A password written into the store's address (`http://user:pw@host/…`) is refused at start, with one sentence that
names the setting and where it came from and never repeats the address (issue 20, point 4): nothing reaches the store,
and the secret appears in no output, no start line and no audit entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from scanstation.core.models import AuditEntry
from scanstation.services import store_settings
from scanstation.sync.credentials import StoreNotConfigured
from tests.builders import ADMIN
from tests.sync.conftest import Approved
from tests.sync.servers import PASSWORD, USER, DavServer


def _secret_url(server: DavServer) -> str:
    return server.url.replace("://", f"://{USER}:{PASSWORD}@", 1)


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scanstation", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("command", [("sync",), ("sync", "--once"), ("sync", "--check"),
                                     ("audit", "verify", "--against-store")])
def test_a_password_in_the_address_is_refused_and_never_printed(approved: Approved, wsgidav_server: DavServer,
                                                                tmp_path: Path, command: tuple[str, ...]) -> None:
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
               SCANSTATION_STORE_URL=_secret_url(wsgidav_server), SCANSTATION_WORKSTATION="test-ws")
    env.pop("SCANSTATION_STORE_PASSWORD", None)
    env.pop("SCANSTATION_STORE_USER", None)
    run = _run(env, *command)  # the service (no --once) would run for ever if it started
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert PASSWORD not in run.stdout + run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "SCANSTATION_STORE_URL" in run.stderr, run.stderr
    assert wsgidav_server.remote_files() == []


def test_the_refusal_names_the_config_file_it_came_from(approved: Approved, wsgidav_server: DavServer,
                                                       tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'store_url = "{_secret_url(wsgidav_server)}"\n', encoding="utf-8")
    config.chmod(0o600)
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(config))
    for key in ("SCANSTATION_STORE_URL", "SCANSTATION_STORE_USER", "SCANSTATION_STORE_PASSWORD"):
        env.pop(key, None)
    run = _run(env, "sync", "--once")
    assert run.returncode == 1 and str(config) in run.stderr and "store_url" in run.stderr
    assert PASSWORD not in run.stdout + run.stderr and wsgidav_server.remote_files() == []


def test_the_settings_screen_refuses_it_before_anything_is_saved_or_audited(approved: Approved,
                                                                          wsgidav_server: DavServer) -> None:
    app = approved.app
    with pytest.raises(StoreNotConfigured) as refused:
        store_settings.try_connection(app.uow(ADMIN), _secret_url(wsgidav_server), "", None, "")
    assert PASSWORD not in str(refused.value)
    with pytest.raises(StoreNotConfigured):
        store_settings.save(app.uow(ADMIN), app.settings, _secret_url(wsgidav_server), "", None, "")
    assert not app.settings.config_file.exists()
    with app.uow(ADMIN) as uow:
        details = uow.session.execute(select(AuditEntry.details)).scalars().all()
    assert details and not any(PASSWORD in d for d in details)
