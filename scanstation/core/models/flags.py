"""Facts about the database itself, such as "this is a demo database" (its users' passwords are published)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from scanstation.core.models.base import Base, UTCDateTime


class DatabaseFlag(Base):
    """One named fact, set once by a use case (and audited)."""

    __tablename__ = "database_flag"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())
