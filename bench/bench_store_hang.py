"""A store that takes the connection and never answers (issue 20): how long `scanstation sync --once` takes to give
up with 21 files queued, how long the service (`scanstation sync`) takes to end on SIGINT and on SIGTERM while its
requests hang, how long `sync --once` takes to end on Ctrl-C, and how many tries each file has left afterwards.
The shipped policy (resources/upload.toml) throughout: the waits are the real ones.

A real wsgidav behind the tests' fault proxy, which reads each request and answers nothing.
Run: .venv/bin/python bench/bench_store_hang.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import ROOT
from bench_upload import approved_dossier

from sqlalchemy import select

from scanstation.core.models import UploadItem
from scanstation.services import upload
from scanstation.sync.policy import load_policy
from tests.builders import PASSWORD as USER_PASSWORD
from tests.sync.servers import PASSWORD, USER, FaultProxy, start_server

FILES = 21  # 20 one-page documents and the dossier's manifest


def _env(app, url: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(app.settings.config_file), SCANSTATION_STORE_URL=url,
               SCANSTATION_STORE_USER=USER, SCANSTATION_STORE_PASSWORD=PASSWORD, SCANSTATION_WORKSTATION="bench-ws",
               SCANSTATION_PASSWORD=USER_PASSWORD, PYTHONPATH=str(ROOT))
    env.pop("SCANSTATION_RESOURCES", None)
    return env


def _tries_left(app) -> str:  # type: ignore[no-untyped-def]
    """Tries left per file, counted: "8 tries left: 21 files"; and any file not back in the queue."""
    most = load_policy().max_attempts
    with app.uow(upload.SYNC_ACTOR) as uow:
        rows = uow.session.execute(select(UploadItem.state, UploadItem.attempts)).all()
    left = Counter(most - attempts for _, attempts in rows)
    states = Counter(state for state, _ in rows)
    return (", ".join(f"{n} tries left: {count} files" for n, count in sorted(left.items()))
            + f" (states: {dict(states)})")


def _signalled(env: dict[str, str], proxy: FaultProxy, args: list[str], signum: int) -> tuple[float, int, str]:
    """Start `scanstation sync ARGS`, send `signum` once a request hangs; seconds from the signal to the end."""
    proc = subprocess.Popen([sys.executable, "-m", "scanstation", "sync", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    while proxy.hanging() == 0:
        if proc.poll() is not None:
            raise RuntimeError(proc.communicate()[1])
        time.sleep(0.05)
    t0 = time.perf_counter()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=600)
    return time.perf_counter() - t0, proc.returncode, err


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-hang-"))
    app, barcode = approved_dossier(folder, pages=FILES - 1, per_document=1)
    codes = upload.enqueue(app.uow(upload.SYNC_ACTOR), barcode, app.pages, app.outbox)
    policy = load_policy()
    print(f"{len(codes) + 1} files queued; policy: connect {policy.connect_timeout_seconds:g} s, answer at least "
          f"{policy.min_read_timeout_seconds:g} s, floor {policy.floor_bytes_per_second:g} B/s, stop after "
          f"{policy.store_timeouts_to_stop} timeouts, {policy.parallel_uploads} files in flight, "
          f"max {policy.max_attempts} tries")
    server = start_server("wsgidav", folder / "dav")
    proxy = FaultProxy(server.port)
    proxy.hang()
    env = _env(app, proxy.url)
    try:
        t0 = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "scanstation", "sync", "--once"], env=env, check=False,
                             capture_output=True, text=True, timeout=3600)
        print(f"sync --once gave up on the hanging store after {time.perf_counter() - t0:.1f} s, exit "
              f"{run.returncode}: {run.stderr.strip()}")
        print(f"  after it: {_tries_left(app)}")
        for title, args, signum in (("sync --once, Ctrl-C (SIGINT)", ["--once"], signal.SIGINT),
                                    ("service (sync), SIGINT", [], signal.SIGINT),
                                    ("service (sync), SIGTERM", [], signal.SIGTERM)):
            seconds, code, err = _signalled(env, proxy, args, signum)
            print(f"{title}: ended {seconds:.2f} s after the signal, exit {code}, "
                  f"traceback: {'yes' if 'Traceback' in err else 'no'}")
            print(f"  after it: {_tries_left(app)}")
    finally:
        proxy.close()
        server.close()
        app.close()


if __name__ == "__main__":
    main()
