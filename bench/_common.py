"""Shared set-up for benchmarks: a throwaway application with a dossier ready for capture."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


def report(name: str, samples_ms: list[float], goal_ms: float | None = None) -> None:
    med = statistics.median(samples_ms)
    goal = f"  goal <= {goal_ms:.0f} ms: {'met' if med <= goal_ms else 'NOT met'}" if goal_ms else ""
    print(f"{name:38} median {med:7.1f} ms  min {min(samples_ms):7.1f}  max {max(samples_ms):7.1f}  "
          f"(n={len(samples_ms)}){goal}")
