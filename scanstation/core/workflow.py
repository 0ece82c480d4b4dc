"""The twelve steps of Directive Part 1 and the rules of their order. Pure functions, no database.

After step 7 two tracks run independently: physical (8 reassemble, 9 recount, 10 reshelve) and
electronic (11 upload, 12 index). A dossier is *digitized* when both tracks are finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from scanstation.core.digits import to_persian
from scanstation.core.errors import RecountMismatch, StepOutOfOrder


@dataclass(frozen=True)
class Step:
    number: int
    code: str
    title: str
    state_title: str


STEPS: tuple[Step, ...] = (
    Step(1, "retrieve", "خارج کردن پرونده از ردیف بایگانی", "خارج شده از قفسه"),
    Step(2, "count", "برگ شماری", "برگ شماری شده"),
    Step(3, "register", "ثبت در سامانه و الصاق بارکد", "ثبت و برچسب خورده"),
    Step(4, "prepare", "آماده سازی", "آماده سازی شده"),
    Step(5, "scan", "تصویربرداری", "اسکن شده"),
    Step(6, "quality", "کنترل کیفیت تصاویر", "کنترل کیفیت شده"),
    Step(7, "verify", "تأیید و تطبیق با اصل اوراق", "تأیید شده"),
    Step(8, "reassemble", "جمع آوری اوراق و الصاق برچسب", "جمع آوری شده"),
    Step(9, "recount", "کنترل تعداد برگ‌ها", "بازشماری شده"),
    Step(10, "reshelve", "بازگرداندن به قفسه", "بایگانی شده"),
    Step(11, "upload", "بارگذاری در سامانه متمرکز", "بارگذاری شده"),
    Step(12, "index", "شناسه گذاری و طبقه بندی", "نمایه شده"),
)
STEP_BY_NUMBER = {s.number: s for s in STEPS}
PHYSICAL = (8, 9, 10)
ELECTRONIC = (11, 12)


@dataclass(frozen=True)
class Progress:
    """Where a dossier stands: common path step, and the two tracks after step 7."""

    step: int
    physical_step: int = 0
    electronic_step: int = 0
    rejected: bool = False

    @property
    def digitized(self) -> bool:
        return self.physical_step == 10 and self.electronic_step == 12

    def done(self, number: int) -> bool:
        if number <= 7:
            return self.step >= number
        if number in PHYSICAL:
            return self.physical_step >= number
        return self.electronic_step >= number

    def next_steps(self) -> list[int]:
        """Steps that may be done now, in order."""
        if self.step < 7:
            nxt = [self.step + 1]
            if self.step >= 5:  # more scanning is allowed until the supervisor approves
                nxt = [5] + [n for n in nxt if n != 5]
            return nxt
        result = []
        if self.physical_step < 10:
            result.append(max(self.physical_step, 7) + 1)
        if self.electronic_step < 12:
            result.append(max(self.electronic_step, 10) + 1)
        return result


STATE_CODES = {1: "retrieved", 2: "counted", 3: "registered", 4: "prepared", 5: "scanned", 6: "checked"}


def state_code(p: Progress) -> str:
    """Machine-readable state: retrieved, counted, ..., checked, rejected, verified, digitized."""
    if p.digitized:
        return "digitized"
    if p.step < 7:
        return "rejected" if p.rejected else STATE_CODES[p.step]
    return "verified"


def state_title(p: Progress, reason: str | None = None) -> str:
    """The state in Persian, naming both tracks after step 7; a dossier sent back names the approver's `reason`."""
    if p.digitized:
        return "رقمی شده (هر دو مسیر کامل)"
    if p.step < 7:
        title = STEP_BY_NUMBER[p.step].state_title
        if not p.rejected:
            return title
        return f"رد شده توسط ناظر ({reason}) — {title}" if reason else f"رد شده توسط ناظر — {title}"
    phys = STEP_BY_NUMBER[p.physical_step].state_title if p.physical_step else "در انتظار جمع آوری"
    elec = STEP_BY_NUMBER[p.electronic_step].state_title if p.electronic_step else "در صف بارگذاری"
    return f"تأیید شده — کاغذی: {phys}؛ الکترونیکی: {elec}"


