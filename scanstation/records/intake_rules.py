"""Who may take papers in at the counter, and into which files (kept apart from the intake use case, which loads
the capture stack, so the window's action answers stay light)."""

from __future__ import annotations

from scanstation.core.errors import StepOutOfOrder
from scanstation.core.models import Dossier
from scanstation.core.uow import UnitOfWork
from scanstation.services.steps import progress_of


def require_intake_allowed(uow: UnitOfWork, dossier: Dossier) -> None:
    """Refuse intake to anyone but a clerk, or into a file that has not been scanned and put back (steps 7 and 10):
    before that its new papers go into the paper file and are scanned with it."""
    uow.require_to("intake.take")
    progress = progress_of(dossier)
    if progress.step < 4:
        raise StepOutOfOrder("این پرونده هنوز اسکن نشده است؛ اوراق تازه را در پرونده بگذارید و پرونده را خارج از "
                             "نوبت در صف اسکن قرار دهید (بیمه شده در باجه است).")
    if progress.step < 7:
        raise StepOutOfOrder("این پرونده در حال اسکن است و هنوز تأیید نشده؛ برگ‌های تازه را در میز اسکن به همین "
                             "پرونده بیفزایید.")
    if progress.physical_step < 10:
        raise StepOutOfOrder("پرونده کاغذی هنوز به قفسه برنگشته است (مرحله ۱۰)؛ نخست مراحل ۸ تا ۱۰ را تمام کنید، "
                             "سپس اوراق تازه را پذیرش کنید.")


def require_out_of_turn_offer(uow: UnitOfWork, dossier: Dossier) -> None:
    """The counter may put a file that is not scanned yet in the queue out of turn (Part 3.1.b), once."""
    uow.require_to("intake.take")
    if progress_of(dossier).step >= 4:
        raise StepOutOfOrder("این پرونده اسکن شده یا در حال اسکن است؛ نوبت آن را تغییر نمی‌دهیم.")
    if dossier.out_of_turn:
        raise StepOutOfOrder("این پرونده پیش‌تر خارج از نوبت در صف اسکن گذاشته شده است.")
