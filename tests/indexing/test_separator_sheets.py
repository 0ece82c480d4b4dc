"""Separator sheets: printed, rendered at 300 dpi, fed between the pages of a file; each starts a document of the
type it names, and the sheet itself is kept out of the dossier (deleted with its reason, never counted)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput
from scanstation.core.identifiers import parse_barcode, separator_type, separator_value
from scanstation.core.models import AuditEntry, Page
from scanstation.services import classification, labels, page_capture, queries
from scanstation.services.dossiers import sheets_captured
from scanstation.services.lookup import dossier_by_barcode
from tests import imaging as im
from tests.builders import CLERK, new_dossier, staff, walk
from tests.cli_flow import CLERK as CLI_CLERK, Cli


def test_a_separator_value_is_never_a_dossier_barcode() -> None:
    value = separator_value("medical-record")
    assert value == "SEP-MEDICAL-RECORD" and separator_type(value) == "MEDICAL-RECORD"
    assert separator_type("SS-0012-1403-000417-K") is None and separator_type("SEP-") is None
    with pytest.raises(InvalidInput):
        parse_barcode(value)


def test_separator_sheets_start_documents_and_leave_the_dossier(sqlite_app: App, tmp_path: Path,
                                                                artifacts: Path) -> None:
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    pdf = tmp_path / "separators.pdf"
    pdf.write_bytes(labels.separator_sheets(["MEDICAL-RECORD", "LETTER"]))
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "sep")], check=True)
    medical, letter = sorted(tmp_path.glob("sep-*.png"))
    (artifacts / "separator-sheet.png").write_bytes(medical.read_bytes())
    text = [im.save(im.text_page(n), tmp_path / f"t{n}.png") for n in range(1, 7)]
    files = [text[0], text[1], medical, text[2], text[3], text[4], letter, text[5]]

    summary = page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    assert summary.stopped is None and len(summary.pages) == 8  # a separator is no other dossier's label
    assert summary.pages[2].barcodes == ("SEP-MEDICAL-RECORD",) and summary.pages[6].barcodes == ("SEP-LETTER",)
    # the capture service applied the separators at the end of the batch, as every door gets it
    assert summary.separators == classification.SeparatorResult(separators=(3, 7), documents=(1, 2))
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert [(d.number, d.type, d.heading, list(d.pages)) for d in detail.documents] == [
        (1, "MEDICAL-RECORD", "medical", [3, 4, 5]), (2, "LETTER", "correspondence", [6])]
    assert [p.document for p in detail.pages] == [None, None, 1, 1, 1, 2]  # pages before the first stay loose
    with app.session_factory() as s:
        dossier = dossier_by_barcode(s, barcode)
        assert sheets_captured(s, dossier.id) == 6  # what the step-9 recount is compared with
        kept = s.execute(select(Page).where(Page.status == "deleted")).scalars().all()
        assert [(p.deleted_reason, p.barcodes) for p in kept] == [
            (classification.SEPARATOR_REASON, ["SEP-MEDICAL-RECORD"]),
            (classification.SEPARATOR_REASON, ["SEP-LETTER"])]
        assert all(app.pages.path_for(p.sha256).exists() for p in kept)
        [entry] = s.execute(select(AuditEntry).where(AuditEntry.action == "document.separators")).scalars().all()
        assert json.loads(entry.details)["separators"] == [3, 7]
    assert classification.classify_by_separators(app.uow(CLERK), barcode) == classification.SeparatorResult((), ())


def test_the_back_of_a_separator_scanned_duplex_goes_with_it(sqlite_app: App, tmp_path: Path) -> None:
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    sheet = im.save(im.with_barcode(im.text_page(9), separator_value("FORM")), tmp_path / "sep.png")
    files = [sheet, im.save(im.blank_page(), tmp_path / "back.png"),
             im.save(im.text_page(1), tmp_path / "f1.png"), im.save(im.text_page(2), tmp_path / "b1.png")]
    summary = page_capture.import_files(app.uow(CLERK), barcode, files, app.pages, duplex=True)
    assert summary.separators is not None and summary.separators.separators == (1, 2)
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert [(d.type, list(d.pages)) for d in detail.documents] == [("FORM", [1, 2])]


def test_the_cli_import_of_a_pdf_applies_its_separator_sheet(tmp_path: Path) -> None:
    """The headless door gives the same documents as the window: a copier's PDF with a separator sheet inside."""
    cli = Cli(tmp_path)
    barcode = cli.dossier_at_step_4(sheets=3)
    pdf = tmp_path / "separators.pdf"
    pdf.write_bytes(labels.separator_sheets(["LETTER"]))
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(tmp_path / "sep")], check=True)
    [sheet] = tmp_path.glob("sep-*.png")
    pages = [im.text_page(1), Image.open(sheet).convert("L"), im.text_page(2), im.text_page(3)]
    copier = tmp_path / "copier.pdf"
    pages[0].save(copier, save_all=True, append_images=pages[1:], resolution=300)

    out = cli.ok("import", "--dossier", barcode, str(copier), "--user", CLI_CLERK)
    assert "separator sheets: pages 2; documents 1" in out
    detail = cli.show(barcode)
    assert [(d["type"], d["pages"]) for d in detail["documents"]] == [("LETTER", [2, 3])]
    assert [p["document"] for p in detail["pages"]] == [None, 1, 1]
