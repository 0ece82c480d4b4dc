"""Reading a page's text (issue 23): Persian (and the Latin codes inside it) through Debian's Tesseract 5.3.

Tesseract runs as a child process, one page at a time and single-threaded, fed the page on standard input and
answering in TSV (each word with its box and confidence, grouped in lines in reading order). Measured against the
tesserocr wheel (which bundles its own Tesseract 5.5.4): the same pages and settings read at CER 5.8% here and 13.1%
there (it loses header lines), and the child process costs 0.2 s of CPU a page more (start-up and model load; 0.9 s
against 0.7 s). A child process also keeps the work out of the window's Python (no GIL held, no event-loop stalls), can
be ended when a page hangs or the worker is stopped, and takes only its own page down if it crashes.

The page is never changed: it is read from a copy that is turned upright by the turn the quality check tells
(capture/qc.py; a quarter turn moves pixels, nothing is resampled), then smoothed and binarised.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from scanstation.core.policy import policy_file, typed_table

if TYPE_CHECKING:  # OpenCV and numpy are imported when a page is read: the window starts without them (issue 21.7)
    import numpy as np

ENGINE = "tesseract"
TESSDATA_DIRS = (Path("/usr/share/tesseract-ocr/5/tessdata"), Path("/usr/share/tesseract-ocr/4.00/tessdata"))
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_DIGIT_GROUPS = re.compile(r"[0-9]+(?:-[0-9]+)+")


class OcrUnavailable(RuntimeError):
    """Tesseract or its Persian model is not installed, or a page could not be read; one sentence for a clerk."""


@dataclass(frozen=True)
class OcrPolicy:
    """resources/ocr.toml says what each value means."""

    languages: str
    psm: int
    settings: tuple[str, ...]
    smooth_px: int
    min_ink_contrast: float
    page_timeout_seconds: float
    idle_workers: int
    capturing_workers: int
    lease_minutes: float


@lru_cache(maxsize=1)
def load_policy() -> OcrPolicy:
    return typed_table(OcrPolicy, policy_file("ocr.toml"), "ocr.toml")


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom in the upright page's pixels
    confidence: float               # 0..1


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]  # in reading order (right to left on the page for Persian)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (min(w.box[0] for w in self.words), min(w.box[1] for w in self.words),
                max(w.box[2] for w in self.words), max(w.box[3] for w in self.words))


@dataclass(frozen=True)
class PageText:
    """What was read on one page: the lines in reading order, on the page turned clockwise by `turn`."""

    turn: int | None  # the clockwise turn that made the page upright; None: too little text to tell
    size: tuple[int, int]  # width, height of the upright page in pixels
    lines: tuple[Line, ...]
    engine: str
    model: str

    @property
    def text(self) -> str:
        """The words as written, in reading order, one line of the page a line."""
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float | None:
        """Tesseract's mean word confidence, weighted by word length; None on a page without words."""
        words = [w for line in self.lines for w in line.words]
        total = sum(len(w.text) for w in words)
        return round(sum(w.confidence * len(w.text) for w in words) / total, 3) if total else None

    def words_json(self) -> list[list[Any]]:
        """The lines as stored for the PDF text layer: [[text, left, top, right, bottom], ...] per line."""
        return [[[w.text, *w.box] for w in line.words] for line in self.lines]


def tessdata_dir() -> Path:
    for folder in TESSDATA_DIRS:
        if (folder / "fas.traineddata").is_file():
            return folder
    raise OcrUnavailable("مدل فارسی Tesseract نصب نیست؛ installer/setup.sh را دوباره اجرا کنید "
                         "(بسته‌های tesseract-ocr و tesseract-ocr-fas).")


def _traineddata_version(path: Path) -> str:
    """The version string a .traineddata file carries (its component 23), e.g. «4.00.00alpha:fas:synth20170629»."""
    data = path.read_bytes()
    count = int.from_bytes(data[:4], "little")
    offsets = [int.from_bytes(data[4 + 8 * i: 12 + 8 * i], "little", signed=True) for i in range(count)]
    if count <= 23 or offsets[23] < 0:
        return "unknown"
    ends = [o for o in offsets[24:] if o > 0] + [len(data)]
    return data[offsets[23]: ends[0]].decode("ascii", "replace").split(":[")[0]


