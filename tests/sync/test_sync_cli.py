"""`scanstation sync` and `scanstation track` as separate processes: run twice without duplicates, a wrong
password in one sentence, a password file others can read refused, and SIGKILL at random moments."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from scanstation.core.models import UploadItem
from scanstation.core.uow import Actor
from scanstation.services import upload
from scanstation.services.audit import verify_chain
from tests.builders import CLERK, PASSWORD as USER_PASSWORD
from tests.sync.conftest import Approved, approve_dossier, electronic_step
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy

EXPECTED = ["document-001.pdf", "document-002.pdf", "manifest-0001.json"]


def _env(approved: Approved, server: DavServer, tmp_path: Path, password: str | None = PASSWORD) -> dict[str, str]:
    env = dict(os.environ, SCANSTATION_DB=approved.app.settings.db_url,
               SCANSTATION_DATA=str(approved.app.settings.data_dir), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
               SCANSTATION_STORE_URL=server.url, SCANSTATION_STORE_USER=USER, SCANSTATION_WORKSTATION="test-ws",
               SCANSTATION_PASSWORD=USER_PASSWORD)
    env.pop("SCANSTATION_STORE_PASSWORD", None)
    if password is not None:
        env["SCANSTATION_STORE_PASSWORD"] = password
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scanstation", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def _listing(server: DavServer, barcode: str) -> dict[str, float]:
    folder = server.files / barcode
    return {p.name: p.stat().st_mtime for p in folder.iterdir() if not p.name.startswith(".")}


def test_sync_once_twice_sends_nothing_twice(approved: Approved, dav_server: DavServer, tmp_path: Path) -> None:
    env = _env(approved, dav_server, tmp_path)
    first = _run(env, "sync", "--once")
    assert first.returncode == 0, first.stderr
    listing = _listing(dav_server, approved.barcode)
    assert sorted(listing) == EXPECTED
    second = _run(env, "sync", "--once")
    assert second.returncode == 0, second.stderr
    assert "verified 0" in second.stdout and _listing(dav_server, approved.barcode) == listing
    assert electronic_step(approved.app, approved.barcode) == 12
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        codes = list(uow.session.execute(select(UploadItem.tracking_code).where(
            UploadItem.kind == "document").order_by(UploadItem.id)).scalars())
    assert len(codes) == 2
    tracked = _run(env, "track", " ".join(codes[0][i:i + 4] for i in (0, 4, 8)), "--json", "--user", CLERK)
    assert tracked.returncode == 0 and json.loads(tracked.stdout)["state"] == "verified"
    said = _run(env, "track", codes[0], "--user", CLERK)  # in Persian, the code in fours as on the receipt
    assert said.returncode == 0 and "در مخزن مرکزی تأیید شد" in said.stdout and codes[0][:4] + " " in said.stdout
    typo = _run(env, "track", codes[0][:-1] + str((int(codes[0][-1]) + 1) % 10), "--user", CLERK)
    assert typo.returncode == 1 and len(typo.stderr.strip().splitlines()) == 1
    shown = _run(env, "dossier", "show", approved.barcode, "--json", "--user", CLERK)
    assert shown.returncode == 0, shown.stderr
    uploads = [d["upload"] for d in json.loads(shown.stdout)["documents"]]
    assert uploads == [{"state": "verified", "tracking_code": code} for code in codes]
    audit = _run(env, "audit", "verify")  # the sync run's changes are audited: no chain break, no drift
    assert audit.returncode == 0, audit.stdout + audit.stderr


def test_wrong_password_is_one_sentence_and_nothing_is_lost(approved: Approved, dav_server: DavServer,
                                                            tmp_path: Path) -> None:
    run = _run(_env(approved, dav_server, tmp_path, password="wrong-one"), "sync", "--once")
    assert run.returncode == 1 and "wrong-one" not in run.stdout + run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "گذرواژه" in lines[0] and "Traceback" not in run.stderr
    assert _run(_env(approved, dav_server, tmp_path), "sync", "--once").returncode == 0
    assert sorted(_listing(dav_server, approved.barcode)) == EXPECTED


def test_a_password_in_a_config_file_others_can_read_is_refused(approved: Approved, dav_server: DavServer,
                                                                tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'store_password = "{PASSWORD}"\n', encoding="utf-8")
    config.chmod(0o644)
    env = _env(approved, dav_server, tmp_path, password=None)
    env["SCANSTATION_CONFIG"] = str(config)
    run = _run(env, "sync", "--once")
    assert run.returncode == 1 and "chmod 600" in run.stderr and PASSWORD not in run.stderr
    assert dav_server.remote_files() == []
    config.chmod(0o600)
    assert _run(env, "sync", "--once").returncode == 0


def _states(approved: Approved) -> list[str]:
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        return sorted(uow.session.execute(select(UploadItem.state)).scalars())


def test_sigkill_at_random_moments_then_every_document_verified_once(sqlite_app, wsgidav_server: DavServer,
                                                                    tmp_path: Path) -> None:
    """The store is reached through a slow line (a throttling proxy), so kills land while files are in flight
    as well as while packaging and recording."""
    approved = approve_dossier(sqlite_app, tmp_path / "scans", pages=6, lines=40)
    slow = FaultProxy(wsgidav_server.port)
    slow.bytes_per_second = 600_000
    env = _env(approved, wsgidav_server, tmp_path)
    env["SCANSTATION_STORE_URL"] = slow.url
    rnd = random.Random(11)
    states: list[list[str]] = []
    for round_ in range(6):
        proc = subprocess.Popen([sys.executable, "-m", "scanstation", "sync", "--once"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round_ > 0:  # later rounds: a random moment once the outbox has rows, however slow the machine is
            deadline = time.monotonic() + 120
            while not _states(approved) and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        time.sleep(rnd.uniform(0.2, 2.5))  # round 0: usually while the documents are being packaged
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        states.append(_states(approved))
    final = _run(env, "sync", "--once")
    slow.close()
    assert final.returncode == 0, final.stderr
    assert any(set(s) - {"verified"} for s in states), f"every kill came too late: {states}"
    print("states after each kill:", states, "; proxy saw:", slow.seen)
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        items = uow.session.execute(select(UploadItem).order_by(UploadItem.id)).scalars().all()
        rows = [(i.kind, i.document_id, i.name, i.state, i.sha256) for i in items]
    documents = [r for r in rows if r[0] == "document"]
    assert len(documents) == len({r[1] for r in documents}) == 2
    assert all(r[3] == "verified" for r in rows)
    remote = {p.name: p for p in (wsgidav_server.files / approved.barcode).iterdir()}
    assert sorted(remote) == sorted(r[2] for r in rows)  # no stray or half files
    assert all(hashlib.sha256(remote[r[2]].read_bytes()).hexdigest() == r[4] for r in rows)
    assert electronic_step(approved.app, approved.barcode) == 12
    assert verify_chain(approved.app.uow(Actor("system:console", system=True))).ok


def test_sync_as_a_service_drains_and_stops_on_sigterm(approved: Approved, wsgidav_server: DavServer,
                                                       tmp_path: Path) -> None:
    env = _env(approved, wsgidav_server, tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "scanstation", "sync"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while electronic_step(approved.app, approved.barcode) < 12 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.2)
        assert electronic_step(approved.app, approved.barcode) == 12
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "سرویس بارگذاری" in err and "Traceback" not in err
    assert sorted(_listing(wsgidav_server, approved.barcode)) == EXPECTED
