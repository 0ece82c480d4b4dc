"""Looking after the outbox folder: every file in it is a second full copy of personal data, so a file stays only
while the upload needs it (and `outbox_keep_days` after the store holds it verified), a file nothing names (a run
killed between writing it and committing its row) goes once it is older than `outbox_orphan_grace_hours`, and the
folder and its files are the owner's alone (0700/0600), whatever made them before."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from scanstation.core.durable import OWNER_ONLY_FILE, OWNER_ONLY_FOLDER
from scanstation.core.jalali import utcnow
from scanstation.core.models import UploadItem
from scanstation.core.uow import UnitOfWork
from scanstation.sync.policy import UploadPolicy


@dataclass(frozen=True)
class Swept:
    """What one sweep removed: copies the store holds verified long enough, and files nothing names."""

    uploaded: int
    orphans: int


def _names(uow: UnitOfWork, cutoff: datetime, present: list[str]) -> tuple[set[str], set[str]]:
    """Of the file names `present` in the folder, those some row still needs, and those only rows done with them
    name. Only the folder's names are asked for (it holds what is not swept yet; the table holds every upload)."""
    with uow.reading():
        uow.require_to("upload.send")
        needed: set[str] = set()
        done: set[str] = set()
        for start in range(0, len(present), 500):  # an IN list of bounded size
            for name, state, indexed_at in uow.session.execute(
                    select(UploadItem.local_file, UploadItem.state, UploadItem.indexed_at)
                    .where(UploadItem.local_file.in_(present[start:start + 500]))):
                verified = state == "verified" and indexed_at is not None and indexed_at <= cutoff
                (done if verified else needed).add(name)
        return needed, done - needed


def _private(path: Path, mode: int) -> None:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(mode)


def sweep_outbox(uow: UnitOfWork, outbox: Path, policy: UploadPolicy, now: datetime | None = None) -> Swept:
    """Remove from `outbox` what the store holds verified for `outbox_keep_days`, and the files no row names that
    are older than the grace; make what stays private. The removal is audited (the rows keep their file names)."""
    if not outbox.is_dir():
        return Swept(0, 0)
    moment = now or utcnow()
    with os.scandir(outbox) as entries:
        files = [entry for entry in entries if entry.is_file(follow_symlinks=False)]
    needed, done = _names(uow, moment - timedelta(days=policy.outbox_keep_days), [e.name for e in files])
    orphan_before = (moment - timedelta(hours=policy.outbox_orphan_grace_hours)).timestamp()
    _private(outbox, OWNER_ONLY_FOLDER)
    uploaded = orphans = 0
    for entry in files:
        path = Path(entry.path)
        if entry.name in needed:
            _private(path, OWNER_ONLY_FILE)
        elif entry.name in done:
            path.unlink(missing_ok=True)
            uploaded += 1
        elif entry.stat(follow_symlinks=False).st_mtime < orphan_before:
            path.unlink(missing_ok=True)
            orphans += 1
    if uploaded or orphans:
        with uow:
            uow.require_to("upload.send")
            uow.audit("outbox.cleaned", f"outbox:{outbox.name}", uploaded=uploaded, orphans=orphans,
                      keep_days=policy.outbox_keep_days)
            uow.commit()
    return Swept(uploaded, orphans)
