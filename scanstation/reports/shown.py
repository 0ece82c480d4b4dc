"""How report values are written for people: Jalali days from the SQL's Gregorian day text."""

from __future__ import annotations

from datetime import date

import jdatetime


def jalali_day(gregorian: object) -> str:
    """`2025-03-30` (text from SQL, or a date) as the Jalali day `1404/01/10`, Latin digits (shown Persian)."""
    day = gregorian if isinstance(gregorian, date) else date.fromisoformat(str(gregorian)[:10])
    return jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")
