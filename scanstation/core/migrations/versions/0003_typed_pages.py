"""typed pages: QC reasons, metrics and barcodes as JSON columns

Revision ID: 0003
Revises: 0002

Before, the three columns held JSON written by hand into TEXT. Every row is read and written back as checked JSON
(an empty or unreadable value becomes the empty list or object, so no reader meets text it cannot decode), then
PostgreSQL turns the columns into its `json` type. SQLite has no JSON storage type: SQLAlchemy keeps JSON there as
text, which the rewritten rows now are, so its table is left as it is (recreating it would copy every page row).
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

COLUMNS = {"qc_reasons": [], "qc_metrics": {}, "barcodes": []}


def _checked(text: str | None, empty: object) -> str:
    try:
        value = json.loads(text) if text else empty
    except ValueError:
        value = empty
    return json.dumps(value if isinstance(value, type(empty)) else empty, ensure_ascii=False)


def upgrade() -> None:
    bind = op.get_bind()
    page = sa.table("page", sa.column("id", sa.Integer), *(sa.column(c, sa.Text) for c in COLUMNS))
    for row in bind.execute(sa.select(page)).mappings():
        fixed = {c: _checked(row[c], empty) for c, empty in COLUMNS.items()}
        if any(fixed[c] != row[c] for c in COLUMNS):
            bind.execute(page.update().where(page.c.id == row["id"]).values(**fixed))
    if bind.dialect.name == "postgresql":
        for column in COLUMNS:
            op.alter_column("page", column, type_=sa.JSON(), existing_type=sa.Text(),
                            postgresql_using=f"{column}::json")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in COLUMNS:
            op.alter_column("page", column, type_=sa.Text(), existing_type=sa.JSON(),
                            postgresql_using=f"{column}::text")
