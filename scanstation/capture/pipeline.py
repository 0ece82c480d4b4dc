"""What happens to every page, as a list of plain steps: quality check and barcodes (`inspect_page`, the same for a
scanned page, an imported file and `scanstation qc`), then for captured pages the lossless store and thumbnail.

The runner (services/page_capture.py) commits each processed page in its own small transaction, so every page it has
acknowledged is durable.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from PIL import Image

from scanstation.capture.page_store import PageStore, StoredImage
from scanstation.capture.qc import QcResult, QcThresholds, check_page
from scanstation.core.errors import InvalidInput
from scanstation.core.identifiers import parse_barcode
from scanstation.indexing.barcode_reader import FoundBarcode, read_barcodes


T = TypeVar("T")


@cache
def _writer() -> ThreadPoolExecutor:
    """One writer beside the checking thread, made on the first captured page (not at import): zlib, numpy and zbar
    release the GIL, so on two cores encoding and storing a page takes place while it is checked."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-store")


@dataclass(frozen=True)
class PageFindings:
    """What the checks found on one page."""

    dpi: int
    qc: QcResult
    barcodes: tuple[FoundBarcode, ...]


@dataclass(frozen=True)
class PageFix:
    """What capture does to the scanner's image by qc.toml's policy: cut it to its sheet (`crop`: left, top, right,
    bottom) and turn it upright (`turn`, clockwise degrees). Both lossless: a cut copies pixels, a quarter turn moves
    them; nothing is resampled."""

    crop: tuple[int, int, int, int] | None
    turn: int

    @classmethod
    def of(cls, qc: QcResult, thresholds: QcThresholds) -> PageFix | None:
        """The fix the policy asks for this page, None when it is to be kept as scanned."""
        turn = qc.turn if qc.turn and thresholds.turn_policy == "apply" else 0
        return None if qc.sheet_box is None and not turn else cls(qc.sheet_box, turn)

    def applied(self, image: Image.Image) -> Image.Image:
        out = image.crop(self.crop) if self.crop else image
        return turned(out, self.turn)


def turned(image: Image.Image, clockwise: int) -> Image.Image:
    """The image turned clockwise by a quarter turn or two: pixels moved, none resampled."""
    if clockwise % 360 == 0:
        return image
    return image.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                            270: Image.Transpose.ROTATE_90}[clockwise % 360])


@dataclass(frozen=True)
class ProcessedPage:
    """A page checked and stored: `stored` is the scanner's image; `fixed`, when the policy cut or turned it, the
    image the dossier shows, made from it by `fix`."""

    label: str
    stored: StoredImage
    dpi: int
    qc: QcResult
    barcodes: tuple[FoundBarcode, ...]
    fix: PageFix | None = None
    fixed: StoredImage | None = None


def inspect_page(image: Image.Image, dpi: int | None, thresholds: QcThresholds, min_dpi: int | None = None,
                 first: bool = False) -> PageFindings:
    """Quality check, then barcodes, the page straightened by the measured skew. The thorough barcode search runs
    where the page shows barcode-like structure, and always on a `first` page (a dossier's first carries its label).
    A page the check finds blank is not searched: by qc.toml it holds a few square millimetres of marks at most, far
    less than the smallest barcode label, and the blank backs of a duplex batch are half its pages."""
    gray = image if image.mode == "L" else image.convert("L")
    qc = check_page(gray, dpi, thresholds, min_dpi)
    skew = qc.metrics.get("skew_degrees")
    codes = () if "blank" in qc.reasons else tuple(read_barcodes(gray, float(skew) if skew is not None else None,
                                                                 thorough=first))
    return PageFindings(int(qc.metrics["dpi"] or 0), qc, codes)


def _store(store: PageStore, image: Image.Image) -> StoredImage:
    stored = store.put(image)
    store.thumbnail(stored.sha256, image)
    return stored


@dataclass(frozen=True)
class PageInFlight:
    """A page whose checks are done while its lossless store may still be writing (`begin_page`)."""

    label: str
    findings: PageFindings
    writing: Future[StoredImage]
    fix: PageFix | None = None
    fixing: Future[StoredImage] | None = None

    def foreign_dossier(self, own_barcode: str) -> str | None:
        """The barcode of another dossier's label on this page, if any (files must not get mixed)."""
        for code in self.findings.barcodes:
            try:
                text = parse_barcode(code.value).text
            except InvalidInput:
                continue
            if text != own_barcode:
                return text
        return None

    def landed(self) -> ProcessedPage:
        """Wait until the image is durable (raising what stopped it: a full disk, say), then the whole page."""
        found = self.findings
        stored = self.writing.result()
        fixed = self.fixing.result() if self.fixing is not None else None
        return ProcessedPage(self.label, stored, found.dpi, found.qc, found.barcodes, self.fix, fixed)


def begin_page(image: Image.Image, dpi: int | None, label: str, store: PageStore, thresholds: QcThresholds,
               min_dpi: int | None = None, first: bool = False) -> PageInFlight:
    """`inspect_page`, with the lossless store (fsynced) and thumbnail written meanwhile on the writer thread, which
    may go on after this returns (and, where qc.toml's policy cuts the page to its sheet or turns it upright, the
    image so made, after the scanner's own): a batch checks its next page while this one is written (`PageInFlight.landed`
    says when the row that names it may be committed)."""
    image.load()  # both threads read the pixels: decode a lazily opened file once, here
    writing: Future[StoredImage] = _writer().submit(_store, store, image)
    try:
        found = inspect_page(image, dpi, thresholds, min_dpi, first)
        fix = PageFix.of(found.qc, thresholds)
        fixing = _writer().submit(_store, store, fix.applied(image)) if fix is not None else None
    except BaseException:
        wait([writing])  # the page is not left half-written behind the caller's back
        raise
    return PageInFlight(label, found, writing, fix, fixing)


def process_page(image: Image.Image, dpi: int | None, label: str, store: PageStore, thresholds: QcThresholds,
                 min_dpi: int | None = None, first: bool = False) -> ProcessedPage:
    """`begin_page`, returning only once the image is durable: everything but the database row, so the caller may
    commit the row that names it."""
    return begin_page(image, dpi, label, store, thresholds, min_dpi, first).landed()


def read_ahead(items: Iterator[T]) -> Iterator[T]:
    """The items of `items` in order, each one made in a helper thread while the caller works on the one before:
    decoding an image file releases the GIL, so on two cores the next page is read while this one is checked.
    One item ahead at most, so a long PDF never piles up in memory; an exception reaches the caller in its turn,
    and a caller that stops early stops the helper too."""
    ahead: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def offer(kind: str, value: object) -> bool:
        while not stop.is_set():
            try:
                ahead.put((kind, value), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer("item", item):
                    return
            offer("end", None)
        except BaseException as exc:  # handed to the caller, who raises it where the item would have been
            offer("error", exc)

    worker = threading.Thread(target=produce, name="read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = ahead.get()
            if kind == "end":
                return
            if kind == "error":
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()
