"""Issue 8.6: an image the dossier already holds is skipped, unless the clerk insists and says why; then it is kept,
its page carries the reason (flagged in `dossier show`) and the capture is audited with it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput
from scanstation.core.models import AuditEntry, CaptureBatch
from scanstation.services import queries
from scanstation.services.page_capture import KeepDuplicates, import_files
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, new_dossier, staff, walk

REASON = "برگ در پرونده دو بار بایگانی شده است"


def _ready(app: App) -> str:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=6, slimmed=0)
    return barcode


def _files(tmp_path: Path, count: int) -> list[Path]:
    return [im.save(im.text_page(seed=i, dpi=100, lines=6), tmp_path / f"p{i}.png", dpi=100) for i in range(count)]


def _audited(app: App, action: str) -> list[dict]:
    with app.uow(CLERK) as uow:
        rows = uow.session.execute(select(AuditEntry.details).where(AuditEntry.action == action)
                                   .order_by(AuditEntry.seq)).scalars().all()
    return [json.loads(r) for r in rows]


def test_a_duplicate_kept_with_a_reason_is_captured_flagged_and_audited(sqlite_app: App, tmp_path: Path) -> None:
    barcode = _ready(sqlite_app)
    files = _files(tmp_path, 2)
    import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    kept = import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages,
                        keep_duplicates=KeepDuplicates(f"  {REASON} "))
    assert kept.duplicates == () and [p.duplicate_reason for p in kept.pages] == [REASON, REASON]
    pages = queries.dossier_detail(sqlite_app.uow(CLERK), barcode).pages
    assert [p.duplicate_reason for p in pages] == [None, None, REASON, REASON]
    assert pages[0].sha256 == pages[2].sha256
    captures = _audited(sqlite_app, "page.capture")
    assert [c.get("duplicate_reason") for c in captures] == [None, None, REASON, REASON]
    assert _audited(sqlite_app, "capture.batch_start")[-1]["keep_duplicates"] == REASON


def test_keeping_only_the_images_an_import_skipped(sqlite_app: App, tmp_path: Path) -> None:
    """The window's second step: the same files again, but only the images the first import named as skipped."""
    barcode = _ready(sqlite_app)
    files = _files(tmp_path, 3)
    import_files(sqlite_app.uow(CLERK), barcode, files[:2], sqlite_app.pages)
    first = import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    assert len(first.pages) == 1 and len(first.duplicates) == 2
    second = import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages,
                          keep_duplicates=KeepDuplicates(REASON, frozenset(first.duplicates)))
    assert [p.origin for p in second.pages] == list(first.duplicates) and second.duplicates == ()
    assert len(queries.dossier_detail(sqlite_app.uow(CLERK), barcode).pages) == 5  # p2 was not captured twice


@pytest.mark.parametrize("reason", ["", "   ", "چون\nلازم است"])
def test_keeping_a_duplicate_needs_a_plain_reason(sqlite_app: App, tmp_path: Path, reason: str) -> None:
    barcode = _ready(sqlite_app)
    with pytest.raises(InvalidInput):
        import_files(sqlite_app.uow(CLERK), barcode, _files(tmp_path, 1), sqlite_app.pages,
                     keep_duplicates=KeepDuplicates(reason))
    with sqlite_app.uow(CLERK) as uow:
        assert uow.session.execute(select(func.count()).select_from(CaptureBatch)).scalar() == 0


def test_the_import_command_keeps_duplicates_with_a_reason(sqlite_app: App, tmp_path: Path) -> None:
    barcode = _ready(sqlite_app)
    files = _files(tmp_path, 2)
    env = dict(os.environ, SCANSTATION_DB=sqlite_app.settings.db_url, SCANSTATION_DATA=str(sqlite_app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    command = [sys.executable, "-m", "scanstation", "import", "--dossier", barcode, *map(str, files), "--user", CLERK]
    assert subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).returncode == 0
    kept = subprocess.run([*command, "--keep-duplicates", REASON], env=env, capture_output=True, text=True,
                          timeout=120)
    assert kept.returncode == 0, kept.stderr
    assert "2 pages captured" in kept.stdout and kept.stdout.count(f"already in the dossier, kept: {REASON}") == 2
    shown = subprocess.run([sys.executable, "-m", "scanstation", "dossier", "show", barcode, "--json", "--user", CLERK],
                           env=env, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert [p["duplicate_reason"] for p in json.loads(shown.stdout)["pages"]] == [None, None, REASON, REASON]
    empty = subprocess.run([*command, "--keep-duplicates", " "], env=env, capture_output=True, text=True, timeout=120)
    assert empty.returncode == 1 and "دوباره ثبت شوند" in empty.stderr and "Traceback" not in empty.stderr
