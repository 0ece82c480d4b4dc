"""A branch's year and the branch server's decade (issue 21): generate the realistic history (bench/scale_data.py)
inside PostgreSQL and SQLite, then time what a clerk waits for on it, each figure beside its goal:

- the work queue's first screen (100 rows and the count of all that wait), with and without a step filter, and a
  page deep in the list: <= 50 ms at 1M;
- a lookup by whole barcode, national ID, insured number, tracking code: <= 10 ms at 1M;
- a search by name in another spelling than the one stored (ي/ی, ك/ک, a compound name joined, with a ZWNJ or a
  space), and by part of a barcode or national ID: <= 100 ms at 1M, and no sample missed;
- the queue's repaint on the window's main thread after a recorded step, and for a new answer: <= 30 ms;
- then bench/scale_checks.py: audit verify, store verify, the dossier screen, start-up.

    .venv/bin/python bench/bench_scale.py [--dossiers 100000] [--only sqlite|postgres] [--keep]

PostgreSQL gets a database of its own (bench_scale_<pid>, dropped afterwards unless --keep); SQLite a file in a
temporary folder (kept with --keep, and its path printed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from _common import drop_database, fresh_app

from bench import scale_checks, scale_data
from scanstation.bootstrap import App
from scanstation.services.work_queue import work_queue
from tests.builders import CLERK

RUNS = 15


def median_ms(work: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """The median wall time of `work()` and the median CPU time of this thread in it (the machine is shared: the
    wall time also counts the others' load, the CPU time does not count the database server's work)."""
    work()  # warm: the first call pays for the statement's compilation and the pages' first read
    walls, cpus = [], []
    for _ in range(runs):
        began, cpu = time.perf_counter(), time.thread_time()
        work()
        walls.append((time.perf_counter() - began) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def verdict(name: str, ms: tuple[float, float], goal_ms: float, extra: str = "") -> None:
    wall, cpu = ms
    print(f"  {name:56} median {wall:7.1f} ms (this thread's CPU {cpu:6.1f} ms)  goal <= {goal_ms:.0f} ms: "
          f"{'met' if wall <= goal_ms else 'NOT met'}{extra}")


def time_queue(app: App, data: scale_data.ScaleData) -> None:
    """The first screen (its count included), filtered by the steps where most and fewest wait, and deep pages."""
    uow = lambda: app.uow(CLERK)  # noqa: E731
    first = work_queue(uow())
    print(f"  queue: {first.total:,} waiting, first screen {len(first.rows)} rows "
          f"({sum(r.out_of_turn for r in first.rows)} out of turn)")
    verdict("queue first screen", median_ms(lambda: work_queue(uow())), 50)
    for step in (7, 9, 12):
        verdict(f"queue first screen, ready for step {step}", median_ms(lambda: work_queue(uow(), step=step)), 50)
    deep = first
    for _ in range(30):
        if deep.next is None:
            break
        deep = work_queue(uow(), after=deep.next)
    if deep.next is not None:
        cursor = deep.next
        verdict("queue page 31 (3,000 rows down)", median_ms(lambda: work_queue(uow(), after=cursor)), 50)


def time_search(app: App, data: scale_data.ScaleData) -> None:
    uow = lambda: app.uow(CLERK)  # noqa: E731
    samples = data.samples[:: max(len(data.samples) // 40, 1)]
    finished = next(s for s in samples if s.tracking_code and not s.waiting)
    for what, typed in (("barcode", finished.barcode), ("national ID", finished.national_id),
                        ("insured number", finished.insured_number), ("tracking code", finished.tracking_code)):
        assert [r.barcode for r in work_queue(uow(), search=typed).rows] == [finished.barcode], what
        verdict(f"lookup by whole {what}", median_ms(lambda: work_queue(uow(), search=typed)), 10)
    timings, misses = [], 0
    for sample in samples:
        timings.append(median_ms(lambda: work_queue(uow(), search=sample.typed), runs=3))
        misses += not _found(app, sample.typed, sample.barcode)
    walls = sorted(wall for wall, _ in timings)
    verdict(f"name search in another spelling ({len(samples)} names)",
            (statistics.median(walls), statistics.median(cpu for _, cpu in timings)), 100,
            f"; slowest {walls[-1]:.1f} ms; {misses} missed (goal 0)")
    for what, typed in (("part of a barcode", finished.barcode[8:17]), ("part of a national ID",
                                                                         finished.national_id[1:7])):
        assert _found(app, typed, finished.barcode), what
        total = work_queue(uow(), search=typed).total
        verdict(f"search by {what} «{typed}» ({total:,} found)",
                median_ms(lambda: work_queue(uow(), search=typed)), 100)


def _found(app: App, typed: str, barcode: str) -> bool:
    page = work_queue(app.uow(CLERK), search=typed, limit=1000)
    while barcode not in {r.barcode for r in page.rows} and page.next is not None:
        page = work_queue(app.uow(CLERK), search=typed, limit=1000, after=page.next)
    return barcode in {r.barcode for r in page.rows}


def time_repaint(app: App) -> None:
    """The queue's table on the main thread: the service's answer shown and painted, as after a recorded step (the
    same dossiers, one of them moved on) and for a new answer, with 100 rows held and with 1,000 after scrolling."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shiboken6
    from PySide6.QtWidgets import QApplication, QWidget

    from scanstation.core.roles import Role
    from scanstation.services.users import LoggedIn
    from scanstation.ui.operations import Runner
    from scanstation.ui.queue_view import QueueView
    from scanstation.ui.workspace import Workspace

    qt = QApplication.instance() or QApplication([])
    host = QWidget()
    user = LoggedIn(CLERK, CLERK, frozenset({Role.CLERK}), "0012")
    view = QueueView(Workspace(app, Runner(host), user, "0012"), host)
    host.resize(700, 700)  # the queue's pane beside a screen at 1366x768
    view.resize(700, 700)
    host.show()
    for held in (100, 1000):
        page = work_queue(app.uow(CLERK), limit=held)
        moved = replace(page, rows=[replace(page.rows[0], state_title="...")] + page.rows[1:])
        other = replace(page, rows=page.rows[1:] + page.rows[:1])

        def show(answer: object) -> None:
            view._generation += 1
            view._show(view._generation, answer, None)  # type: ignore[arg-type]
            qt.processEvents()  # the paint it asked for

        answers = iter([moved, page] * (RUNS + 1))
        verdict(f"queue repaint after a recorded step ({held} rows held)", median_ms(lambda: show(next(answers))),
                30)
        answers = iter([other, page] * (RUNS + 1))
        verdict(f"queue repaint for a new answer ({held} rows held)", median_ms(lambda: show(next(answers))), 30)
    host.close()
    shiboken6.delete(host)



