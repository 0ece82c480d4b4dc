"""Engine construction and schema migration (Alembic). Nothing here runs at import time."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect

from scanstation.core.durable import OWNER_ONLY_FILE, private_folder

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def private_sqlite_file(db_path: Path) -> None:
    """The SQLite file holds names, national IDs and password hashes: create it, and keep it and its -wal/-shm,
    owner-only (SQLite gives the -wal and -shm files the mode of the database file)."""
    private_folder(db_path.parent)
    if not db_path.exists():
        os.close(os.open(db_path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY_FILE))
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        if path.exists() and path.stat().st_mode & 0o077:
            with contextlib.suppress(OSError):  # a read-only copy stays readable for checks
                os.chmod(path, OWNER_ONLY_FILE)


# The execution option that makes an SQLite transaction begin deferred: it reads a snapshot and takes no write lock.
SQLITE_DEFERRED = "scanstation_deferred"


def read_only_options(dialect: str, snapshot: bool = False) -> dict[str, object]:
    """Execution options for a transaction that only reads, so it never holds a lock a writer waits on.

    SQLite: `BEGIN` (deferred) instead of `BEGIN IMMEDIATE`; in WAL mode that is a snapshot from its first read, and
    writers go on beside it. PostgreSQL: a READ ONLY transaction, REPEATABLE READ when the reader needs one snapshot
    for all its statements (a check that compares one table with another)."""
    if dialect == "sqlite":
        return {SQLITE_DEFERRED: True}
    options: dict[str, object] = {"postgresql_readonly": True}
    if snapshot:
        options["isolation_level"] = "REPEATABLE READ"
    return options


def make_engine(url: str) -> Engine:
    """An engine for SQLite (WAL, foreign keys, write transactions that take the lock up front, reads that take
    none: see `read_only_options`) or PostgreSQL."""
    if url.startswith("sqlite"):
        db_path = url.split("///", 1)[-1]
        if db_path and db_path != ":memory:":
            private_sqlite_file(Path(db_path))
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN itself
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=FULL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # type: ignore[no-untyped-def]
            # A writer takes the lock before it reads what it will change, so two writers serialise instead of one
            # failing with SQLITE_BUSY_SNAPSHOT; a reader (read_only_options) takes none.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(SQLITE_DEFERRED) else "BEGIN IMMEDIATE")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # imported on demand: most commands never migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The newest migration's revision, read off the file names (each migration's revision is its file's number):
    the window checks the schema at every start, and loading Alembic and every migration script to learn that
    nothing is to be done cost a tenth of the launch (issue 21.7)."""
    return max(path.name.split("_")[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def _at_head(engine: Engine) -> bool:
    from sqlalchemy import text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (nothing to load when it is there already)."""
    if _at_head(engine):
        return
    from alembic import command

    with engine.begin() as conn:
        cfg = _alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def trigram_problem(engine: Engine) -> str | None:
    """Why the work queue's search cannot use its trigram index on this PostgreSQL database, in one sentence (None
    when it can, and on SQLite). pg_trgm only sees letters the database's LC_CTYPE calls letters: under `C` every
    Persian word gives no trigram at all. The search then still answers, by reading every dossier's key."""
    if engine.dialect.name != "postgresql":
        return None
    from sqlalchemy import text

    with engine.connect() as conn:
        schema = conn.execute(text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                                   "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")).scalar()
        if schema is None:
            return ("افزونه pg_trgm در پایگاه داده نصب نیست؛ جستجوی نام کند است. مدیر PostgreSQL یک بار "
                    "«CREATE EXTENSION pg_trgm» را اجرا کند و سپس scanstation init را دوباره اجرا کنید.")
        ctype = conn.execute(text("SELECT datctype FROM pg_database WHERE datname = current_database()")).scalar()
        if not conn.execute(text(f"SELECT \"{schema}\".show_trgm('محمد')")).scalar():
            return (f"LC_CTYPE پایگاه داده «{ctype}» است و pg_trgm در آن حرف‌های فارسی را نمی‌بیند؛ جستجوی نام درست "
                    "ولی کند است. پایگاه داده را با LC_CTYPE='C.UTF-8' (یا fa_IR.UTF-8) بسازید.")
    return None


def is_initialised(engine: Engine) -> bool:
    """True when the schema has been created (the `init` command has run)."""
    return inspect(engine).has_table("alembic_version")
