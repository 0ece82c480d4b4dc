"""The outbox end to end against real servers: package, queue, send, read back, steps 11-12, tracking codes,
failures that lose nothing, a person's retry, and a file altered in the store found by the next check."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from scanstation.core.digits import to_persian
from scanstation.core.errors import Conflict
from scanstation.core.models import AuditEntry, UploadItem
from scanstation.core.pages import active_page
from scanstation.services import outbox_status, queries, upload
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.read_models import UploadView
from scanstation.services.audit import verify_chain
from scanstation.services.upload_worker import check_store, drain
from scanstation.sync.tracking import spaced
from scanstation.sync.webdav import WebDavStore
from scanstation.core.uow import Actor
from scanstation.services.work_queue import work_queue
from tests.builders import CLERK, SUPERVISOR
from tests.sync.conftest import FAST, Approved, approve_dossier, electronic_step, steps_done
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy

EXPECTED = ["document-001.pdf", "document-002.pdf", "manifest-0001.json"]
SLOW = FAST.__class__(**{**FAST.__dict__, "backoff_base_seconds": 3600, "backoff_max_seconds": 3600})


def _drain(approved: Approved, store: WebDavStore, policy=FAST):  # type: ignore[no-untyped-def]
    app = approved.app
    return drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, policy, "test-ws")


def _items(approved: Approved) -> list[UploadItem]:
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        items = list(uow.session.execute(select(UploadItem).order_by(UploadItem.id)).scalars())
        uow.session.expunge_all()  # plain snapshots, readable after the unit of work closes
        return items


def _remote(server: DavServer, barcode: str) -> list[str]:
    """The dossier's files as the server keeps them on disk (Apache's own .DAV property folder left out)."""
    folder = server.files / barcode
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []


def _pdf_pages(path: Path, out: Path) -> int:
    out.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(path), str(out / "p")], check=True)
    return len(list(out.glob("p-*.pgm")))


def test_happy_path_uploads_exactly_the_approved_images(approved: Approved, store: WebDavStore,
                                                         dav_server: DavServer, tmp_path: Path) -> None:
    summary = _drain(approved, store)
    assert (summary.queued, summary.verified, summary.failed, summary.problems) == (2, 3, 0, [])
    assert _remote(dav_server, approved.barcode) == EXPECTED
    folder = dav_server.files / approved.barcode
    manifest = json.loads((folder / "manifest-0001.json").read_text(encoding="utf-8"))
    page_store = approved.app.pages
    listed = [p["sha256"] for d in manifest["documents"] for p in d["pages"]]
    assert listed == approved.pages and all(page_store.verify(sha) for sha in listed)
    for doc in manifest["documents"]:
        pdf = folder / doc["file"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == doc["sha256"]
        assert _pdf_pages(pdf, tmp_path / doc["file"]) == approved.documents[doc["number"]]
        assert store.collection_properties(approved.barcode, ["type", "tracking-code"])[doc["file"]] == {
            "type": doc["type"], "tracking-code": doc["tracking_code"]}
    assert manifest["dossier"]["barcode"] == approved.barcode and manifest["format_version"] == 1
    assert manifest["documents"][0]["verifier"] == SUPERVISOR and manifest["documents"][0]["group"]
    assert len(manifest["audit_chain_head"]["hash"]) == 64
    assert electronic_step(approved.app, approved.barcode) == 12
    assert steps_done(approved.app, approved.barcode)[-2:] == [11, 12]
    items = _items(approved)
    assert [i.state for i in items] == ["verified"] * 3
    with approved.app.uow(CLERK) as uow:
        state = queries.upload_states(uow.session, items[0].dossier_id)[items[0].document_id]
    assert state == UploadView("verified", items[0].tracking_code)
    found = upload.track(approved.app.uow(CLERK), items[1].tracking_code)
    assert (found["barcode"], found["document"], found["type"]) == (approved.barcode, 2, "CORRESPONDENCE")
    assert verify_chain(approved.app.uow(Actor("system:console", system=True))).ok
    assert _drain(approved, store).verified == 0 and _remote(dav_server, approved.barcode) == EXPECTED


def test_a_watcher_hears_each_file_in_the_store_before_the_dossier_is_read_back(approved: Approved,
                                                                               store: WebDavStore) -> None:
    heard: list[tuple[str, str]] = []
    app = approved.app
    drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws",
          watch=lambda news: heard.append((news.event, news.name)))
    assert [event for event, _ in heard] == ["sending", "sent"] * 3 + ["verified"] * 3
    assert [name for event, name in heard if event == "sent"] == EXPECTED


def test_bytes_in_the_store_count_files_waiting_for_their_properties(approved: Approved,
                                                                     proxied_store: WebDavStore,
                                                                     proxy: FaultProxy) -> None:
    proxy.fail(503, "PROPFIND", times=1)
    _drain(approved, proxied_store, policy=SLOW)
    totals = outbox_status.totals(approved.app.uow(upload.SYNC_ACTOR))
    assert totals.counts == {"sent": 3} and totals.bytes_done == totals.bytes_all > 0


def test_changed_images_are_refused_before_anything_is_sent(approved: Approved, store: WebDavStore,
                                                             dav_server: DavServer) -> None:
    with approved.app.uow(CLERK) as uow:
        page = active_page(uow.session, dossier_by_barcode(uow.session, approved.barcode).id, 1)
        page.sha256 = "0" * 64  # an edit behind the program's back, after the approval
        uow.session.commit()
    with pytest.raises(Conflict):
        upload.enqueue(approved.app.uow(upload.SYNC_ACTOR), approved.barcode, approved.app.pages,
                       approved.app.outbox)
    summary = _drain(approved, store)
    assert summary.verified == 0 and len(summary.problems) == 1 and dav_server.remote_files() == []


def test_an_outbox_copy_damaged_after_queueing_leaves_nothing_in_the_store(approved: Approved, store: WebDavStore,
                                                                          dav_server: DavServer) -> None:
    upload.enqueue(approved.app.uow(upload.SYNC_ACTOR), approved.barcode, approved.app.pages, approved.app.outbox)
    first = _items(approved)[0]
    local = approved.app.outbox / first.local_file
    data = bytearray(local.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte on the workstation's disk
    local.write_bytes(bytes(data))
    # The same damaged bytes already in the store: a run killed between sending them and removing them.
    store.ensure_collection(first.collection)
    (dav_server.files / first.collection / first.name).write_bytes(bytes(data))
    summary = _drain(approved, store)
    assert (summary.verified, summary.set_aside) == (2, 1)
    assert summary.problems[0].startswith(first.tracking_code) and "پوشه صف بارگذاری" in summary.problems[0]
    assert first.name not in _remote(dav_server, approved.barcode)
    assert [i.state for i in _items(approved)] == ["needs_attention", "verified", "verified"]
    local.unlink()  # gone altogether: the same sentence, and still nothing sent
    upload.retry(approved.app.uow(SUPERVISOR), first.tracking_code)
    again = _drain(approved, store)
    assert again.set_aside == 1 and "پوشه صف بارگذاری" in again.problems[0]
    assert first.name not in _remote(dav_server, approved.barcode)


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_then_success_after_retry(approved: Approved, proxied_store: WebDavStore, proxy: FaultProxy,
                                                dav_server: DavServer, status: int) -> None:
    proxy.fail(status, "PUT", times=2)
    summary = _drain(approved, proxied_store)
    assert (summary.verified, summary.failed, summary.set_aside) == (3, 2, 0)
    first = _items(approved)[0]
    assert first.attempts == 3 and first.state == "verified" and len(first.problems) == 1
    assert _remote(dav_server, approved.barcode) == EXPECTED


def test_store_full_sets_aside_after_the_limit_then_a_person_retries(approved: Approved, proxied_store: WebDavStore,
                                                                     proxy: FaultProxy, dav_server: DavServer) -> None:
    proxy.fail(507, "PUT", times=3)
    summary = _drain(approved, proxied_store)
    assert summary.set_aside == 1 and "پر است" in summary.problems[0]
    first = _items(approved)[0]
    assert first.state == "needs_attention" and first.attempts == FAST.max_attempts
    assert _remote(dav_server, approved.barcode) == EXPECTED[1:]
    upload.retry(approved.app.uow(CLERK), first.tracking_code)
    assert _drain(approved, proxied_store).verified == 1
    assert _remote(dav_server, approved.barcode) == EXPECTED
    assert electronic_step(approved.app, approved.barcode) == 12


def test_forbidden_is_set_aside_with_its_sentence(approved: Approved, proxied_store: WebDavStore, proxy: FaultProxy,
                                                  dav_server: DavServer) -> None:
    proxy.fail(403, "PUT", times=1)
    summary = _drain(approved, proxied_store)
    assert summary.set_aside == 1 and "اجازه" in summary.problems[0]
    assert [i.state for i in _items(approved)] == ["needs_attention", "verified", "verified"]
    assert electronic_step(approved.app, approved.barcode) == 0


def test_connection_cut_mid_put_then_whole_file(approved: Approved, proxied_store: WebDavStore, proxy: FaultProxy,
                                                dav_server: DavServer) -> None:
    proxy.cut("PUT", times=2)
    summary = _drain(approved, proxied_store)
    assert (summary.verified, summary.failed) == (3, 2), proxy.seen
    assert _remote(dav_server, approved.barcode) == EXPECTED
    for item in _items(approved):
        data = (dav_server.files / approved.barcode / item.name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item.sha256


def test_wrong_password_stops_the_run_and_loses_nothing(approved: Approved, dav_server: DavServer) -> None:
    summary = _drain(approved, WebDavStore(dav_server.url, USER, "not-the-password"))
    assert summary.stopped and "گذرواژه" in summary.stopped and summary.verified == 0
    assert [(i.state, i.attempts) for i in _items(approved)] == [("queued", 0)] * 3
    assert _drain(approved, WebDavStore(dav_server.url, USER, PASSWORD)).verified == 3


def test_the_work_queue_finds_a_document_by_its_tracking_code(approved: Approved) -> None:
    """As typed from a receipt: in fours, Persian digits; whatever the step filter. A mistyped code finds nothing."""
    app = approved.app
    codes = upload.enqueue(app.uow(upload.SYNC_ACTOR), approved.barcode, app.pages, app.outbox)
    typed = to_persian(spaced(codes[1]))
    [row] = work_queue(app.uow(CLERK), search=typed, step=2).rows
    assert (row.barcode, row.tracked_document) == (approved.barcode, 2)
    mistyped = codes[1][:-1] + str((int(codes[1][-1]) + 1) % 10)
    assert work_queue(app.uow(CLERK), search=mistyped).rows == []
    [plain] = work_queue(app.uow(CLERK), search=approved.barcode).rows
    assert plain.tracked_document is None


def test_files_claimed_together_and_never_tried_go_back_with_their_try(approved: Approved,
                                                                       dav_server: DavServer) -> None:
    """A worker with several senders claims their files in one unit of work; what a stopped run never sent is
    put back as it was, its try not counted."""
    app = approved.app
    upload.enqueue(app.uow(upload.SYNC_ACTOR), approved.barcode, app.pages, app.outbox)
    claimed = upload.claim(app.uow(upload.SYNC_ACTOR), "test-ws", app.outbox, FAST, limit=3)
    assert [c.name for c in claimed] == EXPECTED
    assert upload.release(app.uow(upload.SYNC_ACTOR), "another-ws") == 0
    assert upload.release(app.uow(upload.SYNC_ACTOR), "test-ws") == 3
    assert [(i.state, i.attempts, i.claimed_by) for i in _items(approved)] == [("queued", 0, None)] * 3
    with app.uow(upload.SYNC_ACTOR) as uow:
        actions = [a for (a,) in uow.session.execute(select(AuditEntry.action).where(
            AuditEntry.action.in_(("upload.claim", "upload.released"))).order_by(AuditEntry.seq))]
    assert actions == ["upload.claim"] * 3 + ["upload.released"]
    three = FAST.__class__(**{**FAST.__dict__, "parallel_uploads": 3})
    summary = _drain(approved, WebDavStore(dav_server.url, USER, "not-the-password"), policy=three)
    assert summary.stopped and summary.verified == 0  # a wrong password uses up no file's try
    assert [(i.state, i.attempts) for i in _items(approved)] == [("queued", 0)] * 3


def test_server_restarted_between_tries(approved: Approved, dav_server: DavServer) -> None:
    dav_server.stop()
    store = WebDavStore(dav_server.url, USER, PASSWORD)
    down = _drain(approved, store)
    assert down.verified == 0 and down.failed == 1 and "در دسترس نیست" in (down.stopped or "")
    assert [(i.state, i.attempts) for i in _items(approved)] == [("queued", 0)] * 3  # offline uses up no try
    dav_server.start()
    assert _drain(approved, store).verified == 3 and _remote(dav_server, approved.barcode) == EXPECTED


def test_a_file_altered_in_the_store_is_found_and_reported(approved: Approved, store: WebDavStore,
                                                           dav_server: DavServer) -> None:
    _drain(approved, store)
    target = dav_server.files / approved.barcode / "document-002.pdf"
    target.write_bytes(target.read_bytes().replace(b"ScanStation", b"ScanStatioN"))
    app = approved.app
    checked = check_store(lambda: app.uow(upload.SYNC_ACTOR), store)
    assert checked.checked == 3 and checked.altered == [f"{approved.barcode}/document-002.pdf"]
    item = _items(approved)[1]
    assert item.state == "needs_attention" and "تغییر کرده" in item.problems[-1]
    assert "تغییر کرده" in upload.track(app.uow(CLERK), item.tracking_code)["problems"][-1]
    again = check_store(lambda: app.uow(upload.SYNC_ACTOR), store)  # the set-aside file is read again, not forgotten
    assert again.checked == 3 and again.altered == checked.altered


def test_properties_refused_keep_the_file_counted_as_sent(approved: Approved, proxied_store: WebDavStore,
                                                          proxy: FaultProxy, dav_server: DavServer) -> None:
    proxy.fail(500, "PROPPATCH", times=1)
    summary = _drain(approved, proxied_store, policy=SLOW)
    assert (summary.verified, summary.failed) == (2, 1)
    first = _items(approved)[0]
    assert first.state == "sent" and first.remote_verified_at is not None and first.indexed_at is None
    assert electronic_step(approved.app, approved.barcode) == 11
    with approved.app.uow(upload.SYNC_ACTOR) as uow:  # the backoff has passed
        uow.session.get(UploadItem, first.id).next_try_at = first.created_at
        uow.session.commit()
    before = len(proxy.seen)
    assert _drain(approved, proxied_store).verified == 1
    assert electronic_step(approved.app, approved.barcode) == 12
    retry = [seen.split()[0] for seen in proxy.seen[before:]]
    assert "PUT" not in retry and retry.count("GET") == 1, proxy.seen[before:]  # read back, not sent again


def test_the_dossiers_properties_are_read_back_in_one_request_and_a_failed_read_back_is_tried_again(
        approved: Approved, proxied_store: WebDavStore, proxy: FaultProxy) -> None:
    proxy.fail(503, "PROPFIND", times=1)
    summary = _drain(approved, proxied_store, policy=SLOW)
    assert (summary.verified, summary.failed) == (0, 3)  # every file is in the store; their read-back failed
    items = _items(approved)
    assert [(i.state, i.remote_verified_at is not None) for i in items] == [("sent", True)] * 3
    assert electronic_step(approved.app, approved.barcode) == 11
    with approved.app.uow(upload.SYNC_ACTOR) as uow:  # the backoff has passed
        for item in items:
            uow.session.get(UploadItem, item.id).next_try_at = item.created_at
        uow.session.commit()
    assert _drain(approved, proxied_store).verified == 3
    assert electronic_step(approved.app, approved.barcode) == 12
    assert sum(seen.startswith("PROPFIND ") for seen in proxy.seen) == 2, proxy.seen


def test_three_senders_at_once_on_sqlite_and_postgresql(app, wsgidav_server: DavServer, tmp_path: Path) -> None:
    """Claims never hand one file to two senders (BEGIN IMMEDIATE on SQLite, SKIP LOCKED on PostgreSQL)."""
    approved = approve_dossier(app, tmp_path / "scans", pages=6)
    store = WebDavStore(wsgidav_server.url, USER, PASSWORD)
    summary = _drain(approved, store, policy=FAST.__class__(**{**FAST.__dict__, "parallel_uploads": 3}))
    assert (summary.verified, summary.failed) == (3, 0)
    assert _remote(wsgidav_server, approved.barcode) == EXPECTED
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        claims = list(uow.session.execute(select(AuditEntry.entity).where(AuditEntry.action == "upload.claim")))
    assert len(claims) == 3 and len(set(claims)) == 3
    assert electronic_step(app, approved.barcode) == 12
    assert verify_chain(app.uow(Actor("system:console", system=True))).ok
