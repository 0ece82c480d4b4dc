"""Report 5 names the next destruction batch by the records package's own rule: what is due, why, and when."""

from __future__ import annotations

from pathlib import Path

from scanstation.bootstrap import App
from scanstation.reports.upload_records import upload_records
from scanstation.sync.webdav import WebDavStore
from tests.records.helpers import approve_and_upload, counter_intake
from tests.sync.conftest import wsgidav_server  # noqa: F401 (a fixture)
from tests.sync.servers import PASSWORD, USER, DavServer


def test_the_upload_report_shows_the_next_destruction_batch(sqlite_app: App, tmp_path: Path,
                                                            wsgidav_server: DavServer) -> None:  # noqa: F811
    app = sqlite_app
    with app.session_factory() as session:
        empty = upload_records(session).sections[-1]
    assert [(r["reason"], r["items"]) for r in empty.rows] == [("ruling", 0), ("uncollected", 0)]
    counter = counter_intake(app, tmp_path / "scans")
    store = WebDavStore(wsgidav_server.url, USER, PASSWORD)
    try:
        approve_and_upload(app, counter, store)
    finally:
        store.close()
    with app.session_factory() as session:
        batch = upload_records(session).sections[-1]
    assert [(r["reason"], r["items"]) for r in batch.rows] == [("ruling", 1), ("uncollected", 0)]
    assert all(r["due_now"] for r in batch.rows) and "موعد رسیده است" in batch.title
