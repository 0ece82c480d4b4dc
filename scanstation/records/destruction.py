"""Destroying originals (Part 2.1.b rulings, Part 2.2 uncollected correspondence): plan, approve, execute.

A batch is planned by a records officer from what is due, approved by a second person (a supervisor or unit head,
never the planner) and executed by a records officer. Execution is refused, and nothing is destroyed, if any item
is on hold, its document is not approved at step 7, is not due on the day execution runs, or its remote copy does not
read back from the store now with the hash that was uploaded and verified. A batch planned for a later day is a
preview until that day: nothing in it is destroyed before then. The minutes (صورتجلسه امحا) are made at execution and kept; the originals'
rows stay, marked destroyed with the batch, who and when.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import jdatetime
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scanstation.core.digits import parse_int, to_persian
from scanstation.core.durable import write_durably
from scanstation.core.errors import Conflict, IntegrityProblem, NotFound, PermissionDenied, ScanStationError
from scanstation.core.jalali import parse_jalali_date, tehran_date, tehran_today, utcnow
from scanstation.core.models import DestructionBatch, DestructionItem, Document, Dossier, Original, User
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records.batches import BatchView, DueItem
from scanstation.records.minutes import minutes_pdf
from scanstation.records.policy import records_policy
from scanstation.records.register import branch_name, jalali_text, latest_upload, on_hold
from scanstation.records.schedule import add_months, due_from, due_reason
from scanstation.services import upload
from scanstation.sync.store import ContentStore, StoreError

OPEN_STATES = ("planned", "approved")


def _due_item(session: Session, original: Original, reason: str, remote_verified_at: datetime | None = None
              ) -> DueItem:
    dossier = session.get(Dossier, original.dossier_id)
    doc = session.get(Document, original.document_id)
    upload = latest_upload(session, original.document_id)
    kind = load_taxonomy().types.get(original.type_code)
    return DueItem(original.id, dossier.barcode, dossier.insured_number, doc.number, original.type_code,
                   kind.name if kind else original.type_code, jalali_text(original.registered_on), reason,
                   upload.tracking_code if upload else None,
                   remote_verified_at or (upload.remote_verified_at if upload else None))


def _in_open_batch(session: Session) -> set[int]:
    return set(session.execute(select(DestructionItem.original_id).join(
        DestructionBatch, DestructionBatch.id == DestructionItem.batch_id)
        .where(DestructionBatch.state.in_(OPEN_STATES))).scalars())


def _candidates(session: Session) -> list[Original]:
    taken = _in_open_batch(session)
    rows = session.execute(select(Original).where(Original.disposition.in_(("destroy", "hold-then-destroy")),
                                                  Original.status.in_(("due", "held")))
                           .order_by(Original.registered_on, Original.id)).scalars()
    return [o for o in rows if o.id not in taken]


def _ready(session: Session, original: Original) -> bool:
    """Approved at step 7, its remote copy verified, and no hold over it."""
    doc = session.get(Document, original.document_id)
    upload = latest_upload(session, original.document_id)
    return (doc.verified_at is not None and upload is not None and upload.state == "verified"
            and not on_hold(session, original))


def due_items(session: Session, as_of: date) -> list[DueItem]:
    """What a batch planned for `as_of` would hold: due originals, approved, verified in the store, not on hold."""
    months = records_policy().hold_months
    found = []
    for original in _candidates(session):
        reason = due_reason(original, as_of, months)
        if reason and _ready(session, original):
            found.append(_due_item(session, original, reason))
    return found


def _as_of(text: str | None) -> date:
    return (parse_jalali_date(text) if text and text.strip() else tehran_today()).togregorian()


def _view(session: Session, batch: DestructionBatch) -> BatchView:
    items = session.execute(select(DestructionItem).where(DestructionItem.batch_id == batch.id)
                            .order_by(DestructionItem.id)).scalars().all()
    return BatchView(batch.number, batch.state, jalali_text(batch.as_of), batch.planned_by, batch.planned_at,
                     batch.approved_by, batch.executed_by, batch.executed_at, batch.minutes_file,
                     tuple(_due_item(session, i.original, i.reason, i.remote_verified_at) for i in items))


def plan(uow: UnitOfWork, as_of: str | None = None) -> BatchView:
    """A new batch of everything due on `as_of` (Jalali; default today). Refused when nothing is due."""
    day = _as_of(as_of)
    with uow:
        uow.require_to("destruction.plan")
        items = due_items(uow.session, day)
        if not items:
            raise ScanStationError(f"تا {to_persian(jalali_text(day))} سندی آماده امحا نیست؛ دسته‌ای ساخته نشد.")
        number = (uow.session.execute(select(func.max(DestructionBatch.number))).scalar() or 0) + 1
        batch = DestructionBatch(number=number, as_of=day, state="planned", planned_by=uow.actor.code,
                                 planned_at=utcnow())
        uow.session.add(batch)
        uow.session.flush()
        for item in items:
            uow.session.add(DestructionItem(batch_id=batch.id, original_id=item.original_id, reason=item.reason,
                                            remote_verified_at=item.remote_verified_at))
        uow.session.flush()
        uow.audit("records.destruction_plan", f"destruction:{number}", as_of=day.isoformat(),
                  items=[{"barcode": i.barcode, "document": i.document, "reason": i.reason} for i in items])
        uow.commit()
        return _view(uow.session, batch)


def _batch(session: Session, number: int | str, lock: bool = True) -> DestructionBatch:
    wanted = parse_int(number, "شماره دسته امحا", minimum=1)
    query = select(DestructionBatch).where(DestructionBatch.number == wanted)
    batch = session.execute(query.with_for_update() if lock else query).scalar_one_or_none()
    if batch is None:
        raise NotFound(f"دسته امحای شماره {to_persian(wanted)} ثبت نشده است.")
    return batch


def require_approvable(uow: UnitOfWork, batch: DestructionBatch) -> None:
    """A planned batch, and a second person: never the one who planned it."""
    uow.require_to("destruction.approve")
    if batch.state != "planned":
        raise Conflict(f"دسته امحای {to_persian(batch.number)} در انتظار تأیید نیست.")
    if batch.planned_by == uow.actor.code:
        raise PermissionDenied("دسته امحایی را که خودتان برنامه‌ریزی کرده‌اید نمی‌توانید تأیید کنید؛ تأیید با "
                               "شخص دوم (مسئول واحد یا ناظر) است.")


def approve(uow: UnitOfWork, number: int | str) -> BatchView:
    """A second person (supervisor or unit head) approves a planned batch; never the one who planned it."""
    with uow:
        uow.require_to("destruction.approve")  # before the lookup: a refusal tells nothing of which batches exist
        batch = _batch(uow.session, number)
        require_approvable(uow, batch)
        batch.state, batch.approved_by, batch.approved_at = "approved", uow.actor.code, utcnow()
        uow.audit("records.destruction_approve", f"destruction:{batch.number}")
        uow.commit()
        return _view(uow.session, batch)


@dataclass(frozen=True)
class RemoteCheck:
    original_id: int
    where: str  # collection/name
    expected: str
    found: str | None


@dataclass
class Execution:
    batch: BatchView
    minutes: bytes
    minutes_path: Path
    skipped: list[str] = field(default_factory=list)  # collected meanwhile: not destroyed


def _require_its_day(batch: DestructionBatch, today: date) -> None:
    """A batch planned for a later day is executable from that day on, never before."""
    if batch.as_of > today:
        day = to_persian(jalali_text(batch.as_of))
        raise Conflict(f"دسته امحای {to_persian(batch.number)} برای {day} برنامه‌ریزی شده و از همان روز اجراشدنی است؛ "
                       "پیش از آن هیچ سندی امحا نمی‌شود.")


def require_executable(uow: UnitOfWork, batch: DestructionBatch) -> None:
    """An approved batch on or after its day, executed by a planner who did not approve it (the remote read-back
    is checked at execution)."""
    uow.require_to("destruction.execute")
    if batch.state != "approved":
        raise Conflict(f"دسته امحای {to_persian(batch.number)} تأییدشده و اجرانشده نیست.")
    if batch.approved_by == uow.actor.code:
        raise PermissionDenied("تأییدکننده دسته امحا نمی‌تواند خودش آن را اجرا کند.")
    _require_its_day(batch, _as_of(None))


def batch_by_number(session: Session, number: int) -> DestructionBatch:
    """The batch `number`, read without a lock (to ask what may be done to it)."""
    return _batch(session, number, lock=False)


def _remote_targets(uow: UnitOfWork, number: int | str) -> list[tuple[int, str, str, str]]:
    """(original id, collection, name, uploaded hash) of each item, read before any network trip."""
    with uow:
        uow.require_to("destruction.execute")
        batch = _batch(uow.session, number)
        if batch.state != "approved":
            raise Conflict(f"دسته امحای {to_persian(batch.number)} "
                           + ("پیش‌تر اجرا شده است." if batch.state == "executed" else "هنوز تأیید نشده است."))
        require_executable(uow, batch)  # every refusal before the network read-back, the approver's too
        targets = []
        for item in uow.session.execute(select(DestructionItem).where(DestructionItem.batch_id == batch.id)
                                        .order_by(DestructionItem.id)).scalars():
            upload = latest_upload(uow.session, item.original.document_id)
            if upload is not None:
                targets.append((item.original_id, upload.collection, upload.name, upload.sha256))
        return targets


def read_back(store: ContentStore, targets: list[tuple[int, str, str, str]]) -> dict[int, RemoteCheck]:
    """Each item's remote copy as the store serves it now (hash, or None when absent)."""
    checks = {}
    for original_id, collection, name, sha256 in targets:
        try:
            found = store.remote_sha256(collection, name)
        except StoreError as exc:
            raise StoreError(f"{exc} امحا انجام نشد و چیزی امحا نشد.") from exc
        checks[original_id] = RemoteCheck(original_id, f"{collection}/{name}", sha256, found)
    return checks


