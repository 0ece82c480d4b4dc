"""The technical file (پرونده فنی), the record of each step done to it, and the barcode counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scanstation.core.match_key import fold, match_key
from scanstation.core.models.base import Base, UTCDateTime
from scanstation.core.models.org import Branch, User

# A dossier is in work until both tracks are done (core/workflow.py Progress.digitized). SQL text written once: the
# partial index of the work queue (0014) and the queue's query must say it word for word, or SQLite ignores the index.
IN_WORK = "physical_step < 10 OR electronic_step < 12"


def search_key_of(name: str, barcode: str, national_id: str, insured_number: str) -> str:
    """What a search of the work queue matches, kept beside the row (services/dossier_search.py): the name's match
    key (ی/ي, ک/ك, digits, ZWNJ and spaces folded away), then the identifiers, each a word of its own so a part of one
    never runs into the next."""
    return " ".join((match_key(name), fold(barcode), national_id, insured_number))


class Dossier(Base):
    """One insured person's technical file, tracked through the twelve steps of Directive Part 1.

    `step` is the last step done on the common path (1-7); after step 7 the physical track
    (`physical_step`: 8-10) and the electronic track (`electronic_step`: 11-12) run independently.
    `search_key` is `search_key_of` its name and identifiers, set by the use case that writes them; a trigram index
    serves it (0014: pg_trgm's GIN on PostgreSQL, the FTS5 table `dossier_search` on SQLite).
    """

    __tablename__ = "dossier"
    # The work queue's partial index `ix_dossier_in_work` (those still in work, out of turn first, then oldest, with
    # the steps the step filter reads) is made by migration 0014 alone, like the search's trigram indexes: declared
    # here, its sqlite_where/postgresql_where loaded both databases' dialects at every start (40 ms of a command's
    # 0.6 s, issue 21.7).
    __table_args__ = (UniqueConstraint("branch_id", "barcode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    barcode: Mapped[str] = mapped_column(String(40), index=True)
    insured_number: Mapped[str] = mapped_column(String(16), index=True)
    national_id: Mapped[str] = mapped_column(String(10), index=True)
    name: Mapped[str] = mapped_column(String(200))
    shelf: Mapped[str] = mapped_column(String(64))
    out_of_turn: Mapped[bool] = mapped_column(default=False)
    out_of_turn_reason: Mapped[str | None] = mapped_column(Text)
    step: Mapped[int] = mapped_column(default=1)
    physical_step: Mapped[int] = mapped_column(default=0)
    electronic_step: Mapped[int] = mapped_column(default=0)
    rejected_reason: Mapped[str | None] = mapped_column(Text)
    sheets_counted: Mapped[int | None]
    sheets_slimmed: Mapped[int | None]
    sheets_recounted: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    search_key: Mapped[str] = mapped_column(Text, default="")

    branch: Mapped[Branch] = relationship()
    steps: Mapped[list[StepRecord]] = relationship(
        back_populates="dossier", order_by="StepRecord.id", cascade="all, delete-orphan"
    )


# How long a step took, in minutes, as SQLite computes it from the record itself (the report's expression and the
# index's must be the very same for SQLite to read one off the other).
SQLITE_STEP_MINUTES = "(julianday(at) - julianday(began_at)) * 1440.0"


class StepRecord(Base):
    """Who did which step of which dossier, when (UTC), with the values entered (JSON text)."""

    __tablename__ = "step_record"
    __table_args__ = (Index("ix_step_record_dossier_step_at", "dossier_id", "step", "at"),  # reports (0011)
                      Index("ix_step_record_step_at", "step", "at"),
                      # SQLite only (0013): each step's records in order of how long they took, to read a median
                      # off the index instead of sorting a year of records (reports/step_stats.py)
                      Index("ix_step_record_took", "step", "action", text(SQLITE_STEP_MINUTES), "at")
                      .ddl_if(dialect="sqlite"))

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    step: Mapped[int]
    action: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    actor: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    # when the step began: the end of the step before it on its track (workflow.steps_before_on_track), or the
    # dossier's creation for step 1; None for a partial record (one document approved). Reports read it.
    began_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    values_json: Mapped[str] = mapped_column(Text, default="{}")

    dossier: Mapped[Dossier] = relationship(back_populates="steps")
    user: Mapped[User | None] = relationship()


class DossierCounter(Base):
    """Next barcode sequence per branch and Jalali year; bumped atomically so workstations never collide."""

    __tablename__ = "dossier_counter"

    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)
