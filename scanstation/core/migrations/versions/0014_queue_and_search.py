"""the work queue's partial index and the dossier search key (issue 21)

Revision ID: 0014
Revises: 0013

The queue asked for 2,000 dossiers and dropped finished ones in Python: after a year (90,000 done, 10,000 waiting)
its first screen was empty. It now filters, counts and pages in SQL over `ix_dossier_in_work`, an index of only the
dossiers still in work, so its cost does not grow with the finished years.

Searching matched identifiers with LIKE '%…%' over every row and never names. `search_key` holds the name's match
key and the identifiers (core/models/dossier.py `search_key_of`), filled here for the rows there are; partial input
is found through trigrams: pg_trgm's GIN index on PostgreSQL (installed here when the database allows it; without
it, or on a database whose LC_CTYPE is C, the search still answers, by reading every key), an FTS5 trigram table
kept by triggers on SQLite.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from scanstation.core.models.dossier import IN_WORK, search_key_of


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

QUEUE_INDEX = "ix_dossier_in_work"
QUEUE_COLUMNS = ["out_of_turn", "created_at", "id", "step", "physical_step", "electronic_step"]
SEARCH_INDEX = "ix_dossier_search_key"
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE dossier_search USING fts5(search_key, content='dossier', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossier BEGIN "
    "INSERT INTO dossier_search (rowid, search_key) VALUES (new.id, new.search_key); END",
    "CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossier BEGIN "
    "INSERT INTO dossier_search (dossier_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); END",
    "CREATE TRIGGER dossier_search_update AFTER UPDATE OF search_key ON dossier BEGIN "
    "INSERT INTO dossier_search (dossier_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); "
    "INSERT INTO dossier_search (rowid, search_key) VALUES (new.id, new.search_key); END",
    "INSERT INTO dossier_search (dossier_search) VALUES ('rebuild')",
)


def _fill_search_keys(bind: sa.Connection) -> None:
    dossier = sa.table("dossier", sa.column("id"), sa.column("name"), sa.column("barcode"),
                       sa.column("national_id"), sa.column("insured_number"), sa.column("search_key"))
    rows = bind.execute(sa.select(dossier.c.id, dossier.c.name, dossier.c.barcode, dossier.c.national_id,
                                  dossier.c.insured_number)).all()
    update = dossier.update().where(dossier.c.id == sa.bindparam("key_id")).values(search_key=sa.bindparam("key"))
    for start in range(0, len(rows), 10_000):
        bind.execute(update, [{"key_id": i, "key": search_key_of(name, barcode, nid, insured)}
                              for i, name, barcode, nid, insured in rows[start:start + 10_000]])


def trigram_schema(bind: sa.Connection) -> str | None:
    """The schema pg_trgm lives in, installing it (in `public`, which outlives any other schema) when the database
    lets us; None when it cannot be had."""
    for statement in ("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public", "CREATE EXTENSION IF NOT EXISTS pg_trgm"):
        try:
            with bind.begin_nested():
                bind.execute(sa.text(statement))
            break
        except DBAPIError:
            continue
    return bind.execute(sa.text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                                "WHERE e.extname = 'pg_trgm'")).scalar()


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("dossier", sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
    _fill_search_keys(bind)
    op.create_index(QUEUE_INDEX, "dossier", QUEUE_COLUMNS, sqlite_where=sa.text(IN_WORK),
                    postgresql_where=sa.text(IN_WORK))
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            bind.execute(sa.text(statement))
        return
    schema = trigram_schema(bind)
    if schema is not None:
        op.execute(f'CREATE INDEX {SEARCH_INDEX} ON dossier USING gin (search_key "{schema}".gin_trgm_ops)')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("dossier_search_insert", "dossier_search_delete", "dossier_search_update"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE dossier_search")
    else:
        op.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    op.drop_index(QUEUE_INDEX, table_name="dossier")
    # never batch mode here: on SQLite it drops and rebuilds `dossier`, and with foreign keys on, dropping it deletes
    # every step record, page and document of every dossier; SQLite (3.35+) drops a plain column in place
    op.execute("ALTER TABLE dossier DROP COLUMN search_key")