def _problems(session: Session, item: DestructionItem, check: RemoteCheck | None, today: date) -> list[str]:
    original = item.original
    doc = session.get(Document, original.document_id)
    dossier = session.get(Dossier, original.dossier_id)
    what = f"سند {to_persian(doc.number)} پرونده {dossier.barcode}"
    upload = latest_upload(session, original.document_id)
    problems = []
    if due_reason(original, today, records_policy().hold_months) is None:
        first = due_from(original, records_policy().hold_months)
        problems.append(f"موعد امحای {what} امروز نرسیده است"
                        + (f" (از {to_persian(first.strftime('%Y/%m/%d'))})." if first else "."))
    if on_hold(session, original):
        problems.append(f"{what} توقیف است.")
    if doc.verified_at is None:
        problems.append(f"{what} در مرحله ۷ تأیید نشده است.")
    if upload is None or upload.state != "verified":
        problems.append(f"رونوشت {what} در مخزن مرکزی تأیید نشده است.")
    elif check is None or check.found is None:
        problems.append(f"رونوشت {what} اکنون در مخزن مرکزی نیست.")
    elif check.found != upload.sha256:
        problems.append(f"رونوشت {what} در مخزن مرکزی با نسخه تأییدشده یکی نیست.")
    return problems


def execute(uow: UnitOfWork, number: int | str, store: ContentStore, minutes_dir: Path, outbox: Path) -> Execution:
    """Destroy an approved batch after reading every remote copy back from `store`; writes the minutes PDF into
    `minutes_dir` (kept in the data folder), records it with its hash and queues it for upload into the collection
    of each dossier it names (through `outbox`). Any problem refuses the whole batch."""
    checks = read_back(store, _remote_targets(uow, number))
    with uow:
        batch = _batch(uow.session, number)
        require_executable(uow, batch)
        today = _as_of(None)
        items = uow.session.execute(select(DestructionItem).where(DestructionItem.batch_id == batch.id)
                                    .order_by(DestructionItem.id)).scalars().all()
        live = [i for i in items if i.original.status in ("due", "held")]
        skipped = [f"{_due_item(uow.session, i.original, i.reason).barcode}" for i in items if i not in live]
        problems = [p for i in live for p in _problems(uow.session, i, checks.get(i.original_id), today)]
        if problems:
            raise IntegrityProblem("امحا انجام نشد و هیچ سندی امحا نشد: " + " ".join(problems))
        now = utcnow()
        for item in live:
            item.checked_at = now
            item.original.status, item.original.destroyed_at = "destroyed", now
            item.original.destroyed_batch_id = batch.id
        batch.state, batch.executed_by, batch.executed_at = "executed", uow.actor.code, now
        uow.session.flush()
        view = _view(uow.session, batch)
        destroyed = tuple(i for i in view.items if any(i.original_id == x.original_id for x in live))
        names = _names(uow.session, [batch.planned_by, batch.approved_by or "", uow.actor.code])
        pdf = minutes_pdf(view, destroyed, branch_name(uow), names)
        path = Path(minutes_dir) / f"destruction-{batch.number:04d}.pdf"
        write_durably(path, pdf)
        batch.minutes_file = path.name
        batch.minutes_sha256 = hashlib.sha256(pdf).hexdigest()
        for item in live:
            dossier = uow.session.get(Dossier, item.original.dossier_id)
            uow.audit("records.destroyed", f"dossier:{dossier.barcode}", batch=batch.number,
                      document_id=item.original.document_id, reason=item.reason)
        for dossier_id in sorted({item.original.dossier_id for item in live}):
            upload.queue_file(uow, uow.session.get(Dossier, dossier_id), "minutes", path.name, pdf,
                              {"destruction-batch": str(batch.number)}, outbox)
        uow.audit("records.destruction_execute", f"destruction:{batch.number}", minutes=path.name,
                  minutes_sha256=batch.minutes_sha256, destroyed=len(live), skipped=skipped,
                  checked={c.where: c.found for c in checks.values()})
        uow.commit()
        return Execution(_view(uow.session, batch), pdf, path, skipped)


