"""The register of intake originals: where each one is (binder, position), or what became of it.

"Where is the original of this document?" is `register(search=...)`; the binders' fill is `binders()`. Reads need a
login (names of insured persons); returning or handing over an original is recorded with who took it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jdatetime
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from scanstation.core.digits import parse_int, to_latin, to_persian
from scanstation.core.errors import Conflict, InvalidInput, NotFound
from scanstation.core.quoting import quoted
from scanstation.core.identifiers import person_name
from scanstation.core.jalali import tehran_today, utcnow
from scanstation.core.models import Binder, Branch, DestructionBatch, Document, Dossier, LegalHold, Original, UploadItem
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.taxonomy import BINDERS, load_taxonomy
from scanstation.records.policy import records_policy
from scanstation.records.schedule import display_status
from scanstation.services.lookup import document_by_number, dossier_by_barcode
from scanstation.services.queries import require_reader

STATUS_TITLES = {"kept": "در کلاسور", "held": "نزد شعبه", "returned": "تحویل شده", "due": "آماده امحا",
                 "destroyed": "امحا شده"}


def jalali_text(day: date) -> str:
    """A stored Gregorian date as Jalali YYYY/MM/DD, Latin digits (as the CLI contract gives dates)."""
    return jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")


def iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


@dataclass(frozen=True)
class RegisterRow:
    """One intake original as the register shows it."""

    original_id: int
    barcode: str
    insured_number: str
    name: str
    document: int
    type: str
    type_name: str
    binder: str | None
    binder_number: int | None
    position: int | None
    sheets: int
    registered: str  # Jalali YYYY/MM/DD, Latin digits
    secretariat_no: str | None
    disposition: str
    status: str
    handed_to: str | None
    handed_at: datetime | None
    on_hold: bool
    tracking_code: str | None
    upload_state: str | None
    remote_verified_at: datetime | None
    destroyed_batch: int | None
    destroyed_at: datetime | None

    @property
    def status_title(self) -> str:
        return STATUS_TITLES[self.status]

    def to_json(self) -> dict[str, Any]:
        return {"barcode": self.barcode, "insured_number": self.insured_number, "document": self.document,
                "type": self.type, "binder": self.binder, "binder_number": self.binder_number,
                "position": self.position, "sheets": self.sheets, "registered": self.registered,
                "secretariat_no": self.secretariat_no, "disposition": self.disposition, "status": self.status,
                "handed_to": self.handed_to, "handed_at": iso(self.handed_at), "on_hold": self.on_hold,
                "tracking_code": self.tracking_code, "remote_verified_at": iso(self.remote_verified_at),
                "destroyed_batch": self.destroyed_batch, "destroyed_at": iso(self.destroyed_at)}


def branch_name(uow: UnitOfWork) -> str:
    """The acting user's branch (the first branch for a system actor), as printed on binders and minutes."""
    user = uow.user
    if user is not None and user.branch is not None:
        return user.branch.name
    return uow.session.execute(select(Branch.name).order_by(Branch.id).limit(1)).scalar() or ""


def minutes_dir(data_dir: Path) -> Path:
    """Where the destruction minutes are kept: the data folder's records/minutes/."""
    return Path(data_dir) / "records" / "minutes"


def latest_upload(session: Session, document_id: int) -> UploadItem | None:
    """The document's newest file in the upload outbox (its remote copy), None before it is queued."""
    return session.execute(select(UploadItem).where(UploadItem.document_id == document_id, UploadItem.kind == "document")
                           .order_by(UploadItem.id.desc()).limit(1)).scalar_one_or_none()


def on_hold(session: Session, original: Original) -> bool:
    """A legal hold in force over the original's document or its whole dossier."""
    return session.execute(select(LegalHold.id).where(
        LegalHold.dossier_id == original.dossier_id, LegalHold.released_at.is_(None),
        or_(LegalHold.document_id.is_(None), LegalHold.document_id == original.document_id)).limit(1)).first() \
        is not None


def row_of(session: Session, original: Original, as_of: date) -> RegisterRow:
    dossier = session.get(Dossier, original.dossier_id)
    doc = session.get(Document, original.document_id)
    intake = original.intake
    binder = original.binder
    upload = latest_upload(session, original.document_id)
    batch = session.get(DestructionBatch, original.destroyed_batch_id) if original.destroyed_batch_id else None
    kind = load_taxonomy().types.get(original.type_code)
    return RegisterRow(
        original.id, dossier.barcode, dossier.insured_number, dossier.name, doc.number, original.type_code,
        kind.name if kind else original.type_code, binder.series if binder else None,
        binder.number if binder else None, original.position, original.sheets, jalali_text(original.registered_on),
        intake.secretariat_no, original.disposition,
        display_status(original, as_of, records_policy().hold_months), original.handed_to, original.handed_at,
        on_hold(session, original), upload.tracking_code if upload else None, upload.state if upload else None,
        upload.remote_verified_at if upload else None, batch.number if batch else None, original.destroyed_at)


def _binder_series(binder: str | None) -> str | None:
    if binder is None:
        return None
    series = binder.strip().lower()
    if series not in BINDERS:
        raise InvalidInput(f"کلاسور {quoted(binder)} نیست؛ یکی از a، b، c یا d را بنویسید.")
    return series


