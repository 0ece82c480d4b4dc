"""Capture fixtures: a staffed application with a dossier prepared (step 4) and ready to scan."""

from __future__ import annotations

import pytest

from scanstation.bootstrap import App
from tests.builders import new_dossier, staff, walk


@pytest.fixture
def ready(sqlite_app: App) -> tuple[App, str]:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 4)
    return sqlite_app, barcode
