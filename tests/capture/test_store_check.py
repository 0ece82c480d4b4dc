"""`store verify`: every page image re-hashed against the database; each missing or altered one named
(issue 8, point 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from scanstation.bootstrap import App
from scanstation.core.errors import PermissionDenied
from scanstation.services.page_capture import import_files
from scanstation.services.setup import CONSOLE
from scanstation.services.store_check import verify_store
from tests import imaging as im
from tests.builders import ADMIN, CLERK, PASSWORD


def _captured(app: App, barcode: str, tmp_path: Path) -> list[str]:
    files = [im.save(im.text_page(seed=i, dpi=100, lines=6), tmp_path / f"p{i}.png", dpi=100) for i in range(3)]
    summary = import_files(app.uow(CLERK), barcode, files, app.pages)
    return [p.sha256 for p in summary.pages]


def _cli(app: App, tmp_path: Path, *user: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    return subprocess.run([sys.executable, "-m", "scanstation", "store", "verify", "--json", *user], env=env,
                          capture_output=True, text=True, timeout=60)


def test_missing_and_altered_files_are_each_named(ready: tuple[App, str], tmp_path: Path) -> None:
    app, barcode = ready
    hashes = _captured(app, barcode, tmp_path)
    seen: list[tuple[int, int]] = []
    assert verify_store(app.uow(ADMIN), app.pages, progress=lambda d, t: seen.append((d, t))).ok
    assert seen[-1] == (3, 3)
    r = _cli(app, tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["files"] == 3
    store = app.pages
    store.path_for(hashes[0]).unlink()
    altered = store.path_for(hashes[2])
    altered.write_bytes(altered.read_bytes() + b"x")
    report = verify_store(app.uow(ADMIN), app.pages)
    assert [(p.seq, p.kind) for p in report.problems] == [(1, "missing"), (3, "altered")]
    assert barcode in report.problems[0].sentence
    r = _cli(app, tmp_path)
    assert r.returncode == 1 and r.stderr.count(barcode) == 2
    assert [(p["seq"], p["problem"]) for p in json.loads(r.stdout)["problems"]] == [(1, "missing"), (3, "altered")]


def test_the_readme_command_runs_as_an_admin_and_refuses_a_clerk(ready: tuple[App, str], tmp_path: Path) -> None:
    app, barcode = ready
    _captured(app, barcode, tmp_path)
    done = _cli(app, tmp_path, "--user", ADMIN)  # README: `scanstation store verify --user admin1`
    assert done.returncode == 0 and json.loads(done.stdout)["files"] == 3, done.stderr
    refused = _cli(app, tmp_path, "--user", CLERK)
    assert refused.returncode == 1 and refused.stdout == "" and "Traceback" not in refused.stderr


def test_only_an_admin_runs_the_check_in_the_window(ready: tuple[App, str]) -> None:
    app, _ = ready
    with pytest.raises(PermissionDenied):
        verify_store(app.uow(CLERK), app.pages)
    assert verify_store(app.uow(CONSOLE), app.pages).ok


def test_rows_stream_in_batches_and_each_file_is_hashed_once(ready_anywhere: tuple[App, str], tmp_path: Path) -> None:
    """Rows that name one file (a page kept twice, a rotation's source) come together across batch boundaries: the
    file is hashed once, every row is counted, and each row naming a missing file is named."""
    app, barcode = ready_anywhere
    hashes = _captured(app, barcode, tmp_path)
    with app.engine.begin() as conn:  # two more rows for the first file and one for the third, as earlier versions
        for sha, seq in ((hashes[0], 4), (hashes[0], 5), (hashes[2], 6)):
            conn.execute(text("INSERT INTO page (dossier_id, batch_id, seq, sheet, side, sha256, width, height, dpi, "
                              "mode, qc_reasons, qc_metrics, barcodes, status, actor, created_at) SELECT dossier_id, "
                              "batch_id, :seq, :seq, side, sha256, width, height, dpi, mode, qc_reasons, qc_metrics, "
                              "barcodes, 'replaced', actor, created_at FROM page WHERE sha256 = :sha AND seq < 4"),
                         {"sha": sha, "seq": seq})
    seen: list[tuple[int, int]] = []
    report = verify_store(app.uow(ADMIN), app.pages, progress=lambda d, t: seen.append((d, t)), batch=2)
    assert report.ok and (report.files, report.rows) == (3, 6) and seen == [(1, 3), (2, 3), (3, 3)]
    app.pages.path_for(hashes[0]).unlink()
    report = verify_store(app.uow(ADMIN), app.pages, batch=2)
    assert [(p.seq, p.status, p.kind) for p in report.problems] == [
        (1, "active", "missing"), (4, "replaced", "missing"), (5, "replaced", "missing")]
