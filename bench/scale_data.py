"""A realistic branch history at scale (issue 21), generated inside PostgreSQL or SQLite for the benchmarks.

`generate(app, dossiers)` fills a migrated database that holds nothing but its staff (tests.builders.staff) with
`dossiers` files, one every five minutes: 100,000 are a busy branch's year, 1,000,000 the branch server's decade.

- The older 90% are done on both tracks; the newest 10% wait at the steps where work piles up in a branch (a long
  supervisor backlog, files in the scanner's queue, uploads waiting), the oldest of them furthest along (WAITING).
- 5% are out of turn, whatever their state.
- Barcodes carry their check character (core/identifiers.py) and a yearly sequence; national IDs are unique and
  valid; insured numbers unique; names are Persian, stored in the spellings a clerk meets (ي/ی, ك/ک, a compound
  name joined, with a ZWNJ or a space: محمدرضا / محمد‌رضا / محمد رضا, حسین‌زاده / حسین زاده).
- ~11 step records and ~47 pages a dossier (pages point at `page_files` real image files in the page store, so
  `store verify` has files to hash), 8 documents from step 6, one upload item with its tracking code per document
  once the file is uploaded (or queued), and one dossier of 2,000 pages and 80 documents waiting for step 7.
- A valid audit chain: after the staff's own entries, one entry per step record (or, with `audit_per_step=False`,
  one per dossier), the last of each dossier carrying the state it leaves behind (core/audit_state.py), so
  `audit verify` passes.

Everything but the pages is built in Python and written in bulk (COPY on PostgreSQL, executemany on SQLite); the
pages, by far the most rows, are made by one INSERT ... SELECT per chunk from a layout table. The page digests of the
audit states are computed from the same formula, so nothing is read back.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
from PIL import Image
from sqlalchemy import text

from scanstation.bootstrap import App
from scanstation.core.audit_chain import GENESIS, canonical_json, entry_hash
from scanstation.core.identifiers import make_barcode
from scanstation.core.jalali import jalali_year
from scanstation.core.models.dossier import search_key_of
from scanstation.core.workflow import STEP_BY_NUMBER
from scanstation.sync.store import collection_name
from scanstation.sync.tracking import _luhn_digit

BRANCH = "0012"
START = datetime(2025, 3, 21, 4, 30, tzinfo=timezone.utc)
EVERY = timedelta(minutes=5)
CHUNK = 10_000
BIG_PAGES, BIG_DOCUMENTS, DOCUMENTS = 2_000, 80, 8
SAMPLE_EVERY = 97  # one person in 97 is a Sample for the benchmarks' lookups
DOCUMENT_TYPES = (("ID-CARD", "identity"), ("REG-FORM", "requests"), ("EMPLOYMENT", "insurance"),
                  ("PAYMENT", "insurance"), ("CERTIFICATE", "insurance"), ("REQUEST", "requests"),
                  ("UNDERTAKING", "contracts"), ("COMMISSION-OTHER", "medical"))
# minutes after the dossier's creation at which each step ends (plus a few minutes that vary by dossier)
STEP_MINUTES = {1: 2, 2: 25, 3: 55, 4: 110, 5: 190, 6: 250, 7: 1450, 8: 1530, 9: 1590, 10: 1650, 11: 1480, 12: 1500}
DONE = (7, 10, 12, False)
# Where the newest 10% wait, oldest first: (share, step, physical step, electronic step, rejected)
WAITING = ((0.06, 7, 10, 11, False), (0.10, 7, 10, 0, False), (0.08, 7, 8, 12, False), (0.08, 7, 0, 0, False),
           (0.22, 6, 0, 0, False), (0.04, 5, 0, 0, True), (0.14, 5, 0, 0, False), (0.10, 4, 0, 0, False),
           (0.06, 3, 0, 0, False), (0.06, 2, 0, 0, False), (0.06, 1, 0, 0, False))

ZWNJ = "\u200c"
# First names: a compound one is its parts (written joined, with a ZWNJ or with a space).
FIRST = (("محمد", "رضا"), ("علی",), ("زهرا",), ("فاطمه",), ("امیر", "حسین"), ("علی", "اکبر"), ("غلام", "رضا"),
         ("محمد", "حسین"), ("مریم",), ("سکینه",), ("کبری",), ("حسن",), ("حسین",), ("مهدی",), ("رضا",),
         ("علی", "رضا"), ("محمد", "علی"), ("معصومه",), ("نرگس",), ("یوسف",), ("کاظم",), ("اکبر",), ("صغری",),
         ("عبدالله",), ("محمد", "کاظم"), ("فرشته",), ("یحیی",), ("کریم",), ("ملیکا",), ("مصطفی",),
         ("امیر", "علی"), ("مرتضی",), ("زینب",), ("طاهره",), ("محمد", "جواد"), ("نیکی",), ("کیوان",), ("یاسر",))
STEMS = ("حسین", "احمد", "کریم", "رحیم", "محمد", "علی", "تقی", "رضا", "جعفر", "صادق", "باقر", "کاظم", "قاسم",
         "یوسف", "موسی", "یزدان", "کیان", "نیک", "ملک", "شکوری")
SUFFIXES = (("ی", False), ("زاده", True), ("نژاد", True), ("پور", True), ("یان", False), ("فر", True),
            ("نیا", True), ("وند", True))
ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def name_parts(g: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first name's and the surname's parts of person `g` (a compound surname has two)."""
    first = FIRST[g % len(FIRST)]
    stem = STEMS[(g // len(FIRST)) % len(STEMS)]
    suffix, compound = SUFFIXES[(g // (len(FIRST) * len(STEMS))) % len(SUFFIXES)]
    return first, ((stem, suffix) if compound else (stem + suffix,))


def spelled(first: Sequence[str], last: Sequence[str], variant: int) -> str:
    """A name as one clerk wrote it: 0 standard (compounds joined: محمدرضا, حسین‌زاده), 1 Arabic ي/ك, 2 compounds
    with a space, 3 with a ZWNJ, 4 Arabic letters and spaces."""
    first_joiner = {0: "", 1: "", 2: " ", 3: ZWNJ, 4: " "}[variant]
    last_joiner = {0: ZWNJ, 1: ZWNJ, 2: " ", 3: ZWNJ, 4: " "}[variant]
    name = f"{first_joiner.join(first)} {last_joiner.join(last)}"
    return name.translate(ARABIC) if variant in (1, 4) else name


def stored_variant(g: int) -> int:
    """Most names are written the standard way; one in ten each with Arabic letters, spaces or a ZWNJ."""
    return {6: 1, 7: 2, 8: 3, 9: 4}.get((g // 7) % 10, 0)


def national_id(g: int) -> str:
    """A valid national ID of person `g`, different for every g below a billion."""
    body = f"{(g * 7919 + 100_000_000) % 1_000_000_000:09d}"
    remainder = sum(int(body[i]) * (10 - i) for i in range(9)) % 11
    return body + str(remainder if remainder < 2 else 11 - remainder)


def insured_number(g: int) -> str:
    return f"{(g * 104_729 + 3_000_000_000) % 10_000_000_000:010d}"


def tracking_code(document_id: int) -> str:
    body = str(10_000_000_000 + document_id * 9_973)
    return body + _luhn_digit(body)


def _moment(value: datetime | None) -> str | None:  # as core/audit_state.py digests it (isoformat: faster)
    return None if value is None else value.replace(tzinfo=None).isoformat(timespec="microseconds")


def _digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


@dataclass
class Sample:
    """One generated person, for the benchmarks' lookups: the name as stored and another spelling of it."""

    barcode: str
    national_id: str
    insured_number: str
    name: str
    typed: str
    tracking_code: str | None
    waiting: bool


@dataclass
class ScaleData:
    dossiers: int
    waiting: int
    out_of_turn_waiting: int
    big_barcode: str
    counts: dict[str, int]
    seconds: float
    samples: list[Sample] = field(default_factory=list)


@dataclass(frozen=True)
class _State:
    step: int
    physical: int
    electronic: int
    rejected: bool

    def steps(self) -> list[tuple[int, str]]:
        """(step, action) of each step record, in the order they were written."""
        done = [(n, STEP_BY_NUMBER[n].code) for n in range(1, min(self.step, 6) + 1)]
        if self.rejected:
            return done + [(7, "reject")]
        if self.step == 7:
            done.append((7, "verify"))
            done += [(n, STEP_BY_NUMBER[n].code) for n in (8, 9, 10) if n <= self.physical]
            done += [(n, STEP_BY_NUMBER[n].code) for n in (11, 12) if n <= self.electronic]
        return done


def state_of(g: int, dossiers: int) -> _State:
    """Done for the older 90%; for the newest 10%, the WAITING row its place among them falls in."""
    first_waiting = dossiers - dossiers // 10 + 1
    if g < first_waiting:
        return _State(*DONE)
    place, total = (g - first_waiting) / max(dossiers // 10, 1), 0.0
    for share, *state in WAITING:
        total += share
        if place < total:
            return _State(*state)  # type: ignore[arg-type]
    return _State(*WAITING[-1][1:])  # type: ignore[arg-type]


def big_dossier(dossiers: int) -> int:
    """The dossier of 2,000 pages: the first of those waiting for the supervisor (step 7)."""
    return next(g for g in range(dossiers - dossiers // 10 + 1, dossiers + 1) if state_of(g, dossiers).step == 6)


class _Bulk:
    """Rows into tables, fast: COPY on PostgreSQL, executemany on SQLite (datetimes as SQLAlchemy stores them)."""

    def __init__(self, app: App) -> None:
        self.pg = app.engine.dialect.name == "postgresql"
        if self.pg:
            import psycopg

            url = app.engine.url.set(drivername="postgresql")
            self.conn: Any = psycopg.connect(url.render_as_string(hide_password=False))
        else:
            self.conn = sqlite3.connect(app.engine.url.database, isolation_level=None)
            for pragma in ("synchronous=OFF", "cache_size=-400000", "temp_store=MEMORY", "foreign_keys=OFF"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.conn.execute("BEGIN")

    def rows(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.pg:
            with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join("?" * len(columns))
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                              [tuple(_sqlite_value(v) for v in row) for row in rows])

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if self.pg:
            return self.conn.execute(sql.replace("?", "%s") if params else sql, params)
        return self.conn.execute(sql, params or ())

    def commit(self) -> None:
        if self.pg:
            self.conn.commit()
        else:
            self.conn.execute("COMMIT")
            self.conn.execute("BEGIN")

    def close(self) -> None:
        if not self.pg:
            self.conn.execute("COMMIT")
        self.conn.close()


def _sqlite_value(value: Any) -> Any:
    """A datetime as SQLAlchemy stores it in SQLite (UTC, microseconds, no offset)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(" ", "microseconds")
    return value


@dataclass(frozen=True)
class PageFile:
    sha256: str
    width: int
    height: int


def page_files(app: App, count: int, size: tuple[int, int]) -> list[PageFile]:
    """`count` distinct real page images in the page store: mostly white paper with a few lines of dark specks."""
    files = []
    for k in range(count):
        rng = np.random.default_rng(k)
        pixels = np.full((size[1], size[0]), 250, dtype=np.uint8)
        margin = size[0] // 10
        for row in rng.integers(0, size[1] - 8, 40):
            pixels[row:row + 6, margin:-margin] = rng.integers(0, 255, (6, size[0] - 2 * margin), dtype=np.uint8)
        stored = app.pages.put(Image.fromarray(pixels, "L"))
        files.append(PageFile(stored.sha256, stored.width, stored.height))
    return files


COLUMNS = {
    "dossier": ("id", "branch_id", "barcode", "insured_number", "national_id", "name", "shelf", "out_of_turn",
                "out_of_turn_reason", "step", "physical_step", "electronic_step", "rejected_reason", "sheets_counted",
                "sheets_slimmed", "sheets_recounted", "created_at", "search_key"),
    "step_record": ("id", "dossier_id", "step", "action", "user_id", "actor", "workstation", "at", "began_at",
                    "values_json"),
    "capture_batch": ("id", "dossier_id", "kind", "status", "pages", "actor", "started_at", "finished_at"),
    "document": ("id", "dossier_id", "number", "type_code", "heading_code", "verified_by", "verified_at",
                 "approved_hashes", "actor", "created_at"),
    "upload_item": ("id", "dossier_id", "document_id", "kind", "tracking_code", "collection", "name", "local_file",
                    "sha256", "size", "properties", "state", "attempts", "next_try_at", "problems", "created_at",
                    "remote_verified_at", "indexed_at"),
    "bench_layout": ("dossier_id", "batch_id", "pages", "first_doc", "docs", "actor", "scanned_at"),
    "audit_entry": ("seq", "at", "workstation", "actor", "action", "entity", "details", "prev_hash", "hash"),
}


class _Generator:
    """Builds the rows of one chunk of dossiers at a time and keeps the audit chain's head between chunks."""

    def __init__(self, app: App, dossiers: int, files: list[PageFile], audit_per_step: bool, lean: bool) -> None:
        self.dossiers, self.files, self.per_step, self.lean = dossiers, files, audit_per_step and not lean, lean
        with app.session_factory() as session:
            self.users = dict(session.execute(text("SELECT code, id FROM user_account")).all())
            self.branch_id = session.execute(text("SELECT id FROM branch WHERE code = :c"), {"c": BRANCH}).scalar_one()
            head = session.execute(text("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")).first()
        self.seq, self.prev_hash = (head[0], head[1]) if head else (0, GENESIS)
        self.big = big_dossier(dossiers)
        self.year_counters: dict[int, int] = {}
        self.years: dict[datetime, int] = {}
        self.step_id = self.doc_id = self.upload_id = 0
        self.samples: list[Sample] = []
        self.bulk: _Bulk
        self.waiting = self.out_of_turn_waiting = 0

    def year_of(self, moment: datetime) -> int:
        """The Jalali year, asked once per half hour of creation times (Tehran's midnight falls on one)."""
        bucket = moment.replace(minute=moment.minute // 30 * 30)
        if bucket not in self.years:
            self.years[bucket] = jalali_year(bucket)
        return self.years[bucket]

    def page_count(self, g: int) -> int:
        return BIG_PAGES if g == self.big else 20 + (g * 37) % 55

    def sha(self, g: int, seq: int) -> str:
        return self.files[(g * 131 + seq) % len(self.files)].sha256

    def chunk(self, first: int, last: int) -> None:
        rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        audit: list[tuple[datetime, str, str, str, dict[str, Any]]] = []
        for g in range(first, last + 1):
            self.dossier(g, rows, audit)
        for table, table_rows in rows.items():
            if table != "audit_entry":
                self.bulk.rows(table, COLUMNS[table], table_rows)
        audit.sort(key=lambda entry: entry[0])
        self.bulk.rows("audit_entry", COLUMNS["audit_entry"], [self.entry(*entry) for entry in audit])
        self.pages()
        self.bulk.commit()

    def entry(self, at: datetime, actor: str, action: str, entity: str, details: dict[str, Any]) -> tuple[Any, ...]:
        self.seq += 1
        stamp = _moment(at) + "Z"  # as core/audit_chain.py stamps an entry
        body = canonical_json(details)
        digest = entry_hash(self.seq, stamp, "ws-1", actor, action, entity, body, self.prev_hash)
        row = (self.seq, stamp, "ws-1", actor, action, entity, body, self.prev_hash, digest)
        self.prev_hash = digest
        return row

    def dossier(self, g: int, rows: dict[str, list[tuple[Any, ...]]], audit: list[Any]) -> None:
        state = state_of(g, self.dossiers)
        created = START + EVERY * (g - 1)
        year = self.year_of(created)
        self.year_counters[year] = self.year_counters.get(year, 0) + 1
        barcode = make_barcode(BRANCH, year, self.year_counters[year])
        first, last = name_parts(g)
        name = spelled(first, last, stored_variant(g))
        out_of_turn = g % 20 == 7
        waiting = state != _State(*DONE)
        self.waiting += waiting
        self.out_of_turn_waiting += waiting and out_of_turn
        full = not self.lean or g == self.big
        pages = self.page_count(g) if state.step >= 5 and full else 0
        slimmed = g % 3
        counted = (self.page_count(g) + slimmed) if state.step >= 2 else None
        record = (g, self.branch_id, barcode, insured_number(g), national_id(g), name, f"R{g % 40 + 1}-{g % 7 + 1}",
                  out_of_turn, "بیمه شده در باجه است" if out_of_turn else None, state.step, state.physical,
                  state.electronic, "برگ ۵ ناخوانا است" if state.rejected else None, counted,
                  slimmed if state.step >= 4 else None, self.page_count(g) if state.physical >= 9 else None, created,
                  search_key_of(name, barcode, national_id(g), insured_number(g)))
        rows["dossier"].append(record)
        jitter = g % 17
        at = {n: created + timedelta(minutes=minutes + jitter) for n, minutes in STEP_MINUTES.items()}
        steps = []
        entity = f"dossier:{barcode}"
        for number, action in state.steps() if full else state.steps()[-1:]:
            self.step_id += 1
            actor = "system:sync" if number >= 11 else "super1" if number == 7 else ("clerk1", "clerk2")[g % 2]
            began = (None if action != STEP_BY_NUMBER[number].code else created if number == 1
                     else at[7] if number == 11 else at[number - 1])
            values = json.dumps({"decision": "rejected", "reason": record[12]}, ensure_ascii=False,
                                sort_keys=True) if action == "reject" else "{}"
            if full:
                rows["step_record"].append((self.step_id, g, number, action, self.users.get(actor), actor, "ws-1",
                                            at[number], began, values))
                steps.append([number, action, actor, self.users.get(actor), _moment(at[number]), values])
            audit.append([at[number], actor, f"dossier.{action}", entity, {"step": number}])
        if not self.per_step:
            del audit[len(audit) - len(state.steps() if full else [1]):-1]
        placement = [[seq, seq, "front", self.sha(g, seq)] for seq in range(1, pages + 1)]
        audit[-1][4] = {**audit[-1][4], "after": {
            "record": _digest(list(record[2:7]) + [out_of_turn, state.step, state.physical, state.electronic]),
            "counts": _digest([record[13], record[14], record[15]]), "steps": _digest(steps),
            "pages": _digest(placement)}}
        documents = (BIG_DOCUMENTS if g == self.big else DOCUMENTS) if state.step >= 6 and (full or g % SAMPLE_EVERY == 0) else 0
        if pages:
            rows["capture_batch"].append((g, g, "scan", "done", pages, steps[4][2], at[4], at[5]))
            rows["bench_layout"].append((g, g, pages, self.doc_id + 1, documents, steps[4][2], at[5]))
        verified = state.step == 7
        tracking = None
        for number in range(1, documents + 1):
            self.doc_id += 1
            seqs = [seq for seq in range(1, pages + 1) if (seq - 1) * documents // pages == number - 1]
            type_code, heading = DOCUMENT_TYPES[(number - 1) % len(DOCUMENT_TYPES)]
            rows["document"].append((self.doc_id, g, number, type_code, heading, "super1" if verified else None,
                                     at[7] if verified else None,
                                     json.dumps([self.sha(g, s) for s in seqs]) if verified else None, "clerk1",
                                     at[6]))
            sent = state.electronic >= 11 or (verified and state.physical == 10)
            if sent:
                self.upload_id += 1
                tracking = tracking_code(self.doc_id)
                upload_state = {12: "verified", 11: "sent"}.get(state.electronic, "queued")
                rows["upload_item"].append((
                    self.upload_id, g, self.doc_id, "document", tracking, collection_name(barcode),
                    f"{number:02d}-{type_code}.pdf", f"{tracking}.pdf", self.sha(g, number), 150_000 + 1000 * number,
                    "{}", upload_state, 0 if upload_state == "queued" else 1, at[7], "[]", at[7],
                    at[11] if state.electronic >= 11 else None, at[12] if state.electronic >= 12 else None))
        if g % SAMPLE_EVERY == 0 or g == self.big:
            typed = spelled(first, last, (stored_variant(g) + 2 + g % 3) % 5)
            self.samples.append(Sample(barcode, record[4], record[3], name, typed, tracking, waiting))

    def pages(self) -> None:
        """This chunk's pages, from its layout rows, in one INSERT ... SELECT."""
        self.bulk.execute(f"""
            INSERT INTO page (dossier_id, batch_id, seq, sheet, side, sha256, width, height, dpi, mode, qc_reasons,
                              qc_metrics, barcodes, status, document_id, actor, created_at)
            SELECT l.dossier_id, l.batch_id, n.g, n.g, 'front', f.sha256, f.width, f.height, 150, 'L', '[]', '{{}}',
                   '[]', 'active', CASE WHEN l.docs > 0 THEN l.first_doc + ((n.g - 1) * l.docs) / l.pages END,
                   l.actor, l.scanned_at
            FROM bench_layout l JOIN bench_n n ON n.g <= l.pages
                 JOIN bench_file f ON f.k = (l.dossier_id * 131 + n.g) % {len(self.files)}
            ORDER BY l.dossier_id, n.g""")
        self.bulk.execute("DELETE FROM bench_layout")


def _helper_tables(bulk: _Bulk, files: list[PageFile]) -> None:
    moment = "timestamptz" if bulk.pg else "TEXT"
    bulk.execute("CREATE TABLE bench_n (g INTEGER PRIMARY KEY)")
    bulk.execute("CREATE TABLE bench_file (k INTEGER PRIMARY KEY, sha256 TEXT, width INTEGER, height INTEGER)")
    bulk.execute(f"CREATE TABLE bench_layout (dossier_id INTEGER, batch_id INTEGER, pages INTEGER, first_doc INTEGER, "
                 f"docs INTEGER, actor TEXT, scanned_at {moment})")
    bulk.rows("bench_n", ("g",), [(n,) for n in range(1, BIG_PAGES + 1)])
    bulk.rows("bench_file", ("k", "sha256", "width", "height"),
              [(k, f.sha256, f.width, f.height) for k, f in enumerate(files)])


BULKY = ("page", "step_record", "document", "upload_item", "capture_batch", "audit_entry")


def _drop_indexes(bulk: _Bulk) -> list[str]:
    """Drop the secondary indexes of the bulky tables (building one at the end is several times faster than keeping
    it up to date row by row); returns the statements that build them again."""
    if bulk.pg:
        found = bulk.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            f"AND i.tablename IN ({', '.join(repr(t) for t in BULKY)}) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)").fetchall()
    else:
        found = bulk.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                             f"AND tbl_name IN ({', '.join(repr(t) for t in BULKY)})").fetchall()
    for name, _ in found:
        bulk.execute(f'DROP INDEX "{name}"')
    bulk.commit()
    return [definition for _, definition in found]


def _finish(bulk: _Bulk, gen: _Generator) -> None:
    for table in ("bench_n", "bench_file", "bench_layout"):
        bulk.execute(f"DROP TABLE {table}")
    bulk.execute("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", (gen.seq, gen.prev_hash))
    for year, last in gen.year_counters.items():
        bulk.execute("INSERT INTO dossier_counter (branch_id, year, last) VALUES (?, ?, ?)", (gen.branch_id, year, last))
    if bulk.pg:
        for table in ("dossier", "step_record", "capture_batch", "document", "upload_item", "page"):
            bulk.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    bulk.commit()


def generate(app: App, dossiers: int, *, page_files_count: int = 64, page_size: tuple[int, int] = (620, 877),
             audit_per_step: bool = True, lean: bool = False, chunk: int = CHUNK) -> ScaleData:
    """Fill `app`'s migrated database, which holds only its staff, with `dossiers` files (see the module's text).
    `audit_per_step=False`: one audit entry per dossier. `lean`, for what reads only the dossiers (the queue and the
    searches) at a million: step records, pages and documents for the 2,000-page dossier alone, documents with their
    tracking codes for the samples' dossiers (pageless), one audit entry a dossier (its recorded state still true)."""
    began = time.perf_counter()
    files = page_files(app, page_files_count, page_size)
    gen = _Generator(app, dossiers, files, audit_per_step, lean)  # reads the staff and the chain's head first
    bulk = gen.bulk = _Bulk(app)
    try:
        indexes = _drop_indexes(bulk)
        _helper_tables(bulk, files)
        for first in range(1, dossiers + 1, chunk):
            gen.chunk(first, min(first + chunk - 1, dossiers))
        _finish(bulk, gen)
        for definition in indexes:
            bulk.execute(definition)
        bulk.commit()
    finally:
        bulk.close()
    analyse(app)
    with app.session_factory() as session:
        counts = {table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                  for table in ("dossier", "step_record", "page", "document", "upload_item", "audit_entry")}
    big = next(s.barcode for s in gen.samples if s.national_id == national_id(gen.big))
    return ScaleData(dossiers, gen.waiting, gen.out_of_turn_waiting, big, counts, time.perf_counter() - began,
                     gen.samples)


def analyse(app: App) -> None:
    """Fresh planner statistics (and, on PostgreSQL, the visibility map an index-only scan needs)."""
    if app.engine.dialect.name == "postgresql":
        with app.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with app.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def describe(data: ScaleData) -> str:
    counts = ", ".join(f"{table} {count:,}" for table, count in data.counts.items())
    return (f"{data.dossiers:,} dossiers ({data.waiting:,} waiting, {data.out_of_turn_waiting:,} of them out of turn): "
            f"{counts}; generated in {data.seconds:.1f} s")
