"""Migration 0003: a database that holds pages as JSON text reads them back as lists and dicts after upgrading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from scanstation.core.db import _alembic_config, make_engine, upgrade
from scanstation.core.models import Page, PageStatus
from scanstation.core.pages import active_pages
from tests.conftest import postgres_schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with no schema yet, on SQLite and on PostgreSQL (its own schema)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
        yield engine
        engine.dispose()
        return
    with postgres_schema("m") as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


def at_revision(engine: Engine, revision: str) -> None:
    """Migrate an empty database up to `revision` only, as an older release left it."""
    with engine.begin() as conn:
        cfg = _alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


OLD_ROWS = [  # (seq, qc_reasons, qc_metrics, barcodes) as the code before 0003 wrote them, and two it never should
    (1, '["skew", "blur"]', '{"skew_degrees": 2.1, "dpi": 300}', '["SS-0012-1403-000417-7"]'),
    (2, "[]", "{}", "[]"),
    (3, "", "not json", '{"oops": 1}'),
]


def test_upgrade_turns_json_text_into_lists_and_dicts(empty_engine: Engine) -> None:
    at_revision(empty_engine, "0002")
    now = "2025-01-01 10:00:00+00:00"
    with empty_engine.begin() as conn:
        conn.execute(text("insert into branch (id, code, name, is_agency) values (1, '0012', 'b', false)"))
        conn.execute(text(
            "insert into dossier (id, branch_id, barcode, insured_number, national_id, name, shelf, out_of_turn, step,"
            " physical_step, electronic_step, created_at) values (1, 1, 'SS-0012-1403-000417-7', '1000234567',"
            f" '0012345679', 'n', 'R1', false, 5, 0, 0, '{now}')"))
        for seq, reasons, metrics, codes in OLD_ROWS:
            conn.execute(text(
                "insert into page (dossier_id, seq, sheet, side, sha256, width, height, dpi, mode, qc_reasons,"
                " qc_metrics, barcodes, status, actor, created_at) values (1, :seq, :seq, 'front', :sha, 10, 10, 300,"
                f" 'L', :reasons, :metrics, :codes, 'active', 'clerk1', '{now}')"),
                {"seq": seq, "sha": f"{seq:064d}", "reasons": reasons, "metrics": metrics, "codes": codes})
    upgrade(empty_engine)
    with Session(empty_engine) as session:
        pages = active_pages(session, 1)
        assert [(p.qc_reasons, p.qc_metrics, p.barcodes) for p in pages] == [
            (["skew", "blur"], {"skew_degrees": 2.1, "dpi": 300}, ["SS-0012-1403-000417-7"]),
            ([], {}, []),
            ([], {}, []),  # what could not be read as the right kind is empty, never a crash in a reader
        ]
        assert pages[0].status is PageStatus.ACTIVE and pages[0].open_flag
        flagged = session.execute(select(Page.seq).where(Page.status == PageStatus.ACTIVE)).scalars().all()
        assert sorted(flagged) == [1, 2, 3]
    if empty_engine.dialect.name == "postgresql":
        with empty_engine.connect() as conn:
            kinds = conn.execute(text("select column_name, data_type from information_schema.columns where "
                                      "table_name = 'page' and column_name in ('qc_reasons', 'qc_metrics', 'barcodes')"
                                      " and table_schema = current_schema()")).all()
        assert sorted(kinds) == [("barcodes", "json"), ("qc_metrics", "json"), ("qc_reasons", "json")]
