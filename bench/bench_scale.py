"""A branch's year and the branch server's decade (issue 21): generate the realistic history (bench/scale_data.py)
inside PostgreSQL and SQLite and say how long that took (the timings of issue 21's goals come next).

    .venv/bin/python bench/bench_scale.py [--dossiers 100000] [--only sqlite|postgres] [--keep]

PostgreSQL gets a database of its own (bench_scale_<pid>, dropped afterwards unless --keep); SQLite a file in a
temporary folder (kept with --keep, and its path printed).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from _common import drop_database, fresh_app

from bench import scale_checks, scale_data


def bench(kind: str, dossiers: int, keep: bool, page_files: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"scanstation-bench-scale-{kind}-"))
    name = f"bench_scale_{int(time.time())}"
    app, url = fresh_app(kind, folder, name)
    try:
        data = scale_data.generate(app, dossiers, page_files_count=page_files)
        print(f"{kind}: {scale_data.describe(data)}")
        scale_checks.measure(app, data)  # issue 21.3-5 and 7: the checks, the dossier screen, start-up
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
    args = parser.parse_args()
    for kind in ("postgres", "sqlite"):
        if args.only in (None, kind):
            bench(kind, args.dossiers, args.keep, args.page_files)


if __name__ == "__main__":
    main()
