"""The daily chain-head note: every manifest carries the audit chain head to the store, but on a day when no dossier
is uploaded the entries written since the last manifest would be anchored only by the next one, whenever that comes.
So the service sends a small note holding the head alone (sync/package.chain_head_note) into the branch's
`chain-heads-<branch>` collection when no manifest or note went for `chain_head_note_hours` (resources/upload.toml),
and `audit verify --against-store` checks the newest note as it checks the manifests."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from scanstation.core.jalali import utcnow
from scanstation.core.models import AuditHead, Branch, UploadItem
from scanstation.core.uow import UnitOfWork
from scanstation.sync.package import (
    CHAIN_HEADS_COLLECTION,
    chain_head_note,
    write_outbox_file,
)
from scanstation.sync.policy import UploadPolicy
from scanstation.sync.store import ContentStore, collection_name

_NOTE = re.compile(r"chain-head-(\d{8}T\d{6}Z)-(\d+)\.json")


@dataclass(frozen=True)
class _Head:
    branch_code: str
    branch_name: str
    seq: int
    digest: str
    last_manifest_at: datetime | None  # when the newest manifest was read back from the store


def _head(uow: UnitOfWork) -> _Head | None:
    """The chain head now, the branch whose notes collection it goes to, and when a manifest last anchored one."""
    with uow.reading():
        uow.require_to("upload.send")
        branch = uow.session.execute(select(Branch).order_by(Branch.id).limit(1)).scalar_one_or_none()
        head = uow.session.get(AuditHead, 1)
        if branch is None or head is None:
            return None
        last = uow.session.execute(select(func.max(UploadItem.remote_verified_at))
                                   .where(UploadItem.kind == "manifest")).scalar_one()
        return _Head(branch.code, branch.name, head.last_seq, head.last_hash, last)


def _newest_note(names: list[str]) -> tuple[datetime | None, int]:
    """When the newest note in a listing was made and the chain position it holds ((None, 0) for none)."""
    found = sorted(match.groups() for match in map(_NOTE.fullmatch, names) if match)
    if not found:
        return None, 0
    stamp, seq = found[-1]
    return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC), int(seq)


def notes_collection(branch_code: str) -> str:
    return collection_name(CHAIN_HEADS_COLLECTION + branch_code)


def send_if_due(new_uow: Callable[[], UnitOfWork], store: ContentStore, outbox: Path, policy: UploadPolicy,
                workstation: str) -> str | None:
    """Send a chain-head note when neither a manifest nor a note went for `chain_head_note_hours` and the chain has
    moved since the last note (beyond that note's own record); returns the file sent, None when none was due.
    A store problem is raised as it is (StoreError): the next look tries again."""
    head = _head(new_uow())
    if head is None:
        return None
    now = utcnow()
    due_after = timedelta(hours=policy.chain_head_note_hours)
    if head.last_manifest_at is not None and now - head.last_manifest_at < due_after:
        return None  # a manifest anchored the chain lately: no need to ask the store for its notes
    collection = notes_collection(head.branch_code)
    note_at, note_seq = _newest_note(store.list(collection))
    anchored = [moment for moment in (head.last_manifest_at, note_at) if moment is not None]
    if anchored and now - max(anchored) < due_after:
        return None
    if head.seq <= note_seq + 1:  # nothing happened since the last note but its own audit entry
        return None
    name, data = chain_head_note(head.branch_code, head.branch_name, head.seq, head.digest, now, workstation)
    out = write_outbox_file(outbox, data, ".json")
    try:
        store.ensure_collection(collection)
        store.put_new(collection, name, outbox / out.name, out.sha256)
    finally:
        (outbox / out.name).unlink(missing_ok=True)
    with new_uow() as uow:
        uow.require_to("upload.send")
        uow.audit("audit.anchored", f"store:{collection}/{name}", seq=head.seq, hash=head.digest, sha256=out.sha256)
        uow.commit()
    return f"{collection}/{name}"
