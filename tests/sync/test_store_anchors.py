"""The audit chain head in each uploaded manifest: taken when the manifest is sent, and compared with the local
chain by `audit verify --against-store`, which names the manifest when the local database was rewritten."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete as delete_rows
from sqlalchemy import select, update

from scanstation.core.audit_chain import entry_hash
from scanstation.core.models import AuditEntry, AuditHead, Branch, UploadItem
from scanstation.core.uow import Actor
from scanstation.services import upload
from scanstation.services.audit import verify_against_store
from scanstation.services.upload_worker import drain
from scanstation.sync.webdav import WebDavStore
from tests.builders import CLERK
from tests.builders import PASSWORD as USER_PASSWORD
from tests.sync.conftest import FAST, Approved
from tests.sync.servers import PASSWORD, USER, DavServer

CONSOLE = Actor("system:console", system=True)


def _entries(approved: Approved, action: str) -> list[AuditEntry]:
    with approved.app.uow(CONSOLE) as uow:
        rows = list(uow.session.execute(select(AuditEntry).where(AuditEntry.action == action)
                                        .order_by(AuditEntry.seq)).scalars())
        uow.session.expunge_all()
        return rows


def test_the_manifest_carries_the_chain_head_of_its_sending(approved: Approved, store: WebDavStore,
                                                             dav_server: DavServer) -> None:
    app = approved.app
    summary = drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws")
    assert summary.verified == 3
    manifest = json.loads((dav_server.files / approved.barcode / "manifest-0001.json").read_text(encoding="utf-8"))
    head = manifest["audit_chain_head"]
    queued = _entries(approved, "upload.queued")[0]
    claims = [e for e in _entries(approved, "upload.claim") if "manifest" in json.loads(e.details)["file"]]
    assert len(claims) == 1 and json.loads(claims[0].details)["chain_head"] == head["seq"]
    assert head["seq"] > queued.seq  # later than the queueing: the documents' claims and results came between
    assert head["seq"] == claims[0].seq - 1 and head["hash"] == claims[0].prev_hash  # the head just before its claim
    with app.uow(upload.SYNC_ACTOR) as uow:  # the row's hash is that of the stamped file the store holds
        item = uow.session.execute(select(upload.UploadItem).where(upload.UploadItem.kind == "manifest")).scalar_one()
        assert item.properties["sha256"] == item.sha256
        assert store.remote_sha256(approved.barcode, "manifest-0001.json") == item.sha256
    report = verify_against_store(lambda: app.uow(CONSOLE), store)
    assert report.ok and report.checked == 1


def _rewrite_chain_from(approved: Approved, seq: int) -> None:
    """What someone rewriting the database would do: change an entry, then recompute every hash after it (so the
    chain holds together again and plain `audit verify` passes)."""
    with approved.app.uow(CONSOLE) as uow:
        rows = uow.session.execute(select(AuditEntry).where(AuditEntry.seq >= seq - 1)
                                   .order_by(AuditEntry.seq)).scalars().all()
        prev = rows[0].hash
        for entry in rows[1:]:
            if entry.seq == seq:
                entry.workstation = "elsewhere"
            entry.prev_hash = prev
            entry.hash = prev = entry_hash(entry.seq, entry.at, entry.workstation, entry.actor, entry.action,
                                           entry.entity, entry.details, entry.prev_hash)
        uow.session.get(AuditHead, 1).last_hash = prev
        uow.session.commit()


def test_audit_verify_against_store_names_a_rewritten_database(approved: Approved, dav_server: DavServer,
                                                                tmp_path: Path) -> None:
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
               SCANSTATION_STORE_URL=dav_server.url, SCANSTATION_STORE_USER=USER, SCANSTATION_STORE_PASSWORD=PASSWORD,
               SCANSTATION_WORKSTATION="test-ws", SCANSTATION_PASSWORD=USER_PASSWORD)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "scanstation", *args], env=env, capture_output=True, text=True,
                              timeout=300)

    assert run("sync", "--once").returncode == 0
    clean = run("audit", "verify", "--against-store")
    assert clean.returncode == 0, clean.stderr
    assert "store anchors: 1 manifests checked, 0 not held" in clean.stdout
    refused = run("audit", "verify", "--against-store", "--user", CLERK)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr  # a supervisor's or admin's check
    _rewrite_chain_from(approved, 3)
    assert run("audit", "verify").returncode == 0  # the rewritten chain holds together on its own
    caught = run("audit", "verify", "--against-store")
    assert caught.returncode == 1
    assert f"{approved.barcode}/manifest-0001.json" in caught.stderr and "بازنویسی" in caught.stderr
    assert "1 not held by the local chain" in caught.stdout


def _switch_off(approved: Approved, delete: bool) -> None:
    """What someone hiding a rewrite from `--against-store` would do next: rename the branch, and delete the upload
    rows (or move them to another collection name), so that no manifest in the store looks like this database's."""
    with approved.app.uow(CONSOLE) as uow:
        uow.session.execute(update(Branch).values(code="ZZ99"))
        if delete:
            uow.session.execute(delete_rows(UploadItem))
        else:
            uow.session.execute(update(UploadItem).values(collection="elsewhere"))
        uow.session.commit()


@pytest.mark.parametrize("delete", [True, False], ids=["rows-deleted", "rows-renamed"])
def test_renaming_the_branch_and_removing_upload_rows_does_not_switch_the_check_off(
        approved: Approved, store: WebDavStore, delete: bool) -> None:
    app = approved.app
    assert drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws").verified == 3
    _switch_off(approved, delete)  # the chain itself untouched: the manifest's head still held
    report = verify_against_store(lambda: app.uow(CONSOLE), store)
    assert report.checked == 1 and not report.rewritten
    assert len(report.unaccounted) == 1 and f"{approved.barcode}/manifest-0001.json" in report.unaccounted[0]
    _rewrite_chain_from(approved, 3)  # and now the history too: the manifest's head is no longer held
    report = verify_against_store(lambda: app.uow(CONSOLE), store)
    assert report.checked == 1 and len(report.rewritten) == 1 and not report.ok


def test_a_manifest_of_another_branch_is_left_out(approved: Approved, store: WebDavStore, tmp_path: Path) -> None:
    """The store is shared: a collection holding another branch's manifest (its own chain) is not this one's."""
    app = approved.app
    drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws")
    other = json.loads(store.read(approved.barcode, "manifest-0001.json") or b"{}")
    other["branch"]["code"], other["dossier"]["barcode"] = "0099", "SS-0099-1403-000001-X"
    other["audit_chain_head"] = {"seq": 2, "hash": "f" * 64}
    source = tmp_path / "other.json"
    source.write_text(json.dumps(other), encoding="utf-8")
    store.ensure_collection("SS-0099-1403-000001-X")
    store.put_new("SS-0099-1403-000001-X", "manifest-0001.json", source, hashlib.sha256(source.read_bytes()).hexdigest())
    report = verify_against_store(lambda: app.uow(CONSOLE), store)
    assert report.ok and report.checked == 1
