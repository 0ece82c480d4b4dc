"""`sync --check` re-reads every file the store should hold, whatever its state (issue 20, point 4): a file the
store altered is reported by every check, not only the first, until the store holds it as sent again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from scanstation.core.models import UploadItem
from scanstation.services import upload
from scanstation.services.upload_worker import drain
from scanstation.sync.webdav import WebDavStore
from tests.builders import PASSWORD as USER_PASSWORD
from tests.sync.conftest import FAST, Approved
from tests.sync.servers import PASSWORD, USER, DavServer


def _check(approved: Approved, server: DavServer, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
               SCANSTATION_STORE_URL=server.url, SCANSTATION_STORE_USER=USER, SCANSTATION_STORE_PASSWORD=PASSWORD,
               SCANSTATION_WORKSTATION="test-ws", SCANSTATION_PASSWORD=USER_PASSWORD)
    return subprocess.run([sys.executable, "-m", "scanstation", "sync", "--check"], env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def _state(approved: Approved, name: str) -> str:
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        return uow.session.execute(select(UploadItem.state).where(UploadItem.name == name)).scalar_one()


def test_an_altered_file_is_reported_by_every_check_until_the_store_holds_it_again(
        approved: Approved, store: WebDavStore, dav_server: DavServer, tmp_path: Path) -> None:
    app = approved.app
    assert drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws").verified == 3
    remote = dav_server.files / approved.barcode / "document-001.pdf"
    original = remote.read_bytes()
    remote.write_bytes(original + b"%% altered in the store\n")
    for _ in range(3):  # the first check sets it aside; the later ones must not forget it
        run = _check(approved, dav_server, tmp_path)
        assert run.returncode == 1, run.stdout + run.stderr
        assert "checked 3 files in the store, 1 altered" in run.stdout
        assert f"{approved.barcode}/document-001.pdf" in run.stderr
        assert _state(approved, "document-001.pdf") == "needs_attention"
    with app.uow(upload.SYNC_ACTOR) as uow:  # recorded once, not once a check
        item = uow.session.execute(select(UploadItem).where(UploadItem.name == "document-001.pdf")).scalar_one()
        assert len(item.problems) == 1
    remote.write_bytes(original)  # the store's keeper puts the file back
    run = _check(approved, dav_server, tmp_path)
    assert run.returncode == 0 and "checked 3 files in the store, 0 altered" in run.stdout, run.stderr
    assert _state(approved, "document-001.pdf") == "verified"
