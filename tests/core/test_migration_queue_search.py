"""Migration 0014: dossiers registered before it get their search key, so their names are found at once."""

from __future__ import annotations

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from scanstation.core.db import upgrade
from scanstation.core.models import Dossier
from scanstation.core.models.dossier import search_key_of
from scanstation.services.dossier_search import find
from tests.core.test_migration_typed_pages import at_revision, empty_engine  # noqa: F401 (the fixture)

NOW = "2025-01-01 10:00:00+00:00"


def test_upgrade_fills_the_search_key_of_every_dossier(empty_engine: Engine) -> None:  # noqa: F811
    at_revision(empty_engine, "0013")
    people = [(1, "SS-0012-1403-000001-X", "محمدرضا کریمی"), (2, "SS-0012-1403-000002-X", "مريم حسين زاده")]
    with empty_engine.begin() as conn:
        conn.execute(text("insert into branch (id, code, name, is_agency) values (1, '0012', 'b', false)"))
        for n, barcode, name in people:
            conn.execute(text(
                "insert into dossier (id, branch_id, barcode, insured_number, national_id, name, shelf, out_of_turn, "
                "step, physical_step, electronic_step, created_at) values (:n, 1, :barcode, :insured, :nid, :name, "
                f"'R1', false, 2, 0, 0, '{NOW}')"), {"n": n, "barcode": barcode, "insured": f"10002345{n:02d}",
                                                      "nid": f"00{n}2345679", "name": name})
    upgrade(empty_engine)
    with empty_engine.connect() as conn:
        keys = dict(conn.execute(text("select id, search_key from dossier")).all())
    assert keys == {n: search_key_of(name, barcode, f"00{n}2345679", f"10002345{n:02d}") for n, barcode, name in people}
    with Session(empty_engine) as session:
        for typed, wanted in (("محمد رضا كريمي", 1), ("حسین‌زاده", 2), ("1403-000002", 2)):
            match = find(session, typed)
            assert session.execute(select(Dossier.id).where(match.where)).scalars().all() == [wanted], typed
