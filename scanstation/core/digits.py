"""Persian (۰-۹) and Arabic-Indic (٠-٩) digits in, Latin digits stored; Persian digits shown."""

from __future__ import annotations

_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def to_latin(text: str) -> str:
    """Every Persian or Arabic-Indic digit in `text` becomes its Latin digit."""
    return text.translate(_TO_LATIN)


def to_persian(text: object) -> str:
    """Latin digits in `str(text)` become Persian digits, for display."""
    return str(text).translate(_TO_PERSIAN)


def parse_int(text: str | int, what: str, minimum: int = 0) -> int:
    """An integer typed in any digits; raises InvalidInput with `what` named in Persian."""
    from scanstation.core.errors import InvalidInput

    if isinstance(text, int):
        value = text
    else:
        cleaned = to_latin(str(text)).strip()
        if not cleaned.isdigit():
            raise InvalidInput(f"{what} باید یک عدد باشد؛ «{text}» عدد نیست.")
        value = int(cleaned)
    if value < minimum:
        raise InvalidInput(f"{what} نمی‌تواند کمتر از {to_persian(minimum)} باشد.")
    return value
