"""The upload outbox (steps 11-12): one row per file to put in the central store, worked by the sync worker.

States: queued -> sending (claimed by a worker) -> sent (the store holds the file and its read-back SHA-256
matched) -> verified (its properties also read back from the store); needs_attention when the retries are used
up or the store refused it, with `problems` (a list of Persian sentences) for the person who retries it.
"""

from __future__ import annotations

from datetime import datetime

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from scanstation.core.models.base import Base, UTCDateTime

UPLOAD_STATES = ("queued", "sending", "sent", "verified", "needs_attention")
UPLOAD_STATE_TITLES = {"queued": "در صف بارگذاری", "sending": "در حال ارسال", "sent": "فرستاده شد",
                       "verified": "در مخزن مرکزی تأیید شد", "needs_attention": "نیازمند رسیدگی"}  # printed receipts


class UploadItem(Base):
    """A document PDF or a manifest version waiting for, or done with, its trip to the central store."""

    __tablename__ = "upload_item"
    __table_args__ = (Index("ix_upload_item_local_file", "local_file"),  # the outbox sweep (0019)
                      Index("ix_upload_item_kind_verified", "kind", "remote_verified_at"))  # the newest manifest

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)  # None: a manifest
    kind: Mapped[str] = mapped_column(String(16))  # document | manifest
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)  # کد پیگیری, 12 digits with a check digit
    collection: Mapped[str] = mapped_column(String(120))
    name: Mapped[str] = mapped_column(String(200))  # file name inside the dossier's collection
    local_file: Mapped[str] = mapped_column(String(200))  # under the data folder's outbox/
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    properties: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # WebDAV properties to set and read back
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    remote_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    indexed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
