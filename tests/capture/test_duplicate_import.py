"""Issue 8.6: an image already in the dossier is not captured again, and the command says how many were skipped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scanstation.bootstrap import App
from scanstation.services import queries
from scanstation.services.page_capture import import_files
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, new_dossier, staff, walk


def _ready(app: App) -> str:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=6, slimmed=0)
    return barcode


def test_an_import_run_again_adds_nothing_and_names_what_it_skipped(sqlite_app: App, tmp_path: Path) -> None:
    barcode = _ready(sqlite_app)
    files = [im.save(im.text_page(seed=i, dpi=100, lines=6), tmp_path / f"p{i}.png", dpi=100) for i in range(3)]
    first = import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    assert len(first.pages) == 3 and first.duplicates == ()
    again = import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    assert again.pages == () and len(again.duplicates) == 3
    assert len(queries.dossier_detail(sqlite_app.uow(CLERK), barcode).pages) == 3


def test_one_image_under_three_names_is_captured_once(sqlite_app: App, tmp_path: Path) -> None:
    barcode = _ready(sqlite_app)
    page = im.text_page(seed=7, dpi=100, lines=6)
    files = [im.save(page, tmp_path / f"copy{i}.png", dpi=100) for i in range(3)]
    summary = import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    assert len(summary.pages) == 1 and len(summary.duplicates) == 2
    assert [p.seq for p in queries.dossier_detail(sqlite_app.uow(CLERK), barcode).pages] == [1]


def test_the_import_command_says_how_many_were_skipped(sqlite_app: App, tmp_path: Path) -> None:
    barcode = _ready(sqlite_app)
    files = [im.save(im.text_page(seed=i, dpi=100, lines=6), tmp_path / f"p{i}.png", dpi=100) for i in range(2)]
    env = dict(os.environ, SCANSTATION_DB=sqlite_app.settings.db_url, SCANSTATION_DATA=str(sqlite_app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    command = [sys.executable, "-m", "scanstation", "import", "--dossier", barcode, *map(str, files), "--user", CLERK]
    assert subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).returncode == 0
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "0 pages captured" in again.stdout and "2 skipped as already in the dossier" in again.stdout
