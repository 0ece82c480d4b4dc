"""Labels rendered back to pixels at 300 dpi: their barcodes read, and step 3 is registered on first print."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import ScanStationError, StepOutOfOrder
from scanstation.core.identifiers import make_barcode
from scanstation.indexing.labels import LabelData, dossier_label_pdf, dossier_label_sheet_pdf, folder_label_pdf
from scanstation.services import labels, queries
from tests.builders import CLERK, PASSWORD, new_dossier, staff, walk

DATA = LabelData("SS-0012-1403-000417-G", "فاطمه حسینی‌نژاد", "0012345678", "ردیف ۳ قفسه ۱۲", "شعبه ۱۲ تهران",
                 "1403/07/15")


def render(pdf: bytes, tmp_path: Path, name: str, artifacts: Path) -> list[Path]:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(source), str(tmp_path / name)], check=True)
    pages = sorted(tmp_path.glob(f"{name}*.png"))
    for page in pages:
        shutil.copy(page, artifacts / f"label-{page.name}")
    return pages


def decoded(png: Path) -> list[str]:
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout
    return out.split()


@pytest.mark.parametrize("name,make", [("dossier", lambda: dossier_label_pdf(DATA)),
                                       ("folder", lambda: folder_label_pdf(DATA))])
def test_label_barcode_reads_back_at_300_dpi(tmp_path: Path, artifacts: Path, name: str, make) -> None:
    [png] = render(make(), tmp_path, name, artifacts)
    assert decoded(png) == [DATA.barcode]


def test_a4_sheet_holds_forty_labels_all_readable(tmp_path: Path, artifacts: Path) -> None:
    items = [LabelData(make_barcode("0012", 1403, n), DATA.name, DATA.insured_number, DATA.shelf, DATA.branch,
                       DATA.jalali_date) for n in range(1, 42)]
    pages = render(dossier_label_sheet_pdf(items), tmp_path, "sheet", artifacts)
    assert len(pages) == 2
    assert sorted(decoded(pages[0])) == sorted(i.barcode for i in items[:40])


def test_first_print_is_step_three_later_prints_are_reprints(sqlite_app: App) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    with pytest.raises(StepOutOfOrder):
        labels.print_label(sqlite_app.uow(CLERK), barcode)
    walk(sqlite_app, barcode, 2)
    assert labels.print_label(sqlite_app.uow(CLERK), barcode).startswith(b"%PDF")
    labels.print_label(sqlite_app.uow(CLERK), barcode, "sheet")
    steps = [s.step for s in queries.dossier_detail(sqlite_app.uow(CLERK), barcode).steps]
    assert steps == [1, 2, 3]
    with pytest.raises(StepOutOfOrder):
        labels.print_label(sqlite_app.uow(CLERK), barcode, "folder")


def test_first_folder_label_is_step_eight_and_an_undelivered_label_records_nothing(sqlite_app: App) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 7)

    def jammed(_pdf: bytes) -> None:
        raise ScanStationError("paper jam")

    with pytest.raises(ScanStationError):
        labels.print_label(sqlite_app.uow(CLERK), barcode, "folder", jammed)
    assert queries.dossier_detail(sqlite_app.uow(CLERK), barcode).progress.physical_step == 0
    delivered: list[bytes] = []
    labels.print_label(sqlite_app.uow(CLERK), barcode, "folder", delivered.append)
    labels.print_label(sqlite_app.uow(CLERK), barcode, "folder", delivered.append)
    steps = queries.dossier_detail(sqlite_app.uow(CLERK), barcode).steps
    assert [(s.step, s.values) for s in steps if s.step == 8] == [(8, {"label": "folder"})]
    assert len(delivered) == 2 and all(pdf.startswith(b"%PDF") for pdf in delivered)


def test_label_command_writes_the_pdf(sqlite_app: App, tmp_path: Path) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 2)
    env = dict(os.environ, SCANSTATION_DB=sqlite_app.settings.db_url, SCANSTATION_DATA=str(sqlite_app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    out = tmp_path / "label.pdf"
    run = subprocess.run([sys.executable, "-m", "scanstation", "dossier", "label", barcode, "--pdf", str(out),
                          "--user", CLERK], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(out), str(tmp_path / "l")], check=True)
    assert decoded(tmp_path / "l.png") == [barcode]
