"""Real batches through python-sane from the SANE `test` backend: the project's resources/sane folder, with the
backend's read delay on (tests/conftest.py says why)."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.capture.sane_scanner import Scanner, list_devices, load_profiles
from scanstation.core.errors import StepOutOfOrder
from scanstation.core.models import CaptureBatch
from scanstation.services import page_capture, queries
from tests.builders import CLERK, PASSWORD, new_dossier, staff


def test_test_backend_is_found_with_a4_geometry() -> None:
    assert any(d.name.startswith("test") for d in list_devices())
    scanner = Scanner("test:0")
    try:
        warnings = scanner.apply(load_profiles()["counter"])
        assert warnings == [] and scanner.dpi == 300
        assert (scanner.dev.br_x, scanner.dev.br_y) == (210.0, 297.0)
    finally:
        scanner.close()


def test_without_a_scanner_of_its_own_the_system_falls_back_to_the_test_scanner(tmp_path: Path) -> None:
    """No SCANSTATION_SANE_CONFIG and a system configuration that finds nothing: the A4 test scanner is offered."""
    system = tmp_path / "sane.d"
    system.mkdir()
    (system / "dll.conf").write_text("# no backends on this machine\n")
    env = {k: v for k, v in os.environ.items() if k != "SCANSTATION_SANE_CONFIG"}
    code = ("from scanstation.capture.sane_scanner import Scanner, list_devices, load_profiles\n"
            "print(*[d.name for d in list_devices()])\n"
            "s = Scanner(); print(s.name, s.apply(load_profiles()['counter']), s.dev.br_y); s.close()\n")
    run = subprocess.run([sys.executable, "-c", code], env=dict(env, SANE_CONFIG_DIR=str(system)),
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.splitlines() == ["test:0 test:1", "test:0 [] 297.0"], run.stderr


def test_clamped_and_missing_settings_are_reported() -> None:
    scanner = Scanner("test:0")
    try:
        warnings = scanner.apply(load_profiles()["dossier"], dpi=2400)
    finally:
        scanner.close()
    assert any("دورو" in w for w in warnings)  # the test backend has no duplex
    assert any("۲۴۰۰" in w for w in warnings) and scanner.dpi == 1200


def test_feeder_batch_until_empty(ready) -> None:
    app, barcode = ready
    grid = lambda s: s.set_test_option("test_picture", "Grid")  # noqa: E731 - a page with content
    summary = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("dossier-simplex", "test:0"),
                                 app.pages, scanner_ready=grid)
    assert summary.ok and [p.seq for p in summary.pages] == list(range(1, 11))
    assert [p.sheet for p in summary.pages] == list(range(1, 11))
    store = app.pages
    assert all(store.verify(p.sha256) for p in summary.pages)


def test_flatbed_white_page_is_flagged_blank_not_dropped(ready) -> None:
    app, barcode = ready
    white = lambda s: s.set_test_option("test_picture", "Solid white")  # noqa: E731
    summary = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("counter", "test:0"),
                                 app.pages, scanner_ready=white)
    assert len(summary.pages) == 1 and summary.pages[0].qc_reasons == ("blank",)


@pytest.mark.parametrize("status,words", [("SANE_STATUS_JAMMED", "گیر کرده"), ("SANE_STATUS_COVER_OPEN", "در اسکنر باز"),
                                          ("SANE_STATUS_IO_ERROR", "ورودی/خروجی")])
def test_error_mid_batch_keeps_earlier_pages_and_the_clerk_continues(ready, status: str, words: str) -> None:
    app, barcode = ready

    def jam_at_fourth_sheet(scanner: Scanner) -> None:
        """The backend returns `status` from the 4th sheet on; set while the device is idle, between two sheets
        (SANE refuses option changes mid-sheet), on the feeder's own thread."""
        start, starts = scanner.dev.start, itertools.count(1)

        def start_sheet() -> None:
            if next(starts) == 4:
                scanner.set_test_option("read_return_value", status)
            start()

        scanner.dev.start = start_sheet

    summary = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("dossier-simplex", "test:0"),
                                 app.pages, scanner_ready=jam_at_fourth_sheet)
    kept = len(summary.pages)
    assert kept == 3 and summary.stopped and words in summary.stopped
    assert [p.seq for p in summary.pages] == list(range(1, kept + 1))
    store = app.pages
    assert all(store.verify(p.sha256) for p in summary.pages)
    cleared = lambda s: s.set_test_option("read_return_value", "Default")  # noqa: E731 - the clerk clears it
    again = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("counter", "test:0"),
                               app.pages, scanner_ready=cleared)
    assert [p.seq for p in again.pages] == [kept + 1]
    assert len(queries.dossier_detail(app.uow(CLERK), barcode).pages) == kept + 1


