"""Reports on one year of a busy branch (issue 12): 100,000 dossiers, about 1.2 million step records, 5 million
pages, 800,000 documents, generated inside the database (generate_series on PostgreSQL, a recursive CTE on SQLite),
then each report timed. Goals: <= 1 s a report on PostgreSQL, <= 3 s on SQLite.

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

from _common import ROOT  # noqa: F401 (puts the checkout on the path)
from sqlalchemy import create_engine, text

from scanstation.bootstrap import bootstrap
from scanstation.core.workflow import STEPS
from scanstation.reports.backlog import backlog
from scanstation.reports.period import Period
from scanstation.reports.production import production
from scanstation.reports.quality import quality
from scanstation.reports.service_time import service_time
from scanstation.reports.upload_records import upload_records

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
GOALS_S = {"postgresql": 1.0, "sqlite": 3.0}
PAGES_PER_DOSSIER, DOCUMENTS_PER_DOSSIER = 50, 8
QC_REASONS = """CASE WHEN (d.id + p.g) % 23 = 0 THEN '["blur"]' WHEN (d.id + p.g) % 31 = 0 THEN '["skew"]' ELSE '[]' END"""


def _series(pg: bool, name: str, count: int) -> str:
    """A table expression of the integers 1..count, as `name(g)`."""
    if pg:
        return f"generate_series(1, {count}) AS {name}(g)"
    return (f"(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count}) SELECT g FROM s) "
            f"AS {name}")


def _moment(pg: bool, base: str, minutes: str) -> str:
    if pg:
        return f"({base} + ({minutes}) * interval '1 minute')"
    return f"(strftime('%Y-%m-%d %H:%M:%S', {base}, '+' || ({minutes}) || ' minutes') || '.000000')"


def generate(url: str, dossiers: int) -> None:
    """Fill a migrated, empty database with the year."""
    engine = create_engine(url)
    pg = engine.dialect.name == "postgresql"
    start = "timestamptz '2025-03-21 04:30:00+00'" if pg else "'2025-03-21 04:30:00'"
    actions = " ".join(f"WHEN {s.number} THEN '{s.code}'" for s in STEPS)
    lpad = "lpad(CAST(d.g AS TEXT), 6, '0')" if pg else "printf('%06d', d.g)"
    sha = "lpad(to_hex(d.id * 100 + p.g), 64, '0')" if pg else "printf('%064d', d.id * 100 + p.g)"
    json = "CAST({} AS json)" if pg else "{}"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO branch (code, name, is_agency) VALUES ('0012', 'bench', false)"))
        conn.execute(text(f"""
            INSERT INTO dossier (branch_id, barcode, insured_number, national_id, name, shelf, out_of_turn, step,
                                 physical_step, electronic_step, sheets_counted, sheets_slimmed, created_at)
            SELECT 1, 'SS-0012-1404-' || {lpad}, {lpad}, '0012345679', 'n', 'R1', d.g % 20 = 0,
                   CASE WHEN d.g % 10 = 0 THEN d.g % 7 + 1 ELSE 7 END, CASE WHEN d.g % 10 = 0 THEN 0 ELSE 10 END,
                   CASE WHEN d.g % 10 = 0 THEN 0 ELSE 12 END, 25, 0, {_moment(pg, start, "d.g * 5")}
            FROM {_series(pg, "d", dossiers)}"""))
        conn.execute(text(f"""
            INSERT INTO step_record (dossier_id, step, action, actor, workstation, at, began_at, values_json)
            SELECT d.id, s.g, CASE s.g {actions} END, 'clerk' || CAST(d.id % 8 AS TEXT), 'ws',
                   {_moment(pg, "d.created_at", "s.g * 37 + d.id % 13")},
                   CASE WHEN s.g = 1 THEN d.created_at
                        ELSE {_moment(pg, "d.created_at", "(CASE WHEN s.g = 11 THEN 7 ELSE s.g - 1 END) * 37 + d.id % 13")}
                   END, '{{}}'
            FROM dossier d, {_series(pg, "s", 12)}
            WHERE s.g <= CASE WHEN d.step < 7 THEN d.step ELSE 12 END"""))
        conn.execute(text(f"""
            INSERT INTO capture_batch (dossier_id, kind, status, pages, actor, started_at, finished_at)
            SELECT d.id, 'scan', 'done', {PAGES_PER_DOSSIER}, 'clerk' || CAST(d.id % 8 AS TEXT),
                   {_moment(pg, "d.created_at", "150")}, {_moment(pg, "d.created_at", "185")}
            FROM dossier d WHERE d.step >= 5"""))
        conn.execute(text(f"""
            INSERT INTO page (dossier_id, seq, sheet, side, sha256, width, height, dpi, mode, qc_reasons, qc_metrics,
                              barcodes, status, actor, created_at)
            SELECT d.id, p.g, p.g, 'front', {sha}, 2480, 3508, 300, 'gray',
                   {json.format(QC_REASONS)},
                   {json.format("'{}'")}, {json.format("'[]'")}, 'active', 'clerk' || CAST(d.id % 8 AS TEXT),
                   {_moment(pg, "d.created_at", "150 + p.g / 2")}
            FROM dossier d, {_series(pg, "p", PAGES_PER_DOSSIER)} WHERE d.step >= 5"""))
        conn.execute(text(f"""
            INSERT INTO document (dossier_id, number, type_code, heading_code, actor, created_at)
            SELECT d.id, n.g, 'EMPLOYMENT', 'insurance', 'clerk' || CAST(d.id % 8 AS TEXT),
                   {_moment(pg, "d.created_at", "200")}
            FROM dossier d, {_series(pg, "n", DOCUMENTS_PER_DOSSIER)} WHERE d.step >= 6"""))
    engine.dispose()


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
    if kind == "postgres":
        schema = f"bench_reports_{int(time.time())}"
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    else:
        url = f"sqlite:///{folder / 'db.sqlite'}"
    try:
        app = bootstrap(db_url=url, data_dir=str(folder / "data"), config_file=str(folder / "none.toml"))
        app.upgrade_schema()
        began = time.perf_counter()
        generate(url, dossiers)
        if kind == "postgres":
            with app.session_factory() as session:
                session.execute(text("ANALYZE"))
                session.commit()
        with app.session_factory() as session:
            counts = {t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                      for t in ("dossier", "step_record", "page", "document")}
        print(f"{kind}: generated {counts} in {time.perf_counter() - began:.1f} s")
        goal = GOALS_S["postgresql" if kind == "postgres" else "sqlite"]
        for name, seconds in time_reports(app).items():
            print(f"  {name:32} median {seconds * 1000:8.0f} ms  goal <= {goal:.0f} s: "
                  f"{'met' if seconds <= goal else 'NOT met'}")
        app.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # a year of SQLite is 1.7 GB
        if kind == "postgres":
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


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
