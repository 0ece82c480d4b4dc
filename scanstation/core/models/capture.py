"""Captured pages and capture batches (steps 5-6). Owned by the capture layer's use cases."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import Enum, ForeignKey, Index, JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scanstation.core.jalali import utcnow
from scanstation.core.models.base import Base, UTCDateTime
from scanstation.core.models.reading import PageReading


class CaptureBatch(Base):
    """One run of the scanner or one file import for a dossier; stopped batches keep their pages.

    A `running` batch is the dossier's capture lock (services/batch_lock.py): `host` and `pid` name the process
    filling it and `heartbeat_at` its last page, so a batch left by a killed process can be told apart and closed."""

    __tablename__ = "capture_batch"
    __table_args__ = (Index("ix_capture_batch_started_at", "started_at"),)  # reports (0011)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # scan | import
    device: Mapped[str | None] = mapped_column(String(120))
    profile: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(16))
    dpi: Mapped[int | None]
    mode: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="running")  # running|done|stopped|cancelled
    message: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(default=0)
    actor: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    host: Mapped[str | None] = mapped_column(String(120))
    pid: Mapped[int | None]
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


SUPERVISOR_FLAG = "supervisor"  # the QC reason an approver's rejection puts on a page (qc_titles.REASON_TITLES)
SUPERVISOR_REASON = "supervisor_reason"  # where the page's qc_metrics keep the supervisor's sentence


class PageStatus(StrEnum):
    """Where a page row stands; only active pages belong to the dossier as it is now."""

    ACTIVE = "active"
    REPLACED = "replaced"  # by a rescan or an edit: see replaced_by_id
    DELETED = "deleted"  # taken out with a reason: see deleted_reason


class ImageFacts(Protocol):
    """What a stored image tells the row that names it (the page store's StoredImage has these)."""

    sha256: str
    width: int
    height: int
    mode: str


class Page(Base):
    """One image side. The pixels live in the page store under `sha256`; rows are never deleted.

    `status` is active, replaced (by a rescan, see `replaced_by_id`) or deleted (with `deleted_reason`).
    An edit such as rotate makes a new page row whose `derived_from_id` names its source.
    """

    __tablename__ = "page"
    __table_args__ = (Index("ix_page_created_at", "created_at"),)  # reports (0011)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("capture_batch.id"))
    seq: Mapped[int]
    sheet: Mapped[int]
    side: Mapped[str] = mapped_column(String(8), default="front")  # front | back
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    width: Mapped[int]
    height: Mapped[int]
    dpi: Mapped[int]
    mode: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str | None] = mapped_column(Text)  # device or file the image came from
    qc_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    qc_metrics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    barcodes: Mapped[list[str]] = mapped_column(JSON, default=list)
    accepted_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[PageStatus] = mapped_column(
        Enum(PageStatus, native_enum=False, length=16, values_callable=lambda kind: [m.value for m in kind]),
        default=PageStatus.ACTIVE)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"))
    derived_from_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"))
    deleted_reason: Mapped[str | None] = mapped_column(Text)
    duplicate_reason: Mapped[str | None] = mapped_column(Text)  # kept although the dossier held this image already
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    batch: Mapped[CaptureBatch | None] = relationship()
    reading: Mapped[PageReading | None] = relationship()

    @classmethod
    def captured(cls, *, dossier_id: int, batch_id: int | None, seq: int, sheet: int, side: str, image: ImageFacts,
                 dpi: int, origin: str | None, qc_reasons: list[str], qc_metrics: dict[str, Any], barcodes: list[str],
                 actor: str, document_id: int | None = None, accepted_reason: str | None = None,
                 derived_from_id: int | None = None, duplicate_reason: str | None = None) -> Page:
        """The one way a page row is made, so every row gets its status, typed QC data and creation time alike."""
        return cls(dossier_id=dossier_id, batch_id=batch_id, seq=seq, sheet=sheet, side=side, sha256=image.sha256,
                   width=image.width, height=image.height, dpi=dpi, mode=image.mode, origin=origin,
                   qc_reasons=list(qc_reasons), qc_metrics=dict(qc_metrics), barcodes=list(barcodes),
                   accepted_reason=accepted_reason, status=PageStatus.ACTIVE, document_id=document_id,
                   derived_from_id=derived_from_id, duplicate_reason=duplicate_reason, actor=actor,
                   created_at=utcnow(), reading=PageReading())  # read in the background from its commit on

    def successor(self, *, image: ImageFacts, dpi: int, origin: str | None, qc_reasons: list[str],
                  qc_metrics: dict[str, Any], barcodes: list[str], actor: str, accepted_reason: str | None = None,
                  derived: bool = False) -> Page:
        """A new image in this page's place (same dossier, batch, position and document); the caller marks this row
        replaced once the new one has its id. `derived` links an edit (rotate) to its source, which keeps its
        duplicate reason; a rescan is a new image."""
        return Page.captured(dossier_id=self.dossier_id, batch_id=self.batch_id, seq=self.seq, sheet=self.sheet,
                             side=self.side, image=image, dpi=dpi, origin=origin, qc_reasons=qc_reasons,
                             qc_metrics=qc_metrics, barcodes=barcodes, actor=actor, document_id=self.document_id,
                             accepted_reason=accepted_reason, derived_from_id=self.id if derived else None,
                             duplicate_reason=self.duplicate_reason if derived else None)

    @property
    def open_flag(self) -> bool:
        """A QC flag neither fixed by a rescan nor accepted with a reason."""
        return bool(self.qc_reasons) and not self.accepted_reason


def sent_back_reason(qc_reasons: list[str], qc_metrics: dict[str, Any]) -> str | None:
    """The approver's sentence on a page sent back at step 7 (its QC reasons and metrics, from a row or columns)."""
    return qc_metrics.get(SUPERVISOR_REASON) if SUPERVISOR_FLAG in qc_reasons else None
