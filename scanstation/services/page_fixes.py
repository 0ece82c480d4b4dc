"""Fixing several pages at once with one reason (a feeder batch's blank backs, a run of faint pages).

Each page goes through the single-page use case of services/capture, so the rules, the audit entry and the commit are
those of one page; the pages are named as the clerk saw them before the first change (deletions run from the last
page back, so the numbers still to do do not move). Every page named must exist before anything changes.
"""

from __future__ import annotations

from collections.abc import Callable

from scanstation.capture.page_store import PageStore
from scanstation.core.digits import to_persian
from scanstation.core.errors import InvalidInput, NotFound
from scanstation.core.pages import last_seq
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.page_ranges import parse_ranges
from scanstation.services import page_capture
from scanstation.services.lookup import dossier_by_barcode


def _pages(uow: UnitOfWork, barcode: str, pages: str) -> list[int]:
    """The page numbers of `pages` (`1-3,5`), refused in one sentence when one is not in the dossier."""
    wanted = parse_ranges(pages)
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


def accept_flags(uow: UnitOfWork, barcode: str, pages: str, reason: str,
                 done: Callable[[int], None] | None = None) -> list[int]:
    """Keep the flagged pages `pages` as they are, all for one reason; returns their numbers."""
    reason = _reason(reason, "دلیل پذیرفتن صفحه با ایراد کیفی را بنویسید.")
    seqs = _pages(uow, barcode, pages)
    return _each(seqs, lambda seq: page_capture.accept_flag(uow, barcode, seq, reason), done)


def delete_pages(uow: UnitOfWork, barcode: str, pages: str, reason: str,
                 done: Callable[[int], None] | None = None) -> list[int]:
    """Take the pages `pages` out of the dossier, all for one reason (their images stay stored); returns the numbers
    they had."""
    reason = _reason(reason, "دلیل حذف صفحه را بنویسید.")
    seqs = _pages(uow, barcode, pages)
    _each(sorted(seqs, reverse=True), lambda seq: page_capture.delete_page(uow, barcode, seq, reason), done)
    return seqs


def rotate_pages(uow: UnitOfWork, barcode: str, pages: str, degrees: int, store: PageStore,
                 done: Callable[[int], None] | None = None) -> list[int]:
    """Turn the pages `pages` by `degrees` (90, 180 or 270); returns their numbers."""
    seqs = _pages(uow, barcode, pages)
    return _each(seqs, lambda seq: page_capture.rotate_page(uow, barcode, seq, degrees, store), done)
