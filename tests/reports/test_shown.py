"""Report cells as people read them: Persian digits, the Persian decimal separator, codes as printed."""

from __future__ import annotations

from scanstation.reports.model import Column
from scanstation.reports.shown import shown


def test_numbers_take_persian_digits_and_decimal_separator_codes_keep_theirs() -> None:
    assert shown(12.5, Column("days", "روز", "number")) == "۱۲٫۵"
    assert shown(3, Column("days", "روز", "number")) == shown(3.0, Column("days", "روز", "number")) == "۳"
    assert shown(1403, Column("files", "فایل", "int")) == "۱۴۰۳"
    assert shown("SS-1403.7", Column("barcode", "بارکد", "code")) == "SS-1403.7"
    assert shown(None, Column("days", "روز", "number")) == "—"
