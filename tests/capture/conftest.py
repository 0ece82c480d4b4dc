"""Capture fixtures: a staffed application with a dossier prepared (step 4) and ready to scan."""

from __future__ import annotations

import pytest

from scanstation.bootstrap import App
from tests.builders import new_dossier, staff, walk


def _prepared(app: App) -> tuple[App, str]:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    return app, barcode


@pytest.fixture
def ready(sqlite_app: App) -> tuple[App, str]:
    return _prepared(sqlite_app)


@pytest.fixture
def ready_anywhere(app: App) -> tuple[App, str]:
    """The same, once on SQLite and once on PostgreSQL."""
    return _prepared(app)
