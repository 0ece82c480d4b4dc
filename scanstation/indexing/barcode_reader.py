"""Reading barcodes off page images in any orientation, also when the page is tilted up to 10 degrees.

zbar reads horizontal and vertical symbols on its own; a tilt of a few degrees defeats it (FIELD-NOTES), so
when the quick pass finds nothing the page is retried turned by a few angles. Only pages without a readable
barcode pay for the retries.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image
from pyzbar import pyzbar

RETRY_ANGLES = (-4.0, 4.0, -8.0, 8.0, -11.0, 11.0)
WORK_DPI_SCALE = 2  # decode at half resolution first: 150 dpi still resolves a 0.25-mm module


@dataclass(frozen=True)
class FoundBarcode:
    type: str
    value: str


def _decode(image: Image.Image) -> list[FoundBarcode]:
    found = []
    for symbol in pyzbar.decode(image, symbols=None):
        try:
            value = symbol.data.decode("utf-8")
        except UnicodeDecodeError:
            value = symbol.data.decode("latin-1")
        found.append(FoundBarcode(symbol.type, value))
    return found


def _unique(items: list[FoundBarcode]) -> list[FoundBarcode]:
    seen: dict[tuple[str, str], FoundBarcode] = {}
    for item in items:
        seen.setdefault((item.type, item.value), item)
    return list(seen.values())


def read_barcodes(image: Image.Image, skew_degrees: float | None = None, thorough: bool = False
                  ) -> list[FoundBarcode]:
    """Every barcode found on the page, each once.

    `skew_degrees` (from the quality check) straightens a tilted page before the second try; `thorough` also
    tries a fan of angles, for a label stuck on crooked, at several times the cost of a page without a barcode.
    """
    gray = image.convert("L")
    small = gray.reduce(WORK_DPI_SCALE) if min(gray.size) > 1600 else gray
    found = _decode(small)
    if found:
        return _unique(found)
    angles: list[float] = []
    if skew_degrees is not None and abs(skew_degrees) >= 1.5:
        angles.append(-skew_degrees)
    if thorough:
        angles.extend(RETRY_ANGLES)
    for angle in angles:
        found = _decode(small.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255))
        if found:
            return _unique(found)
    return _unique(_decode(gray)) if thorough else []
