"""Several pages fixed at once with one reason, named as the clerk saw them before the first change."""

from __future__ import annotations

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput, NotFound
from scanstation.services import page_fixes, queries
from tests.builders import CLERK, add_pages, new_dossier, staff, tiny_image, walk


@pytest.fixture
def five_pages(sqlite_app: App) -> tuple[App, str]:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 4, sheets=5, slimmed=0)
    add_pages(sqlite_app, barcode, 5, flagged=(2, 4))
    return sqlite_app, barcode


def _built(app: App, barcode: str, n: int) -> str:
    """The hash tests.builders.add_pages gave page `n` (storing the same image again names the same file)."""
    return app.pages.put(tiny_image(barcode, n)).sha256


def test_one_reason_for_several_pages(five_pages: tuple[App, str]) -> None:
    app, barcode = five_pages
    done: list[int] = []
    assert page_fixes.accept_flags(app.uow(CLERK), barcode, "2,4", "اصل کم‌رنگ است", done.append) == [2, 4]
    assert page_fixes.delete_pages(app.uow(CLERK), barcode, "1,3", "پشت سفید", done.append) == [1, 3]
    assert done == [2, 4, 3, 1]  # deletions from the last back, so the numbers still to do do not move
    pages = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert [(p.seq, p.sha256) for p in pages] == [(1, _built(app, barcode, 2)), (2, _built(app, barcode, 4)),
                                                        (3, _built(app, barcode, 5))]
    assert [p.accepted_reason for p in pages] == ["اصل کم‌رنگ است", "اصل کم‌رنگ است", None]


def test_nothing_changes_when_a_page_named_is_missing_or_the_reason_is_empty(five_pages: tuple[App, str]) -> None:
    app, barcode = five_pages
    with pytest.raises(NotFound, match="۶"):
        page_fixes.delete_pages(app.uow(CLERK), barcode, "4-6", "x")
    with pytest.raises(InvalidInput):
        page_fixes.delete_pages(app.uow(CLERK), barcode, "1", "  ")
    assert len(queries.dossier_detail(app.uow(CLERK), barcode).pages) == 5
