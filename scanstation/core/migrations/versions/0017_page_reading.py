"""each page's reading: the pages to read and their text, indexed for search (issue 23)

Revision ID: 0017
Revises: 0014

Every page gets a reading, queued when the page is stored (pages already stored are queued here). The search key
(`match_key` of the text: one form of each letter and digit, no spaces, no ZWNJ) is indexed by trigrams, so a word
is found inside any page without reading every row: SQLite's FTS5 with its trigram tokenizer (kept by triggers), and
PostgreSQL's pg_trgm GIN index, which serves `key LIKE '%word%'`. pg_trgm needs a database whose LC_CTYPE is not C
(FIELD-NOTES): under C it makes no trigrams of Persian letters and the index finds nothing.
"""
import importlib

from alembic import op
import sqlalchemy as sa



revision = '0017'
down_revision = '0014'
branch_labels = None
depends_on = None

SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE page_reading_fts USING fts5(key, content='page_reading', content_rowid='page_id', "
    "tokenize='trigram')",
    "CREATE TRIGGER page_reading_fts_insert AFTER INSERT ON page_reading WHEN new.key IS NOT NULL BEGIN "
    "INSERT INTO page_reading_fts(rowid, key) VALUES (new.page_id, new.key); END",
    "CREATE TRIGGER page_reading_fts_delete AFTER DELETE ON page_reading WHEN old.key IS NOT NULL BEGIN "
    "INSERT INTO page_reading_fts(page_reading_fts, rowid, key) VALUES ('delete', old.page_id, old.key); END",
    "CREATE TRIGGER page_reading_fts_update AFTER UPDATE OF key ON page_reading BEGIN "
    "INSERT INTO page_reading_fts(page_reading_fts, rowid, key) SELECT 'delete', old.page_id, old.key "
    "WHERE old.key IS NOT NULL; "
    "INSERT INTO page_reading_fts(rowid, key) SELECT new.page_id, new.key WHERE new.key IS NOT NULL; END",
]
POSTGRES_INDEX = 'CREATE INDEX ix_page_reading_key_trgm ON page_reading USING gin (key "{schema}".gin_trgm_ops)'


def upgrade() -> None:
    op.create_table(
        "page_reading",
        sa.Column("page_id", sa.Integer(), sa.ForeignKey("page.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("claimed_by", sa.String(200)),
        sa.Column("lease_until", sa.DateTime(timezone=True)),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("turn", sa.Integer()),
        sa.Column("text", sa.Text()),
        sa.Column("key", sa.Text()),
        sa.Column("words", sa.JSON()),
        sa.Column("width", sa.Integer()),
        sa.Column("height", sa.Integer()),
        sa.Column("confidence", sa.Float()),
        sa.Column("engine", sa.String(32)),
        sa.Column("model", sa.String(200)),
        sa.Column("read_at", sa.DateTime(timezone=True)),
        sa.Column("error", sa.Text()),
    )
    op.create_index("ix_page_reading_state", "page_reading", ["state", "page_id"])
    op.execute("INSERT INTO page_reading (page_id, state, attempts) SELECT id, 'queued', 0 FROM page "
               "WHERE status = 'active'")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_INDEX:
            op.execute(statement)
        return
    # pg_trgm as 0014 installs it (in public when the database lets us); without it the search reads every row.
    schema = importlib.import_module("scanstation.core.migrations.versions.0014_queue_and_search").trigram_schema(bind)
    if schema is not None:
        op.execute(POSTGRES_INDEX.format(schema=schema))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE page_reading_fts")
    op.drop_table("page_reading")
