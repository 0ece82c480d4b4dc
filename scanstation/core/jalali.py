"""Jalali (Solar Hijri) dates for display; everything is stored as UTC."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone

import jdatetime

from scanstation.core.digits import to_latin, to_persian


def _system_clock() -> datetime:
    return datetime.now(timezone.utc)


clock: Callable[[], datetime] = _system_clock
"""The one seam in front of the system clock: tests that must see a later day (a destruction batch's date) set
`scanstation.core.jalali.clock`; nothing in the program does."""


def utcnow() -> datetime:
    """Now, timezone-aware UTC: the only clock the domain uses (through `clock`)."""
    return clock()


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Asia/Tehran"))
    except Exception:  # no tz database on this machine: fall back to the fixed +03:30 offset
        from datetime import timedelta

        return moment.astimezone(timezone(timedelta(hours=3, minutes=30)))


def jalali_date(moment: datetime, persian_digits: bool = True) -> str:
    """`1403/07/15` for a UTC moment, in Tehran's calendar day."""
    local = _local(moment)
    text = jdatetime.date.fromgregorian(date=local.date()).strftime("%Y/%m/%d")
    return to_persian(text) if persian_digits else text


def jalali_datetime(moment: datetime, persian_digits: bool = True) -> str:
    """`1403/07/15 14:05` for a UTC moment."""
    local = _local(moment)
    text = f"{jdatetime.date.fromgregorian(date=local.date()).strftime('%Y/%m/%d')} {local:%H:%M}"
    return to_persian(text) if persian_digits else text


def jalali_year(moment: datetime) -> int:
    """The Jalali year of a UTC moment (used in dossier barcodes)."""
    return jdatetime.date.fromgregorian(date=_local(moment).date()).year


def tehran_date(moment: datetime) -> jdatetime.date:
    """The Jalali calendar day in Tehran of a UTC moment."""
    return jdatetime.date.fromgregorian(date=_local(moment).date())


def tehran_today() -> jdatetime.date:
    """Today's Jalali date in Tehran."""
    return tehran_date(utcnow())


_DATE = re.compile(r"([0-9]{1,4})[/-]([0-9]{1,2})[/-]([0-9]{1,2})")  # Latin digits only: int() would take 1_404


def parse_jalali_date(text: str) -> jdatetime.date:
    """A date typed as `1403/7/15` in any digits; raises InvalidInput when it is not a real date."""
    from scanstation.core.errors import InvalidInput
    from scanstation.core.quoting import quoted

    match = _DATE.fullmatch(to_latin(text).strip())
    if match is not None:
        try:
            return jdatetime.date(*(int(part) for part in match.groups()))
        except ValueError:  # a month 13, a 31st of Esfand
            pass
    raise InvalidInput(f"{quoted(text)} تاریخ درستی نیست؛ به شکل ۱۴۰۳/۰۷/۱۵ بنویسید.")
