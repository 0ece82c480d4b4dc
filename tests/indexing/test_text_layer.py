"""Issue 23: the uploaded PDF carries the page's text, invisible over the words, in reading order, and its images
stay the masters pixel for pixel; the manifest says which pages have text and what read it."""

from __future__ import annotations

import json
import re
import subprocess
import threading
from pathlib import Path

import numpy as np
from PIL import Image

from scanstation.core.match_key import match_key
from scanstation.core.models import Document, Page, PageReading
from scanstation.indexing.text_layer import stream_order
from scanstation.services import capture_steps, classification, page_capture
from scanstation.services.document_pdf import stamped_document_pdf
from scanstation.services.reading_worker import run_reader
from scanstation.services.upload import _manifest_document
from tests.builders import CLERK, new_dossier, staff, walk
from tests.persian_pages import blank_back, letter

_EMBEDDING = re.compile("[\u202a-\u202e]")  # the direction marks pdftotext wraps right-to-left lines in


def _letters(line: str) -> str:
    return re.sub(r"[^\w/]", "", match_key(line))


def test_words_are_set_in_the_order_an_extractor_meets_them():
    assert stream_order("سلام") == "مالس"
    assert stream_order("۱۴۰۳/۰۶/۲۰") == "۱۴۰۳/۰۶/۲۰"
    assert stream_order("SS-0012-1403-000417") == "SS-0012-1403-000417"
    assert stream_order("۸۴۲۰۸/ص/۱۴۰۱") == "۱۴۰۱/ص/۸۴۲۰۸"


def test_the_pdf_text_layer_gives_back_the_text_read_and_the_images_stay_the_masters(sqlite_app, tmp_path: Path):
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    page = letter(11, size_pt=12, dpi=200, paper="A5", doc_type="SICK-LEAVE", paragraphs=1)
    files = [page.save(tmp_path / "p1.png"), blank_back(3, dpi=200).save(tmp_path / "p2.png")]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    run_reader(app.uow, app.pages, stop=threading.Event(), until_done=True)
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    classification.classify(app.uow(CLERK), barcode, "1-2", "SICK-LEAVE")

    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(stamped_document_pdf(app.uow(CLERK), barcode, 1, app.pages, "copies.print"))

    with app.uow(CLERK) as uow:
        read = uow.session.query(PageReading).order_by(PageReading.page_id).first().text
        shas = [p.sha256 for p in uow.session.query(Page).order_by(Page.seq)]
        manifest = _manifest_document(uow.session, uow.session.query(Document).one(), "d.pdf", "x", 1, "c")
    copied = [_EMBEDDING.sub("", line).strip() for line in subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.splitlines()]
    copied = [line for line in copied if line]
    ours = [line for line in read.splitlines() if line]
    assert copied[:2] == ours[:2] == ["بسمه تعالی", "سازمان تأمین اجتماعی"]
    # Each line's letters and digits come back in reading order. Spaces and marks next to a number may move
    # (poppler sets «تاریخ: ۱۴۰۳» as «تاریخ۱۴۰۳ :»), and poppler puts a line that starts with a lone mark misread
    # by OCR («۰(») apart.
    copied_keys = {_letters(line) for line in copied}
    assert len([line for line in ours if _letters(line) in copied_keys]) >= len(ours) - 1
    everything = _letters("".join(copied))
    assert all(_letters(word) in everything for word in " ".join(ours).split())
    assert subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.strip() == ""  # the blank back: no text, no layer

    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "img")], check=True)
    for extracted, sha in zip(sorted(tmp_path.glob("img-*.png")), shas, strict=True):
        with Image.open(extracted) as image:
            assert np.array_equal(np.asarray(image), np.asarray(app.pages.open(sha)))

    assert [p["text"] for p in manifest.pages][1] is None
    engine = manifest.pages[0]["text"]
    assert engine["engine"] == "tesseract" and engine["model"].startswith("tesseract 5") and "fas" in engine["model"]
    assert json.dumps(manifest.pages)  # plain JSON for the manifest
