"""Which way up a page is: the clockwise turn (0, 90, 180, 270) that makes it upright, or None when it cannot tell.

Two questions, both from the text-sized ink the quality check has already found (about 100 dpi), in a few ms:

- Lines across or down the page? The skew search's projection profiles: lines of text make one angle stand out
  (a score of about 3 over the median angle's); turned a quarter, the same text gives about 1.1, and the search run
  on the page turned 90° gives the 3. A page where neither stands out (a stamp and a signature, a photo, a blank back)
  has no lines, and no turn is claimed.
- Which side up? Persian and English alike sit on a baseline: the row of most ink in a line is its baseline, and more
  ink lies above it (alef, lam, kaf, the letters' bodies, dots above, Latin ascenders) than below (descenders, dots
  below). Measured line by line on pages in Vazirmatn, Vazirmatn Bold, DejaVu Sans and DejaVu Sans Bold, 8 to 16 pt:
  the share of the line's ink above its baseline minus the share below is about +0.27 with a spread of 0.18, and
  positive on 96% of lines; on a page upside down it is the same, negated. The page's score is the mean over its
  lines times the square root of their number (a z-score, the spread taken as about 0.2); below `turn_min_score`, or
  with fewer than `turn_min_lines` lines, the page is not called either way; nor is a page with less text-sized ink
  than `turn_min_text_mm2` (an ID card, a few words beside a stamp): a turn is told for pages of text, never guessed
  from a handful of words.

Tesseract's orientation pass says the same at 0.6-0.9 s a page (FIELD-NOTES), too slow for the capture path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scanstation.capture.skew import SkewEstimate, measure_skew


@dataclass(frozen=True)
class TurnPolicy:
    """The qc.toml keys that decide when a page's turn is told (see that file)."""

    min_skew_confidence: float
    max_skew_search: float
    turn_min_lines: int
    turn_min_score: float
    turn_min_text_px: int  # text-sized ink, in the reduced copy's pixels


@dataclass(frozen=True)
class Orientation:
    """The turn (None: cannot tell), the skew of the page's lines whichever way they run, and the score behind the
    turn (positive: the lines read upright in the direction found)."""

    turn: int | None
    skew: SkewEstimate
    score: float | None
    lines: int


def line_asymmetry(ink: np.ndarray, skew_degrees: float) -> np.ndarray:
    """For each line of text (rows of `ink` counted along the skew), the share of its ink above its baseline (its
    row of most ink) minus the share below."""
    ys, xs = np.nonzero(ink)
    if ys.size < 50:
        return np.zeros(0)
    rows = np.round(ys + (xs - xs.mean()) * np.tan(np.radians(skew_degrees))).astype(np.int64)
    profile = np.bincount(rows - rows.min())
    on = np.concatenate(([0], (profile > 0.05 * profile.max()).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(on))
    shares = []
    for start, end in zip(edges[::2], edges[1::2]):
        line = profile[start:end]
        mass = int(line.sum())
        if end - start < 4 or mass < 30:  # a rule, a speck: no baseline to speak of
            continue
        base = int(np.argmax(line))
        shares.append((int(line[:base].sum()) - int(line[base + 1:].sum())) / mass)
    return np.asarray(shares, dtype=np.float64)


def page_orientation(ink: np.ndarray, across: SkewEstimate, policy: TurnPolicy) -> Orientation:
    """The page's orientation from its text-sized ink and the skew already measured along its rows (`across`).
    Lines running down the page are searched for only when none run across it."""
    if int(np.count_nonzero(ink)) < policy.turn_min_text_px:  # an ID card, a few words under a stamp
        return Orientation(None, across, None, 0)
    turned_quarter = False
    lines_ink, skew = ink, across
    if across.confidence < policy.min_skew_confidence:
        down = measure_skew(np.rot90(ink), policy.max_skew_search)  # the page turned 90° counter-clockwise
        if down.confidence < policy.min_skew_confidence:
            return Orientation(None, across, None, 0)
        turned_quarter, lines_ink, skew = True, np.rot90(ink), down
    shares = line_asymmetry(lines_ink, skew.degrees)
    if shares.size == 0:
        return Orientation(None, skew, None, 0)
    score = round(float(shares.mean() * np.sqrt(shares.size) / 0.2), 2)
    if shares.size < policy.turn_min_lines or abs(score) < policy.turn_min_score:
        return Orientation(None, skew, score, int(shares.size))
    counter_clockwise = (90 if turned_quarter else 0) + (0 if score > 0 else 180)
    return Orientation((360 - counter_clockwise) % 360, skew, score, int(shares.size))
