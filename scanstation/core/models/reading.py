"""A page's reading (issue 23): the table of pages to read and of the text read on each.

Every page row is made with its reading queued (`Page.captured`), in the same transaction, so the background reader
starts on a page as soon as it is stored. A reader claims a reading (`state` reading, `claimed_by`, `lease_until`)
the way the upload outbox claims a file, and records the whole result in one commit: a reader killed in between
leaves the claim, which is taken again once its process is gone or its lease has run out. The page's image is never
touched; `turn` only says how the text was read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from scanstation.core.models.base import Base, UTCDateTime


class PageReading(Base):
    __tablename__ = "page_reading"
    __table_args__ = (Index("ix_page_reading_state", "state", "page_id"),)

    page_id: Mapped[int] = mapped_column(ForeignKey("page.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), default="queued")  # queued | reading | read | failed
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(default=0)
    turn: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)  # as read: lines in reading order, never normalised
    key: Mapped[str | None] = mapped_column(Text)   # match_key(text): what searches compare, never shown
    words: Mapped[list[Any] | None] = mapped_column(JSON)  # per line [[word, left, top, right, bottom], ...]
    width: Mapped[int | None]  # the upright page the boxes are measured on
    height: Mapped[int | None]
    confidence: Mapped[float | None]
    engine: Mapped[str | None] = mapped_column(String(32))
    model: Mapped[str | None] = mapped_column(String(200))
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(Text)