def _names(session: Session, codes: list[str]) -> dict[str, str]:
    rows = session.execute(select(User.code, User.name).where(User.code.in_(codes))).all()
    return {code: name for code, name in rows}


def batches(uow: UnitOfWork) -> list[BatchView]:
    """Every batch, newest first."""
    with uow.reading():
        uow.require_to("destruction.view")
        rows = uow.session.execute(select(DestructionBatch).order_by(DestructionBatch.number.desc())).scalars()
        return [_view(uow.session, b) for b in rows]


@dataclass(frozen=True)
class Schedule:
    """When the next batch is due and what it would hold today."""

    last_executed: str | None  # Jalali
    next_due: str  # Jalali
    due_now: bool
    items: tuple[DueItem, ...]


def next_batch(session: Session, day: jdatetime.date) -> Schedule:
    """The next batch as of `day`: rulings are due as soon as verified in the store; uncollected letters every
    `batch_interval_months` after the last executed batch (or from the first letter's due day). The caller checks
    who may read it (schedule, or the reports' own check)."""
    policy = records_policy()
    last = session.execute(select(func.max(DestructionBatch.executed_at))).scalar()
    items = due_items(session, day.togregorian())
    firsts = [d for d in (due_from(o, policy.hold_months) for o in _candidates(session)) if d is not None]
    if last is not None:
        next_due = add_months(tehran_date(last), policy.batch_interval_months)
    else:
        next_due = min(firsts) if firsts else day
    due_now = any(i.reason == "ruling" for i in items) or (bool(items) and day >= next_due)
    return Schedule(tehran_date(last).strftime("%Y/%m/%d") if last else None, next_due.strftime("%Y/%m/%d"),
                    due_now, tuple(items))


def schedule(uow: UnitOfWork, today: jdatetime.date | None = None) -> Schedule:
    """The next batch as of `today` (default today), for the planners and approvers of batches."""
    with uow.reading():
        uow.require_to("destruction.view")
        return next_batch(uow.session, today or tehran_today())
