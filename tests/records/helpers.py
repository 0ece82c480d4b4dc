"""Builders for the Part 2 tests: a scanned, approved and reshelved dossier, and paper files brought to the counter."""

from __future__ import annotations

from pathlib import Path

from scanstation.bootstrap import App
from tests import imaging as im
from tests.builders import new_dossier, staff, walk


def shelved_dossier(app: App, n: int = 0, with_staff: bool = True) -> str:
    """A dossier through steps 1-10 (approved, reassembled, recounted, back on its shelf)."""
    if with_staff:
        staff(app)
    barcode = new_dossier(app, n)
    walk(app, barcode, 10, sheets=3, slimmed=0)
    return barcode


def paper(folder: Path, name: str, seed: int, pages: int = 1) -> Path:
    """A scanned paper document: a PNG for one page, a PDF for several."""
    folder.mkdir(parents=True, exist_ok=True)
    if pages == 1:
        return im.save(im.text_page(seed, lines=10), folder / f"{name}.png", dpi=300)
    return im.pdf_with_images(folder / f"{name}.pdf", [im.text_page(seed * 10 + i, lines=10) for i in range(pages)])
