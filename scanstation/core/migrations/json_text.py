"""For migrations that turn hand-written JSON text columns into JSON columns (0003 pages, 0007 outbox).

Every row is read and written back as checked JSON (an empty or unreadable value becomes the column's empty list or
object, so no reader meets text it cannot decode), then PostgreSQL turns the columns into its `json` type. SQLite has
no JSON storage type: SQLAlchemy keeps JSON there as text, which the rewritten rows now are, so its table is left as
it is (recreating it would copy every row). Kept apart from the models: a migration must not change when they do.
"""

import json

import sqlalchemy as sa
from alembic import op


def _checked(text: str | None, empty: object) -> str:
    try:
        value = json.loads(text) if text else empty
    except ValueError:
        value = empty
    return json.dumps(value if isinstance(value, type(empty)) else empty, ensure_ascii=False)


def text_to_json(table: str, columns: dict[str, object]) -> None:
    """Check every row's `columns` (name -> empty value) and, on PostgreSQL, retype them as json."""
    bind = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), *(sa.column(c, sa.Text) for c in columns))
    for row in bind.execute(sa.select(rows)).mappings():
        fixed = {c: _checked(row[c], empty) for c, empty in columns.items()}
        if any(fixed[c] != row[c] for c in columns):
            bind.execute(rows.update().where(rows.c.id == row["id"]).values(**fixed))
    if bind.dialect.name == "postgresql":
        for column in columns:
            op.alter_column(table, column, type_=sa.JSON(), existing_type=sa.Text(),
                            postgresql_using=f"{column}::json")


def json_to_text(table: str, columns: dict[str, object]) -> None:
    """Undo `text_to_json` (PostgreSQL only: on SQLite the columns stayed text)."""
    if op.get_bind().dialect.name == "postgresql":
        for column in columns:
            op.alter_column(table, column, type_=sa.Text(), existing_type=sa.JSON(),
                            postgresql_using=f"{column}::text")
