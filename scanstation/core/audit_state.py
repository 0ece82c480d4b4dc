"""The state an audit entry leaves behind for what it changed, so a row edited behind the program's back shows.

For `dossier:BARCODE`: digests of the dossier's record (identity, shelf, steps reached), its sheet counts, its step
records (who, when, values) and its active pages (sequence, sheet, side, SHA-256). For `user:CODE`: the roles, the
active flag and a digest of the password hash. Each part is kept separately so a difference can be named."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.models import Dossier, StepRecord, User, UserRole
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
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def dossier_state(session: Session, dossier: Dossier) -> dict[str, str]:
    record = [dossier.barcode, dossier.insured_number, dossier.national_id, dossier.name, dossier.shelf,
              dossier.out_of_turn, dossier.step, dossier.physical_step, dossier.electronic_step]
    counts = [dossier.sheets_counted, dossier.sheets_slimmed, dossier.sheets_recounted]
    steps = session.execute(select(StepRecord.step, StepRecord.action, StepRecord.actor, StepRecord.user_id,
                                   StepRecord.at, StepRecord.values_json)
                            .where(StepRecord.dossier_id == dossier.id).order_by(StepRecord.id)).all()
    pages = active_placement(session, dossier.id)
    return {"record": _digest(record), "counts": _digest(counts),
            "steps": _digest([[s, a, who, uid, _moment(at), values] for s, a, who, uid, at, values in steps]),
            "pages": _digest([list(p) for p in pages])}


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


def entities_in_database(session: Session) -> list[str]:
    """Every dossier and user in the database, as audit entities."""
    return ([f"dossier:{b}" for b in session.execute(select(Dossier.barcode).order_by(Dossier.id)).scalars()]
            + [f"user:{c}" for c in session.execute(select(User.code).order_by(User.id)).scalars()])