def bench(kind: str, dossiers: int, keep: bool, page_files: int, lean: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"scanstation-bench-scale-{kind}-"))
    name = f"bench_scale_{int(time.time())}"
    app, url = fresh_app(kind, folder, name)
    try:
        data = scale_data.generate(app, dossiers, page_files_count=page_files, lean=lean)
        print(f"{kind}: {scale_data.describe(data)}")
        time_queue(app, data)  # issue 21.1, 2 and 6: the queue, the searches, the queue's repaint
        time_search(app, data)
        time_repaint(app)
        if not lean:  # issue 21.3-5 and 7: the checks, the dossier screen, start-up (they read pages and steps)
            scale_checks.measure(app, data)
        app.close()
    finally:
        if keep:
            print(f"  kept: {url} (page store {folder / 'data'})")
        else:
            if kind == "postgres":
                drop_database(name)
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--page-files", type=int, default=64, help="distinct image files the page rows name")
    parser.add_argument("--keep", action="store_true", help="keep the generated databases and page stores")
    parser.add_argument("--lean", action="store_true", help="dossiers, a few documents with tracking codes and one "
                        "audit entry each, no step records or pages but the 2,000-page dossier's: enough for the "
                        "queue and the searches, a fraction of the time at a million")
    args = parser.parse_args()
    for kind in ("postgres", "sqlite"):
        if args.only in (None, kind):
            bench(kind, args.dossiers, args.keep, args.page_files, args.lean)


if __name__ == "__main__":
    main()
