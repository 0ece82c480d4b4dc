"""Counter intake (Directive Part 2.1) and secretariat correspondence (Part 2.2): new papers join a scanned file.

The papers are imported with QC through the capture path into the dossier's electronic file as NEW documents (one
per file), numbered after the existing ones; the paper file, its sheet counts and its steps are never touched, and
the documents already approved stay frozen. The new documents wait for the supervisor's per-document approval, then
the upload outbox. Each paper original gets its fate from the taxonomy (return, binder a-d, destroy after upload,
hold for collection), shown to the clerk, who confirms it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from scanstation.core.digits import to_latin, to_persian
from scanstation.core.errors import InvalidInput, NotFound, ScanStationError
from scanstation.core.identifiers import plain_text
from scanstation.core.jalali import parse_jalali_date, tehran_today, utcnow
from scanstation.core.models import Dossier, Intake, Original, Page, PageStatus
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records.binders import file_original
from scanstation.records.intake_rules import require_intake_allowed, require_out_of_turn_offer
from scanstation.records.policy import records_policy
from scanstation.services import classification, page_capture
from scanstation.services.dossiers import set_out_of_turn
from scanstation.services.lookup import dossier_by_barcode

if TYPE_CHECKING:
    from scanstation.capture.page_store import PageStore
    from scanstation.core.progress import CancelToken, ProgressReporter
    from scanstation.services.read_models import CaptureSummary, PageView

INITIAL_STATUS = {"return": "held", "binder": "kept", "destroy": "due", "hold-then-destroy": "held"}
OUT_OF_TURN_REASON = "بیمه شده برای افزودن مدرک تازه در باجه است (بخش ۳-۱-ب)"


@dataclass(frozen=True)
class IntakeDocument:
    """One paper document brought in: its file (a copier's PDF, an image), or None to scan it now with `scan` (flatbed
    or feeder, QC on every page), and its type (heading: the type's own)."""

    path: Path | None
    type_code: str
    heading: str | None = None
    scan: page_capture.ScanRequest | None = None

    def capture(self, uow: UnitOfWork, barcode: str, store: PageStore, progress: ProgressReporter[PageView] | None,
                cancel: CancelToken | None) -> CaptureSummary:
        """The document's pages, through the capture path under intake's guard."""
        if self.path is not None:
            return page_capture.import_for_intake(uow, barcode, [self.path], store, require_intake_allowed,
                                                  progress, cancel)
        return page_capture.scan_batch(uow, barcode, self.scan or page_capture.ScanRequest("counter"), store,
                                       progress, cancel, guard=require_intake_allowed)

    @property
    def label(self) -> str:
        return Path(self.path).name if self.path is not None else "scan"


@dataclass(frozen=True)
class IntakeOriginal:
    """A new document and what happens to its original, for the clerk to confirm."""

    document: int
    type_code: str
    type_name: str
    pages: int
    sheets: int
    disposition: str
    disposition_title: str
    binder: str | None
    binder_number: int | None
    position: int | None
    qc_reasons: tuple[str, ...]


@dataclass(frozen=True)
class IntakeResult:
    intake_id: int
    barcode: str
    originals: tuple[IntakeOriginal, ...]
    problems: tuple[str, ...]

    @property
    def numbers(self) -> list[int]:
        return [o.document for o in self.originals]


def registration(secretariat_no: str | None, registered: str | None) -> tuple[str, str | None, date]:
    """Source, secretariat number and registration date: a letter from the secretariat needs both its number and
    its registration date; papers brought to the counter are registered today."""
    number = to_latin(plain_text(secretariat_no or "", "شماره دبیرخانه", "reason_max_chars")) or None
    if number is None and registered:
        raise InvalidInput("تاریخ ثبت دبیرخانه بدون شماره دبیرخانه معنا ندارد؛ شماره نامه را هم بنویسید.")
    if number is None:
        return "counter", None, tehran_today().togregorian()
    if not registered:
        raise InvalidInput("برای نامه دبیرخانه تاریخ ثبت آن در دبیرخانه را بنویسید (مثلاً ۱۴۰۳/۰۷/۱۵).")
    day = parse_jalali_date(registered)
    if day > tehran_today():
        raise InvalidInput(f"تاریخ ثبت {to_persian(day.strftime('%Y/%m/%d'))} هنوز نرسیده است؛ تاریخ را بررسی کنید.")
    return "secretariat", number, day.togregorian()


def put_in_queue_out_of_turn(uow: UnitOfWork, barcode: str) -> None:
    """The person's file is not scanned yet: it jumps the scanning queue (Part 3.1.b)."""
    with uow:
        require_out_of_turn_offer(uow, dossier_by_barcode(uow.session, barcode))
    set_out_of_turn(uow, barcode, OUT_OF_TURN_REASON)


def _check(uow: UnitOfWork, barcode: str, documents: Sequence[IntakeDocument]) -> str:
    if not documents:
        raise InvalidInput("دست‌کم یک فایل اسکن‌شده برای پذیرش لازم است.")
    taxonomy = load_taxonomy()
    for item in documents:
        taxonomy.type(item.type_code)
        if item.heading:
            taxonomy.heading(item.heading)
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        require_intake_allowed(uow, dossier)
        return dossier.barcode


def intake(uow: UnitOfWork, barcode: str, documents: Sequence[IntakeDocument], store: PageStore,
           secretariat_no: str | None = None, registered: str | None = None,
           progress: ProgressReporter[PageView] | None = None, cancel: CancelToken | None = None) -> IntakeResult:
    """Import each file as a new document of the dossier, record the intake and each original's fate (binder
    originals are filed at their registration-date place). A file that gives no new page is named in `problems`."""
    source, number, registered_on = registration(secretariat_no, registered)
    barcode = _check(uow, barcode, documents)
    captured: list[tuple[IntakeDocument, list[str], tuple[str, ...]]] = []
    problems: list[str] = []
    batches: list[int] = []
    for item in documents:
        summary = item.capture(uow, barcode, store, progress, cancel)
        batches.append(summary.batch_id)
        problems.extend(summary.problems)
        if summary.stopped:
            problems.append(summary.stopped)
        if summary.duplicates and not summary.pages:
            problems.append(f"«{item.label}» همان تصویری است که پرونده از پیش دارد؛ سند تازه‌ای ساخته نشد.")
        if summary.pages:
            reasons = tuple(sorted({r for p in summary.pages for r in p.qc_reasons}))
            captured.append((item, [p.sha256 for p in summary.pages], reasons))
    if not captured:
        raise ScanStationError("از فایل‌های داده‌شده هیچ صفحه تازه‌ای گرفته نشد؛ " + " ".join(problems))
    return _record(uow, barcode, captured, source, number, registered_on, batches[0], tuple(problems))


def _record(uow: UnitOfWork, barcode: str, captured: list[tuple[IntakeDocument, list[str], tuple[str, ...]]],
            source: str, number: str | None, registered_on: date, batch_id: int,
            problems: tuple[str, ...]) -> IntakeResult:
    taxonomy = load_taxonomy()
    policy = records_policy()
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        require_intake_allowed(uow, dossier)
        now = utcnow()
        record = Intake(dossier_id=dossier.id, source=source, secretariat_no=number, registered_on=registered_on,
                        batch_id=batch_id, actor=uow.actor.code, at=now)
        uow.session.add(record)
        uow.session.flush()
        originals: list[IntakeOriginal] = []
        for item, hashes, reasons in captured:
            pages = _loose_pages(uow, dossier, hashes)
            doc = classification.add_intake_document(uow, dossier, pages, item.type_code, item.heading)
            kind = taxonomy.type(doc.type_code)
            original = Original(intake_id=record.id, dossier_id=dossier.id, document_id=doc.id, type_code=kind.code,
                                disposition=kind.disposition, sheets=len({p.sheet for p in pages}),
                                registered_on=registered_on, status=INITIAL_STATUS[kind.disposition], at=now)
            uow.session.add(original)
            uow.session.flush()
            binder = file_original(uow.session, original, kind.binder, policy.binder_capacity_sheets) \
                if kind.binder else None
            originals.append(IntakeOriginal(doc.number, kind.code, kind.name, len(pages), original.sheets,
                                            kind.disposition, kind.disposition_title, kind.binder,
                                            binder.number if binder else None, original.position, reasons))
        uow.audit("records.intake", f"dossier:{dossier.barcode}", intake=record.id, source=source,
                  secretariat_no=number, registered=registered_on.isoformat(),
                  documents=[{"document": o.document, "type": o.type_code, "disposition": o.disposition,
                              "binder": o.binder, "binder_number": o.binder_number, "position": o.position}
                             for o in originals])
        uow.commit()
        return IntakeResult(record.id, dossier.barcode, tuple(originals), problems)


def _loose_pages(uow: UnitOfWork, dossier: Dossier, hashes: list[str]) -> list[Page]:
    """The active, unclassified pages just captured with these images, in page order."""
    rows = uow.session.execute(select(Page).where(Page.dossier_id == dossier.id, Page.sha256.in_(hashes),
                                                  Page.document_id.is_(None), Page.status == PageStatus.ACTIVE)
                               .order_by(Page.seq)).scalars().all()
    if not rows:
        raise NotFound("صفحه‌های تازه پذیرش‌شده در پرونده پیدا نشد؛ پذیرش را دوباره انجام دهید.")
    return list(rows)


def confirm_dispositions(uow: UnitOfWork, intake_id: int) -> None:
    """The clerk confirms, at the end of intake, what happens to each original (shown from the taxonomy)."""
    with uow:
        uow.require_to("intake.take")
        record = uow.session.get(Intake, intake_id)
        if record is None:
            raise NotFound("این پذیرش ثبت نشده است.")
        items = uow.session.execute(select(Original).where(Original.intake_id == intake_id)).scalars().all()
        now = utcnow()
        for item in items:
            item.confirmed_by, item.confirmed_at = uow.actor.code, now
        dossier = uow.session.get(Dossier, record.dossier_id)
        uow.audit("records.dispositions_confirmed", f"dossier:{dossier.barcode}", intake=intake_id,
                  originals=[{"document_id": i.document_id, "disposition": i.disposition} for i in items])
        uow.commit()
