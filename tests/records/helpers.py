"""Builders for the Part 2 tests: a scanned, approved and reshelved dossier, and paper files brought to the counter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scanstation.bootstrap import App
from scanstation.records.intake import IntakeDocument, intake
from scanstation.services import upload
from scanstation.services.upload_worker import drain
from scanstation.services.verification import approve_document
from scanstation.sync.store import ContentStore
from scanstation.sync.webdav import WebDavStore
from tests import imaging as im
from tests.builders import CLERK, SUPERVISOR, new_dossier, staff, walk
from tests.sync.conftest import FAST
from tests.sync.servers import PASSWORD, USER, DavServer


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


@dataclass(frozen=True)
class Counter:
    """A reshelved dossier that took in, at the counter, a case-b ruling, another commission ruling, a returnable
    form and (from the secretariat) a letter held for collection; each approved and uploaded when asked."""

    barcode: str
    ruling_b: int
    ruling_other: int
    form: int
    letter: int


def counter_intake(app: App, folder: Path, with_staff: bool = True) -> Counter:
    barcode = shelved_dossier(app, with_staff=with_staff)
    taken = intake(app.uow(CLERK), barcode, [
        IntakeDocument(paper(folder, "ruling-b", 1), "COMMISSION-DISABILITY"),
        IntakeDocument(paper(folder, "ruling-other", 2, pages=2), "COMMISSION-OTHER"),
        IntakeDocument(paper(folder, "form", 3), "FORM")], app.pages, secretariat_no="۴۵۶۷", registered="1403/06/20")
    letter = intake(app.uow(CLERK), barcode, [IntakeDocument(paper(folder, "letter", 5), "CORRESPONDENCE")],
                    app.pages, secretariat_no="5120", registered="1403/07/01")
    return Counter(barcode, *taken.numbers, letter.numbers[0])


def approve_and_upload(app: App, counter: Counter, store: ContentStore, numbers: list[int] | None = None) -> None:
    """The supervisor approves each new document; the outbox sends them to `store` and reads them back."""
    for number in numbers or [counter.ruling_b, counter.ruling_other, counter.form, counter.letter]:
        approve_document(app.uow(SUPERVISOR), counter.barcode, number, app.pages)
    summary = drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws")
    assert not summary.problems and not summary.stopped, summary


def uploaded_counter(app: App, folder: Path, server: DavServer, with_staff: bool = True) -> Counter:
    """counter_intake, with every new document approved and uploaded to the test WebDAV `server`."""
    counter = counter_intake(app, folder, with_staff=with_staff)
    store = WebDavStore(server.url, USER, PASSWORD)
    try:
        approve_and_upload(app, counter, store)
    finally:
        store.close()
    return counter
