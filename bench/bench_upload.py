"""Upload of a 200-page dossier to a local wsgidav: `scanstation sync --once`'s network phase against `curl -T`
sending the same bytes to the same server, in the same run. Goal (issue 10): at least 0.8x curl's throughput.

Ours includes what makes an upload count: MKCOL, PUT with If-None-Match, a GET of every file to hash it back,
PROPPATCH and PROPFIND of its properties, and two committed, audited database steps per file. Packaging (the
stamped PDFs built from the masters) is timed apart. Also the time to finish after a SIGKILL mid-upload.
Run: .venv/bin/python bench/bench_upload.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

from scanstation.bootstrap import bootstrap
from scanstation.core.models import Page, UploadItem
from scanstation.services import capture_steps, classification, upload, verification
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.upload_worker import drain
from scanstation.sync.policy import load_policy
from scanstation.sync.webdav import WebDavStore
from tests import imaging as im
from tests.builders import CLERK, PASSWORD as USER_PASSWORD, SUPERVISOR, new_dossier, staff, walk
from tests.sync.servers import PASSWORD, USER, start_server

PAGES, PER_DOCUMENT = 200, 10


def approved_dossier(folder: Path):  # type: ignore[no-untyped-def]
    """200 distinct 300-dpi gray pages straight into the page store, classified in 20 documents, approved."""
    app = bootstrap(db_url=f"sqlite:///{folder / 'db.sqlite'}", data_dir=str(folder / "data"),
                    config_file=str(folder / "none.toml"), workstation="bench-ws")
    app.upgrade_schema()
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=PAGES + 1, slimmed=1)
    store = app.pages
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        for seq in range(1, PAGES + 1):
            stored = store.put(im.text_page(seq, lines=24))
            uow.session.add(Page.captured(dossier_id=dossier.id, batch_id=None, seq=seq, sheet=seq, side="front",
                                          image=stored, dpi=300, origin=None, qc_reasons=[], qc_metrics={},
                                          barcodes=[], actor=CLERK))
        uow.commit()
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    for first in range(1, PAGES + 1, PER_DOCUMENT):
        classification.classify(app.uow(CLERK), barcode, f"{first}-{first + PER_DOCUMENT - 1}", "EMPLOYMENT")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    verification.approve(app.uow(SUPERVISOR), barcode, app.pages)
    return app, barcode


def curl_upload(files: list[Path], url: str) -> float:
    """`curl -T` of every file, one process per file as a script would do it."""
    t0 = time.perf_counter()
    for path in files:
        subprocess.run(["curl", "-sS", "-f", "-u", f"{USER}:{PASSWORD}", "-T", str(path), url + path.name],
                       check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-upload-"))
    t0 = time.perf_counter()
    app, barcode = approved_dossier(folder)
    print(f"set-up: {PAGES} pages in the page store, approved, in {time.perf_counter() - t0:.1f} s")
    server = start_server("wsgidav", folder / "dav-root")
    try:
        new_uow = lambda: app.uow(upload.SYNC_ACTOR)  # noqa: E731
        t0 = time.perf_counter()
        upload.enqueue(new_uow(), barcode, app.pages, app.outbox)
        packaging = time.perf_counter() - t0
        with new_uow() as uow:
            files = [app.outbox / i.local_file
                     for i in uow.session.query(UploadItem).order_by(UploadItem.id)]
        total = sum(p.stat().st_size for p in files)
        print(f"packaging: {len(files)} files ({total / 1e6:.1f} MB) built from the masters in {packaging:.2f} s")

        subprocess.run(["curl", "-sS", "-f", "-u", f"{USER}:{PASSWORD}", "-X", "MKCOL", server.url + "curl/"],
                       check=True, capture_output=True)
        theirs = curl_upload(files, server.url + "curl/")
        store = WebDavStore(server.url, USER, PASSWORD)
        store.ensure_collection("put-only")
        t0 = time.perf_counter()
        for path in files:
            store._put("put-only", path.name, path)
        put_only = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = drain(new_uow, store, app.pages, app.outbox, load_policy(), "bench-ws")
        ours = time.perf_counter() - t0
        assert summary.verified == len(files), summary
        ratio = theirs / ours
        print(f"curl -T        : {theirs:6.2f} s  {total / 1e6 / theirs:6.1f} MB/s")
        print(f"scanstation    : {ours:6.2f} s  {total / 1e6 / ours:6.1f} MB/s  (with read-back, properties, "
              f"records)")
        print(f"its PUTs alone : {put_only:6.2f} s  {total / 1e6 / put_only:6.1f} MB/s  "
              f"({theirs / put_only:.2f}x curl: the transport; the rest is the read-back and the records)")
        print(f"throughput ratio: {ratio:.2f}x curl  goal >= 0.8x: {'met' if ratio >= 0.8 else 'NOT met'}")

    finally:
        server.close()
    resume(folder)


def resume(folder: Path) -> None:
    for name in ("whole", "killed"):
        server = start_server("wsgidav", folder / f"dav-{name}")
        try:
            _resume_run(folder / name, server, kill=name == "killed")
        finally:
            server.close()


_FULL: list[float] = []


def _resume_run(second: Path, server, kill: bool) -> None:  # type: ignore[no-untyped-def]
    """A dossier sent by `scanstation sync --once` whole, or killed half-way and run again: time to finish."""
    second.mkdir()
    app, barcode = approved_dossier(second)
    upload.enqueue(app.uow(upload.SYNC_ACTOR), barcode, app.pages, app.outbox)
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(second / "none.toml"), SCANSTATION_STORE_URL=server.url,
               SCANSTATION_STORE_USER=USER, SCANSTATION_STORE_PASSWORD=PASSWORD, SCANSTATION_WORKSTATION="bench-ws",
               SCANSTATION_PASSWORD=USER_PASSWORD)
    cmd = [sys.executable, "-m", "scanstation", "sync", "--once"]
    if not kill:
        t0 = time.perf_counter()
        run = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        _FULL.append(time.perf_counter() - t0)
        print(f"sync --once as a process, whole dossier: {_FULL[0]:.2f} s ({run.stdout.strip()})")
        return
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(_FULL[0] * 0.75)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with app.uow(upload.SYNC_ACTOR) as uow:
        done = uow.session.query(UploadItem).filter(UploadItem.state == "verified").count()
    t0 = time.perf_counter()
    run = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    rest = time.perf_counter() - t0
    print(f"killed at {_FULL[0] * 0.75:.2f} s with {done} files verified; the next run finished the rest in "
          f"{rest:.2f} s ({run.stdout.strip()})")


if __name__ == "__main__":
    main()
