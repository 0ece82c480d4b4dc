"""One capture batch at a time per dossier: a `running` capture batch row is the dossier's lock.

The lock lives in the database, so it holds across processes and workstations on SQLite and PostgreSQL alike: the
check and the new batch row are written in one transaction under the dossier's row lock (SQLite's BEGIN IMMEDIATE
serialises writers; PostgreSQL's SELECT ... FOR UPDATE). Two imports into one dossier would otherwise interleave
their pages, so the second is refused with one sentence.

A batch left `running` by a process that was killed (kill -9, power cut) must not lock the dossier for ever. Each batch
records its host, process id and last sign of life (`heartbeat_at`, set with every page); at the next capture a batch
whose process is gone from this host, or which has shown no sign of life for `stale_batch_minutes` (policy, for
batches of other machines), is closed as stopped, audited.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from sqlalchemy import select

from scanstation.core.digits import to_persian
from scanstation.core.errors import Conflict
from scanstation.core.jalali import jalali_datetime, utcnow
from scanstation.core.models import CaptureBatch, Dossier
from scanstation.core.policy import capture_limits
from scanstation.core.processes import host_name, process_alive
from scanstation.core.uow import UnitOfWork

_FILLING: set[int] = set()  # the batches this process is filling now; any other running batch of ours is left over


def owner_columns() -> dict[str, object]:
    """The columns that name this process as a new batch's owner."""
    now = utcnow()
    return {"host": host_name(), "pid": os.getpid(), "started_at": now, "heartbeat_at": now}


def filling(batch_id: int) -> None:
    """This process has started filling `batch_id`."""
    _FILLING.add(batch_id)


def released(batch_id: int) -> None:
    """This process no longer fills `batch_id` (it ended, or could not even be closed)."""
    _FILLING.discard(batch_id)


def why_stale(batch: CaptureBatch, now: datetime | None = None) -> str | None:
    """Why a running batch is left over (its sentence for the batch's message), or None while its owner may still be
    filling it. On this host the process id answers; anywhere, a long silence does."""
    if batch.host == host_name() and batch.pid is not None:
        if batch.pid == os.getpid() and batch.id not in _FILLING:
            return "این برنامه دیگر این دسته را پر نمی‌کند"
        if batch.pid != os.getpid() and not process_alive(batch.pid):
            return f"برنامه‌ای که این دسته را پر می‌کرد (شناسهٔ {to_persian(batch.pid)}) دیگر اجرا نمی‌شود"
    minutes = capture_limits().stale_batch_minutes
    last = batch.heartbeat_at or batch.started_at
    if (now or utcnow()) - last > timedelta(minutes=minutes):
        return f"این دسته بیش از {to_persian(f'{minutes:g}')} دقیقه هیچ صفحه‌ای نگرفته است"
    return None


def close_stale(uow: UnitOfWork, dossier: Dossier | None = None) -> list[CaptureBatch]:
    """Close the left-over running batches (of `dossier`, or all) as stopped, each audited, inside the caller's unit of
    work (the caller commits). The pages they kept stay as they are."""
    query = select(CaptureBatch, Dossier.barcode).join(Dossier, Dossier.id == CaptureBatch.dossier_id).where(
        CaptureBatch.status == "running")
    if dossier is not None:
        query = query.where(CaptureBatch.dossier_id == dossier.id)
    closed = []
    now = utcnow()
    for batch, barcode in uow.session.execute(query.order_by(CaptureBatch.id)).all():
        why = why_stale(batch, now)
        if why is None:
            continue
        batch.status, batch.finished_at = "stopped", now
        batch.message = f"دسته ناتمام ماند و بسته شد: {why}؛ {to_persian(batch.pages)} صفحهٔ آن محفوظ است."
        uow.audit("capture.batch_stale", f"dossier:{barcode}", batch=batch.id, host=batch.host, pid=batch.pid,
                  pages=batch.pages, why=why)
        closed.append(batch)
    return closed


def require_free(uow: UnitOfWork, dossier: Dossier) -> None:
    """Refuse, in one sentence, a capture into a dossier another batch is still filling; left-over batches of the
    dossier are closed first (the caller commits)."""
    close_stale(uow, dossier)
    uow.session.flush()
    busy = uow.session.execute(select(CaptureBatch).where(
        CaptureBatch.dossier_id == dossier.id, CaptureBatch.status == "running").order_by(CaptureBatch.id)
    ).scalars().first()
    if busy is None:
        return
    what = "اسکن" if busy.kind == "scan" else "ورود تصویر"
    where = f" روی رایانهٔ «{busy.host}»" if busy.host else ""
    raise Conflict(f"پروندهٔ {dossier.barcode} هم‌اکنون{where} در حال {what} به دست «{busy.actor}» است "
                   f"(از {jalali_datetime(busy.started_at)})؛ صبر کنید تا آن دسته تمام شود و دوباره بزنید.")
