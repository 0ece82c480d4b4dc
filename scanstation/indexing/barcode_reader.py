"""Reading barcodes off page images in any orientation, also when the page is tilted up to 10 degrees.

zbar reads horizontal and vertical symbols on its own; a tilt of a few degrees defeats it (FIELD-NOTES), so
when the quick pass finds nothing the page is retried turned by a few angles. Those retries cost some twenty times
the quick pass, so they run only where the page shows barcode-like structure (many parallel edges in one direction,
whatever the direction) or the caller asks for them (the first page of a dossier, which carries its label).
"""

from __future__ import annotations

from ctypes import c_void_p, cast, string_at
from dataclasses import dataclass

import numpy as np
from PIL import Image
from pyzbar import wrapper as zbar

from scanstation.indexing.c_stderr import held_back

RETRY_ANGLES = (-4.0, 4.0, -8.0, 8.0, -11.0, 11.0)
WORK_DPI_SCALE = 2  # decode at half resolution first: 150 dpi still resolves a 0.25-mm module
# zbar scans every line and every column by default. Every fourth one still crosses any label a dozen times over
# (a 1-cm Code 128 is some 60 lines tall at 150 dpi) at a quarter of the cost, and most pages have no barcode at all;
# a label the quick pass misses still shows as barcode-like structure and gets the retries, every second line.
QUICK_DENSITY = 4
RETRY_DENSITY = 2
GRAY_FOURCC = int.from_bytes(b"Y800", "little")
# Barcode-like structure, looked for in blocks of the half-resolution page (32 px: about 5 mm at 150 dpi): strong
# edges (mean squared gradient, 8-bit levels) that nearly all run one way (structure-tensor coherence). Text, ruled
# tables, stamps and blank paper stay below; a Code 128 label tilted by up to 10 degrees, also one faded to 60 %
# contrast, fills a dozen blocks or more. Gradients are taken on every fourth pair of rows (a label is some 60 rows
# tall), a third of the cost of every row. Only blocks beside another such block count: a label's lie together.
BLOCK = 32
ROW_STEP = 4
MIN_EDGE_ENERGY = 4000.0
MIN_COHERENCE = 0.8
MIN_BLOCKS = 4


@dataclass(frozen=True)
class FoundBarcode:
    type: str
    value: str


def _decode(image: Image.Image, density: int = 1) -> list[FoundBarcode]:
    """zbar over an 8-bit gray image, scanning every `density`-th row and column, through pyzbar's ctypes wrapper
    (pyzbar.decode itself cannot set the density)."""
    pixels = image.tobytes()
    found = []
    scanner = zbar.zbar_image_scanner_create()
    img = zbar.zbar_image_create()
    try:
        zbar.zbar_image_scanner_set_config(scanner, 0, zbar.ZBarConfig.CFG_X_DENSITY, density)
        zbar.zbar_image_scanner_set_config(scanner, 0, zbar.ZBarConfig.CFG_Y_DENSITY, density)
        zbar.zbar_image_set_format(img, GRAY_FOURCC)
        zbar.zbar_image_set_size(img, image.width, image.height)
        zbar.zbar_image_set_data(img, cast(pixels, c_void_p), len(pixels), None)
        with held_back():  # zbar's assertion warnings go to fd 2, not to the user's terminal
            decoded = zbar.zbar_scan_image(scanner, img)
        if decoded > 0:
            symbol = zbar.zbar_image_first_symbol(img)
            while symbol:
                data = string_at(zbar.zbar_symbol_get_data(symbol), zbar.zbar_symbol_get_data_length(symbol))
                try:
                    kind = zbar.ZBarSymbol(symbol.contents.type).name
                except ValueError:
                    kind = f"type {symbol.contents.type}"
                try:
                    value = data.decode("utf-8")
                except UnicodeDecodeError:
                    value = data.decode("latin-1")
                found.append(FoundBarcode(kind, value))
                symbol = zbar.zbar_symbol_next(symbol)
    finally:
        zbar.zbar_image_destroy(img)
        zbar.zbar_image_scanner_destroy(scanner)
    return found


def _unique(items: list[FoundBarcode]) -> list[FoundBarcode]:
    seen: dict[tuple[str, str], FoundBarcode] = {}
    for item in items:
        seen.setdefault((item.type, item.value), item)
    return list(seen.values())


def barcode_like(image: Image.Image) -> bool:
    """Whether a gray page holds a patch of parallel strong edges, as a barcode does in any orientation."""
    arr = np.asarray(image, dtype=np.float32)
    pairs = (arr.shape[0] - 1) // ROW_STEP
    top, below = arr[0:pairs * ROW_STEP:ROW_STEP], arr[1:pairs * ROW_STEP + 1:ROW_STEP]
    gx = top[:, 1:] - top[:, :-1]
    gy = (below - top)[:, :-1]
    rows, cols = BLOCK // ROW_STEP, BLOCK
    h, w = (gx.shape[0] // rows) * rows, (gx.shape[1] // cols) * cols
    if not h or not w:
        return False

    def per_block(values: np.ndarray) -> np.ndarray:
        return values[:h, :w].reshape(h // rows, rows, w // cols, cols).sum(axis=(1, 3))

    jxx, jyy, jxy = per_block(gx * gx), per_block(gy * gy), per_block(gx * gy)
    energy = jxx + jyy
    coherence = np.sqrt((jxx - jyy) ** 2 + 4 * jxy ** 2) / np.maximum(energy, 1e-6)
    hits = (coherence >= MIN_COHERENCE) & (energy >= MIN_EDGE_ENERGY * rows * cols)
    return int((hits & _beside_another(hits)).sum()) >= MIN_BLOCKS


def _beside_another(hits: np.ndarray) -> np.ndarray:
    """Blocks with a hit among their eight neighbours. A label's blocks lie together; the few blocks of long
    horizontal strokes in Persian text that pass alone lie apart (an upside-down letter page once passed with four
    scattered ones, and paid for the retries: 350 ms instead of 15)."""
    padded = np.pad(hits, 1)
    height, width = hits.shape
    near = np.zeros(hits.shape, dtype=np.int8)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if (dy, dx) != (1, 1):
                near += padded[dy:dy + height, dx:dx + width]
    return near > 0


def read_barcodes(image: Image.Image, skew_degrees: float | None = None, thorough: bool = False
                  ) -> list[FoundBarcode]:
    """Every barcode found on the page, each once.

    When the quick pass finds nothing, and the page looks as if it holds a barcode (or `thorough` asks), it is
    retried straightened by `skew_degrees` (from the quality check), then turned by a fan of angles for a label
    stuck on crooked, then at full resolution: several times the cost of a page without a barcode.
    """
    gray = image if image.mode == "L" else image.convert("L")
    small = gray.reduce(WORK_DPI_SCALE) if min(gray.size) > 1600 else gray
    found = _decode(small, QUICK_DENSITY)
    if found:
        return _unique(found)
    if not (thorough or barcode_like(small)):
        return []
    angles = [-skew_degrees] if skew_degrees is not None and abs(skew_degrees) >= 1.5 else []
    for angle in [*angles, *RETRY_ANGLES]:
        found = _decode(small.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255), RETRY_DENSITY)
        if found:
            return _unique(found)
    return _unique(_decode(gray))
