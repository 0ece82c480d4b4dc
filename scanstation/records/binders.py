"""Filing a kept original into its binder series (Note to Part 2.1, cases a-d).

Each series a-d has numbered binders. Only the open (last) binder of a series takes new items; within it items stand
in order of their secretariat registration date, so an item registered earlier than items already filed takes its
place among them and the positions after it move on. A binder holds `binder_capacity_sheets` sheets: an item that
does not fit closes the open binder and starts the next; a binder filled to capacity closes at once. A closed binder
never reopens (its papers are on the shelf), so a late item registered before a closed binder's items is filed
first in the open binder.

Two counters filing into a series that has no open binder would both open "the next" one; on PostgreSQL filing in a
series is therefore serialised by a transaction-scoped advisory lock (SQLite's BEGIN IMMEDIATE serialises writers).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scanstation.core.jalali import utcnow
from scanstation.core.models import Binder, Original


SERIES_LOCK_BASE = 0x5C_B1_00  # advisory-lock keys of the binder series: this base plus the series letter's code


def _lock_series(session: Session, series: str) -> None:
    """Hold the series until the transaction ends, so only one counter at a time picks or opens its binder."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(SERIES_LOCK_BASE + ord(series))))


def open_binder(session: Session, series: str, capacity: int) -> Binder:
    """The binder of `series` that takes new items, opened (number 1, or after the last closed one) if none is."""
    binder = session.execute(select(Binder).where(Binder.series == series, Binder.closed_at.is_(None))
                             .order_by(Binder.number.desc()).limit(1).with_for_update()).scalar_one_or_none()
    if binder is not None:
        return binder
    last = session.execute(select(func.max(Binder.number)).where(Binder.series == series)).scalar() or 0
    binder = Binder(series=series, number=last + 1, capacity=capacity, opened_at=utcnow())
    session.add(binder)
    session.flush()
    return binder


def binder_sheets(session: Session, binder_id: int) -> int:
    """Sheets filed in the binder (destroyed or returned items never leave a binder: kept originals stay)."""
    return int(session.execute(select(func.coalesce(func.sum(Original.sheets), 0))
                               .where(Original.binder_id == binder_id)).scalar_one())


def _renumber(session: Session, binder: Binder) -> None:
    items = session.execute(select(Original).where(Original.binder_id == binder.id)
                            .order_by(Original.registered_on, Original.id)).scalars().all()
    for position, item in enumerate(items, 1):
        item.position = position
    session.flush()


def file_original(session: Session, original: Original, series: str, capacity: int) -> Binder:
    """Put `original` in the open binder of `series` at its registration-date place; returns the binder."""
    _lock_series(session, series)
    binder = open_binder(session, series, capacity)
    used = binder_sheets(session, binder.id)
    if used and used + original.sheets > binder.capacity:
        binder.closed_at = utcnow()
        session.flush()
        binder, used = open_binder(session, series, capacity), 0
    original.binder_id = binder.id
    session.flush()
    _renumber(session, binder)
    if used + original.sheets >= binder.capacity:
        binder.closed_at = utcnow()
    return binder
