"""The dossier barcode as a Code 128 image (python-barcode), with the quiet zones scanners need."""

from __future__ import annotations

import io

import barcode
from barcode.writer import ImageWriter
from PIL import Image

QUIET_MODULES = 10


def code128_image(value: str, module_mm: float = 0.25, height_mm: float = 10.0, dpi: int = 600) -> Image.Image:
    """A 1-bit image of `value` in Code 128 with 10-module quiet zones and no human-readable line (we print our own)."""
    writer = ImageWriter(format="PNG", mode="1")
    buf = io.BytesIO()
    barcode.get("code128", value, writer=writer).write(buf, {
        "module_width": module_mm, "module_height": height_mm, "quiet_zone": module_mm * QUIET_MODULES,
        "write_text": False, "dpi": dpi, "margin_top": 0, "margin_bottom": 0})
    image = Image.open(io.BytesIO(buf.getvalue()))
    image.load()
    return image


def modules(value: str) -> int:
    """Width of the symbol in modules, quiet zones included (to fit a label)."""
    code = barcode.get("code128", value)
    return len(code.build()[0]) + 2 * QUIET_MODULES
