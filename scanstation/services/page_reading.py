"""The background reading of pages (issue 23): claim a page to read, record its text, say how far reading is.

Claims work like the upload outbox's: a reader takes due readings in one commit (state `reading`, its name, a lease),
reads them outside any transaction, and records each whole result in one commit that checks the claim is still its
own. A reader killed with kill -9 leaves its claims; they are put back at the next start on the same host (its
process is gone) or, from any host, once their lease has run out: a page is read again, never half-recorded. Reading
changes no dossier and no image, so it writes no audit entry. Identifiers (national ID, insured number, barcodes)
are never taken from this text: it is for finding pages and suggesting a type, nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select

from scanstation.core.jalali import utcnow
from scanstation.core.match_key import match_key
from scanstation.core.models import CaptureBatch, Page, PageReading, PageStatus
from scanstation.core.processes import host_name, process_alive
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.ocr import PageText

READER = "system:reader"
MAX_ATTEMPTS = 3


def reader_name() -> str:
    """This process's name on a claim: host and process id, so a claim left by a killed process can be told apart."""
    return f"{host_name()}#{os.getpid()}"


@dataclass(frozen=True)
class ClaimedPage:
    page_id: int
    sha256: str
    dpi: int
    turn: int | None  # the quality check's: 0 once the page was put upright at capture


@dataclass(frozen=True)
class ReadingProgress:
    """How many pages of the dossiers as they are now still wait to be read, and how many could not be read."""

    waiting: int
    failed: int


def release_dead_claims(uow: UnitOfWork) -> int:
    """Put back the claims of readers on this host whose process is gone (killed, power cut)."""
    with uow:
        uow.require_to("text.read")
        prefix = f"{host_name()}#"
        rows = uow.session.execute(select(PageReading).where(
            PageReading.state == "reading", PageReading.claimed_by.startswith(prefix, autoescape=True))).scalars().all()
        dead = [r for r in rows if not process_alive(int(r.claimed_by.rsplit("#", 1)[1]))]
        for row in dead:
            row.state, row.claimed_by, row.lease_until = "queued", None, None
        if dead:
            uow.commit()
        return len(dead)


def claim(uow: UnitOfWork, worker: str, lease_minutes: float, now: datetime | None = None) -> ClaimedPage | None:
    """The next page to read (oldest first), claimed for `worker`; None when every page is read."""
    with uow:
        uow.require_to("text.read")
        moment = now or utcnow()
        query = (select(PageReading, Page.sha256, Page.dpi, Page.qc_metrics).join(Page, Page.id == PageReading.page_id)
                 .where(or_(PageReading.state == "queued",
                            (PageReading.state == "reading") & (PageReading.lease_until < moment)),
                        Page.status == PageStatus.ACTIVE)  # a page replaced or deleted before its turn is not read
                 .order_by(PageReading.page_id).limit(1))
        if uow.session.get_bind().dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises
            query = query.with_for_update(skip_locked=True, of=PageReading)
        row = uow.session.execute(query).first()
        if row is None:
            return None
        reading, sha256, dpi, metrics = row
        reading.state, reading.claimed_by = "reading", worker
        reading.lease_until = moment + timedelta(minutes=lease_minutes)
        reading.attempts += 1
        uow.commit()
        turn = metrics.get("turn") if metrics else None
        return ClaimedPage(reading.page_id, sha256, dpi, int(turn) if turn is not None else None)


def _own(uow: UnitOfWork, page_id: int, worker: str) -> PageReading | None:
    row = uow.session.get(PageReading, page_id, with_for_update=True)
    return row if row is not None and row.state == "reading" and row.claimed_by == worker else None


def record(uow: UnitOfWork, page_id: int, worker: str, page: PageText) -> bool:
    """The text read on a claimed page, all of it in one commit; False when the claim was no longer this worker's
    (its lease ran out and another took the page), and nothing is written."""
    with uow:
        uow.require_to("text.read")
        row = _own(uow, page_id, worker)
        if row is None:
            return False
        text = page.text
        row.state, row.claimed_by, row.lease_until, row.error = "read", None, None, None
        row.turn, row.text, row.key, row.words = page.turn, text, match_key(text), page.words_json()
        row.width, row.height = page.size
        row.confidence, row.engine, row.model, row.read_at = page.confidence, page.engine, page.model, utcnow()
        uow.commit()
        return True


def record_failure(uow: UnitOfWork, page_id: int, worker: str, problem: str) -> None:
    """A page that could not be read: queued again, or set aside as failed after MAX_ATTEMPTS tries."""
    with uow:
        uow.require_to("text.read")
        row = _own(uow, page_id, worker)
        if row is None:
            return
        row.state = "failed" if row.attempts >= MAX_ATTEMPTS else "queued"
        row.claimed_by, row.lease_until, row.error = None, None, problem
        uow.commit()


def progress(uow: UnitOfWork) -> ReadingProgress:
    """Counts for the window's progress line: only the few rows not read yet are counted (the state index), never
    the millions read."""
    with uow.reading():
        counts = dict(uow.session.execute(
            select(PageReading.state, func.count()).join(Page, Page.id == PageReading.page_id)
            .where(PageReading.state.in_(("queued", "reading", "failed")), Page.status == PageStatus.ACTIVE)
            .group_by(PageReading.state)).all())
        return ReadingProgress(counts.get("queued", 0) + counts.get("reading", 0), counts.get("failed", 0))


def capturing_here(uow: UnitOfWork) -> bool:
    """Whether a capture batch is running on this host (any process: the window, `scanstation scan`)."""
    with uow.reading():
        return uow.session.execute(select(CaptureBatch.id).where(
            CaptureBatch.status == "running", CaptureBatch.host == host_name()).limit(1)).first() is not None
