"""The sheet inside the scan area: an A5 page or a receipt on the A4 platen under a grey lid, or on a feeder's black
backing, is the large bright rectangle that stands out from a darker surround.

Found on the quality check's reduced copy (about 100 dpi: a quarter of a millimetre a pixel, well inside the 3 mm the
size must be right to): the copy smoothed so that text, lid texture and scanner noise drop out, the pixels near the
paper's level kept, the largest such region taken, its convex hull (text near the sheet's edge cuts into the region,
never into its hull) and the smallest rectangle around it, skew included. A page that fills the scan area, or a
bright region that is not a clean rectangle on a dark surround (a page with a dark photo at its edge), gives no sheet:
the whole image is the page, and nothing is cropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class SheetPolicy:
    """The qc.toml keys that say what counts as a sheet (see that file)."""

    sheet_delta: float
    sheet_fill_fraction: float
    sheet_min_mm: float


@dataclass(frozen=True)
class Sheet:
    """A sheet found inside the image, in the reduced copy's pixels."""

    corners: np.ndarray  # 4 x 2 (x, y), the rectangle around the sheet, skew included
    width_px: float  # along the image's x axis (the side nearer horizontal)
    height_px: float

    def size_mm(self, work_dpi: float) -> tuple[float, float]:
        scale = 25.4 / work_dpi
        return round(self.width_px * scale, 1), round(self.height_px * scale, 1)

    def scaled(self, factor: float) -> Sheet:
        """The same sheet in an image `factor` times larger (the full page, from the reduced copy)."""
        return Sheet(self.corners * factor, self.width_px * factor, self.height_px * factor)

    def bounds(self, shape: tuple[int, int], pad: float = 0.0) -> tuple[int, int, int, int]:
        """The upright box (left, top, right, bottom) around the sheet, `pad` pixels wider each side, inside the
        image of `shape` (rows, columns)."""
        xs, ys = self.corners[:, 0], self.corners[:, 1]
        return (max(0, int(np.floor(xs.min() - pad))), max(0, int(np.floor(ys.min() - pad))),
                min(shape[1], int(np.ceil(xs.max() + pad))), min(shape[0], int(np.ceil(ys.max() + pad))))


def _paper_all_round(small: np.ndarray, level: float) -> bool:
    """Whether paper runs along all four sides, a twentieth of the way in (past an ADF shadow or a sliver of lid):
    the page fills the scan area, the common case, told in well under a millisecond."""
    h, w = small.shape
    dy, dx = max(1, h // 20), max(1, w // 20)
    sides = (small[dy, :], small[h - 1 - dy, :], small[:, dx], small[:, w - 1 - dx])
    return all(np.count_nonzero(side >= level) >= 0.6 * side.size for side in sides)


def find_sheet(small: np.ndarray, below: np.ndarray, work_dpi: float, policy: SheetPolicy) -> Sheet | None:
    """The sheet in `small` (8-bit gray at `work_dpi`, `below` its cumulated histogram), or None when the page fills
    the image or no clean sheet stands out. Well under a millisecond for a page that fills the image, a few
    milliseconds at 100 dpi otherwise."""
    h, w = small.shape
    level = float(np.searchsorted(below, 0.95 * below[-1])) * (1 - policy.sheet_delta)
    if _paper_all_round(small, level):
        return None
    smooth = cv2.blur(small, (5, 5))
    bright = (smooth >= level).astype(np.uint8)
    bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))  # lid specks, thin bridges
    count, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=4)
    if count < 2:
        return None
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, bw, bh = (int(v) for v in stats[largest, :4])
    if bw * bh >= policy.sheet_fill_fraction * w * h:
        return None  # the page fills the scan area (an ADF shadow or a sliver of lid at an edge is no sheet)
    region = (labels[y:y + bh, x:x + bw] == largest).astype(np.uint8)
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(np.concatenate(contours).astype(np.float32) + np.float32((x, y)))
    (_, _), (rw, rh), _ = rect = cv2.minAreaRect(hull)
    if min(rw, rh) * 25.4 / work_dpi < policy.sheet_min_mm or cv2.contourArea(hull) < 0.9 * rw * rh:
        return None  # too small to be a sheet, or not a rectangle: a bright patch of a page, not a page
    corners = cv2.boxPoints(rect)
    left, top, right, bottom = Sheet(corners, rw, rh).bounds((h, w), pad=2)
    outside = int(bright.sum()) - int(bright[top:bottom, left:right].sum())
    if outside > 0.05 * max(1, w * h - (right - left) * (bottom - top)):
        return None  # the surround is not dark: the "sheet" is a light part of a page
    edge = corners[1] - corners[0]
    first, second = float(np.hypot(*edge)), float(np.hypot(*(corners[2] - corners[1])))
    if abs(edge[0]) >= abs(edge[1]):
        return Sheet(corners, first, second)
    return Sheet(corners, second, first)
