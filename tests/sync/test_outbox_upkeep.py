"""What the worker looks after besides sending (issue 20, point 4): the outbox folder keeps no second copy of personal
data longer than the policy says and no orphan of a killed run, everything in it private; and on a day when no
manifest went, a chain-head note anchors the audit chain in the store, checked by `audit verify --against-store`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from scanstation.core import jalali
from scanstation.core.models import AuditHead, UploadItem
from scanstation.core.uow import Actor
from scanstation.services import chain_heads, upload
from scanstation.services.audit import verify_against_store, verify_chain
from scanstation.services.outbox_cleanup import sweep_outbox
from scanstation.services.upload_worker import drain
from scanstation.sync.webdav import WebDavStore
from tests.sync.conftest import FAST, Approved
from tests.sync.servers import PASSWORD, USER, DavServer
from tests.sync.test_store_anchors import _rewrite_chain_from

CONSOLE = Actor("system:console", system=True)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> Callable[[timedelta], datetime]:
    """Move the program's clock (core.jalali.clock, its one seam) this far past the real now."""
    real = jalali.clock

    def move(by: timedelta) -> datetime:
        moment = real() + by
        monkeypatch.setattr(jalali, "clock", lambda: moment)
        return moment

    return move


def _drain(approved: Approved, store: WebDavStore) -> None:
    app = approved.app
    assert drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws").verified == 3


def test_the_outbox_keeps_only_what_the_upload_needs_and_keeps_it_private(
        approved: Approved, store: WebDavStore, later: Callable[[timedelta], datetime]) -> None:
    app, outbox = approved.app, approved.app.outbox
    _drain(approved, store)
    assert _mode(outbox) == 0o700 and all(_mode(f) == 0o600 for f in outbox.iterdir())  # made private
    with app.uow(upload.SYNC_ACTOR) as uow:
        rows = {i.name: i.local_file for i in uow.session.execute(select(UploadItem)).scalars()}
        uow.session.execute(update(UploadItem).where(UploadItem.name == "document-002.pdf")
                            .values(state="needs_attention"))  # set aside: a person may still need its copy
        uow.session.commit()
    outbox.chmod(0o755)  # as older versions left it
    (outbox / rows["manifest-0001.json"]).chmod(0o644)
    killed = [outbox / "0badc0de.pdf", outbox / ".incoming-k1ll3d"]  # a run killed before its row committed
    for orphan in killed:
        orphan.write_bytes(b"%PDF- personal data")
        os.utime(orphan, (0, (jalali.utcnow() - timedelta(days=2)).timestamp()))
    fresh = outbox / "f00d.pdf"  # another workstation's, its row not committed yet
    fresh.write_bytes(b"%PDF- just written")
    swept = sweep_outbox(app.uow(upload.SYNC_ACTOR), outbox, FAST)
    assert (swept.uploaded, swept.orphans) == (0, 2)  # verified today: kept for outbox_keep_days
    assert not any(p.exists() for p in killed) and fresh.exists()
    assert _mode(outbox) == 0o700 and _mode(outbox / rows["manifest-0001.json"]) == 0o600
    later(timedelta(days=FAST.outbox_keep_days, hours=1))
    swept = sweep_outbox(app.uow(upload.SYNC_ACTOR), outbox, FAST)
    assert (swept.uploaded, swept.orphans) == (2, 2)  # the other one: the manifest as queued, before its stamping
    assert sorted(p.name for p in outbox.iterdir()) == [rows["document-002.pdf"]]
    assert verify_chain(app.uow(CONSOLE)).ok  # the removal is audited, the chain holds


def test_sync_once_removes_orphans_when_it_starts(approved: Approved, dav_server: DavServer, tmp_path: Path) -> None:
    outbox = approved.app.outbox
    outbox.mkdir(mode=0o755)
    orphan = outbox / "dead.pdf"
    orphan.write_bytes(b"%PDF- killed run")
    os.utime(orphan, (0, (jalali.utcnow() - timedelta(days=1)).timestamp()))
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
               SCANSTATION_STORE_URL=dav_server.url, SCANSTATION_STORE_USER=USER, SCANSTATION_STORE_PASSWORD=PASSWORD)
    run = subprocess.run([sys.executable, "-m", "scanstation", "sync", "--once"], env=env, capture_output=True,
                         text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert not orphan.exists() and _mode(outbox) == 0o700


def test_a_day_without_a_manifest_is_anchored_by_a_chain_head_note(
        approved: Approved, store: WebDavStore, dav_server: DavServer,
        later: Callable[[timedelta], datetime]) -> None:
    app = approved.app
    _drain(approved, store)

    def send() -> str | None:
        return chain_heads.send_if_due(lambda: app.uow(upload.SYNC_ACTOR), store, app.outbox, FAST, "test-ws")

    assert send() is None  # a manifest went today
    later(timedelta(hours=FAST.chain_head_note_hours, minutes=1))
    with app.uow(upload.SYNC_ACTOR) as uow:
        head = uow.session.get(AuditHead, 1)
        seq, digest = head.last_seq, head.last_hash  # the dossier's last records, after its manifest's anchor
    sent = send()
    assert sent is not None and sent.startswith("chain-heads-")
    note = json.loads((dav_server.files / sent).read_text(encoding="utf-8"))
    assert note["audit_chain_head"] == {"seq": seq, "hash": digest} and note["kind"] == "chain-head"
    assert all(p.read_bytes() != (dav_server.files / sent).read_bytes() for p in app.outbox.iterdir())  # no copy
    assert send() is None  # one a day
    later(timedelta(hours=3 * FAST.chain_head_note_hours))
    assert send() is None  # nothing happened since but the note's own record
    report = verify_against_store(lambda: app.uow(CONSOLE), store)
    assert report.ok and report.checked == 2  # the manifest and the newest note
    _rewrite_chain_from(approved, seq)  # an entry the manifest never saw, only the note
    report = verify_against_store(lambda: app.uow(CONSOLE), store)
    assert len(report.rewritten) == 1 and sent in report.rewritten[0]
