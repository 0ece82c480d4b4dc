"""The range a report covers: Jalali days in Tehran, turned into UTC moments for the SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import jdatetime

from scanstation.core.errors import InvalidInput
from scanstation.core.jalali import parse_jalali_date
from scanstation.reports.dialect import TEHRAN_OFFSET_MINUTES

_TEHRAN = timezone(timedelta(minutes=TEHRAN_OFFSET_MINUTES))
_EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
_LATEST = datetime(2200, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC; `first`/`last` are the Jalali days typed (None: open)."""

    start: datetime
    end: datetime
    first: jdatetime.date | None = None
    last: jdatetime.date | None = None

    @classmethod
    def parse(cls, first: str | None, last: str | None) -> Period:
        """From two Jalali dates in any digits, both days included; either may be left out."""
        day_from = parse_jalali_date(first) if first else None
        day_to = parse_jalali_date(last) if last else None
        if day_from and day_to and day_to < day_from:
            raise InvalidInput("تاریخ پایان پیش از تاریخ شروع است؛ بازه را درست بنویسید.")
        start = _midnight(day_from) if day_from else _EARLIEST
        end = _midnight(day_to + jdatetime.timedelta(days=1)) if day_to else _LATEST
        return cls(start, end, day_from, day_to)

    def words(self) -> str:
        if self.first and self.last:
            return f"از {self.first.strftime('%Y/%m/%d')} تا {self.last.strftime('%Y/%m/%d')}"
        if self.first:
            return f"از {self.first.strftime('%Y/%m/%d')}"
        if self.last:
            return f"تا {self.last.strftime('%Y/%m/%d')}"
        return "همه زمان‌ها"

    def bind(self, postgres: bool) -> dict[str, object]:
        """The SQL parameters :start and :end: aware moments on PostgreSQL; on SQLite the text of a UTC moment as
        SQLAlchemy stores it there, so that comparing the text compares the moments."""
        if postgres:
            return {"start": self.start, "end": self.end}
        return {"start": stored_utc(self.start), "end": stored_utc(self.end)}


def stored_utc(moment: datetime) -> str:
    """A moment as SQLAlchemy's DateTime keeps it on SQLite (UTC, microseconds, no zone)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def _midnight(day: jdatetime.date) -> datetime:
    return datetime.combine(day.togregorian(), datetime.min.time(), _TEHRAN).astimezone(timezone.utc)
