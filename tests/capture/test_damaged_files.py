"""A file with one page that cannot be decoded completely is refused whole, and nothing of it is stored
(issue 8, point 5)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from scanstation.bootstrap import App
from scanstation.capture.image_files import ImageFileError, load_images
from scanstation.core.models import Page
from scanstation.services.page_capture import import_files
from tests import imaging as im
from tests.builders import CLERK


def _pages(n: int) -> list:
    return [im.text_page(seed=i, dpi=100, lines=8) for i in range(n)]


def test_truncated_flate_stream_is_what_poppler_reports(tmp_path: Path) -> None:
    pdf = im.pdf_with_images(tmp_path / "cut.pdf", _pages(3), truncate_page=2)
    done = subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / "x")], capture_output=True, text=True)
    assert "flate" in done.stderr.lower()  # the builder really makes the damage the issue describes


def test_pdf_with_a_truncated_page_is_refused_whole(tmp_path: Path) -> None:
    good = im.pdf_with_images(tmp_path / "good.pdf", _pages(3))
    assert len(list(load_images(good))) == 3
    cut = im.pdf_with_images(tmp_path / "cut.pdf", _pages(3), truncate_page=2)
    with pytest.raises(ImageFileError, match="هیچ صفحه‌ای از آن برداشته نشد") as refused:
        list(load_images(cut))
    assert len(str(refused.value).splitlines()) == 1


def test_tiff_with_a_bad_second_frame_gives_nothing(tmp_path: Path) -> None:
    tif = im.tiff_with_bad_frame(tmp_path / "bad.tif", _pages(3), bad=2)
    given = []
    with pytest.raises(ImageFileError, match="صفحه ۲"):
        for loaded in load_images(tif):
            given.append(loaded)
    assert given == []


@pytest.mark.parametrize("kind", ["pdf", "tiff"])
def test_import_stores_nothing_of_a_damaged_file(ready: tuple[App, str], tmp_path: Path, kind: str) -> None:
    app, barcode = ready
    bad = (im.pdf_with_images(tmp_path / "cut.pdf", _pages(3), truncate_page=3) if kind == "pdf"
           else im.tiff_with_bad_frame(tmp_path / "bad.tif", _pages(3), bad=3))
    summary = import_files(app.uow(CLERK), barcode, [bad], app.pages)
    assert summary.pages == () and len(summary.problems) == 1
    with app.session_factory() as s:
        assert s.execute(select(func.count()).select_from(Page)).scalar_one() == 0
