"""Persian (۰-۹) and Arabic-Indic (٠-٩) digits in, Latin digits stored; Persian digits shown.

Other digit sets (Devanagari, superscripts, fullwidth...) look like digits to Python's `isdigit` but are not what a
clerk means to type; they are refused rather than stored as typed."""

from __future__ import annotations

_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
DECIMAL_SEPARATOR = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR, as Persian writes 2٫5
LARGEST_COUNT = 1_000_000  # no paper count or page number comes near; keeps typed values inside every INTEGER column


def to_latin(text: str) -> str:
    """Every Persian or Arabic-Indic digit in `text` becomes its Latin digit."""
    return text.translate(_TO_LATIN)


def to_persian(text: object) -> str:
    """Latin digits in `str(text)` become Persian digits, for display."""
    return str(text).translate(_TO_PERSIAN)


def persian_decimal(value: float, places: int | None = 1) -> str:
    """`value` for display with `places` decimals (None: as many as it has, a whole number with none): Persian
    digits and the Persian decimal separator (٫, not a full stop, which reads as a different mark in a Persian
    sentence)."""
    if places is None:
        text = str(int(value)) if value.is_integer() else str(value)
    else:
        text = f"{value:.{places}f}"
    return to_persian(text).replace(".", DECIMAL_SEPARATOR)


def is_latin_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 only (after `to_latin`); False for any other digit set."""
    return text.isascii() and text.isdigit()


def foreign_digits(text: str) -> bool:
    """True when `text` holds a digit that is neither Latin, Persian nor Arabic-Indic (e.g. ١ is fine, १ or ² not)."""
    return any(ch.isdigit() and not ch.isascii() for ch in to_latin(text))


def parse_int(text: str | int, what: str, minimum: int = 0, maximum: int = LARGEST_COUNT) -> int:
    """An integer typed in Persian, Arabic-Indic or Latin digits; raises InvalidInput with `what` named in Persian."""
    from scanstation.core.errors import InvalidInput
    from scanstation.core.quoting import quoted

    if isinstance(text, int):
        value = text
    else:
        cleaned = to_latin(str(text)).strip()
        if not is_latin_digits(cleaned):
            raise InvalidInput(f"{what} را با رقم‌های فارسی یا لاتین بنویسید؛ {quoted(text)} عدد نیست.")
        if len(cleaned) > len(str(maximum)):
            raise InvalidInput(f"{what} نمی‌تواند بیشتر از {to_persian(maximum)} باشد.")
        value = int(cleaned)
    if value < minimum:
        raise InvalidInput(f"{what} نمی‌تواند کمتر از {to_persian(minimum)} باشد.")
    if value > maximum:
        raise InvalidInput(f"{what} نمی‌تواند بیشتر از {to_persian(maximum)} باشد.")
    return value
