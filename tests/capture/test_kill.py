"""kill -9 at random moments of a capture: no acknowledged page is lost, no row is left without its file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from scanstation.bootstrap import App
from scanstation.core.uow import Actor
from scanstation.services.audit import verify_chain
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, new_dossier, staff, walk

ROUNDS = 5


def test_random_kills_lose_nothing_acknowledged(sqlite_app: App, tmp_path: Path) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 4)
    def files_for(round_: int) -> list[Path]:  # new images each round: a re-import may be refused as a duplicate
        return [im.save(im.text_page(100 * round_ + i, dpi=200, lines=12), tmp_path / f"r{round_}p{i:02d}.png", dpi=200)
                for i in range(12)]

    env = dict(os.environ, SCANSTATION_DB=sqlite_app.settings.db_url, SCANSTATION_DATA=str(sqlite_app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    rnd = random.Random(7)
    acknowledged: set[str] = set()
    for round_ in range(ROUNDS):
        files = files_for(round_)
        proc = subprocess.Popen([sys.executable, "-m", "scanstation", "import", "--dossier", barcode, *map(str, files),
                                 "--user", CLERK], env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(rnd.randint(1, 4))]  # wait for pages to be acknowledged
        time.sleep(rnd.uniform(0.0, 0.3))  # then kill at a random moment of the next page's processing
        assert proc.poll() is None, "the import ended before the kill: give it more files"
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        lines += out.splitlines()
        pages = [line for line in lines if line.startswith("page ")]
        assert 0 < len(pages) < len(files) and not any("pages captured" in line for line in lines)  # mid-import
        acknowledged |= {line.split()[4] for line in pages}
    db = sqlite_app.settings.db_url.split("///", 1)[1]
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select sha256 from page").fetchall()
    store = sqlite_app.pages
    assert rows, "the kills all came before the first page: raise the sleep range"
    assert all(store.verify(sha) for (sha,) in rows)
    stored_prefixes = {sha[:12] for (sha,) in rows}
    assert acknowledged <= stored_prefixes
    assert verify_chain(sqlite_app.uow(Actor("system:console", system=True))).ok
