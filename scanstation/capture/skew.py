"""Skew of a page's lines of text, from projection profiles of its ink (the quality check and the orientation
measure share it)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
