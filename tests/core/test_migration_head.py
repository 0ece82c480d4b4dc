"""The window's start skips Alembic when the schema is at the newest migration, which it reads off the file names:
that must be the head Alembic itself finds, and a database one migration behind must still be upgraded."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from scanstation.core.db import _alembic_config, head_revision, upgrade
from tests.core.test_migration_typed_pages import at_revision, empty_engine  # noqa: F401 (the fixture)


def test_the_head_read_off_the_file_names_is_alembics(empty_engine: Engine) -> None:  # noqa: F811
    assert head_revision() == ScriptDirectory.from_config(_alembic_config(empty_engine)).get_current_head()


def test_a_database_one_migration_behind_is_upgraded(empty_engine: Engine) -> None:  # noqa: F811
    script = ScriptDirectory.from_config(_alembic_config(empty_engine))
    behind = script.get_revision(head_revision()).down_revision
    at_revision(empty_engine, str(behind))
    upgrade(empty_engine)
    with empty_engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    upgrade(empty_engine)  # at the head: nothing to do, and nothing fails
