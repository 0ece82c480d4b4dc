"""How report values are written for people, in the PDF and on the screen alike: Jalali days from the SQL's
Gregorian day text; Persian digits and decimal separator, yes/no and a dash for nothing, while codes keep the Latin
digits of their labels."""

from __future__ import annotations

from datetime import date
from typing import Any

import jdatetime

from scanstation.core.digits import persian_decimal, to_persian
from scanstation.reports.model import Chart, Column


def jalali_day(gregorian: object) -> str:
    """`2025-03-30` (text from SQL, or a date) as the Jalali day `1404/01/10`, Latin digits (shown Persian)."""
    day = gregorian if isinstance(gregorian, date) else date.fromisoformat(str(gregorian)[:10])
    return jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")


def shown(value: Any, column: Column) -> str:
    if value is None or value == "":
        return "—"
    if column.kind == "bool":
        return "بله" if value else "خیر"
    if column.kind == "code":
        return str(value)
    if isinstance(value, float):  # minutes, days, percentages: 12.5 as ۱۲٫۵, 3.0 as ۳
        return persian_decimal(value, None)
    return to_persian(str(value))


CODE_LABELS = ("user", "barcode", "binder", "bar")  # chart labels that name a user, dossier or binder code


def is_code_label(key: str) -> bool:
    """Whether a chart's labels are codes, drawn with Latin digits as printed (a day in them is written in Persian
    digits already, by the report)."""
    return key in CODE_LABELS


def chart_label(chart: Chart, row: dict[str, Any]) -> str:
    """A bar's label as the table would write it: a step «۱. خارج کردن…» in Persian digits (the Latin «1.» stood
    on the wrong side of its number, «.۱»), a code as printed."""
    value = row.get(chart.label, "")
    return str(value) if is_code_label(chart.label) else to_persian(str(value))


def chart_value(value: float | int) -> str:
    """A bar's value as the table writes it: Persian digits and the decimal separator «٫»."""
    return persian_decimal(float(value), None) if isinstance(value, float) else to_persian(value)
