"""Append to and verify the hash chain. Each entry's hash covers its fields and the previous hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from scanstation.core import audit_state
from scanstation.core.models import AuditEntry, AuditHead
from scanstation.core.jalali import utcnow

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(seq: int, at: str, workstation: str, actor: str, action: str, entity: str,
               details: str, prev_hash: str) -> str:
    """SHA-256 over the canonical JSON of an entry's fields."""
    payload = canonical_json({
        "seq": seq, "at": at, "workstation": workstation, "actor": actor, "action": action,
        "entity": entity, "details": details, "prev_hash": prev_hash,
    })
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_HEAD_FOR_UPDATE = select(AuditHead).where(AuditHead.id == 1).with_for_update()  # built once: asked at every commit


@dataclass(frozen=True)
class NewEntry:
    action: str
    entity: str
    details: dict[str, Any]


def append(session: Session, *, workstation: str, actor: str, entries: Sequence[NewEntry],
           at: datetime | None = None) -> None:
    """Add the next entries, in order, in the caller's transaction; the head row lock orders concurrent writers.

    The head is read once and the entries go in as one plain INSERT (nothing reads them back in the transaction,
    and an ORM object each cost more than the rest of a small commit); the head row changes with the session and
    is saved at its commit. A commit that records twenty files pays for one head, not twenty."""
    if not entries:
        return
    head = session.execute(_HEAD_FOR_UPDATE).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_seq=0, last_hash=GENESIS)
        session.add(head)
    moment = (at or utcnow()).astimezone(timezone.utc)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    seq, prev_hash, rows = head.last_seq, head.last_hash, []
    for entry in entries:
        seq += 1
        details_text = canonical_json(entry.details)
        digest = entry_hash(seq, stamp, workstation, actor, entry.action, entry.entity, details_text, prev_hash)
        rows.append({"seq": seq, "at": stamp, "workstation": workstation, "actor": actor, "action": entry.action,
                     "entity": entry.entity, "details": details_text, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    session.execute(insert(AuditEntry), rows)
    head.last_seq, head.last_hash = seq, prev_hash


@dataclass(frozen=True)
class ChainReport:
    """Result of a verification: `ok`, how many entries were checked, and the first problem."""

    ok: bool
    checked: int
    bad_seq: int | None = None
    problem: str | None = None
    drift: tuple[str, ...] = ()  # every dossier or user whose rows differ from their last audited state


def verify(session: Session, batch: int = 5000) -> ChainReport:
    """Recompute the whole chain in order, stopping at the first entry that does not hold; then compare each
    dossier's and user's rows with the state the chain last recorded for them."""
    prev_hash = GENESIS
    expected_seq = 1
    last_seen = 0
    recorded: dict[str, dict[str, Any] | None] = {}
    while True:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.seq > last_seen).order_by(AuditEntry.seq).limit(batch)
        ).scalars().all()
        if not rows:
            break
        for e in rows:
            if e.seq != expected_seq:
                return ChainReport(False, expected_seq - 1, expected_seq,
                                   f"audit entry #{expected_seq} is missing (the next one is #{e.seq})")
            if e.prev_hash != prev_hash:
                return ChainReport(False, expected_seq - 1, e.seq,
                                   f"audit entry #{e.seq} ({e.action} {e.entity}) does not link to entry #{e.seq - 1}")
            digest = entry_hash(e.seq, e.at, e.workstation, e.actor, e.action, e.entity, e.details, e.prev_hash)
            if digest != e.hash:
                return ChainReport(False, expected_seq - 1, e.seq,
                                   f"audit entry #{e.seq} ({e.action} {e.entity}, {e.at}) was altered: "
                                   "its content no longer matches its hash")
            prev_hash = e.hash
            after = json.loads(e.details).get("after") if '"after"' in e.details else None
            if after is not None or e.entity not in recorded:
                recorded[e.entity] = after
            expected_seq += 1
            last_seen = e.seq
        session.expunge_all()
    head = session.get(AuditHead, 1)
    checked = expected_seq - 1
    if head is not None and (head.last_seq != checked or head.last_hash != prev_hash):
        return ChainReport(False, checked, checked + 1,
                           f"the audit chain ends at entry #{checked} but its head says #{head.last_seq}: "
                           "entries were removed from the end")
    drift = _drift(session, recorded)
    if drift:
        return ChainReport(False, checked, None, drift[0], tuple(drift))
    return ChainReport(True, checked)


def _drift(session: Session, recorded: dict[str, dict[str, Any] | None]) -> list[str]:
    """Sentences for rows that changed, appeared or vanished without an audit entry."""
    present = audit_state.entities_in_database(session)
    if not recorded and present:
        return [f"زنجیره ممیزی خالی است ولی پایگاه داده {len(present)} پرونده و کاربر دارد؛ "
                "ثبت‌های زنجیره پاک شده است."]
    found: list[str] = []
    for entity in present:
        if entity not in recorded:
            found.append(f"{audit_state.ENTITY_TITLES[entity.split(':')[0]]} {entity.split(':', 1)[1]} "
                         "هیچ ثبتی در زنجیره ممیزی ندارد؛ بیرون از برنامه افزوده شده است.")
    for entity, state in recorded.items():
        if state is not None:
            found.extend(audit_state.differences(entity, state, audit_state.state_of(session, entity)))
    return found