def register(uow: UnitOfWork, binder: str | None = None, search: str = "",
             as_of: date | None = None) -> list[RegisterRow]:
    """The register in binder order (series, binder, position), then the originals outside binders by registration
    date. `binder` keeps one series; `search` matches barcode, insured number, national ID or tracking code."""
    series = _binder_series(binder)
    day = as_of or tehran_today().togregorian()
    with uow.reading():
        require_reader(uow)
        query = (select(Original).join(Dossier, Dossier.id == Original.dossier_id)
                 .outerjoin(Binder, Binder.id == Original.binder_id))
        if series:
            query = query.where(Binder.series == series)
        text = to_latin(search).strip().upper()
        if text:
            like = f"%{text}%"
            coded = select(UploadItem.document_id).where(UploadItem.tracking_code.like(like))
            query = query.where(or_(Dossier.barcode.like(like), Dossier.insured_number.like(like),
                                    Dossier.national_id.like(like), Original.document_id.in_(coded)))
        query = query.order_by(Binder.series.is_(None), Binder.series, Binder.number, Original.position,
                               Original.registered_on, Original.id)
        return [row_of(uow.session, o, day) for o in uow.session.execute(query).scalars()]


def where_is(uow: UnitOfWork, barcode: str, document: int | str) -> RegisterRow:
    """The register row of one document's original (NotFound for a document that did not come through intake)."""
    number = parse_int(document, "شماره سند", minimum=1)
    with uow.reading():
        require_reader(uow)
        dossier = dossier_by_barcode(uow.session, barcode)
        doc = document_by_number(uow.session, dossier, number)
        original = uow.session.execute(select(Original).where(Original.document_id == doc.id)).scalar_one_or_none()
        if original is None:
            raise NotFound(f"سند {to_persian(number)} از اوراق خود پرونده است، نه از پذیرش باجه؛ اصل آن در پرونده "
                           "کاغذی است.")
        return row_of(uow.session, original, tehran_today().togregorian())


def hand_over(uow: UnitOfWork, barcode: str, document: int | str, to: str) -> str:
    """Record that an original held by the branch was handed to `to`: given back to the insured person (return) or
    collected (held correspondence). Kept and destroyed originals are refused. Returns the new status."""
    number = parse_int(document, "شماره سند", minimum=1)
    with uow:
        uow.require_to("original.hand_over")
        who = person_name(to)
        if not who:
            raise InvalidInput("نام کسی را که اصل سند را تحویل گرفت بنویسید.")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        doc = document_by_number(uow.session, dossier, number)
        original = uow.session.execute(select(Original).where(Original.document_id == doc.id)).scalar_one_or_none()
        if original is None:
            raise NotFound(f"سند {to_persian(number)} از پذیرش باجه نیست؛ اصل آن در پرونده کاغذی است.")
        if original.disposition in ("binder", "destroy"):
            raise Conflict(f"اصل سند {to_persian(number)} ({load_taxonomy().types[original.type_code].name}) به بیمه "
                           "شده داده نمی‌شود؛ " + ("در کلاسور نگهداری می‌شود." if original.disposition == "binder"
                                                  else "پس از بارگذاری در شعبه امحا می‌شود."))
        if original.status != "held":
            raise Conflict(f"اصل سند {to_persian(number)} دیگر نزد شعبه نیست ({STATUS_TITLES[original.status]}).")
        original.status, original.handed_to = "returned", who
        original.handed_by, original.handed_at = uow.actor.code, utcnow()
        uow.audit("records.hand_over", f"dossier:{dossier.barcode}", document=number, to=who,
                  disposition=original.disposition)
        uow.commit()
        return original.status


SERIES_LETTERS = {"a": "الف", "b": "ب", "c": "ج", "d": "د"}  # the Note to Part 2.1 names its clauses so


def series_letter(series: str) -> str:
    """A binder series (a-d in the data, on the command line and in the binder's barcode) as the directive and a
    person name it: الف، ب، ج، د."""
    return SERIES_LETTERS.get(series.lower(), series)


@dataclass(frozen=True)
class BinderView:
    series: str
    number: int
    capacity: int
    sheets: int
    items: int
    closed: bool
    first_registered: str | None
    last_registered: str | None

    @property
    def fill(self) -> float:
        return self.sheets / self.capacity if self.capacity else 1.0


def binders(uow: UnitOfWork) -> list[BinderView]:
    """Every binder with its fill, in series and number order."""
    with uow.reading():
        require_reader(uow)
        rows = uow.session.execute(
            select(Binder, func.coalesce(func.sum(Original.sheets), 0), func.count(Original.id),
                   func.min(Original.registered_on), func.max(Original.registered_on))
            .outerjoin(Original, Original.binder_id == Binder.id).group_by(Binder.id)
            .order_by(Binder.series, Binder.number)).all()
        return [BinderView(b.series, b.number, b.capacity, int(sheets), int(count), b.closed_at is not None,
                           jalali_text(first) if first else None, jalali_text(last) if last else None)
                for b, sheets, count, first, last in rows]


def binder_rows(uow: UnitOfWork, series: str, number: int | str) -> tuple[BinderView, list[RegisterRow]]:
    """One binder and its contents in position order."""
    wanted = parse_int(number, "شماره کلاسور", minimum=1)
    code = _binder_series(series)
    views = [b for b in binders(uow) if b.series == code and b.number == wanted]
    if not views:
        raise NotFound(f"کلاسور {code} شماره {to_persian(wanted)} هنوز باز نشده است.")
    rows = [r for r in register(uow, code) if r.binder_number == wanted]
    return views[0], rows

