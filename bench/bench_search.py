"""Search by content over the text of 100,000 pages (issue 23), on SQLite and on PostgreSQL.

1,000 dossiers of 100 pages each are written straight into a migrated database (the page rows and their readings,
the text of synthetic Persian letters: tests/persian_pages.py), then `search_text` (the service the window and
`scanstation search` call: the trigram index, the ranking of the candidates, the snippets) is timed for words that
are on most pages, on few, on none, a name written with a space where the pages have a ZWNJ, and a number in Latin
digits where the pages have Persian ones; branch-wide and within one dossier. Median of 15 runs each.
Goal: <= 50 ms. PostgreSQL runs in a database of its own (bench_page_text, made and dropped here).
Run: .venv/bin/python bench/bench_search.py [pages]
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

from _common import ROOT  # noqa: F401

from sqlalchemy import insert, select

from scanstation.bootstrap import App, bootstrap
from scanstation.core.identifiers import make_barcode
from scanstation.core.match_key import match_key
from scanstation.core.models import Branch, Dossier, Page, PageReading
from scanstation.services.text_search import search_text
from tests.builders import CLERK, staff
from tests.persian_pages import LETTER_TYPES, letter_lines

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_page_text"
QUERIES = [("a word on most pages", "سازمان", None), ("a rarer word", "بازنشستگی", None),
           ("on no page", "هواپیما", None), ("a name, space for ZWNJ", "حسین زاده", None),
           ("Latin digits for Persian", "1403/06", None), ("within one dossier", "غرامت دستمزد", "dossier")]


def fill(app: App, pages: int) -> str:
    """`pages` pages in dossiers of 100, each with its text read; returns one dossier's barcode."""
    staff(app)
    rnd = random.Random(7)
    now = datetime.now(timezone.utc)
    with app.engine.begin() as conn:
        branch = conn.execute(select(Branch.id)).scalar_one()
        dossiers = [{"branch_id": branch, "barcode": make_barcode("0012", 1403, n), "insured_number": f"{n:010d}",
                     "national_id": f"{n:010d}", "name": f"بیمه شده {n}", "shelf": "R1", "out_of_turn": False,
                     "step": 6, "physical_step": 0, "electronic_step": 0, "created_at": now}
                    for n in range(1, pages // 100 + 1)]
        conn.execute(insert(Dossier), dossiers)
        ids = conn.execute(select(Dossier.id).order_by(Dossier.id)).scalars().all()
        for start in range(0, pages, 5000):
            rows, texts = [], []
            for n in range(start, min(pages, start + 5000)):
                rows.append({"id": n + 1, "dossier_id": ids[n // 100], "seq": n % 100 + 1, "sheet": n % 100 + 1,
                             "side": "front", "sha256": f"{n:064x}", "width": 2480, "height": 3508, "dpi": 300,
                             "mode": "L", "qc_reasons": [], "qc_metrics": {}, "barcodes": [], "status": "active",
                             "actor": CLERK, "created_at": now})
                text = "\n".join(letter_lines(rnd, rnd.choice(sorted(LETTER_TYPES)), 3))
                texts.append({"page_id": n + 1, "state": "read", "attempts": 1, "turn": 0, "text": text,
                              "key": match_key(text), "engine": "tesseract", "model": "bench"})
            conn.execute(insert(Page), rows)
            conn.execute(insert(PageReading), texts)
    return dossiers[len(dossiers) // 2]["barcode"]


def measure(name: str, app: App, barcode: str) -> None:
    for label, query, where in QUERIES:
        within = barcode if where else None
        times, hits = [], []
        for _ in range(15):
            started = time.perf_counter()
            hits = search_text(app.uow(CLERK), query, within)
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        print(f"{name:10} {label:28} {len(hits):3} hits  median {median:6.1f} ms  max {max(times):6.1f}  "
              f"goal <= 50 ms: {'met' if median <= 50 else 'NOT met'}")


def main(pages: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = bootstrap(db_url=f"sqlite:///{folder}/db.sqlite", data_dir=f"{folder}/data",
                        config_file=f"{folder}/none.toml")
        app.upgrade_schema()
        started = time.perf_counter()
        barcode = fill(app, pages)
        print(f"SQLite: {pages} pages written and indexed in {time.perf_counter() - started:.0f} s")
        measure("SQLite", app, barcode)
        app.close()
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "bench_page_text"], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "bench_page_text"], check=True)
    try:
        with tempfile.TemporaryDirectory() as folder:
            app = bootstrap(db_url=PG, data_dir=f"{folder}/data", config_file=f"{folder}/none.toml")
            app.upgrade_schema()
            started = time.perf_counter()
            barcode = fill(app, pages)
            with app.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            print(f"PostgreSQL: {pages} pages written and indexed in {time.perf_counter() - started:.0f} s")
            measure("PostgreSQL", app, barcode)
            app.close()
    finally:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "bench_page_text"], check=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
