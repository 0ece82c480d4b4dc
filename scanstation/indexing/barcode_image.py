"""The dossier barcode as a Code 128 image (python-barcode), with the quiet zones scanners need."""

from __future__ import annotations

import io

from barcode.charsets import code128 as charset
from barcode.codex import Code128
from barcode.writer import ImageWriter
from PIL import Image

QUIET_MODULES = 10


class _Code128(Code128):
    """python-barcode 0.16.1 folds a start code and the charset switch after it into one start code, and takes a
    leading digit pair 99 in set C for such a switch: a code beginning 99 lost those digits (one tracking code in a
    hundred printed as a different number). Only a real switch (100 to B, 101 to A) is folded here."""

    def _try_to_optimize(self, encoded: list[int]) -> list[int]:
        if encoded[0] == charset.START_CODES["C"] and encoded[1:2] == [99]:
            return encoded
        return super()._try_to_optimize(encoded)


def code128_image(value: str, module_mm: float = 0.25, height_mm: float = 10.0, dpi: int = 600) -> Image.Image:
    """A 1-bit image of `value` in Code 128 with 10-module quiet zones and no human-readable line (we print our own)."""
    writer = ImageWriter(format="PNG", mode="1")
    buf = io.BytesIO()
    _Code128(value, writer=writer).write(buf, {
        "module_width": module_mm, "module_height": height_mm, "quiet_zone": module_mm * QUIET_MODULES,
        "write_text": False, "dpi": dpi, "margin_top": 0, "margin_bottom": 0})
    image = Image.open(io.BytesIO(buf.getvalue()))
    image.load()
    return image


def modules(value: str) -> int:
    """Width of the symbol in modules, quiet zones included (to fit a label)."""
    code = _Code128(value)
    return len(code.build()[0]) + 2 * QUIET_MODULES
