"""`init` says in one sentence when PostgreSQL's trigrams cannot see Persian (a database made with LC_CTYPE C), and the
search still finds the name there, only without its index (FIELD-NOTES: show_trgm('محمد') is {} under C)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from scanstation.bootstrap import App, bootstrap
from scanstation.core.db import trigram_problem
from scanstation.services import dossiers
from scanstation.services.work_queue import work_queue
from tests.builders import BRANCH, CLERK, national_id_for, staff
from tests.conftest import _PG_SKIP, PG_ADMIN_URL

pytestmark = pytest.mark.postgres


@pytest.fixture(params=["C", "C.UTF-8"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, App]]:
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    name = f"ctype_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                          f"LC_COLLATE '{request.param}' LC_CTYPE '{request.param}'"))
    app = bootstrap(db_url=PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", data_dir=str(tmp_path / "data"),
                    config_file=str(tmp_path / "absent.toml"), workstation="test-ws")
    try:
        app.upgrade_schema()
        yield request.param, app
    finally:
        app.close()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


def test_a_c_ctype_is_named_and_the_name_is_still_found(database: tuple[str, App]) -> None:
    ctype, app = database
    problem = trigram_problem(app.engine)
    if ctype == "C":
        assert problem is not None and "LC_CTYPE" in problem and "\n" not in problem
    else:
        assert problem is None
    staff(app)
    barcode = dossiers.retrieve(app.uow(CLERK), BRANCH, dossiers.NewDossier(
        "1000200001", national_id_for(1), "محمدرضا کریمی", "R1"))
    assert [row.barcode for row in work_queue(app.uow(CLERK), search="محمد رضا كريمي").rows] == [barcode]
