"""Issue 8.12: a batch whose data folder fills up or turns read-only ends as stopped, keeps the pages it committed
and says so in one sentence. Run against a real tiny tmpfs mounted by the test (root only; skipped otherwise)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from scanstation.bootstrap import App, bootstrap
from scanstation.core.errors import ScanStationError
from scanstation.core.models import CaptureBatch
from scanstation.services import page_capture, queries
from tests import imaging as im
from tests.builders import CLERK, new_dossier, staff, walk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs: room for a few pages, so the test can fill it on purpose."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'not root'}); disk-full test skipped")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def _fill(folder: Path, leave: int) -> None:
    """Take all but `leave` bytes of the file system holding `folder`."""
    free = shutil.disk_usage(folder).free
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))


def _batches(app: App) -> list[tuple[str, int, str | None]]:
    with app.session_factory() as s:
        return [(b.status, b.pages, b.message) for b in s.execute(select(CaptureBatch).order_by(CaptureBatch.id))
                .scalars()]


def test_full_then_read_only_data_folder_stops_the_batch_and_keeps_its_pages(small_disk: Path,
                                                                               tmp_path: Path) -> None:
    app = bootstrap(db_url=f"sqlite:///{tmp_path / 'db.sqlite'}", data_dir=str(small_disk / "data"),
                    config_file=str(tmp_path / "absent.toml"), workstation="test-ws")
    app.upgrade_schema()
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    files = [im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(6)]
    first = page_capture.import_files(app.uow(CLERK), barcode, files[:1], app.pages)
    used = shutil.disk_usage(small_disk).used  # one page with its thumbnail (and the folders)
    _fill(small_disk, leave=int(used * 1.5))  # room for one more page, not two

    with pytest.raises(ScanStationError) as full:
        page_capture.import_files(app.uow(CLERK), barcode, files[1:], app.pages)
    sentence = str(full.value)
    assert "پر است" in sentence and "\n" not in sentence and "Errno" not in sentence
    assert _batches(app)[-1] == ("stopped", 1, sentence)  # ended, with the one page that fitted
    kept = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert [p.seq for p in kept] == [1, 2] and kept[0].sha256 == first.pages[0].sha256
    assert all(app.pages.verify(p.sha256) for p in kept)

    (small_disk / "filler").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(ScanStationError) as read_only:
        page_capture.import_files(app.uow(CLERK), barcode, files[3:], app.pages)
    assert "فقط‌خواندنی" in str(read_only.value)
    assert _batches(app)[-1] == ("stopped", 0, str(read_only.value))
    assert [status for status, _, _ in _batches(app)] == ["done", "stopped", "stopped"]  # none left running
    assert len(queries.dossier_detail(app.uow(CLERK), barcode).pages) == 2
    app.close()
