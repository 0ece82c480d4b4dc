"""The «اسکن شد» sticker: the fields recorded at classification, rendered, and carried in the PDF metadata."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import NotFound
from scanstation.services import capture_steps, classification, labels
from tests.builders import CLERK, add_pages, new_dossier, staff, walk


def test_stamp_sticker_of_a_classified_document(sqlite_app: App, tmp_path: Path, artifacts: Path) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 4)
    add_pages(sqlite_app, barcode, 2)
    capture_steps.finish_scanning(sqlite_app.uow(CLERK), barcode)
    classification.classify(sqlite_app.uow(CLERK), barcode, "1-2", "CORRESPONDENCE")
    pdf = tmp_path / "stamp.pdf"
    pdf.write_bytes(labels.stamp_stickers(sqlite_app.uow(CLERK), barcode, [1]))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "branch=شعبه آزمایشی" in info and f"({CLERK})" in info and "date=14" in info
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(artifacts / "stamp-sticker")],
                   check=True)
    assert (artifacts / "stamp-sticker.png").stat().st_size > 5000
    with pytest.raises(NotFound):
        labels.stamp_stickers(sqlite_app.uow(CLERK), barcode, [2])
