"""Report 5 names the next destruction batch by the records package's own rule: what is due, why, and when."""

from __future__ import annotations

from pathlib import Path

from scanstation.bootstrap import App
from scanstation.reports.upload_records import upload_records
from tests.records.helpers import uploaded_counter
from tests.sync.conftest import wsgidav_server  # noqa: F401 (a fixture)
from tests.sync.servers import DavServer


def test_the_upload_report_shows_the_next_destruction_batch(sqlite_app: App, tmp_path: Path,
                                                            wsgidav_server: DavServer) -> None:  # noqa: F811
    app = sqlite_app
    with app.session_factory() as session:
        empty = upload_records(session).sections[-1]
    assert [(r["reason"], r["items"]) for r in empty.rows] == [("ruling", 0), ("uncollected", 0)]
    uploaded_counter(app, tmp_path / "scans", wsgidav_server)
    with app.session_factory() as session:
        batch = upload_records(session).sections[-1]
    assert [(r["reason"], r["items"]) for r in batch.rows] == [("ruling", 1), ("uncollected", 0)]
    assert all(r["due_now"] for r in batch.rows) and "موعد رسیده است" in batch.title


def test_service_time_by_document_type_by_hand(app: App, tmp_path: Path,
                                               wsgidav_server: DavServer) -> None:  # noqa: F811
    """Each document verified in the store counts from its intake (or its dossier's creation) to that verification;
    the times are set to known minutes after the flow, then compared with a hand count per type (SQLite and
    PostgreSQL)."""
    from datetime import timedelta

    from sqlalchemy import select

    from scanstation.core.models import Document, Dossier, Intake, Original, UploadItem
    from scanstation.reports.period import Period
    from scanstation.reports.service_time import service_time

    counter = uploaded_counter(app, tmp_path / "scans", wsgidav_server)
    minutes = {counter.ruling_b: 30, counter.ruling_other: 90, counter.form: 60, counter.letter: 45}
    with app.session_factory() as session:
        for number, after in minutes.items():
            doc = session.execute(select(Document).where(Document.number == number)).scalar_one()
            taken = session.execute(select(Intake.at).join(Original, Original.intake_id == Intake.id)
                                    .where(Original.document_id == doc.id)).scalar_one()
            for item in session.execute(select(UploadItem).where(UploadItem.document_id == doc.id)).scalars():
                item.remote_verified_at = taken + timedelta(minutes=after)
        filed = session.execute(select(Document).where(Document.number == 1)).scalar_one()  # the paper file's
        created = session.get(Dossier, filed.dossier_id).created_at
        for item in session.execute(select(UploadItem).where(UploadItem.document_id == filed.id)).scalars():
            item.remote_verified_at = created + timedelta(minutes=600)
        session.commit()
        rows = service_time(session, Period.parse(None, None), by="type").to_json()
    found = {(r["type"], r["step"]): (r["count"], r["mean_minutes"]) for r in rows}
    assert found == {("COMMISSION-DISABILITY", "intake"): (1, 30.0), ("COMMISSION-OTHER", "intake"): (1, 90.0),
                     ("FORM", "intake"): (1, 60.0), ("CORRESPONDENCE", "intake"): (1, 45.0),
                     ("EMPLOYMENT", "document"): (1, 600.0)}
    assert {r["type_name"] for r in rows} >= {"فرم‌های تکمیل‌شده"}
