"""Shared fixtures: a fresh application per test on SQLite, and on PostgreSQL when one is reachable."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from scanstation.bootstrap import App, bootstrap

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PG_ADMIN_URL = os.environ.get("SCANSTATION_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def _postgres_reason() -> str | None:
    """None when the test PostgreSQL answers, else why it is skipped."""
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any failure to connect means: skip, and say why
        return f"PostgreSQL not reachable at {PG_ADMIN_URL} ({type(exc).__name__}); branch-mode tests skipped"


_PG_SKIP = _postgres_reason()


def _sqlite_app(tmp_path: Path) -> App:
    app = bootstrap(db_url=f"sqlite:///{tmp_path / 'db.sqlite'}", data_dir=str(tmp_path / "data"),
                    config_file=str(tmp_path / "absent.toml"), workstation="test-ws")
    app.upgrade_schema()
    return app


@pytest.fixture
def sqlite_app(tmp_path: Path) -> Iterator[App]:
    """A migrated application on a fresh SQLite file."""
    app = _sqlite_app(tmp_path)
    yield app
    app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    """A migrated application, once on SQLite and once on PostgreSQL (its own schema per test)."""
    if request.param == "sqlite":
        application = _sqlite_app(tmp_path)
        yield application
        application.close()
        return
    with postgres_schema("t") as url:
        application = bootstrap(db_url=url, data_dir=str(tmp_path / "data"),
                                config_file=str(tmp_path / "absent.toml"), workstation="test-ws")
        application.upgrade_schema()
        yield application
        application.close()


@contextmanager
def postgres_schema(prefix: str) -> Iterator[str]:
    """A URL of the test PostgreSQL whose search path is a fresh schema of its own, dropped afterwards
    (skips the test, with the reason, when PostgreSQL does not answer)."""
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_ADMIN_URL else "?"
    try:
        yield f"{PG_ADMIN_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for files a person should look at after the run (screenshots, rendered PDFs)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True, scope="session")
def _cheap_argon2() -> Iterator[None]:
    """Real argon2id, with test-sized cost parameters so hundreds of test users don't take minutes."""
    from argon2 import PasswordHasher

    from scanstation.core import passwords

    production = passwords._HASHER
    passwords._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._HASHER = production


def _tests_sane_config() -> Path:
    """The project's SANE folder (the `test` backend with A4 geometry), with the backend's read delay switched on.

    Debian's libsane-test ends every page by cancelling its reader thread asynchronously (pthread_cancel); when that
    lands while the thread frees its buffer, the allocator stays locked and the whole process hangs (seen about once
    in ten suite runs). A 200-microsecond sleep after each write makes the cancel land in usleep(), a safe point, at
    about 50 ms a page. The shipped folder stays undelayed for demos and benches."""
    folder = Path(tempfile.mkdtemp(prefix="scanstation-sane-"))
    from scanstation.core.resources import resource

    shipped = resource("sane")
    shutil.copy(shipped / "dll.conf", folder / "dll.conf")
    conf = (shipped / "test.conf").read_text(encoding="utf-8")
    delayed = conf.replace("\nread-delay false\n", "\nread-delay true\n").replace(
        "\nread-delay-duration 1000\n", "\nread-delay-duration 200\n")
    assert delayed.count("read-delay true") == 1 and "read-delay-duration 200" in delayed, "test.conf changed shape"
    (folder / "test.conf").write_text(delayed, encoding="utf-8")
    atexit.register(shutil.rmtree, folder, True)
    return folder


# For every test and the subprocesses they start.
os.environ.setdefault("SCANSTATION_SANE_CONFIG", str(_tests_sane_config()))


@pytest.fixture
def permission_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Rewrite actions of resources/permissions.toml for one test (a branch giving an action to another role): a copy
    of the resources folder with the changed table, named by SCANSTATION_RESOURCES; the caches are cleared before and
    after, so every reader sees the table of the moment."""
    import tomllib

    from scanstation.core.permissions import permissions
    from scanstation.core.policy import policy_file
    from scanstation.core.resources import resources_dir

    def clear() -> None:
        policy_file.cache_clear()
        permissions.cache_clear()

    def rewrite(changes: dict[str, list[str]]) -> None:
        folder = tmp_path / "resources"
        if not folder.exists():
            shutil.copytree(resources_dir(), folder)
        table_file = folder / "permissions.toml"
        table = tomllib.loads(table_file.read_text(encoding="utf-8"))["actions"]
        table.update(changes)
        table_file.write_text("[actions]\n" + "".join(f'"{a}" = {list(r)!r}\n'.replace("'", '"')
                                                      for a, r in table.items()), encoding="utf-8")
        monkeypatch.setenv("SCANSTATION_RESOURCES", str(folder))
        clear()

    yield rewrite
    monkeypatch.delenv("SCANSTATION_RESOURCES", raising=False)
    clear()
