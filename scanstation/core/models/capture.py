"""Captured pages and capture batches (steps 5-6). Owned by the capture layer's use cases."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scanstation.core.models.base import Base, UTCDateTime


class CaptureBatch(Base):
    """One run of the scanner or one file import for a dossier; stopped batches keep their pages."""

    __tablename__ = "capture_batch"

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


class Page(Base):
    """One image side. The pixels live in the page store under `sha256`; rows are never deleted.

    `status` is active, replaced (by a rescan, see `replaced_by_id`) or deleted (with `deleted_reason`).
    An edit such as rotate makes a new page row whose `derived_from_id` names its source.
    """

    __tablename__ = "page"

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
    qc_reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    qc_metrics: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    barcodes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    accepted_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"))
    derived_from_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"))
    deleted_reason: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    batch: Mapped[CaptureBatch | None] = relationship()
