"""Image quality check (step 6): blank, skew, blur, too dark, washed out, low resolution.

Every metric but blur is computed on a copy reduced to `work_dpi`, so a 300-dpi A4 page costs a few tens of
milliseconds. Thresholds are data (resources/qc.toml), read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image

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


@lru_cache(maxsize=1)
def load_thresholds() -> QcThresholds:
    """Thresholds from resources/qc.toml (a missing or unknown key is refused so a typo does not pass silently)."""
    return typed_table(QcThresholds, policy_file("qc.toml"), "qc.toml")


@dataclass(frozen=True)
class QcResult:
    reasons: tuple[str, ...]
    metrics: dict[str, float | int | None]

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


def _reduced(gray: Image.Image, dpi: int, work_dpi: int) -> tuple[np.ndarray, float, float]:
    """A float copy at about `work_dpi`, its resolution, and the paper's level (the 90th percentile, from the
    8-bit histogram: a tenth of the cost of sorting the floats)."""
    factor = max(1, int(round(dpi / work_dpi)))
    small = gray.reduce(factor) if factor > 1 else gray
    below = np.cumsum(small.histogram())
    background = float(np.searchsorted(below, 0.9 * below[-1])) / 255.0
    return np.asarray(small, dtype=np.float32) / 255.0, dpi / factor, background


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


@dataclass(frozen=True)
class SkewEstimate:
    degrees: float
    confidence: float  # the sharpest profile's score over the median score: text lines give about 3, a stamp about 1


def measure_skew(ink: np.ndarray, search: float) -> SkewEstimate:
    """Angle (degrees, counter-clockwise) by which the text lines are rotated: projection profiles of the ink
    points along candidate angles; the sharpest profile wins. Coarse 0.5° steps, then 0.05° around the best.
    Lines of text make one angle stand out far above the others; a stamp or a signature makes none stand out,
    and then the winning angle is noise, which the confidence says."""
    ys, xs = np.nonzero(ink)
    if ys.size < 50:
        return SkewEstimate(0.0, 0.0)
    if ys.size > 60_000:  # a sample is plenty and keeps the cost flat on dense pages
        pick = np.random.default_rng(0).choice(ys.size, 60_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - xs.mean()
    offset = abs(xs).max() * np.tan(np.radians(search)) + 2

    def score(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle)) + offset).astype(np.int64)
        counts = np.bincount(rows)
        return float(np.dot(counts, counts))

    coarse = np.arange(-search, search + 1e-9, 0.5)
    scores = np.array([score(a) for a in coarse])
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    confidence = float(scores.max() / np.median(scores))
    return SkewEstimate(float(round(max(fine, key=score), 2)), round(confidence, 2))


def _sharpness(gray: Image.Image, dpi: int) -> float:
    """Normalised Laplacian energy of the inkiest window at 300 dpi: low when edges are smeared."""
    scale = 300 / dpi
    if abs(scale - 1) > 0.05:
        gray = gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))), Image.BILINEAR)
    arr = np.asarray(gray)
    h, w = arr.shape
    tile = 256
    if h < tile or w < tile:
        window = arr
    else:
        # The tile with most dark pixels on a coarse grid, counted in one pass over the 8-bit page.
        ny, nx = h // tile, w // tile
        dark = (arr[:ny * tile, :nx * tile] < 128).reshape(ny, tile, nx, tile).sum(axis=(1, 3))
        y, x = np.unravel_index(int(np.argmax(dark)), dark.shape)
        window = arr[y * tile:(y + 1) * tile, x * tile:(x + 1) * tile]
    window = window.astype(np.float32) / 255.0
    contrast = float(window.max() - window.min())
    if contrast < 0.05:
        return 1.0
    # A sharp edge climbs the whole contrast within a pixel or two; a blurred one spreads it over many.
    step = np.maximum(np.abs(np.diff(window, axis=0))[:, :-1], np.abs(np.diff(window, axis=1))[:-1, :])
    return float(np.percentile(step, 99.5) / contrast)


def check_page(image: Image.Image, dpi: int | None, thresholds: QcThresholds, min_dpi: int | None = None) -> QcResult:
    """Measure a page and say which checks it fails. `skew_degrees` is None where there is too little text to
    measure it (a blank page, or only a stamp and a signature)."""
    t = thresholds
    page_dpi, estimated = effective_dpi(image, dpi)
    gray = _gray(image)
    arr, work_dpi, background = _reduced(gray, page_dpi, t.work_dpi)
    marks = _darker_than(arr, background, t.mark_delta)
    blobs = _Blobs.of(marks, t.margin)
    content = blobs.content_fraction(work_dpi, t.min_blob_mm2)
    if content < t.blank_ink_fraction:
        # No clear marks. Faint ones (a washed-out page) still make the page too light, never blank: calling a page
        # with content blank is the worst mistake, once blank pages can be dropped in one go.
        marks = _darker_than(arr, background, t.faint_delta)
        faint = _Blobs.of(marks, t.margin).content_fraction(work_dpi, t.min_blob_mm2)
        blank = faint < t.blank_ink_fraction
    else:
        blank = False
    ink_level = float(np.percentile(arr[marks], 5)) if marks.any() else background
    reasons: list[str] = []
    metrics: dict[str, float | int | None] = {
        "dpi": page_dpi, "dpi_estimated": int(estimated), "background": round(background, 3),
        "ink_level": round(ink_level, 3), "content_fraction": round(content, 5),
        "skew_degrees": None, "skew_confidence": None, "sharpness": None,
    }
    if background < t.dark_background:
        reasons.append("too_dark")
    if blank:
        reasons.append("blank")
    else:
        h, w = arr.shape
        my, mx = int(h * t.margin / 2), int(w * t.margin / 2)
        ink = _darker_than(arr[my:h - my, mx:w - mx], background, t.ink_delta)
        skew = measure_skew(ink & blobs.text_sized(work_dpi, t.max_text_height_mm), t.max_skew_search)
        metrics["skew_confidence"] = skew.confidence
        if skew.confidence >= t.min_skew_confidence:
            metrics["skew_degrees"] = skew.degrees
            if abs(skew.degrees) > t.max_skew:
                reasons.append("skew")
        if ink_level > t.light_ink and "too_dark" not in reasons:
            reasons.append("too_light")
        sharpness = _sharpness(gray, page_dpi)
        metrics["sharpness"] = round(sharpness, 4)
        if sharpness < t.min_sharpness:
            reasons.append("blur")
    if page_dpi < (min_dpi or t.min_dpi):
        reasons.append("low_resolution")
    return QcResult(tuple(reasons), metrics)