@lru_cache(maxsize=1)
def model_version() -> str:
    """Which engine and models read the text, for the manifest: «tesseract 5.3.0; fas 4.00.00alpha:...»."""
    folder = tessdata_dir()
    models = "; ".join(f"{lang} {_traineddata_version(folder / f'{lang}.traineddata')}"
                       for lang in load_policy().languages.split("+"))
    try:
        first = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30).stdout
    except FileNotFoundError:
        raise OcrUnavailable("برنامه Tesseract نصب نیست؛ installer/setup.sh را دوباره اجرا کنید.") from None
    return f"{first.splitlines()[0] if first else 'tesseract'}; {models}"


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _pgm(gray: np.ndarray) -> bytes:
    """A binary PGM: the cheapest image encoding to hand Tesseract on its standard input."""
    import numpy as np

    return b"P5\n%d %d\n255\n" % (gray.shape[1], gray.shape[0]) + np.ascontiguousarray(gray).tobytes()


def _tesseract(args: list[str], gray: np.ndarray, dpi: int, timeout: float) -> str:
    command = ["tesseract", "stdin", "stdout", "--dpi", str(dpi), "--tessdata-dir", str(tessdata_dir()), *args]
    try:
        done = subprocess.run(command, input=_pgm(gray), capture_output=True, timeout=timeout, env=_env())
    except FileNotFoundError:
        raise OcrUnavailable("برنامه Tesseract نصب نیست؛ installer/setup.sh را دوباره اجرا کنید.") from None
    except subprocess.TimeoutExpired:
        raise OcrUnavailable(f"خواندن متن صفحه بیش از {timeout:g} ثانیه طول کشید و کنار گذاشته شد.") from None
    return done.stdout.decode("utf-8", "replace")


def _median(counts: np.ndarray) -> int:
    """The median grey level of a histogram (its index into `counts`)."""
    import numpy as np

    return int(np.searchsorted(np.cumsum(counts), counts.sum() / 2))


def binarised(gray: np.ndarray) -> np.ndarray | None:
    """The page in black and white for Tesseract: smoothed, then Otsu's threshold (Tesseract's own binarisation
    dropped whole lines of grey, noisy pages). None when the two sides of the threshold hardly differ (a blank back
    whose show-through Otsu would blacken into text that is not there)."""
    import cv2

    policy = load_policy()
    if policy.smooth_px:
        gray = cv2.GaussianBlur(gray, (policy.smooth_px, policy.smooth_px), 0)
    threshold, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # The medians of each side from a histogram: OpenCV counts without holding Python's lock, so the window's
    # event loop goes on while a page is prepared (numpy's median sorted half a million pixels holding it).
    counts = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel()
    cut = int(threshold) + 1
    ink, paper = counts[:cut], counts[cut:]
    if not ink.sum() or not paper.sum() or (_median(paper) + cut - _median(ink)) / 255 < policy.min_ink_contrast:
        return None
    return bw


def _word_text(raw: str) -> str:
    """A word as Tesseract gave it, its direction marks gone and a code of Latin digit groups («2659-2488-7793»)
    put back in its printed order: inside a Persian line Tesseract 5.3 `fas` gives such groups right to left
    («7793-2488-2659»; every such code on the bench's pages)."""
    text = _BIDI_MARKS.sub("", raw).strip()
    if _DIGIT_GROUPS.fullmatch(text):
        text = "-".join(reversed(text.split("-")))
    return text


def _lines(tsv: str) -> tuple[Line, ...]:
    """Tesseract's TSV words grouped by (block, paragraph, line), in the order it gives them (reading order)."""
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = _word_text(cells[11])
        if not text:
            continue
        left, top, width, height = (int(c) for c in cells[6:10])
        word = Word(text, (left, top, left + width, top + height), max(0.0, float(cells[10])) / 100)
        lines.setdefault((cells[2], cells[3], cells[4]), []).append(word)
    return tuple(Line(tuple(words)) for words in lines.values())


def read_page(image: Image.Image, dpi: int, turn: int | None) -> PageText:
    """The text of one page image, read after turning a copy clockwise by `turn` (the quality check's; None: too
    little text to tell, read as it lies). The image is not changed."""
    import numpy as np

    policy = load_policy()
    gray = np.asarray(image if image.mode == "L" else image.convert("L"))
    if binarised(gray[::2, ::2]) is None:  # nothing dark enough to be ink: no text, no turn
        return PageText(turn=None, size=(gray.shape[1], gray.shape[0]), lines=(), engine=ENGINE,
                        model=model_version())
    if turn:
        gray = np.ascontiguousarray(np.rot90(gray, -(turn // 90)))  # clockwise, pixels moved, none resampled
    bw = binarised(gray)
    settings = [arg for setting in policy.settings for arg in ("-c", setting)]
    tsv = _tesseract(["-l", policy.languages, "--psm", str(policy.psm), *settings, "tsv"], bw, dpi,
                     policy.page_timeout_seconds) if bw is not None else ""
    return PageText(turn=turn, size=(gray.shape[1], gray.shape[0]), lines=_lines(tsv), engine=ENGINE,
                    model=model_version())
