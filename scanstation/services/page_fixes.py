"""Fixing several pages at once with one reason (a feeder batch's blank backs, a run of faint pages).

"Drop blank backs" is the duplex clerk's usual clean-up: the back sides of a two-sided batch that the quality check
found blank, and nobody decided to keep, leave the dossier for one reason; their sheets stay counted by the fronts.

Each page goes through the single-page use case of services/capture, so the rules, the audit entry and the commit are
those of one page; the pages are named as the clerk saw them before the first change (deletions run from the last
page back, so the numbers still to do do not move). Every page named must exist before anything changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from scanstation.capture.page_store import PageStore
from scanstation.core.digits import to_persian
from scanstation.core.errors import InvalidInput, NotFound
from scanstation.core.models import Dossier
from scanstation.core.pages import active_facts, last_seq
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.page_ranges import parse_ranges
from scanstation.services import page_capture
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_pages

Pages = str | Sequence[int]  # `1-3,5` as typed, or the numbers chosen on the capture bench
NO_BLANK_BACKS = "این پرونده پشت سفیدی از اسکن دورو ندارد که بتوان یکجا حذف کرد."


class SidedPage(Protocol):
    """What the blank-back rule reads of a page: a Page row or a PageView alike."""

    @property
    def seq(self) -> int: ...
    @property
    def side(self) -> str: ...
    @property
    def qc_reasons(self) -> Sequence[str]: ...
    @property
    def accepted_reason(self) -> str | None: ...


def blank_backs(pages: Iterable[SidedPage]) -> list[int]:
    """The numbers of the back sides the quality check found blank and nobody kept with a reason."""
    return [p.seq for p in pages if p.side == "back" and "blank" in p.qc_reasons and not p.accepted_reason]


def require_blank_backs(uow: UnitOfWork, dossier: Dossier) -> list[int]:
    """The blank backs of `dossier`, refused in one sentence when its pages may not change or it has none."""
    guard_pages(uow, dossier)
    found = blank_backs(active_facts(uow.session, dossier.id))
    if not found:
        raise InvalidInput(NO_BLANK_BACKS)
    return found


def _pages(uow: UnitOfWork, barcode: str, pages: Pages) -> list[int]:
    """The page numbers of `pages`, refused in one sentence when one is not in the dossier."""
    wanted = parse_ranges(pages) if isinstance(pages, str) else sorted(set(pages))
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        count = last_seq(uow.session, dossier.id)  # active pages are numbered 1..n
    missing = [n for n in wanted if n > count]
    if missing:
        raise NotFound(f"صفحه {to_persian(missing[0])} در این پرونده نیست؛ پرونده {to_persian(count)} صفحه دارد.")
    return wanted


def _each(seqs: list[int], change: Callable[[int], object], done: Callable[[int], None] | None) -> list[int]:
    for seq in seqs:
        change(seq)
        if done is not None:
            done(seq)
    return seqs


def _reason(reason: str, missing: str) -> str:
    if not reason.strip():
        raise InvalidInput(missing)
    return reason


def accept_flags(uow: UnitOfWork, barcode: str, pages: Pages, reason: str,
                 done: Callable[[int], None] | None = None) -> list[int]:
    """Keep the flagged pages `pages` as they are, all for one reason; returns their numbers."""
    reason = _reason(reason, "دلیل پذیرفتن صفحه با ایراد کیفی را بنویسید.")
    seqs = _pages(uow, barcode, pages)
    return _each(seqs, lambda seq: page_capture.accept_flag(uow, barcode, seq, reason), done)


def delete_pages(uow: UnitOfWork, barcode: str, pages: Pages, reason: str,
                 done: Callable[[int], None] | None = None) -> list[int]:
    """Take the pages `pages` out of the dossier, all for one reason (their images stay stored); returns the numbers
    they had."""
    reason = _reason(reason, "دلیل حذف صفحه را بنویسید.")
    seqs = _pages(uow, barcode, pages)
    _each(sorted(seqs, reverse=True), lambda seq: page_capture.delete_page(uow, barcode, seq, reason), done)
    return seqs


def rotate_pages(uow: UnitOfWork, barcode: str, pages: Pages, degrees: int, store: PageStore,
                 done: Callable[[int], None] | None = None) -> list[int]:
    """Turn the pages `pages` by `degrees` (90, 180 or 270); returns their numbers."""
    seqs = _pages(uow, barcode, pages)
    return _each(seqs, lambda seq: page_capture.rotate_page(uow, barcode, seq, degrees, store), done)


def upright_pages(uow: UnitOfWork, barcode: str, pages: Pages, store: PageStore,
                  done: Callable[[int], None] | None = None) -> list[int]:
    """Put the pages `pages` flagged «turned» upright, each by the turn the quality check measured; returns their
    numbers."""
    seqs = _pages(uow, barcode, pages)
    return _each(seqs, lambda seq: page_capture.upright_page(uow, barcode, seq, store), done)


def drop_blank_backs(uow: UnitOfWork, barcode: str, reason: str, done: Callable[[int], None] | None = None
                     ) -> list[int]:
    """Take every blank back side (see `blank_backs`) out of the dossier for one reason; returns the numbers they
    had. Refused, changing nothing, when there is none."""
    reason = _reason(reason, "دلیل حذف صفحه را بنویسید.")
    with uow:
        found = require_blank_backs(uow, dossier_by_barcode(uow.session, barcode))
    return delete_pages(uow, barcode, found, reason, done)
