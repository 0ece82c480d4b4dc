"""What happens to every captured page, as a list of plain steps: quality check, barcodes, store, thumbnail.

The runner (services/capture.py) commits each processed page in its own small transaction, so every page it has
acknowledged is durable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from scanstation.capture.page_store import PageStore, StoredImage
from scanstation.capture.qc import QcResult, QcThresholds, check_page
from scanstation.core.errors import InvalidInput
from scanstation.core.identifiers import parse_barcode
from scanstation.indexing.barcode_reader import FoundBarcode, read_barcodes


@dataclass(frozen=True)
class ProcessedPage:
    label: str
    stored: StoredImage
    dpi: int
    qc: QcResult
    barcodes: tuple[FoundBarcode, ...]

    def foreign_dossier(self, own_barcode: str) -> str | None:
        """The barcode of another dossier's label on this page, if any (files must not get mixed)."""
        for code in self.barcodes:
            try:
                text = parse_barcode(code.value).text
            except InvalidInput:
                continue
            if text != own_barcode:
                return text
        return None


def process_page(image: Image.Image, dpi: int | None, label: str, store: PageStore, thresholds: QcThresholds,
                 min_dpi: int | None = None) -> ProcessedPage:
    """Quality check, barcodes, lossless store (fsynced), thumbnail: everything but the database row."""
    qc = check_page(image, dpi, thresholds, min_dpi)
    skew = qc.metrics.get("skew_degrees")
    codes = tuple(read_barcodes(image, float(skew) if skew is not None else None))
    stored = store.put(image)
    store.thumbnail(stored.sha256, image)
    return ProcessedPage(label, stored, int(qc.metrics["dpi"] or 0), qc, codes)
