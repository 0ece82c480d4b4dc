"""page rows in the order `store verify` reads them, on PostgreSQL (issue 21)

Revision ID: 0018
Revises: 0017

`store verify` streams the page rows in batches ordered by (sha256, id), keyset on that pair, so the rows naming
one file come together and each file is hashed once. On SQLite the index on sha256 already ends in the row id and
serves that order; PostgreSQL's index on sha256 alone does not hold the id, so each batch sorted every row of the
hash it started in (tens of thousands of rows when a file is named often). An index on the pair reads each batch off
the index.
"""
from alembic import op


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

NAME = "ix_page_sha256_id"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(NAME, "page", ["sha256", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(NAME, table_name="page")
