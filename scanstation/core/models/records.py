"""Directive Part 2 records: counter intake, what became of each original, legal holds and destruction batches.

Nothing here is ever deleted: a returned, collected or destroyed original keeps its row with who, when and how, and
a released hold keeps its reason and who released it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scanstation.core.models.base import Base, UTCDateTime

ORIGINAL_STATUSES = ("kept", "held", "returned", "due", "destroyed")


class Intake(Base):
    """One visit at the counter (or one letter from the secretariat) adding documents to a scanned file (Part 2)."""

    __tablename__ = "intake"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(16))  # counter | secretariat
    secretariat_no: Mapped[str | None] = mapped_column(String(40))
    registered_on: Mapped[date] = mapped_column(Date)  # secretariat registration date (Gregorian; shown Jalali)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("capture_batch.id"))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class Binder(Base):
    """One binder (کلاسور) of a series a-d (Note to Part 2.1); it closes when its sheets reach the capacity."""

    __tablename__ = "binder"
    __table_args__ = (UniqueConstraint("series", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(String(1))
    number: Mapped[int]
    capacity: Mapped[int]  # sheets, from the policy when the binder opened
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Original(Base):
    """The paper original of one intake document and what became of it (disposition from the taxonomy)."""

    __tablename__ = "original_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    intake_id: Mapped[int] = mapped_column(ForeignKey("intake.id", ondelete="CASCADE"), index=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), unique=True)
    type_code: Mapped[str] = mapped_column(String(40))
    disposition: Mapped[str] = mapped_column(String(20))  # return | binder | destroy | hold-then-destroy
    binder_id: Mapped[int | None] = mapped_column(ForeignKey("binder.id"), index=True)
    position: Mapped[int | None]
    sheets: Mapped[int]
    registered_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), index=True)  # ORIGINAL_STATUSES
    confirmed_by: Mapped[str | None] = mapped_column(String(64))  # the clerk who confirmed the disposition
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handed_to: Mapped[str | None] = mapped_column(String(200))  # returned to / collected by
    handed_by: Mapped[str | None] = mapped_column(String(64))
    handed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    destroyed_batch_id: Mapped[int | None] = mapped_column(ForeignKey("destruction_batch.id"))
    destroyed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    at: Mapped[datetime] = mapped_column(UTCDateTime())

    intake: Mapped[Intake] = relationship()
    binder: Mapped[Binder | None] = relationship()


class LegalHold(Base):
    """Keeps an original (or every original of a dossier, `document_id` None) out of destruction until released."""

    __tablename__ = "legal_hold"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    released_by: Mapped[str | None] = mapped_column(String(64))
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    release_reason: Mapped[str | None] = mapped_column(Text)


class DestructionBatch(Base):
    """A numbered destruction batch: planned, approved and executed, each by name; executed once, with minutes."""

    __tablename__ = "destruction_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    as_of: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="planned")  # planned | approved | executed
    planned_by: Mapped[str] = mapped_column(String(64))
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    executed_by: Mapped[str | None] = mapped_column(String(64))
    executed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    minutes_file: Mapped[str | None] = mapped_column(String(200))  # under the data folder's records/minutes/
    minutes_sha256: Mapped[str | None] = mapped_column(String(64))


class DestructionItem(Base):
    """One original in a batch, with why it is due and when its remote copy was last seen verified."""

    __tablename__ = "destruction_item"
    __table_args__ = (UniqueConstraint("batch_id", "original_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("destruction_batch.id", ondelete="CASCADE"), index=True)
    original_id: Mapped[int] = mapped_column(ForeignKey("original_item.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))  # ruling | uncollected
    remote_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # read back from the store at execution

    original: Mapped[Original] = relationship()
