"""typed pages: QC reasons, metrics and barcodes as JSON columns

Revision ID: 0003
Revises: 0002

Before, the three columns held JSON written by hand into TEXT. Every row is read and written back as checked JSON
(an empty or unreadable value becomes the empty list or object, so no reader meets text it cannot decode), then
PostgreSQL turns the columns into its `json` type. SQLite has no JSON storage type: SQLAlchemy keeps JSON there as
text, which the rewritten rows now are, so its table is left as it is (recreating it would copy every page row).
"""
from scanstation.core.migrations.json_text import json_to_text, text_to_json


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

COLUMNS = {"qc_reasons": [], "qc_metrics": {}, "barcodes": []}


def upgrade() -> None:
    text_to_json("page", COLUMNS)


def downgrade() -> None:
    json_to_text("page", COLUMNS)
