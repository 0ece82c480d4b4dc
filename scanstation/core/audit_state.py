"""The state an audit entry leaves behind for what it changed, so a row edited behind the program's back shows.

For `dossier:BARCODE`: digests of the dossier's record (identity, shelf, steps reached), its sheet counts, its step
records (who, when, values) and its active pages (sequence, sheet, side, SHA-256). For `user:CODE`: the roles, the
active flag and a digest of the password hash. Each part is kept separately so a difference can be named."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.models import Dossier, Page, PageStatus, StepRecord, User, UserRole
from scanstation.core.pages import active_placement

# What each part of a state is called in the sentence that says it changed.
PART_TITLES = {
    "dossier": {"record": "مشخصات", "counts": "برگ شماری", "steps": "مراحل ثبت‌شده", "pages": "صفحه‌های فعال"},
    "user": {"roles": "نقش‌های", "active": "فعال بودن", "password": "گذرواژه"},
}
ENTITY_TITLES = {"dossier": "پرونده", "user": "کاربر"}


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _moment(value: datetime | None) -> str | None:
    """The same text whether the value came from Python (before commit) or back from either database."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="microseconds")[:26]  # %Y-%m-%dT%H:%M:%S.%f, faster


# The columns each part of a dossier's state is made of, in order; read one dossier at a time after a commit
# (`dossier_state`) and set-wise, a batch of dossiers a query, by `audit verify` (`dossier_states`).
RECORD = (Dossier.barcode, Dossier.insured_number, Dossier.national_id, Dossier.name, Dossier.shelf,
          Dossier.out_of_turn, Dossier.step, Dossier.physical_step, Dossier.electronic_step)
COUNTS = (Dossier.sheets_counted, Dossier.sheets_slimmed, Dossier.sheets_recounted)
STEPS = (StepRecord.step, StepRecord.action, StepRecord.actor, StepRecord.user_id, StepRecord.at,
         StepRecord.values_json)
PLACEMENT = (Page.seq, Page.sheet, Page.side, Page.sha256)


def _dossier_digests(record: Sequence[Any], counts: Sequence[Any], steps: Iterable[Sequence[Any]],
                     pages: Iterable[Sequence[Any]]) -> dict[str, str]:
    return {"record": _digest(list(record)), "counts": _digest(list(counts)),
            "steps": _digest([[s, a, who, uid, _moment(at), values] for s, a, who, uid, at, values in steps]),
            "pages": _digest([list(p) for p in pages])}


def dossier_state(session: Session, dossier: Dossier) -> dict[str, str]:
    steps = session.execute(select(*STEPS).where(StepRecord.dossier_id == dossier.id).order_by(StepRecord.id)).all()
    return _dossier_digests([getattr(dossier, c.key) for c in RECORD], [getattr(dossier, c.key) for c in COUNTS],
                            steps, active_placement(session, dossier.id))


def dossier_states(session: Session, after_id: int, batch: int) -> list[tuple[int, str, dict[str, str]]]:
    """(id, entity, state) of the next `batch` dossiers by id after `after_id`: three queries (dossiers, their step
    records, their active pages) whatever the batch's size, so checking a million dossiers is a thousand rounds of
    three reads instead of three million."""
    read = session.connection().execute  # plain rows: the ORM's per-row work would cost more than the digests
    rows = read(select(Dossier.id, *RECORD, *COUNTS).where(Dossier.id > after_id).order_by(Dossier.id).limit(batch)).all()
    if not rows:
        return []
    within = (rows[0][0], rows[-1][0])
    steps = _by_dossier(read(
        select(StepRecord.dossier_id, *STEPS).where(StepRecord.dossier_id.between(*within))
        .order_by(StepRecord.dossier_id, StepRecord.id)).all())
    pages = _by_dossier(read(
        select(Page.dossier_id, *PLACEMENT).where(Page.dossier_id.between(*within), Page.status == PageStatus.ACTIVE)
        .order_by(Page.dossier_id, Page.seq)).all())
    record, counts = len(RECORD), len(RECORD) + len(COUNTS)
    return [(row[0], f"dossier:{row[1]}", _dossier_digests(row[1:record + 1], row[record + 1:counts + 1],
                                                           steps.get(row[0], ()), pages.get(row[0], ())))
            for row in rows]


def _by_dossier(rows: Iterable[Sequence[Any]]) -> dict[int, list[Sequence[Any]]]:
    """Rows whose first column is a dossier id, grouped by it (the rest of each row kept in order)."""
    grouped: dict[int, list[Sequence[Any]]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row[1:])
    return grouped


def user_state(session: Session, user: User) -> dict[str, Any]:
    roles = sorted(session.execute(select(UserRole.role).where(UserRole.user_id == user.id)).scalars())
    return {"roles": roles, "active": bool(user.active), "password": _digest(user.password_hash)}


def state_of(session: Session, entity: str) -> dict[str, Any] | None:
    """The current state of `entity` ("dossier:BARCODE" or "user:CODE"); None for other kinds or a missing row."""
    kind, _, key = entity.partition(":")
    if kind == "dossier":
        dossier = session.execute(select(Dossier).where(Dossier.barcode == key)).scalar_one_or_none()
        return dossier_state(session, dossier) if dossier else None
    if kind == "user":
        user = session.execute(select(User).where(User.code == key)).scalar_one_or_none()
        return user_state(session, user) if user else None
    return None


def differences(entity: str, recorded: dict[str, Any], current: dict[str, Any] | None) -> list[str]:
    """Persian sentences naming each part of `entity` that no longer matches its last audited state."""
    kind, _, key = entity.partition(":")
    title = f"{ENTITY_TITLES.get(kind, kind)} {key}"
    if current is None:
        return [f"{title} پس از آخرین ثبت در زنجیره از پایگاه داده حذف شده است."]
    return [f"{PART_TITLES[kind].get(part, part)} {title} پس از آخرین ثبت تغییر کرده است."
            for part in sorted(recorded) if recorded.get(part) != current.get(part)]
