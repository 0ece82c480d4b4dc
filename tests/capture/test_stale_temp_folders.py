"""A kill -9 during a PDF import leaves its render folder; the next start removes it, and only it
(issue 8, point 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from scanstation.bootstrap import App
from scanstation.capture.temp_folders import PREFIX, clean_stale
from tests import imaging as im
from tests.builders import CLERK, PASSWORD


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.name.startswith(PREFIX))


def test_killed_import_leaves_a_folder_the_next_start_removes(ready: tuple[App, str], tmp_path: Path) -> None:
    app, barcode = ready
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    pdf = im.pdf_with_images(tmp_path / "long.pdf", [im.text_page(seed=i, dpi=100, lines=8) for i in range(40)])
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD, TMPDIR=str(tmp))
    proc = subprocess.Popen([sys.executable, "-m", "scanstation", "import", "--dossier", barcode, str(pdf),
                             "--user", CLERK], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not _folders(tmp) and proc.poll() is None:  # wait for the render folder, then kill mid-import
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = _folders(tmp)
    assert len(left) == 1 and str(proc.pid) in left[0].name
    live = tmp / f"{PREFIX}{os.getpid()}-inuse"  # this test process is alive: its folder stays
    live.mkdir()
    foreign_age = tmp / f"{PREFIX}recent"  # no owner id, but young: stays
    foreign_age.mkdir()
    subprocess.run([sys.executable, "-m", "scanstation", "audit", "verify"], env=env, capture_output=True, timeout=60)
    assert _folders(tmp) == sorted([live, foreign_age])


def test_unnamed_folders_go_only_when_old(tmp_path: Path) -> None:
    old = tmp_path / f"{PREFIX}abc"
    old.mkdir()
    assert clean_stale(tmp_path) == []
    assert clean_stale(tmp_path, now=time.time() + 2 * 3600) == [old] and not old.exists()
