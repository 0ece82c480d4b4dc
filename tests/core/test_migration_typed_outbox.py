"""Migration 0007: an outbox whose problems and properties are JSON text reads them back as lists and dicts."""

from __future__ import annotations

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from scanstation.core.db import upgrade
from scanstation.core.models import UploadItem
from tests.core.test_migration_typed_pages import at_revision, empty_engine  # noqa: F401 (the fixture)

NOW = "2025-01-01 10:00:00+00:00"
OLD_ROWS = [  # (code, problems, properties) as the code before 0007 wrote them, and one it never should
    ("100000000009", '["مخزن مرکزی پاسخ خطای ۵۰۳ داد؛"]', '{"dossier": "SS-1", "type": "EMPLOYMENT"}'),
    ("100000000017", "[]", "{}"),
    ("100000000025", "not json", '["a list"]'),
]


def test_upgrade_turns_outbox_json_text_into_lists_and_dicts(empty_engine: Engine) -> None:  # noqa: F811
    at_revision(empty_engine, "0006")
    with empty_engine.begin() as conn:
        conn.execute(text("insert into branch (id, code, name, is_agency) values (1, '0012', 'b', false)"))
        conn.execute(text(
            "insert into dossier (id, branch_id, barcode, insured_number, national_id, name, shelf, out_of_turn, step,"
            " physical_step, electronic_step, created_at) values (1, 1, 'SS-1', '1000234567', '0012345679', 'n',"
            f" 'R1', false, 7, 0, 0, '{NOW}')"))
        for code, problems, properties in OLD_ROWS:
            conn.execute(text(
                "insert into upload_item (dossier_id, kind, tracking_code, collection, name, local_file, sha256, size,"
                " properties, state, attempts, next_try_at, problems, created_at) values (1, 'document', :code,"
                f" 'SS-1', :code, :code, :code, 1, :properties, 'needs_attention', 3, '{NOW}', :problems, '{NOW}')"),
                {"code": code, "problems": problems, "properties": properties})
    upgrade(empty_engine)
    with Session(empty_engine) as session:
        items = session.execute(select(UploadItem).order_by(UploadItem.id)).scalars().all()
        assert [(i.problems, i.properties) for i in items] == [
            (["مخزن مرکزی پاسخ خطای ۵۰۳ داد؛"], {"dossier": "SS-1", "type": "EMPLOYMENT"}),
            ([], {}),
            ([], {}),  # what could not be read as the right kind is empty, never a crash in a reader
        ]
        items[1].problems = [*items[1].problems, "دوباره"]  # a new list is written back as JSON
        session.commit()
        assert session.execute(select(UploadItem.problems).where(UploadItem.id == items[1].id)).scalar() == ["دوباره"]
    if empty_engine.dialect.name == "postgresql":
        with empty_engine.connect() as conn:
            kinds = conn.execute(text("select column_name, data_type from information_schema.columns where "
                                      "table_name = 'upload_item' and column_name in ('problems', 'properties')"
                                      " and table_schema = current_schema()")).all()
        assert sorted(kinds) == [("problems", "json"), ("properties", "json")]
