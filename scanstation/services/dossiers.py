"""Use cases for the paper side of the dossier: steps 1, 2, 4, 8, 9 and 10 of Directive Part 1."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.exc import IntegrityError

from scanstation.core.digits import parse_int, to_persian
from scanstation.core.errors import Conflict, InvalidInput
from scanstation.core.identifiers import insured_number, make_barcode, national_id, person_name, plain_text
from scanstation.core.jalali import jalali_year, utcnow
from scanstation.core import pages
from scanstation.core.models import Dossier, DossierCounter
from scanstation.core.models.dossier import search_key_of
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import require_recount_matches
from scanstation.services.lookup import branch_by_code, dossier_by_barcode
from scanstation.services.steps import guard_step, progress_of, record_step


@dataclass(frozen=True)
class NewDossier:
    insured_number: str
    national_id: str
    name: str
    shelf: str
    out_of_turn_reason: str | None = None
    second_dossier_reason: str | None = None  # why a second dossier for a national ID that has one is right


class SecondDossier(Conflict):
    """The national ID already has a dossier: a second one is registered only with a reason; `existing` are the
    barcodes, oldest first, for a screen to offer opening."""

    def __init__(self, national: str, existing: list[str]) -> None:
        names = "، ".join(existing)
        super().__init__(f"برای کد ملی {national} پیش‌تر پرونده {names} ثبت شده است؛ همان پرونده را به کار ببرید، "
                         "یا اگر پرونده دوم لازم است دلیل آن را بنویسید.")
        self.national_id, self.existing = national, existing

    def __reduce__(self) -> tuple[object, ...]:  # crosses process boundaries (a pool of workstations) intact
        return (SecondDossier, (self.national_id, self.existing))


def dossiers_for_national_id(uow: UnitOfWork, national: str) -> list[str]:
    """The barcodes of the dossiers already registered for this national ID (typed in any digits), oldest first:
    asked before step 1 so nobody registers a person's file twice without knowing."""
    with uow.reading():
        uow.require_to("step.1")
        return _existing(uow.session, national_id(national))


def _existing(session: Session, national: str) -> list[str]:
    return list(session.execute(select(Dossier.barcode).where(Dossier.national_id == national)
                                .order_by(Dossier.id)).scalars())


def _next_sequence(uow: UnitOfWork, branch_id: int, year: int) -> int:
    """Bump the branch's yearly counter atomically (UPDATE ... RETURNING), creating it on first use."""
    session = uow.session
    bump = (update(DossierCounter)
            .where(DossierCounter.branch_id == branch_id, DossierCounter.year == year)
            .values(last=DossierCounter.last + 1).returning(DossierCounter.last))
    value = session.execute(bump).scalar_one_or_none()
    if value is None:
        try:
            with session.begin_nested():
                session.add(DossierCounter(branch_id=branch_id, year=year, last=0))
        except IntegrityError:
            pass  # another workstation created this year's counter first; bump theirs
        value = session.execute(bump).scalar_one()
    return int(value)


def retrieve(uow: UnitOfWork, branch_code: str, data: NewDossier) -> str:
    """Step 1: a file taken off its shelf is registered; returns its new barcode. A national ID that already has a
    dossier is refused (SecondDossier) unless `data.second_dossier_reason` says why, which is recorded."""
    with uow:
        uow.require_to("step.1")
        national = national_id(data.national_id)
        name = person_name(data.name)
        shelf = plain_text(data.shelf, "محل پرونده", "shelf_max_chars")
        if not name:
            raise InvalidInput("نام بیمه شده را بنویسید.")
        if not shelf:
            raise InvalidInput("محل پرونده در بایگانی (ردیف/قفسه) را بنویسید.")
        reason = plain_text(data.out_of_turn_reason or "", "دلیل خارج از نوبت", "reason_max_chars") or None
        second = plain_text(data.second_dossier_reason or "", "دلیل پرونده دوم", "reason_max_chars") or None
        existing = _existing(uow.session, national)
        if existing and second is None:
            raise SecondDossier(national, existing)
        branch = branch_by_code(uow.session, branch_code)
        now = utcnow()
        year = jalali_year(now)
        barcode = make_barcode(branch.code, year, _next_sequence(uow, branch.id, year))
        insured = insured_number(data.insured_number)
        dossier = Dossier(
            branch=branch, barcode=barcode, insured_number=insured, national_id=national, name=name, shelf=shelf,
            out_of_turn=reason is not None, out_of_turn_reason=reason, step=0, created_at=now,
            search_key=search_key_of(name, barcode, national, insured),
        )
        uow.session.add(dossier)
        extra = {"second_dossier": {"reason": second, "existing": existing}} if existing else {}
        record_step(uow, dossier, 1, insured_number=dossier.insured_number, national_id=dossier.national_id,
                    shelf=shelf, out_of_turn=reason, **extra)
        uow.commit()
        return barcode


