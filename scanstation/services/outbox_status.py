"""What the window shows of the upload outbox: files and bytes by state, and the files set aside for a person with
their problems in Persian (as the organization's "file problems" list), and whether this user may retry them.

A read only; the retry itself is services/upload.retry, whose role check this answers in advance.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scanstation.core.errors import ScanStationError
from scanstation.core.models import Document, Dossier, UploadItem
from scanstation.core.uow import UnitOfWork


@dataclass(frozen=True)
class SetAside:
    """A file waiting for a person: which one, and every problem it met."""

    tracking_code: str
    barcode: str
    document: int | None  # None: the dossier's manifest
    file: str
    attempts: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Totals:
    """Files and bytes by state (queued, sending, sent, verified, needs_attention): no personal data."""

    counts: dict[str, int]
    sizes: dict[str, int]

    @property
    def to_send(self) -> int:
        """Files still to go to the store (queued, or on their way): not set aside, not in the store yet."""
        return self.counts.get("queued", 0) + self.counts.get("sending", 0)

    @property
    def bytes_done(self) -> int:
        """Bytes in the store and read back from it: sent files too (their properties wait for the dossier's)."""
        return self.sizes.get("sent", 0) + self.sizes.get("verified", 0)

    @property
    def bytes_all(self) -> int:
        return sum(size for state, size in self.sizes.items() if state != "needs_attention")


@dataclass(frozen=True)
class OutboxOverview:
    totals: Totals
    set_aside: tuple[SetAside, ...]
    retry_refusal: str | None  # why this user may not retry (None: may)


@dataclass(frozen=True)
class Waiting:
    """Files that wait because something went wrong: set aside for a person, or to be tried again after a failure;
    each problem sentence once, in the order first met. Files another worker is sending right now are not here."""

    set_aside: int
    retrying: int
    problems: tuple[str, ...]


def waiting(uow: UnitOfWork) -> Waiting:
    """What `sync --once` reports at its end (exit 1 when anything waits), counted and grouped in SQL."""
    with uow.reading():
        rows = uow.session.execute(
            select(UploadItem.state, UploadItem.last_error, func.count(), func.min(UploadItem.id))
            .where(UploadItem.last_error.is_not(None), UploadItem.state != "verified")
            .group_by(UploadItem.state, UploadItem.last_error).order_by(func.min(UploadItem.id))).all()
    aside = sum(count for state, _, count, _ in rows if state == "needs_attention")
    return Waiting(aside, sum(count for _, _, count, _ in rows) - aside,
                   tuple(dict.fromkeys(sentence for _, sentence, _, _ in rows)))


def _totals(session: Session) -> Totals:
    rows = session.execute(select(UploadItem.state, func.count(), func.coalesce(func.sum(UploadItem.size), 0))
                           .group_by(UploadItem.state)).all()
    return Totals({state: count for state, count, _ in rows}, {state: int(size) for state, _, size in rows})


def totals(uow: UnitOfWork) -> Totals:
    """Counts and bytes only (the header's indicator, for every user, and the window's worker)."""
    with uow.reading():
        return _totals(uow.session)


def overview(uow: UnitOfWork) -> OutboxOverview:
    """The outbox for the supervisor's or admin's outbox screen."""
    with uow.reading():
        uow.require_to("outbox.view")
        aside = uow.session.execute(
            select(UploadItem, Dossier.barcode, Document.number).join(Dossier, Dossier.id == UploadItem.dossier_id)
            .outerjoin(Document, Document.id == UploadItem.document_id)
            .where(UploadItem.state == "needs_attention").order_by(UploadItem.id)).all()
        try:
            uow.require_to("upload.retry")
            refusal = None
        except ScanStationError as exc:
            refusal = str(exc)
        return OutboxOverview(
            _totals(uow.session),
            tuple(SetAside(item.tracking_code, barcode, number, f"{item.collection}/{item.name}", item.attempts,
                           tuple(item.problems or ())) for item, barcode, number in aside),
            refusal)