def test_a_scanner_that_stops_answering_ends_the_batch_keeping_its_pages(ready) -> None:
    """From the 3rd sheet the backend sleeps 0.2 s per 64-KB write (27 s a page): the watchdog, cut to one second
    here, gives up on the silent driver; sheets 1-2 are kept and the clerk can scan on another device at once."""
    app, barcode = ready
    abandoned: list[Scanner] = []

    def slow_from_third_sheet(scanner: Scanner) -> None:
        scanner.stall_seconds = 1.0
        abandoned.append(scanner)
        start, starts = scanner.dev.start, itertools.count(1)

        def start_sheet() -> None:
            if next(starts) == 3:
                scanner.set_test_option("read_delay", True)
                scanner.set_test_option("read_delay_duration", 200_000)
            start()

        scanner.dev.start = start_sheet

    # test:1, so the abandoned handle (released only when the slow sheet ends) holds up no other test's device.
    summary = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("dossier-simplex", "test:1"),
                                 app.pages, scanner_ready=slow_from_third_sheet)
    assert [p.seq for p in summary.pages] == [1, 2]
    assert summary.stopped and "ثانیه هیچ برگی نفرستاد" in summary.stopped
    assert abandoned[0].stalled
    again = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("counter", "test:0"), app.pages)
    assert [p.seq for p in again.pages] == [3]


def test_cancel_between_pages(ready) -> None:
    app, barcode = ready

    class StopAfterTwo:
        def __init__(self) -> None:
            self.calls = 0

        def is_set(self) -> bool:
            self.calls += 1
            return self.calls > 2

    summary = page_capture.scan_batch(app.uow(CLERK), barcode, page_capture.ScanRequest("dossier-simplex", "test:0"),
                                 app.pages, cancel=StopAfterTwo())
    assert len(summary.pages) == 2  # the feeder stopped before the third sheet; both sheets fed were kept
    with app.session_factory() as s:
        assert s.execute(select(CaptureBatch.status)).scalar_one() == "cancelled"


def test_scan_refused_before_preparation(sqlite_app: App) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    with pytest.raises(StepOutOfOrder):
        page_capture.scan_batch(sqlite_app.uow(CLERK), barcode, page_capture.ScanRequest("counter", "test:0"),
                           sqlite_app.pages)


def test_scan_command_feeder_batch(ready, tmp_path: Path) -> None:
    app, barcode = ready
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    run = subprocess.run([sys.executable, "-m", "scanstation", "scan", "--dossier", barcode, "--device", "test:0",
                          "--source", "adf", "--dpi", "150", "--user", CLERK], env=env, capture_output=True,
                         text=True, timeout=300)
    assert "10 pages captured" in run.stdout
    shown = json.loads(subprocess.run([sys.executable, "-m", "scanstation", "dossier", "show", barcode, "--json",
                                       "--user", CLERK],
                                      env=env, capture_output=True, text=True, timeout=60).stdout)
    assert len(shown["pages"]) == 10
    # 150 dpi is below the profile's 300-dpi minimum: every page is flagged for the clerk to fix (not a command failure).
    assert all("low_resolution" in p["qc_reasons"] for p in shown["pages"]) and run.returncode == 0


def test_rescan_replaces_a_page_in_place_and_keeps_the_old_image(ready, tmp_path: Path) -> None:
    from tests import imaging as im

    app, barcode = ready
    page_capture.import_files(app.uow(CLERK), barcode, [im.save(im.blurred(im.text_page(1)), tmp_path / "a.png"),
                                                   im.save(im.text_page(2), tmp_path / "b.png")], app.pages)
    before = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert before[0].qc_reasons == ("blur",)
    scanner = Scanner("test:0")
    scanner.set_test_option("test_picture", "Grid")
    scanner.close()
    new = page_capture.rescan_page(app.uow(CLERK), barcode, 1, page_capture.ScanRequest("counter", "test:0"),
                              app.pages)
    after = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert [p.seq for p in after] == [1, 2] and after[0].sha256 == new.sha256 != before[0].sha256
    assert after[1].sha256 == before[1].sha256
    assert app.pages.verify(before[0].sha256)
