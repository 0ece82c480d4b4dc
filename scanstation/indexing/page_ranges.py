"""Page ranges as clerks type them: `1-4,7`, in Persian or Latin digits."""

from __future__ import annotations

from scanstation.core.digits import to_latin, to_persian
from scanstation.core.errors import InvalidInput
from scanstation.core.quoting import quoted


def parse_ranges(text: str) -> list[int]:
    """Sorted page numbers; refuses reversed, zero and malformed ranges with the part that is wrong."""
    pages: set[int] = set()
    for part in to_latin(text).replace("،", ",").replace(" ", "").split(","):
        if not part:
            continue
        bounds = part.split("-")
        if len(bounds) > 2 or not all(b.isdigit() for b in bounds):
            raise InvalidInput(f"{quoted(to_persian(part))} بازه صفحه درستی نیست؛ مانند ۱-۴،۷ بنویسید.")
        first, last = int(bounds[0]), int(bounds[-1])
        if first < 1 or last < first:
            raise InvalidInput(f"بازه {quoted(to_persian(part))} درست نیست؛ شماره اول باید از دوم کوچک‌تر باشد.")
        pages.update(range(first, last + 1))
    if not pages:
        raise InvalidInput("صفحه‌ها را بنویسید، مانند ۱-۴.")
    return sorted(pages)
