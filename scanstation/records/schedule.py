"""When an original becomes due for destruction, and when the next six-monthly batch is due (Part 2.1.b, 2.2).

Other medical-commission rulings (disposition `destroy`) are due as soon as they are filed; uncollected
correspondence (`hold-then-destroy`) once it has been held `hold_months` Jalali months since intake. Either way an
original is destroyed only after its document's remote copy is verified, which the destruction use cases check.
"""

from __future__ import annotations

from datetime import date

import jdatetime

from scanstation.core.jalali import tehran_date
from scanstation.core.models import Original


def add_months(day: jdatetime.date, months: int) -> jdatetime.date:
    """The same day `months` Jalali months later (the month's last day when it is shorter)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    length = 31 if month <= 6 else 30 if month <= 11 else (30 if jdatetime.date(year, 1, 1).isleap() else 29)
    return jdatetime.date(year, month, min(day.day, length))


def held_since(original: Original) -> jdatetime.date:
    """The Jalali day the branch started holding the original (its intake)."""
    return tehran_date(original.at)


def due_from(original: Original, hold_months: int) -> jdatetime.date | None:
    """The first day the original may be destroyed (None: it is never destroyed, or no longer here)."""
    if original.disposition == "destroy" and original.status == "due":
        return held_since(original)
    if original.disposition == "hold-then-destroy" and original.status == "held":
        return add_months(held_since(original), hold_months)
    return None


def due_reason(original: Original, as_of: date, hold_months: int) -> str | None:
    """`ruling` or `uncollected` when the original is due for destruction on `as_of` (Gregorian), else None."""
    first = due_from(original, hold_months)
    if first is None or first.togregorian() > as_of:
        return None
    return "ruling" if original.disposition == "destroy" else "uncollected"


def display_status(original: Original, as_of: date, hold_months: int) -> str:
    """The register's status: a held letter past its hold period shows as `due`."""
    if original.status == "held" and due_reason(original, as_of, hold_months) == "uncollected":
        return "due"
    return original.status
