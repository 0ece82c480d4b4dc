"""typed outbox: upload_item.problems and .properties as JSON columns

Revision ID: 0007
Revises: 0006

Before, both columns held JSON written by hand into TEXT, as pages did before 0003; the same conversion
(migrations/json_text.py): rows checked and rewritten, PostgreSQL columns retyped as json.
"""
from scanstation.core.migrations.json_text import json_to_text, text_to_json


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

COLUMNS = {"problems": [], "properties": {}}


def upgrade() -> None:
    text_to_json("upload_item", COLUMNS)


def downgrade() -> None:
    json_to_text("upload_item", COLUMNS)