def require_step_allowed(p: Progress, number: int) -> None:
    """Refuse a step done out of order, naming what must happen first."""
    if number in p.next_steps():
        return
    step = STEP_BY_NUMBER[number]
    if p.done(number) and number != 5:
        raise StepOutOfOrder(f"مرحله «{step.title}» برای این پرونده قبلاً انجام شده است.")
    if number <= 7:
        missing = STEP_BY_NUMBER[p.step + 1] if p.step < 7 else None
        if missing is not None and missing.number < number:
            raise StepOutOfOrder(
                f"پیش از «{step.title}» باید مرحله {to_persian(missing.number)} «{missing.title}» انجام شود."
            )
        raise StepOutOfOrder(f"مرحله «{step.title}» اکنون برای این پرونده مجاز نیست.")
    track_prev = number - 1
    prev = STEP_BY_NUMBER[track_prev]
    raise StepOutOfOrder(f"پیش از «{step.title}» باید مرحله {to_persian(prev.number)} «{prev.title}» انجام شود.")


def pages_editable(p: Progress) -> bool:
    """Pages may still change (capture, fix, classify) from preparation until the supervisor approves: steps 4-6,
    and again after a rejection sends the dossier back to step 5."""
    return 4 <= p.step <= 6


def require_pages_editable(p: Progress) -> None:
    """Refuse a page or document change outside the window in which pages may still change."""
    if not pages_editable(p):
        raise StepOutOfOrder("صفحه‌ها و اسناد این پرونده فقط پس از آماده سازی و پیش از تأیید ناظر تغییر می‌کنند.")


def expected_recount(counted: int, slimmed: int) -> int:
    """Sheets that must be in the file at step 9 (Part 4.1: slimmed sheets left the file at step 4)."""
    return counted - slimmed


def require_sheets_captured(counted: int, slimmed: int, captured: int) -> None:
    """Refuse when the sheets captured (sheets, not images: a duplex sheet is two images, a blank back counts with
    its sheet) differ from the count of step 2 minus the sheets slimmed at step 4. Checked when step 6 closes, while
    pages can still change, and again at the step-9 recount."""
    expected = expected_recount(counted, slimmed)
    if captured != expected:
        raise RecountMismatch(
            f"پرونده {to_persian(expected)} برگ دارد (برگ شماری {to_persian(counted)} منهای {to_persian(slimmed)} برگ "
            f"لاغرسازی) اما {to_persian(captured)} برگ اسکن شده است؛ برگ‌های اسکن‌نشده یا اضافه را پیدا کنید."
        )


def require_recount_matches(counted: int, slimmed: int, recounted: int, captured: int | None = None) -> None:
    """Refuse a step-9 recount that differs from the step-2 count minus slimmed sheets, or from the number of
    sheets captured."""
    expected = expected_recount(counted, slimmed)
    if recounted != expected:
        raise RecountMismatch(
            f"بازشماری {to_persian(recounted)} برگ است اما باید {to_persian(expected)} برگ باشد "
            f"(برگ شماری {to_persian(counted)} منهای {to_persian(slimmed)} برگ لاغرسازی). "
            "پرونده را دوباره بشمارید و برگ‌های گمشده را پیدا کنید."
        )
    if captured is not None:
        require_sheets_captured(counted, slimmed, captured)


IMAGE_TRACK = (7, 11, 12)  # after approval the images go on alone: steps 11-12 follow step 7, not the paper's 8-10


def steps_before_on_track(number: int) -> tuple[int, ...]:
    """The steps whose end starts step `number`'s service time (the last of them completed before it): the file's
    own steps 1-10 for one of them, step 7 and the upload's steps for 11 and 12 (reports: service time)."""
    return IMAGE_TRACK if number in (11, 12) else tuple(range(1, 11))
