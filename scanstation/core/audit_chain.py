"""Append to and verify the hash chain. Each entry's hash covers its fields and the previous hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from scanstation.core import audit_state
from scanstation.core.jalali import utcnow
from scanstation.core.models import AuditEntry, AuditHead, Dossier, User
from scanstation.core.progress import ProgressReporter

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


_STRING = json.encoder.encode_basestring  # a string as canonical_json writes it (ensure_ascii=False)


def entry_hash(seq: int, at: str, workstation: str, actor: str, action: str, entity: str,
               details: str, prev_hash: str) -> str:
    """SHA-256 over the canonical JSON of an entry's fields: `canonical_json` of them as a dict, written out by hand
    in its sorted key order (the same bytes, a third of the time: `audit verify` hashes every entry)."""
    payload = (f'{{"action":{_STRING(action)},"actor":{_STRING(actor)},"at":{_STRING(at)},'
               f'"details":{_STRING(details)},"entity":{_STRING(entity)},"prev_hash":{_STRING(prev_hash)},'
               f'"seq":{int(seq)},"workstation":{_STRING(workstation)}}}')
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


_ENTRY = (AuditEntry.seq, AuditEntry.at, AuditEntry.workstation, AuditEntry.actor, AuditEntry.action,
          AuditEntry.entity, AuditEntry.details, AuditEntry.prev_hash, AuditEntry.hash)
_STATEFUL = ("dossier:", "user:")  # the entities whose rows the drift check compares with their recorded state


def verify(session: Session, batch: int = 5000, progress: ProgressReporter[int] | None = None) -> ChainReport:
    """Recompute the whole chain in order, stopping at the first entry that does not hold; then compare each
    dossier's and user's rows with the state the chain last recorded for them.

    Read in keyset batches of plain rows; run it in one snapshot (`uow.reading(snapshot=True)`) so rows committed
    meanwhile, with their entries, are not taken for drift. `progress` is told the entries checked after each batch,
    then the dossiers compared after each batch of those."""
    read = session.connection().execute  # plain rows: the ORM's per-row work was most of the time
    prev_hash = GENESIS
    expected_seq = 1
    # dossier or user -> the seq of the last entry that recorded its state (None while none has): only the number is
    # kept, for up to millions of dossiers; the states are read back a batch of dossiers at a time
    recorded: dict[str, int | None] = {}
    while True:
        rows = read(select(*_ENTRY).where(AuditEntry.seq >= expected_seq).order_by(AuditEntry.seq).limit(batch)).all()
        if not rows:
            break
        for seq, at, workstation, actor, action, entity, details, prev, digest in rows:
            if seq != expected_seq:
                return ChainReport(False, expected_seq - 1, expected_seq,
                                   f"audit entry #{expected_seq} is missing (the next one is #{seq})")
            if prev != prev_hash:
                return ChainReport(False, expected_seq - 1, seq,
                                   f"audit entry #{seq} ({action} {entity}) does not link to entry #{seq - 1}")
            if entry_hash(seq, at, workstation, actor, action, entity, details, prev) != digest:
                return ChainReport(False, expected_seq - 1, seq,
                                   f"audit entry #{seq} ({action} {entity}, {at}) was altered: "
                                   "its content no longer matches its hash")
            prev_hash = digest
            if entity.startswith(_STATEFUL) and ('"after"' in details or entity not in recorded):
                recorded[entity] = seq if '"after"' in details else recorded.get(entity)
            expected_seq += 1
        if progress is not None:
            progress(expected_seq - 1)
    checked = expected_seq - 1
    head = read(select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)).first()
    if head is not None and (head.last_seq != checked or head.last_hash != prev_hash):
        return ChainReport(False, checked, checked + 1,
                           f"the audit chain ends at entry #{checked} but its head says #{head.last_seq}: "
                           "entries were removed from the end")
    drift = _drift(session, checked, recorded, progress)
    if drift:
        return ChainReport(False, checked, None, drift[0], tuple(drift))
    return ChainReport(True, checked)


def _drift(session: Session, checked: int, recorded: dict[str, int | None],
           progress: ProgressReporter[int] | None, batch: int = 2000) -> list[str]:
    """Sentences for rows that changed, appeared or vanished without an audit entry. Dossiers are compared a batch
    at a time, their states computed set-wise and their recorded states read in one query; each one met is taken
    out of `recorded`, so what is left at the end was recorded and is gone."""
    if checked == 0:
        present = (session.execute(select(func.count()).select_from(Dossier)).scalar_one()
                   + session.execute(select(func.count()).select_from(User)).scalar_one())
        return [f"زنجیره ممیزی خالی است ولی پایگاه داده {present} پرونده و کاربر دارد؛ "
                "ثبت‌های زنجیره پاک شده است."] if present else []
    found: list[str] = []
    last_id, compared = 0, 0
    while states := audit_state.dossier_states(session, last_id, batch):
        found.extend(_compare(session, recorded, [(entity, state) for _, entity, state in states]))
        last_id, compared = states[-1][0], compared + len(states)
        if progress is not None:
            progress(compared)
    users = session.execute(select(User).order_by(User.id)).scalars().all()
    found.extend(_compare(session, recorded, [(f"user:{u.code}", audit_state.user_state(session, u)) for u in users]))
    gone = {entity: seq for entity, seq in recorded.items() if seq is not None}
    states = _recorded_states(session, gone)
    for entity in gone:
        found.extend(audit_state.differences(entity, states[entity], None))
    return found


def _compare(session: Session, recorded: dict[str, int | None],
             present: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """What is wrong with each dossier or user found in the database, given with its state now."""
    found: list[str] = []
    marks = {entity: recorded.pop(entity) for entity, _ in present if entity in recorded}
    states = _recorded_states(session, {entity: seq for entity, seq in marks.items() if seq is not None})
    for entity, state in present:
        if entity not in marks:
            kind, _, key = entity.partition(":")
            found.append(f"{audit_state.ENTITY_TITLES[kind]} {key} هیچ ثبتی در زنجیره ممیزی ندارد؛ "
                         "بیرون از برنامه افزوده شده است.")
        elif entity in states and states[entity] != state:
            found.extend(audit_state.differences(entity, states[entity], state))
    return found


def _recorded_states(session: Session, marks: dict[str, int]) -> dict[str, dict[str, Any]]:
    """The state each entity's marked entry recorded, read in one query. An entry only seemed to record one (a
    nested "after" in its details) in the rare case; the entity's entries are then read back for the last that did."""
    by_seq = dict(session.connection().execute(
        select(AuditEntry.seq, AuditEntry.details).where(AuditEntry.seq.in_(list(marks.values())))).all())
    states: dict[str, dict[str, Any]] = {}
    for entity, seq in marks.items():
        after = json.loads(by_seq[seq]).get("after")
        if after is None:
            after = next((state for (details,) in session.connection().execute(
                select(AuditEntry.details).where(AuditEntry.entity == entity, AuditEntry.seq < seq)
                .order_by(AuditEntry.seq.desc()))
                if (state := json.loads(details).get("after")) is not None), None)
        if after is not None:
            states[entity] = after
    return states
