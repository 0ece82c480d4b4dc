"""One capture batch at a time per dossier, across real processes, on SQLite and PostgreSQL; a batch left running
by kill -9 is closed at the next capture instead of locking the dossier for ever.

The first import is held mid-batch without timing: its page lines go to a pipe shrunk to one memory page that the
test does not read, so after a dozen pages it blocks in `print`, between two page transactions, with its batch
running. Long file names make each line long enough for that."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Row, select

from scanstation.bootstrap import App
from scanstation.core.errors import Conflict
from scanstation.core.jalali import utcnow
from scanstation.core.models import AuditEntry, CaptureBatch, Page, PageStatus
from scanstation.core.policy import capture_limits
from scanstation.core.uow import Actor
from scanstation.services import page_capture
from scanstation.services.audit import verify_chain
from scanstation.services.lookup import dossier_by_barcode
from tests import imaging as im
from tests.builders import CLERK, PASSWORD

HELD_PAGES = 20  # more than the shrunk pipe holds lines for, so the first import cannot finish while unread
F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)


def _files(tmp_path: Path, prefix: str, count: int, seed: int) -> list[Path]:
    """Distinct text pages under long names (about 230 characters), so each acknowledged page is a long line."""
    stem = prefix + "-" + "x" * 200
    return [im.save(im.text_page(seed + i, dpi=150, lines=8), tmp_path / f"{stem}-{i:03d}.png", dpi=150)
            for i in range(count)]


def _env(app: App, tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
                SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)


def _import(env: dict[str, str], barcode: str, files: list[Path], **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "scanstation", "import", "--dossier", barcode, *map(str, files),
                             "--user", CLERK], env=env, text=True, **popen)  # type: ignore[call-overload]


def _held_import(env: dict[str, str], barcode: str, files: list[Path]) -> subprocess.Popen[str]:
    """An import whose output pipe holds only one memory page and is not read: it blocks after some pages."""
    proc = _import(env, barcode, files, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    fcntl.fcntl(proc.stdout.fileno(), F_SETPIPE_SZ, 4096)
    return proc


def _batches(app: App) -> list[Row]:
    c = CaptureBatch
    with app.uow(CLERK) as uow:
        return list(uow.session.execute(select(c.id, c.status, c.pages, c.pid, c.message, c.finished_at)
                                        .order_by(c.id)).all())


def _wait_running(app: App, proc: subprocess.Popen[str]) -> Row:
    """The held import's batch, once it has some pages (it then stops at the full pipe, batch running)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        running = [b for b in _batches(app) if b.status == "running" and b.pages >= 3]
        if running:
            return running[0]
        assert proc.poll() is None, "the held import ended early"
        time.sleep(0.2)
    raise AssertionError("the held import never got going")


def _pages(app: App, barcode: str) -> list[Row]:
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        return list(uow.session.execute(select(Page.seq, Page.batch_id).where(
            Page.dossier_id == dossier.id, Page.status == PageStatus.ACTIVE).order_by(Page.seq)).all())


def test_second_import_into_a_dossier_is_refused_while_the_first_runs(ready_anywhere: tuple[App, str],
                                                                      tmp_path: Path) -> None:
    app, barcode = ready_anywhere
    env = _env(app, tmp_path)
    first = _held_import(env, barcode, _files(tmp_path, "first", HELD_PAGES, 0))
    try:
        batch = _wait_running(app, first)
        second = _import(env, barcode, _files(tmp_path, "second", 3, 500), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
        out, err = second.communicate(timeout=120)
        assert first.poll() is None, "the first import must still be running when the second is refused"
    finally:
        rest, _ = first.communicate(timeout=300)  # reading the pipe lets the first import finish
    assert second.returncode == 1
    assert f"پروندهٔ {barcode} هم‌اکنون" in err and "در حال ورود تصویر" in err and "صبر کنید" in err
    assert "Traceback" not in err and "pages captured" not in out
    assert first.returncode == 0 and f"{HELD_PAGES} pages captured" in rest
    assert [(b.id, b.status, b.pages) for b in _batches(app)] == [(batch.id, "done", HELD_PAGES)]
    assert [p.seq for p in _pages(app, barcode)] == list(range(1, HELD_PAGES + 1))
    assert all(p.batch_id == batch.id for p in _pages(app, barcode))  # nothing of the second one slipped in

    again = _import(env, barcode, _files(tmp_path, "second", 3, 500), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert "3 pages captured" in out and len(_pages(app, barcode)) == HELD_PAGES + 3


def test_a_batch_left_running_by_kill_9_is_closed_at_the_next_capture(ready_anywhere: tuple[App, str],
                                                                      tmp_path: Path) -> None:
    app, barcode = ready_anywhere
    env = _env(app, tmp_path)
    first = _held_import(env, barcode, _files(tmp_path, "killed", HELD_PAGES, 0))
    left = _wait_running(app, first)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    assert first.returncode == -signal.SIGKILL
    [killed] = _batches(app)
    assert killed.status == "running" and killed.pid == first.pid and 0 < killed.pages < HELD_PAGES

    after = _import(env, barcode, _files(tmp_path, "after", 2, 700), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = after.communicate(timeout=120)
    assert after.returncode == 0, err
    old, new = _batches(app)
    assert (old.id, old.status, new.status) == (left.id, "stopped", "done")
    assert old.finished_at is not None and "دیگر اجرا نمی‌شود" in (old.message or "")
    assert len(_pages(app, barcode)) == killed.pages + 2  # the killed batch's pages are kept
    with app.uow(CLERK) as uow:
        [details] = uow.session.execute(select(AuditEntry.details).where(
            AuditEntry.action == "capture.batch_stale")).scalars().all()
    assert json.loads(details)["batch"] == left.id and json.loads(details)["pid"] == first.pid
    assert verify_chain(app.uow(Actor("system:console", system=True))).ok


def _foreign_batch(app: App, barcode: str, silent_minutes: float) -> int:
    """A running batch as another workstation's process writes it (another host, so its pid says nothing here)."""
    now = utcnow()
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        batch = CaptureBatch(dossier_id=dossier.id, kind="scan", actor="clerk-elsewhere", host="another-workstation",
                             pid=os.getpid(), started_at=now - timedelta(minutes=silent_minutes + 1),
                             heartbeat_at=now - timedelta(minutes=silent_minutes), pages=4)
        uow.session.add(batch)
        uow.session.commit()
        return batch.id


def test_another_machines_batch_locks_until_it_falls_silent(ready: tuple[App, str], tmp_path: Path) -> None:
    sqlite_app, barcode = ready
    files = _files(tmp_path, "p", 2, 900)
    timeout = capture_limits().stale_batch_minutes
    busy = _foreign_batch(sqlite_app, barcode, silent_minutes=timeout / 2)
    with pytest.raises(Conflict, match="another-workstation"):
        page_capture.import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    assert [(b.id, b.status) for b in _batches(sqlite_app)] == [(busy, "running")]

    with sqlite_app.uow(CLERK) as uow:  # the other machine's last page is now older than the policy allows
        batch = uow.session.get(CaptureBatch, busy)
        assert batch is not None
        batch.heartbeat_at = utcnow() - timedelta(minutes=timeout + 1)
        uow.session.commit()
    summary = page_capture.import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    assert len(summary.pages) == 2
    closed = _batches(sqlite_app)[0]
    assert closed.status == "stopped" and "دقیقه هیچ صفحه‌ای نگرفته" in (closed.message or "")
