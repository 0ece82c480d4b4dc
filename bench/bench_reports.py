"""Reports on one year of a busy branch (issue 12): 100,000 dossiers, 1.1 million step records, 4.7 million pages,
780,000 documents, the realistic year of bench/scale_data.py, then each report timed. Goals: <= 1 s a report on
PostgreSQL, <= 3 s on SQLite.

    .venv/bin/python bench/bench_reports.py [--scale 0.1] [--only sqlite|postgres]

`--scale` shrinks the year (0.1: 10,000 dossiers) for a quick look; the goals are for scale 1.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import drop_database, fresh_app

from bench import scale_data
from scanstation.reports.backlog import backlog
from scanstation.reports.period import Period
from scanstation.reports.production import production
from scanstation.reports.quality import quality
from scanstation.reports.service_time import service_time
from scanstation.reports.upload_records import upload_records

GOALS_S = {"postgresql": 1.0, "sqlite": 3.0}


def time_reports(app: object, runs: int = 3) -> dict[str, float]:
    year = Period.parse("1404/01/01", "1404/12/29")
    month = Period.parse("1404/06/01", "1404/06/31")
    cases = {
        "service-time by step (year)": lambda s: service_time(s, year, "step"),
        "service-time by user (month)": lambda s: service_time(s, month, "user"),
        "production (month)": lambda s: production(s, month),
        "backlog (now)": lambda s: backlog(s),
        "quality (month)": lambda s: quality(s, month),
        "upload and records": lambda s: upload_records(s),
    }
    medians = {}
    for name, run in cases.items():
        samples = []
        for _ in range(runs):
            with app.session_factory() as session:  # type: ignore[attr-defined]
                began = time.perf_counter()
                run(session)
                samples.append(time.perf_counter() - began)
        medians[name] = statistics.median(samples)
    return medians


def bench(kind: str, dossiers: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-reports-"))
    name = f"bench_reports_{int(time.time())}"
    app, _url = fresh_app(kind, folder, name)
    try:
        print(f"{kind}: {scale_data.describe(scale_data.generate(app, dossiers))}")
        goal = GOALS_S["postgresql" if kind == "postgres" else "sqlite"]
        for report, seconds in time_reports(app).items():
            print(f"  {report:32} median {seconds * 1000:8.0f} ms  goal <= {goal:.0f} s: "
                  f"{'met' if seconds <= goal else 'NOT met'}")
        app.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # a year of SQLite is 1.7 GB
        if kind == "postgres":
            drop_database(name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    args = parser.parse_args()
    dossiers = int(100_000 * args.scale)
    for kind in ("postgres", "sqlite"):
        if args.only in (None, kind):
            bench(kind, dossiers)


if __name__ == "__main__":
    main()