def sheets_captured(session: Session, dossier_id: int) -> int | None:
    """Distinct physical sheets among the dossier's active pages (None before anything was captured)."""
    return pages.sheets_captured(session, dossier_id) or None


def require_out_of_turn_allowed(uow: UnitOfWork, dossier: Dossier | None = None) -> None:
    """Refuse marking a file out of turn to anyone but those who retrieve files (clerks) or verify them
    (supervisors), and a file that waits in no queue any more (both tracks finished)."""
    uow.require_to("dossier.out_of_turn")
    if dossier is not None and progress_of(dossier).digitized:
        raise Conflict("این پرونده هر دو مسیر را به پایان رسانده و در هیچ صفی نیست؛ خارج از نوبت کردن آن معنا ندارد.")


def set_out_of_turn(uow: UnitOfWork, barcode: str, reason: str) -> None:
    """Part 3.1.b: the insured person is at the counter or the file is to be transferred; jump the queue."""
    with uow:
        require_out_of_turn_allowed(uow)
        reason = reason.strip()
        if not reason:
            raise InvalidInput("دلیل خارج از نوبت بودن را بنویسید (مثلاً: بیمه شده در باجه است).")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        require_out_of_turn_allowed(uow, dossier)
        dossier.out_of_turn, dossier.out_of_turn_reason = True, reason
        uow.audit("dossier.out_of_turn", f"dossier:{dossier.barcode}", reason=reason)
        uow.commit()


def count_sheets(uow: UnitOfWork, barcode: str, sheets: int | str) -> None:
    """Step 2: count the sheets (برگ, not image sides) of the file."""
    with uow:
        count = parse_int(sheets, "تعداد برگ‌ها", minimum=1)
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 2)
        dossier.sheets_counted = count
        record_step(uow, dossier, 2, sheets=count)
        uow.commit()


def _plain_step(uow: UnitOfWork, barcode: str, number: int) -> None:
    """A step that records only who did it and when."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, number)
        record_step(uow, dossier, number)
        uow.commit()


def register(uow: UnitOfWork, barcode: str) -> None:
    """Step 3: the file is registered and its printed barcode label attached."""
    _plain_step(uow, barcode, 3)


def prepare(uow: UnitOfWork, barcode: str, slimmed: int | str = 0) -> None:
    """Step 4: unclip, repair, order; `slimmed` sheets weeded out under Part 4.1 leave the file."""
    with uow:
        removed = parse_int(slimmed, "تعداد برگ‌های لاغرسازی شده")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 4)
        counted = dossier.sheets_counted or 0
        if removed >= counted:
            raise InvalidInput(
                f"از {to_persian(counted)} برگ پرونده نمی‌توان {to_persian(removed)} برگ را لاغرسازی کرد؛ "
                "دست‌کم یک برگ باید بماند."
            )
        dossier.sheets_slimmed = removed
        record_step(uow, dossier, 4, slimmed=removed)
        uow.commit()


def reassemble(uow: UnitOfWork, barcode: str) -> None:
    """Step 8: the sheets go back into the folder and the folder label is attached."""
    _plain_step(uow, barcode, 8)


def recount(uow: UnitOfWork, barcode: str, sheets: int | str) -> None:
    """Step 9: the recount must equal the step-2 count minus the sheets slimmed at step 4."""
    with uow:
        count = parse_int(sheets, "تعداد برگ‌ها", minimum=1)
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 9)
        require_recount_matches(dossier.sheets_counted or 0, dossier.sheets_slimmed or 0, count,
                                sheets_captured(uow.session, dossier.id))
        dossier.sheets_recounted = count
        record_step(uow, dossier, 9, sheets=count)
        uow.commit()


def reshelve(uow: UnitOfWork, barcode: str, shelf: str) -> None:
    """Step 10: the file goes back on a shelf (possibly a new location, recorded)."""
    with uow:
        location = shelf.strip()
        if not location:
            raise InvalidInput("محل قفسه‌ای را که پرونده در آن گذاشته می‌شود بنویسید.")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 10)
        previous, dossier.shelf = dossier.shelf, location
        record_step(uow, dossier, 10, shelf=location, previous_shelf=previous)
        uow.commit()
