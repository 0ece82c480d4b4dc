"""Files holding personal data are the owner's alone (issue 8, point 4): SQLite file, -wal, -shm, data folder."""

from __future__ import annotations

import stat
from pathlib import Path

from scanstation.bootstrap import bootstrap
from scanstation.services import dossiers
from tests.builders import BRANCH, CLERK, staff


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_wal_shm_and_data_folder_are_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "scanstation.db"
    app = bootstrap(db_url=f"sqlite:///{db}", data_dir=str(tmp_path / "data" / "inner"),
                    config_file=str(tmp_path / "none.toml"))
    try:
        app.upgrade_schema()
        staff(app)
        with app.session_factory() as session:  # an open reader keeps -wal and -shm on disk
            dossiers.retrieve(app.uow(CLERK), BRANCH,
                              dossiers.NewDossier("1000234567", "0012345679", "علی", "R1"))
            session.connection()
            for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                assert path.exists() and _mode(path) == 0o600, (path, oct(_mode(path)))
        assert _mode(db.parent) == 0o700
        assert _mode(tmp_path / "data") == 0o700 and _mode(tmp_path / "data" / "inner") == 0o700
    finally:
        app.close()


def test_a_world_readable_database_from_before_is_closed(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    db.touch(mode=0o644)
    db.chmod(0o644)
    bootstrap(db_url=f"sqlite:///{db}", data_dir=str(tmp_path / "data"), config_file=str(tmp_path / "x.toml")).close()
    assert _mode(db) == 0o600
