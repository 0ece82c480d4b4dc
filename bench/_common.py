"""Shared set-up for benchmarks: a throwaway application with a dossier ready for capture, or a new database for
big generated data."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from scanstation.bootstrap import App, bootstrap  # noqa: E402
from tests.builders import new_dossier, staff, walk  # noqa: E402


def ready_app() -> tuple[App, str, Path]:
    """A migrated SQLite application in a temporary folder and a dossier prepared for scanning."""
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-"))
    app = bootstrap(db_url=f"sqlite:///{folder / 'db.sqlite'}", data_dir=str(folder / "data"),
                    config_file=str(folder / "none.toml"))
    app.upgrade_schema()
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    return app, barcode, folder


PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def fresh_app(kind: str, folder: Path, name: str) -> tuple[App, str]:
    """A migrated, staffed application on a new database of `kind` (PostgreSQL: database `name` on the local
    server, for big data; SQLite: a file in `folder`), and its URL."""
    if kind == "postgres":
        with create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = f"{PG_SERVER}/{name}"
    else:
        url = f"sqlite:///{folder / 'db.sqlite'}"
    app = bootstrap(db_url=url, data_dir=str(folder / "data"), config_file=str(folder / "none.toml"),
                    workstation="bench")
    app.upgrade_schema()
    staff(app)
    return app, url


def drop_database(name: str) -> None:
    with create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def report(name: str, samples_ms: list[float], goal_ms: float | None = None) -> None:
    med = statistics.median(samples_ms)
    goal = f"  goal <= {goal_ms:.0f} ms: {'met' if med <= goal_ms else 'NOT met'}" if goal_ms else ""
    print(f"{name:38} median {med:7.1f} ms  min {min(samples_ms):7.1f}  max {max(samples_ms):7.1f}  "
          f"(n={len(samples_ms)}){goal}")
