"""Issue 21, points 3, 4, 5 and 7, timed on a generated history (bench/bench_scale.py calls `measure`): the checks
over every page and entry, the dossier screen's two reads on the 2,000-page dossier, and the commands' start-up.
Each figure is printed beside its goal. The checks run as `scanstation` processes, as a branch runs them.

- `audit verify`: seconds per million entries, while this process reads what a clerk's window reads (the work queue,
  a dossier) every 0.2 s from its own connections; the longest of those reads is the wait the goal bounds.
- `store verify`: the process's peak memory, and its time against `openssl dgst -sha256` over the same files.
- `dossier_detail` and `allowed_actions` on the 2,000-page, 80-document dossier (linearity: bench_actions.py).
- `scanstation --help` and `dossier show --json`, whole processes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from scanstation.bootstrap import App
from scanstation.services import actions, queries
from scanstation.services.work_queue import work_queue
from tests.builders import CLERK, PASSWORD, SUPERVISOR

GOALS = {"audit_s_per_million": 30.0, "reader_wait_s": 1.0, "store_mb": 300.0, "store_vs_openssl": 1.3,
         "detail_ms": 100.0, "actions_ms": 40.0, "help_s": 0.3, "show_s": 0.6}


def _verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "NOT met"


def _env(app: App, password: str | None = None) -> dict[str, str]:
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(Path(app.settings.data_dir).parent / "none.toml"))
    if password:
        env["SCANSTATION_PASSWORD"] = password
    return env


def _timed_process(argv: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds and peak memory (MB) of one whole `scanstation` process; its CPU seconds (from /usr/bin/time,
    steadier than the wall time on a shared machine) go into `CPU`."""
    began = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "peak-kb %M cpu %U %S", sys.executable, "-m", "scanstation", *argv],
                         env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    line = next((line.split() for line in run.stderr.splitlines() if line.startswith("peak-kb ")), None)
    CPU.append(float(line[3]) + float(line[4]) if line else 0.0)
    return seconds, (int(line[1]) if line else 0) / 1024, run


CPU: list[float] = []  # the CPU seconds of each process _timed_process ran, in order


def audit_verify(app: App, entries: int, barcode: str) -> None:
    waits: list[float] = []
    done = threading.Event()

    def read_like_a_window() -> None:
        while not done.is_set():
            began = time.perf_counter()
            work_queue(app.uow(CLERK))
            queries.dossier_detail(app.uow(CLERK), barcode)
            waits.append(time.perf_counter() - began)
            done.wait(0.2)

    reader = threading.Thread(target=read_like_a_window)
    reader.start()
    try:
        seconds, _, run = _timed_process(["audit", "verify"], _env(app))
    finally:
        done.set()
        reader.join()
    per_million = seconds / entries * 1_000_000
    print(f"  audit verify: {entries:,} entries in {seconds:.1f} s (CPU {CPU[-1]:.1f} s) = {per_million:.1f} s "
          f"per million entries  "
          f"goal <= {GOALS['audit_s_per_million']:.0f} s: {_verdict(per_million, GOALS['audit_s_per_million'])}"
          f"{'' if run.returncode == 0 else f'  (exit {run.returncode}: {run.stderr.strip()[:200]})'}")
    longest = max(waits, default=0.0)
    print(f"  a window's reads while it runs: {len(waits)} reads of the queue and a dossier, longest {longest:.2f} s, "
          f"median {statistics.median(waits) if waits else 0:.2f} s  goal <= {GOALS['reader_wait_s']:.0f} s: "
          f"{_verdict(longest, GOALS['reader_wait_s'])}")


def store_verify(app: App, rows: int) -> None:
    seconds, peak_mb, run = _timed_process(["store", "verify"], _env(app))
    files = sorted(str(path) for path in (Path(app.settings.data_dir) / "pages").rglob("*.png"))
    began = time.perf_counter()
    for start in range(0, len(files), 2000):  # as xargs would: a store's files do not fit one command line
        subprocess.run(["openssl", "dgst", "-sha256", *files[start:start + 2000]], capture_output=True, check=True)
    openssl = time.perf_counter() - began
    print(f"  store verify: {rows:,} page rows, {len(files)} files: {seconds:.1f} s (CPU {CPU[-1]:.1f} s), "
          f"peak {peak_mb:.0f} MB  "
          f"goal <= {GOALS['store_mb']:.0f} MB: {_verdict(peak_mb, GOALS['store_mb'])}"
          f"{'' if run.returncode == 0 else f'  (exit {run.returncode})'}")
    ratio = seconds / openssl
    print(f"  store verify against openssl dgst -sha256 over the same {len(files)} files ({openssl:.2f} s): "
          f"x{ratio:.1f}  goal <= x{GOALS['store_vs_openssl']}: {_verdict(ratio, GOALS['store_vs_openssl'])}"
          f"{' (with few distinct files the rows, not the hashing, take the time)' if rows > 10 * len(files) else ''}")


def _median_ms(ask: Callable[[], object], runs: int = 10) -> tuple[float, float]:
    """Median wall and CPU milliseconds after one warm-up."""
    ask()
    wall, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        ask()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def dossier_screen(app: App, big: str) -> None:
    for name, goal, ask in (
            ("dossier_detail", GOALS["detail_ms"], lambda: queries.dossier_detail(app.uow(SUPERVISOR), big)),
            ("allowed_actions", GOALS["actions_ms"], lambda: actions.allowed_actions(app.uow(SUPERVISOR), big))):
        wall, cpu = _median_ms(ask)
        print(f"  {name}, 2,000 pages / 80 documents: median {wall:.1f} ms (CPU {cpu:.1f} ms)  "
              f"goal <= {goal:.0f} ms: {_verdict(wall, goal)}")


def start_up(app: App, barcode: str, runs: int = 5) -> None:
    for name, goal, argv, password in (
            ("scanstation --help", GOALS["help_s"], ["--help"], None),
            ("dossier show --json", GOALS["show_s"], ["dossier", "show", barcode, "--json", "--user", CLERK],
             PASSWORD)):
        env = _env(app, password)
        seconds = statistics.median(_timed_process(argv, env)[0] for _ in range(runs))
        cpu = statistics.median(CPU[-runs:])
        print(f"  {name}: median {seconds:.2f} s (CPU {cpu:.2f} s) of {runs}  goal <= {goal} s: "
              f"{_verdict(seconds, goal)}")


def measure(app: App, data: object) -> None:
    """Every figure of points 3, 4, 5 and 7 on `app`'s generated history `data` (a scale_data.ScaleData)."""
    counts: dict[str, int] = data.counts  # type: ignore[attr-defined]
    waiting = next(s.barcode for s in data.samples if s.waiting)  # type: ignore[attr-defined]
    dossier_screen(app, data.big_barcode)  # type: ignore[attr-defined]
    start_up(app, waiting)
    audit_verify(app, counts["audit_entry"], waiting)
    store_verify(app, counts["page"])
