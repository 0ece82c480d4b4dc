"""Build the application's wiring once: settings, engine, session factory, units of work.

The window and the CLI both call `bootstrap()`; nothing is built at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from scanstation.capture.temp_folders import clean_stale
from scanstation.core.db import is_initialised, make_engine, private_folder, upgrade
from scanstation.core.errors import ConfigError
from scanstation.core.settings import Settings, load_settings, origin
from scanstation.core.uow import Actor, UnitOfWork

if TYPE_CHECKING:
    from scanstation.capture.page_store import PageStore


@dataclass
class App:
    """The shared wiring handed to services, the CLI and the window."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]

    def uow(self, actor: Actor | str) -> UnitOfWork:
        """A unit of work acting as `actor` (a user code or an Actor)."""
        if isinstance(actor, str):
            actor = Actor(actor)
        return UnitOfWork(self.session_factory, actor, self.settings.workstation)

    @cached_property
    def pages(self) -> PageStore:
        """The page store of the data folder, built once on first use (numpy and PIL load only for commands that
        touch images); services that read or write page images are handed this one."""
        from scanstation.capture.page_store import PageStore

        return PageStore.of_data_folder(self.settings.data_dir)

    @cached_property
    def outbox(self) -> Path:
        """The upload outbox folder of the data folder (sync.package.outbox_dir), the one place it is derived;
        the upload services and the worker are handed this path."""
        from scanstation.sync.package import outbox_dir

        return outbox_dir(self.settings.data_dir)

    def upgrade_schema(self) -> None:
        upgrade(self.engine)

    @property
    def initialised(self) -> bool:
        return is_initialised(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def bootstrap(settings: Settings | None = None, **overrides: object) -> App:
    """Wire the application from `settings` (or load them, applying `overrides`)."""
    settings = settings or load_settings(**overrides)
    private_folder(settings.data_dir)
    clean_stale()  # PDF render folders left by an import that was killed
    try:
        engine = make_engine(settings.db_url)
    except ArgumentError:  # not a URL SQLAlchemy can read, or a kind of database it has no driver for
        raise ConfigError(f"نشانی پایگاه داده (از {origin(settings, 'db_url')}) نشانی SQLAlchemy درستی نیست؛ آن را مانند "
                          "postgresql://user@host/db یا sqlite:///path/scanstation.db بنویسید.") from None
    return App(settings, engine, sessionmaker(engine, expire_on_commit=False))
