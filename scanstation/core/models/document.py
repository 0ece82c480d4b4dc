"""Documents: classified page ranges with type, heading, date and the "Scanned" stamp fields."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from scanstation.core.models.base import Base, UTCDateTime


class Document(Base):
    """One document of a dossier, made of its pages (Page.document_id), classified from the taxonomy.

    It is approved (step 7) iff `verified_at` is set; `verified_by` and `approved_hashes` go with it, and all three
    are cleared when its pages change (services/document_changes.py)."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("dossier_id", "number"), Index("ix_document_created_at", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    type_code: Mapped[str] = mapped_column(String(40))
    heading_code: Mapped[str] = mapped_column(String(40))
    doc_date: Mapped[str | None] = mapped_column(String(10))  # Jalali YYYY/MM/DD as typed, Latin digits
    note: Mapped[str | None] = mapped_column(Text)
    stamp_branch: Mapped[str | None] = mapped_column(String(200))
    stamp_user_name: Mapped[str | None] = mapped_column(String(200))
    stamp_user_code: Mapped[str | None] = mapped_column(String(32))
    stamp_date: Mapped[str | None] = mapped_column(String(10))  # Jalali date of the action
    verified_by: Mapped[str | None] = mapped_column(String(32))
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_hashes: Mapped[list[str] | None] = mapped_column(JSON)  # the SHA-256 of each page approved, in order
    edited_by: Mapped[list[str] | None] = mapped_column(JSON)  # who changed its pages or fields: never its approver
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
