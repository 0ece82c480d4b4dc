"""Fixtures for the sync tests: wsgidav and Apache httpd (mod_dav_fs) on free loopback ports, and a fault proxy."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.resources import resources_dir
from scanstation.core.models import StepRecord
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services import capture_steps, classification, page_capture, verification
from scanstation.sync.policy import UploadPolicy
from scanstation.sync.webdav import WebDavStore
from tests import imaging as im
from tests.builders import CLERK, SUPERVISOR, new_dossier, staff, walk
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy, start_server

SERVERS = ["wsgidav", "apache"]


@pytest.fixture(params=SERVERS)
def dav_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DavServer]:
    """A fresh WebDAV server of each kind, stopped at teardown."""
    server = start_server(request.param, tmp_path / f"{request.param}-root")
    yield server
    server.close()


@pytest.fixture
def wsgidav_server(tmp_path: Path) -> Iterator[DavServer]:
    server = start_server("wsgidav", tmp_path / "wsgidav-root")
    yield server
    server.close()


@pytest.fixture
def proxy(dav_server: DavServer) -> Iterator[FaultProxy]:
    """A fault-injecting proxy in front of `dav_server`."""
    fault_proxy = FaultProxy(dav_server.port)
    yield fault_proxy
    fault_proxy.close()


@pytest.fixture
def store(dav_server: DavServer) -> Iterator[WebDavStore]:
    adapter = WebDavStore(dav_server.url, USER, PASSWORD)
    yield adapter
    adapter.close()


@pytest.fixture
def proxied_store(proxy: FaultProxy) -> Iterator[WebDavStore]:
    adapter = WebDavStore(proxy.url, USER, PASSWORD)
    yield adapter
    adapter.close()


@dataclass(frozen=True)
class Approved:
    """A dossier approved at step 7 whose real page images sit in the page store: documents 1 (pages 1-2,
    EMPLOYMENT) and 2 (pages 3-4, CORRESPONDENCE)."""

    app: App
    barcode: str
    pages: list[str]  # approved SHA-256 in page order
    documents: dict[int, int]  # document number -> page count


def approve_dossier(app: App, tmp_path: Path, pages: int = 4, lines: int = 12, person: int = 0) -> Approved:
    """The dossier of person `person`; the first one (0) also makes the branch and its staff."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    if person == 0:
        staff(app)
    barcode = new_dossier(app, person)
    walk(app, barcode, 4, sheets=pages + 1, slimmed=1)
    files = [im.save(im.text_page(n, lines=lines), tmp_path / f"page{n}.png", dpi=300) for n in range(pages)]
    summary = page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    assert len(summary.pages) == pages, summary.problems
    for page in summary.pages:
        if page.qc_reasons:
            page_capture.accept_flag(app.uow(CLERK), barcode, page.seq, "خوانا است")
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    half = pages // 2
    classification.classify(app.uow(CLERK), barcode, f"1-{half}", "EMPLOYMENT")
    classification.classify(app.uow(CLERK), barcode, f"{half + 1}-{pages}", "CORRESPONDENCE")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    approved = verification.approve(app.uow(SUPERVISOR), barcode, app.pages)
    return Approved(app, barcode, approved, {1: half, 2: pages - half})


@pytest.fixture
def approved(sqlite_app: App, tmp_path: Path) -> Approved:
    return approve_dossier(sqlite_app, tmp_path / "scans")


FAST = UploadPolicy(max_attempts=3, backoff_base_seconds=0, backoff_max_seconds=0, jitter=0.5, lease_minutes=30,
                    check_interval_hours=24, poll_seconds=1, parallel_uploads=1,
                    window_parallel_uploads=1,  # one at a time: faults land on known files
                    outbox_keep_days=7, outbox_orphan_grace_hours=6, chain_head_note_hours=24, upkeep_minutes=60,
                    connect_timeout_seconds=10, floor_bytes_per_second=100_000, min_read_timeout_seconds=30,
                    store_timeouts_to_stop=3)


def policy_folder(folder: Path, **upload: object) -> Path:
    """A resources folder for SCANSTATION_RESOURCES: the shipped one, with these upload.toml keys changed (short
    timeouts for a store that hangs, so a test does not wait out the real ones)."""
    shipped = resources_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for entry in shipped.iterdir():
        if entry.name != "upload.toml":
            (folder / entry.name).symlink_to(entry)
    lines = []
    for line in (shipped / "upload.toml").read_text(encoding="utf-8").splitlines():
        key = line.split("=", 1)[0].strip()
        lines.append(f"{key} = {upload[key]!r}" if key in upload else line)
    (folder / "upload.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def electronic_step(app: App, barcode: str) -> int:
    """Where the dossier's electronic track stands (11 uploaded, 12 indexed), read from its row."""
    with app.uow(CLERK) as uow:
        return dossier_by_barcode(uow.session, barcode).electronic_step


def steps_done(app: App, barcode: str) -> list[int]:
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        return list(uow.session.execute(select(StepRecord.step).where(StepRecord.dossier_id == dossier.id)
                                        .order_by(StepRecord.id)).scalars())


@pytest.fixture(autouse=True)
def _no_sigpipe() -> None:
    """Writing to a socket its peer closed must raise BrokenPipeError, as Python arranges at start-up; a C library
    loaded by earlier tests may have put SIGPIPE back to its default (end the process). Put Python's rule back."""
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
