"""Upload of a 200-page dossier to a local wsgidav: `scanstation sync --once`'s network phase against `curl -T`
sending the same bytes to the same server, in the same run. Goal (issue 10): at least 0.8x curl's throughput.
Seven runs against fresh servers, wsgidav (Python) twice, as set up in FIELD-NOTES and as the tests set it up, and
Apache mod_dav (C): medians and each run's ratio.

Ours includes what makes an upload count: MKCOL, PUT with If-None-Match, a GET of every file to hash it back,
PROPPATCH of its properties and one PROPFIND reading the whole dossier's back, and the committed, audited
database steps: a claim for each sender's next file (four claimed in one unit of work), the result of each file,
one more for the dossier. Packaging (the stamped PDFs built from the masters) is timed apart. Also the time to
finish after a SIGKILL mid-upload.
Run: .venv/bin/python bench/bench_upload.py
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

from sqlalchemy import update

from scanstation.bootstrap import bootstrap
from scanstation.core.jalali import utcnow
from scanstation.core.models import Page, UploadItem
from scanstation.services import capture_steps, classification, upload, verification
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.upload_worker import drain
from scanstation.sync.policy import load_policy
from scanstation.sync.webdav import WebDavStore, file_sha256
from tests import imaging as im
from tests.builders import CLERK, PASSWORD as USER_PASSWORD, SUPERVISOR, new_dossier, staff, walk
from tests.sync.servers import PASSWORD, USER, start_server

PAGES, PER_DOCUMENT = 200, 10
SERVERS = (  # title, kind, properties kept in a file
    ("wsgidav, as FIELD-NOTES and its defaults set it up (properties in memory)", "wsgidav", False),
    ("wsgidav as the tests run it (properties in a shelve file, to outlive a restart; on a Python without gdbm the "
     "shelve is dbm.dumb, which rewrites its index for each property)", "wsgidav", True),
    ("Apache mod_dav_fs (C)", "apache", True),
)


def approved_dossier(folder: Path, pages: int = PAGES,  # type: ignore[no-untyped-def]
                     per_document: int = PER_DOCUMENT):
    """200 distinct 300-dpi gray pages (or `pages`) straight into the page store, classified in documents of 10
    pages (`per_document`), approved."""
    app = bootstrap(db_url=f"sqlite:///{folder / 'db.sqlite'}", data_dir=str(folder / "data"),
                    config_file=str(folder / "none.toml"), workstation="bench-ws")
    app.upgrade_schema()
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=pages + 1, slimmed=1)
    store = app.pages
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        for seq in range(1, pages + 1):
            stored = store.put(im.text_page(seq, lines=24))
            uow.session.add(Page.captured(dossier_id=dossier.id, batch_id=None, seq=seq, sheet=seq, side="front",
                                          image=stored, dpi=300, origin=None, qc_reasons=[], qc_metrics={},
                                          barcodes=[], actor=CLERK))
        uow.commit()
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    for first in range(1, pages + 1, per_document):
        classification.classify(app.uow(CLERK), barcode, f"{first}-{first + per_document - 1}", "EMPLOYMENT")
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


def server_cpu(server) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds the server process has used (wsgidav is one process; Apache's children are not counted)."""
    fields = Path(f"/proc/{server.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def requeue(app) -> None:  # type: ignore[no-untyped-def]
    """The bench only: put every file back in the queue, to send the same dossier again to a fresh server."""
    with app.session_factory() as session:
        session.execute(update(UploadItem).values(state="queued", remote_verified_at=None, indexed_at=None,
                                                  next_try_at=utcnow(), claimed_by=None, lease_until=None,
                                                  attempts=0))
        session.commit()


def warm_up(server, sample: Path) -> None:  # type: ignore[no-untyped-def]
    """Every kind of request once, before anything is timed: the first of each costs a fresh server more (its
    handlers and stores start on first use), and neither side should pay that for the other."""
    store = WebDavStore(server.url, USER, PASSWORD)
    store.ensure_collection("warm-up")
    store.put_new("warm-up", sample.name, sample, file_sha256(sample))
    store.set_properties("warm-up", sample.name, {"dossier": "warm-up"})
    store.collection_properties("warm-up", ["dossier"])
    store.close()
    subprocess.run(["curl", "-sS", "-f", "-u", f"{USER}:{PASSWORD}", "-X", "MKCOL", server.url + "curl/"],
                   check=True, capture_output=True)


def trial(app, files: list[Path], folder: Path, kind: str, lasting: bool,  # type: ignore[no-untyped-def]
          curl_first: bool) -> tuple[float, float, float, float]:
    """One run against a fresh server: curl's time, ours, and the server's CPU for each. Which goes first
    alternates from run to run (the second finds the first one's files on the server's disk)."""
    requeue(app)
    server = start_server(kind, folder, lasting_properties=lasting)
    store = WebDavStore(server.url, USER, PASSWORD)
    try:
        warm_up(server, files[-1])

        def theirs() -> tuple[float, float]:
            cpu = server_cpu(server)
            return curl_upload(files, server.url + "curl/"), server_cpu(server) - cpu

        def ours() -> tuple[float, float]:
            cpu, t0 = server_cpu(server), time.perf_counter()
            summary = drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, load_policy(),
                            "bench-ws")
            took = time.perf_counter() - t0
            assert summary.verified == len(files), summary
            return took, server_cpu(server) - cpu

        if curl_first:
            (t_curl, cpu_curl), (t_ours, cpu_ours) = theirs(), ours()
        else:
            (t_ours, cpu_ours), (t_curl, cpu_curl) = ours(), theirs()
        return t_curl, t_ours, cpu_curl, cpu_ours
    finally:
        store.close()
        server.close()


