"""Image quality check (step 6): the sheet's edges, blank, skew, orientation, blur, too dark, washed out, low
resolution.

Every metric but blur is computed on a copy reduced to `work_dpi`, so a 300-dpi A4 page costs a few tens of
milliseconds. Thresholds are data (resources/qc.toml), read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cv2
import numpy as np
from PIL import Image

from scanstation.capture.orientation import TurnPolicy, page_orientation
from scanstation.capture.sheet import Sheet, SheetPolicy, find_sheet
from scanstation.capture.skew import measure_skew
from scanstation.core.errors import InvalidInput
from scanstation.core.policy import policy_file, typed_table

A4_WIDTH_INCHES = 210 / 25.4


@dataclass(frozen=True)
class QcThresholds:
    """The quality-check policy; resources/qc.toml says what each value means."""

    work_dpi: int
    margin: float
    ink_delta: float
    mark_delta: float
    faint_delta: float
    min_blob_mm2: float
    blank_ink_fraction: float
    max_skew: float
    max_skew_search: float
    max_text_height_mm: float
    min_skew_confidence: float
    dark_background: float
    light_ink: float
    min_sharpness: float
    min_dpi: int
    faint_min_sharpness: float
    sheet_delta: float
    sheet_fill_fraction: float
    sheet_min_mm: float
    crop_to_sheet: bool
    crop_margin_mm: float
    turn_min_lines: int
    turn_min_score: float
    turn_min_text_mm2: float
    turn_policy: str

    def __post_init__(self) -> None:
        if self.turn_policy not in ("apply", "flag"):
            raise InvalidInput("در «qc.toml» مقدار turn_policy باید «apply» یا «flag» باشد.")

    @property
    def sheet(self) -> SheetPolicy:
        return SheetPolicy(self.sheet_delta, self.sheet_fill_fraction, self.sheet_min_mm)

    def turn(self, work_dpi: float) -> TurnPolicy:
        return TurnPolicy(self.min_skew_confidence, self.max_skew_search, self.turn_min_lines, self.turn_min_score,
                          int(self.turn_min_text_mm2 * (work_dpi / 25.4) ** 2))


@lru_cache(maxsize=1)
def load_thresholds() -> QcThresholds:
    """Thresholds from resources/qc.toml (a missing or unknown key is refused so a typo does not pass silently)."""
    return typed_table(QcThresholds, policy_file("qc.toml"), "qc.toml")


@dataclass(frozen=True)
class QcResult:
    """What the check found. `turn`: the clockwise turn that makes the page upright, None when it cannot tell;
    `sheet_mm`: the sheet's width and height (the whole image's when the sheet fills it); `sheet_box`: the part of
    the image to keep, the sheet and its margin (left, top, right, bottom in the image's pixels), None when nothing
    is to be cut (the sheet fills the image, or qc.toml's crop_to_sheet is off)."""

    reasons: tuple[str, ...]
    metrics: dict[str, Any]
    turn: int | None = None
    sheet_mm: tuple[float, float] = (0.0, 0.0)
    sheet_box: tuple[int, int, int, int] | None = None

    @property
    def ok(self) -> bool:
        return not self.reasons


def effective_dpi(image: Image.Image, dpi: int | None) -> tuple[int, bool]:
    """The stated dpi, or one estimated from the width assuming an A4 portrait page; and whether it was estimated."""
    if dpi:
        return int(round(dpi)), False
    short_side = min(image.size)
    return max(1, int(round(short_side / A4_WIDTH_INCHES))), True


def _gray(image: Image.Image) -> Image.Image:
    """The page in 8-bit gray; a gray page is used as it is (nothing here writes to it)."""
    return image if image.mode == "L" else image.convert("L")


def _reduced(gray: Image.Image, dpi: int, work_dpi: int) -> tuple[np.ndarray, float, int]:
    """An 8-bit copy at about `work_dpi` (box-averaged), its resolution and the reduction factor."""
    factor = max(1, int(round(dpi / work_dpi)))
    small = gray.reduce(factor) if factor > 1 else gray
    return np.asarray(small), dpi / factor, factor


def _histogram(small: np.ndarray) -> np.ndarray:
    """The 8-bit histogram, cumulated (OpenCV's calcHist: cheaper than numpy's bincount), read by both the sheet
    search and the paper level."""
    return np.cumsum(cv2.calcHist([small], [0], None, [256], [0, 256]).ravel())


def _paper_level(below: np.ndarray) -> float:
    """The paper's level, 0-1: the 90th percentile, from the cumulated histogram (a tenth of the cost of sorting)."""
    return float(np.searchsorted(below, 0.9 * below[-1])) / 255.0


def _darker_than(arr: np.ndarray, background: float, delta: float) -> np.ndarray:
    """Pixels at least `delta` (relative) darker than the background, so a dark scan still shows its ink."""
    return arr < background * (1 - delta)


@dataclass(frozen=True)
class _Blobs:
    """The connected blobs of a mask over the page less half its margin (where skew is measured), labelled once for
    both the content measure and the skew measure (OpenCV: 4-connected, as a blob of ink is traced by its edges)."""

    labels: np.ndarray
    heights: np.ndarray  # of each label, the background's (0) first
    inner: tuple[slice, slice]  # the page less its whole margin (where content is looked for), in `labels`

    @classmethod
    def of(cls, mask: np.ndarray, margin: float) -> _Blobs:
        h, w = mask.shape
        hy, hx = int(h * margin / 2), int(w * margin / 2)
        region = np.ascontiguousarray(mask[hy:h - hy, hx:w - hx], dtype=np.uint8)
        _, labels, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=4, ltype=cv2.CV_32S)
        iy, ix = int(h * margin) - hy, int(w * margin) - hx
        return cls(labels, stats[:, cv2.CC_STAT_HEIGHT],
                   (slice(iy, labels.shape[0] - iy), slice(ix, labels.shape[1] - ix)))

    @property
    def count(self) -> int:
        return len(self.heights) - 1

    def content_fraction(self, work_dpi: float, min_blob_mm2: float) -> float:
        """Marked fraction of the inner page, dust-sized blobs left out."""
        inner = self.labels[self.inner]
        if not self.count or not inner.size:
            return 0.0
        sizes = np.bincount(inner.ravel(), minlength=self.count + 1)[1:]
        min_px = max(1, int(min_blob_mm2 * (work_dpi / 25.4) ** 2))
        return float(sizes[sizes >= min_px].sum()) / inner.size

    def text_sized(self, work_dpi: float, max_height_mm: float) -> np.ndarray:
        """The blobs no taller than a line of text, as a mask: a stamp, a signature, a barcode or a photo says
        nothing about how the page lies, and a large one would drown the text lines' profile."""
        keep = self.heights <= max_height_mm * work_dpi / 25.4
        keep[0] = False
        return keep[self.labels]


def _steepness(window: np.ndarray, contrast: float) -> float:
    """The steepest edge steps (99.5th percentile of neighbour differences) relative to `contrast`: a sharp edge
    climbs the whole contrast within a pixel or two, a blurred one spreads it over many."""
    step = np.maximum(np.abs(np.diff(window, axis=0))[:, :-1], np.abs(np.diff(window, axis=1))[:-1, :])
    return float(np.percentile(step, 99.5) / contrast)


def _at_300_dpi(window: Image.Image, dpi: int) -> Image.Image:
    """A window of the page brought to 300 dpi, where edge steepness is measured, when the page is not near it."""
    if abs(dpi - 300) <= 15:
        return window
    return window.resize((max(1, round(window.width * 300 / dpi)), max(1, round(window.height * 300 / dpi))),
                         Image.BILINEAR)


def _sharpness(gray: Image.Image, dpi: int, small: np.ndarray, factor: int) -> float:
    """Edge steepness of the inkiest 256-px window at 300 dpi: low when edges are smeared. The window is chosen on
    the reduced copy (`small`, `factor` times smaller: a ninth of the pixels to count) and only it is read at full
    resolution, brought to 300 dpi when the page is not."""
    side = max(8, round(256 * dpi / 300))  # the window, in the page's own pixels
    tile = max(1, side // factor)
    h, w = small.shape
    if h < tile or w < tile:
        window = gray
    else:
        ny, nx = h // tile, w // tile
        dark = (small[:ny * tile, :nx * tile] < 128).reshape(ny, tile, nx, tile).sum(axis=(1, 3))
        y, x = (int(v) * tile * factor for v in np.unravel_index(int(np.argmax(dark)), dark.shape))
        window = gray.crop((x, y, x + side, y + side))
    arr = np.asarray(_at_300_dpi(window, dpi), dtype=np.float32) / 255.0
    contrast = float(arr.max() - arr.min())
    return 1.0 if contrast < 0.05 else _steepness(arr, contrast)


def _faint_steepness(gray: Image.Image, dpi: int, faint: np.ndarray, factor: int) -> float:
    """Edge steepness of faint marks, in the full-resolution window under the reduced tile that holds most of them.
    Faint print keeps its sharp edges (about 0.7 at 6-10 % contrast, 0.45 slightly blurred); bleed-through from the
    back of a sheet reaches the front diffused by the paper (0.35 and below). A 3x3 median first, so that scanner
    noise, as large as the faint marks' own steps, is not taken for edges; the contrast from the 1st to the 99th
    percentile for the same reason. At 300 dpi, as sharpness is: an edge diffused over 0.2 mm spans a pixel at
    100 dpi and would pass for sharp."""
    tile = max(8, 256 // factor)
    ny, nx = max(1, faint.shape[0] // tile), max(1, faint.shape[1] // tile)
    counts = faint[:ny * tile, :nx * tile].reshape(ny, tile, nx, tile).sum(axis=(1, 3))
    y, x = (int(v) * tile * factor for v in np.unravel_index(int(np.argmax(counts)), counts.shape))
    window = _at_300_dpi(gray.crop((x, y, x + tile * factor, y + tile * factor)), dpi)
    window = cv2.medianBlur(np.asarray(window), 3)
    low, high = np.percentile(window, (1, 99))
    return 0.0 if high - low < 3 else _steepness(window.astype(np.float32), float(high - low))


def _sheet(gray: Image.Image, small: np.ndarray, below: np.ndarray, work_dpi: float, factor: int, page_dpi: int,
           t: QcThresholds) -> tuple[Sheet | None, tuple[float, float], tuple[int, int, int, int] | None]:
    """The sheet in the reduced copy (None when the page fills the image), its size in millimetres (the image's when
    it fills it) and the part of the full image to keep: the sheet and `crop_margin_mm` around it."""
    sheet = find_sheet(small, below, work_dpi, t.sheet)
    if sheet is None:
        return None, (round(gray.width * 25.4 / page_dpi, 1), round(gray.height * 25.4 / page_dpi, 1)), None
    keep = sheet.scaled(factor).bounds((gray.height, gray.width), pad=t.crop_margin_mm * page_dpi / 25.4)
    return sheet, sheet.size_mm(work_dpi), keep


def check_page(image: Image.Image, dpi: int | None, thresholds: QcThresholds, min_dpi: int | None = None) -> QcResult:
    """Measure a page and say which checks it fails. The sheet is found first (an A5 page on the A4 platen, a
    receipt on the feeder's backing) and every other check looks at the sheet alone. `skew_degrees` is None, and so
    is the turn, where there is too little text to measure them (a blank page, or only a stamp and a signature)."""
    t = thresholds
    page_dpi, estimated = effective_dpi(image, dpi)
    gray = _gray(image)
    small, work_dpi, factor = _reduced(gray, page_dpi, t.work_dpi)
    below = _histogram(small)
    sheet, sheet_mm, keep = _sheet(gray, small, below, work_dpi, factor, page_dpi, t)
    if sheet is not None:
        left, top, right, bottom = sheet.bounds(small.shape)
        small = np.ascontiguousarray(small[top:bottom, left:right])
        gray = gray.crop((left * factor, top * factor, right * factor, bottom * factor))
        below = _histogram(small)
    background = _paper_level(below)
    arr = small.astype(np.float32) / 255.0
    marks = _darker_than(arr, background, t.mark_delta)
    blobs = _Blobs.of(marks, t.margin)
    content = blobs.content_fraction(work_dpi, t.min_blob_mm2)
    if content < t.blank_ink_fraction:
        # No clear marks. Faint ones with sharp edges (a washed-out page) still make the page too light, never
        # blank: calling a page with content blank is the worst mistake, once blank pages can be dropped in one go.
        # Bleed-through from the back of the sheet is as faint, but diffused by the paper.
        faint = _darker_than(arr, background, t.faint_delta)
        blank = _Blobs.of(faint, t.margin).content_fraction(work_dpi, t.min_blob_mm2) < t.blank_ink_fraction
        if not blank:  # the faint marks inside the margin, not the holes, dust and shadows the margin holds
            h, w = arr.shape
            inner = np.zeros_like(faint)
            inner[int(h * t.margin):h - int(h * t.margin), int(w * t.margin):w - int(w * t.margin)] = True
            blank = _faint_steepness(gray, page_dpi, faint & inner & ~marks, factor) < t.faint_min_sharpness
    else:
        blank = False
    ink_level = float(np.percentile(arr[marks], 5)) if marks.any() else background
    reasons: list[str] = []
    metrics: dict[str, Any] = {
        "dpi": page_dpi, "dpi_estimated": int(estimated), "background": round(background, 3),
        "ink_level": round(ink_level, 3), "content_fraction": round(content, 5),
        "skew_degrees": None, "skew_confidence": None, "sharpness": None, "turn": None, "turn_score": None,
        "sheet_mm": list(sheet_mm),
    }
    turn = None
    if background < t.dark_background:
        reasons.append("too_dark")
    if blank:
        reasons.append("blank")
    else:
        h, w = arr.shape
        my, mx = int(h * t.margin / 2), int(w * t.margin / 2)
        ink = _darker_than(arr[my:h - my, mx:w - mx], background, t.ink_delta)
        text_ink = ink & blobs.text_sized(work_dpi, t.max_text_height_mm)
        upright = page_orientation(text_ink, measure_skew(text_ink, t.max_skew_search), t.turn(work_dpi))
        turn = upright.turn
        metrics["skew_confidence"] = upright.skew.confidence
        metrics["turn"], metrics["turn_score"] = turn, upright.score
        if upright.skew.confidence >= t.min_skew_confidence:
            metrics["skew_degrees"] = upright.skew.degrees
            if abs(upright.skew.degrees) > t.max_skew:
                reasons.append("skew")
        if turn and t.turn_policy == "flag":
            reasons.append("turned")
        if ink_level > t.light_ink and "too_dark" not in reasons:
            reasons.append("too_light")
        sharpness = _sharpness(gray, page_dpi, small, factor)
        metrics["sharpness"] = round(sharpness, 4)
        if sharpness < t.min_sharpness:
            reasons.append("blur")
    if page_dpi < (min_dpi or t.min_dpi):
        reasons.append("low_resolution")
    return QcResult(tuple(reasons), metrics, turn, sheet_mm, keep if t.crop_to_sheet else None)


def page_turn(image: Image.Image, dpi: int | None = None) -> int | None:
    """The clockwise turn (0, 90, 180, 270) that makes the page upright, None when it holds too little text to tell:
    the quality check's own answer, for those who read a page without capturing it (OCR)."""
    return check_page(image, dpi, load_thresholds()).turn