def main(runs: int = 7) -> None:
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-upload-"))
    t0 = time.perf_counter()
    app, barcode = approved_dossier(folder)
    print(f"set-up: {PAGES} pages in the page store, approved, in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    upload.enqueue(app.uow(upload.SYNC_ACTOR), barcode, app.pages, app.outbox)
    packaging = time.perf_counter() - t0
    with app.uow(upload.SYNC_ACTOR) as uow:
        files = [app.outbox / i.local_file for i in uow.session.query(UploadItem).order_by(UploadItem.id)]
    total = sum(p.stat().st_size for p in files)
    print(f"packaging: {len(files)} files ({total / 1e6:.1f} MB) built from the masters in {packaging:.2f} s")
    server = start_server("wsgidav", folder / "dav-put")
    try:
        store = WebDavStore(server.url, USER, PASSWORD)
        store.ensure_collection("put-only")
        t0 = time.perf_counter()
        for path in files:
            store._put("put-only", path.name, path)
        print(f"its PUTs alone : {time.perf_counter() - t0:6.2f} s (the transport, one file after another)")
    finally:
        server.close()
    by_server: dict[int, list[tuple[float, float, float, float]]] = {i: [] for i in range(len(SERVERS))}
    for n in range(runs):  # the servers in turn, run after run: a spell of load on the host falls on all of them
        for i, (_, kind, lasting) in enumerate(SERVERS):
            by_server[i].append(trial(app, files, folder / f"dav-{kind}-{lasting}-{n}", kind, lasting, n % 2 == 0))
    for (title, kind, _), results in zip(SERVERS, by_server.values()):
        ratios = sorted(theirs / ours for theirs, ours, _, _ in results)
        theirs, ours = (statistics.median(r[i] for r in results) for i in (0, 1))
        print(f"{title}:\n  curl -T {theirs:5.2f} s {total / 1e6 / theirs:6.1f} MB/s; scanstation (read-back, "
              f"properties, records) {ours:5.2f} s {total / 1e6 / ours:6.1f} MB/s (medians of {runs})")
        if kind == "wsgidav":
            cpu_theirs, cpu_ours = (statistics.median(r[i] for r in results) for i in (2, 3))
            print(f"  the server's own CPU: {cpu_theirs * 1000:.0f} ms for curl's PUTs, {cpu_ours * 1000:.0f} ms for "
                  "ours (PUT, GET, PROPPATCH of each file, a PROPFIND of the dossier)")
        print(f"  throughput ratio, run by run: {', '.join(f'{r:.2f}' for r in ratios)}; median "
              f"{statistics.median(ratios):.2f}x curl  goal >= 0.8x: "
              f"{'met' if statistics.median(ratios) >= 0.8 else 'NOT met'}")
    resume(folder)


def resume(folder: Path) -> None:
    for name in ("whole", "killed"):
        server = start_server("wsgidav", folder / f"dav-{name}")
        try:
            _resume_run(folder / name, server, kill=name == "killed")
        finally:
            server.close()


def _in_store(app) -> int:  # type: ignore[no-untyped-def]
    """Files read back from the store and recorded (their properties are read back for the dossier at the end)."""
    with app.uow(upload.SYNC_ACTOR) as uow:
        return uow.session.query(UploadItem).filter(UploadItem.remote_verified_at.is_not(None)).count()


def _resume_run(second: Path, server, kill: bool) -> None:  # type: ignore[no-untyped-def]
    """A dossier sent by `scanstation sync --once` whole, or killed with SIGKILL once about half its files are
    in the store and run again: the time to finish."""
    second.mkdir()
    app, barcode = approved_dossier(second)
    upload.enqueue(app.uow(upload.SYNC_ACTOR), barcode, app.pages, app.outbox)
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(second / "none.toml"), SCANSTATION_STORE_URL=server.url,
               SCANSTATION_STORE_USER=USER, SCANSTATION_STORE_PASSWORD=PASSWORD, SCANSTATION_WORKSTATION="bench-ws",
               SCANSTATION_PASSWORD=USER_PASSWORD)
    cmd = [sys.executable, "-m", "scanstation", "sync", "--once"]
    t0 = time.perf_counter()
    if not kill:
        run = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        print(f"sync --once as a process, whole dossier: {time.perf_counter() - t0:.2f} s ({run.stdout.strip()})")
        return
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None and _in_store(app) < 10:
        time.sleep(0.01)
    killed_at = time.perf_counter() - t0
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _in_store(app)
    t0 = time.perf_counter()
    run = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    print(f"killed at {killed_at:.2f} s with {done} files in the store; the next run finished the rest in "
          f"{time.perf_counter() - t0:.2f} s ({run.stdout.strip()})")


if __name__ == "__main__":
    main()
