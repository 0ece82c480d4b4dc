"""A store that misbehaves, through the fault proxy in front of a real server: one that takes the connection and
never answers stops the run without using up any file's tries; Ctrl-C and SIGTERM end `sync --once` and the
service at once, putting back what was on its way; every failure says one sentence on stderr; a kept-alive
connection the server closed is sent on again for a request that may be repeated, never for a PUT."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from scanstation.core.models import UploadItem
from scanstation.services import upload
from scanstation.services.upload_worker import drain
from scanstation.sync.store import StoreNotAnswering, StoreUnavailable
from scanstation.sync.webdav import WebDavStore, file_sha256
from tests.sync.conftest import FAST, Approved, approve_dossier, electronic_step, policy_folder
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy
from tests.sync.test_sync_cli import _env, _run

HANGING = "در زمان مقرر پاسخ نداد"
QUICK = {"min_read_timeout_seconds": 1, "connect_timeout_seconds": 1}  # a hang is found within moments
QUICK_POLICY = replace(FAST, parallel_uploads=4, min_read_timeout_seconds=1, connect_timeout_seconds=1)


@pytest.fixture
def wsgidav_proxy(wsgidav_server: DavServer) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(wsgidav_server.port)
    yield fault_proxy
    fault_proxy.close()


def _rows(approved: Approved) -> list[tuple[str, str, int, str | None]]:
    with approved.app.uow(upload.SYNC_ACTOR) as uow:
        return [(i.name, i.state, i.attempts, i.claimed_by) for i in uow.session.execute(
            select(UploadItem).order_by(UploadItem.id)).scalars()]


def _until(condition: Callable[[], bool], proc: subprocess.Popen | None = None, limit: float = 120) -> None:
    """Wait for `condition` (a hang guard only, never a measured time)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        assert proc is None or proc.poll() is None, proc.communicate()
        time.sleep(0.05)


def test_a_hanging_store_stops_the_run_and_keeps_every_files_tries(approved: Approved, proxy: FaultProxy,
                                                                     dav_server: DavServer) -> None:
    app = approved.app
    store = WebDavStore(proxy.url, USER, PASSWORD, policy=QUICK_POLICY)
    proxy.hang()
    summary = drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, QUICK_POLICY, "test-ws")
    store.close()
    assert summary.stopped and HANGING in summary.stopped and summary.set_aside == 0
    # the threads that queued behind an unanswered MKCOL did not each wait for an answer of their own
    assert sum(line.startswith("MKCOL ") for line in proxy.seen) < QUICK_POLICY.store_timeouts_to_stop, proxy.seen
    assert [row[1:] for row in _rows(approved)] == [("queued", 0, None)] * 3  # no try used up, nothing held
    proxy.faults.clear()  # the store answers again: the next run sends everything
    store = WebDavStore(proxy.url, USER, PASSWORD, policy=QUICK_POLICY)
    again = drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, QUICK_POLICY, "test-ws")
    store.close()
    assert again.stopped is None and again.verified == 3
    assert electronic_step(app, approved.barcode) == 12


def test_sync_once_gives_up_on_a_hanging_store_in_one_sentence(approved: Approved, wsgidav_proxy: FaultProxy,
                                                                wsgidav_server: DavServer, tmp_path: Path) -> None:
    env = _env(approved, wsgidav_server, tmp_path)
    env.update(SCANSTATION_STORE_URL=wsgidav_proxy.url,
               SCANSTATION_RESOURCES=str(policy_folder(tmp_path / "resources", **QUICK)))
    wsgidav_proxy.hang()
    run = _run(env, "sync", "--once")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and HANGING in lines[0], run.stderr
    assert [row[1:] for row in _rows(approved)] == [("queued", 0, None)] * 3


def _hanging_run(approved: Approved, server: DavServer, hung: FaultProxy, tmp_path: Path,
                 *args: str) -> subprocess.Popen[str]:
    """`scanstation sync ARGS` against a store that hangs, with the shipped timeouts, once a request is held."""
    env = _env(approved, server, tmp_path)
    env["SCANSTATION_STORE_URL"] = hung.url
    hung.hang()
    proc = subprocess.Popen([sys.executable, "-m", "scanstation", "sync", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    _until(lambda: hung.hanging() > 0, proc)
    return proc


def test_ctrl_c_ends_sync_once_at_once_and_puts_back_what_was_on_its_way(
        approved: Approved, wsgidav_proxy: FaultProxy, wsgidav_server: DavServer, tmp_path: Path) -> None:
    proc = _hanging_run(approved, wsgidav_server, wsgidav_proxy, tmp_path, "--once")
    proc.send_signal(signal.SIGINT)
    proc.send_signal(signal.SIGINT)  # a second Ctrl-C, impatient: still no traceback
    _, err = proc.communicate(timeout=60)  # the shipped read timeout is longer: not waited out
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1 and "متوقف شد" in err
    assert [row[1:] for row in _rows(approved)] == [("queued", 0, None)] * 3


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_service_ends_at_once_on_a_signal_during_a_hang(approved: Approved, wsgidav_proxy: FaultProxy,
                                                           wsgidav_server: DavServer, tmp_path: Path,
                                                           signum: int) -> None:
    proc = _hanging_run(approved, wsgidav_server, wsgidav_proxy, tmp_path)
    proc.send_signal(signum)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert {row[1:] for row in _rows(approved)} == {("queued", 0, None)}


FAILURES: dict[str, tuple[Callable[[FaultProxy], None], str]] = {
    "500": (lambda p: p.fail(500, "PUT"), "خطای ۵۰۰"),
    "507 store full": (lambda p: p.fail(507, "PUT"), "فضای مخزن مرکزی پر است"),
    "reset mid-PUT": (lambda p: p.cut("PUT"), "قطع شد"),
    "reset mid-read-back": (lambda p: p.cut_reply("GET"), "قطع شد"),
    "read-back differs": (lambda p: p.garble("GET"), "با فایل فرستاده‌شده نمی‌خواند"),
    "PROPPATCH 500": (lambda p: p.fail(500, "PROPPATCH"), "خطای ۵۰۰"),
}


@pytest.mark.parametrize("fault", list(FAILURES))
def test_every_failure_says_one_sentence(approved: Approved, wsgidav_proxy: FaultProxy, wsgidav_server: DavServer,
                                         tmp_path: Path, fault: str) -> None:
    inject, words = FAILURES[fault]
    env = _env(approved, wsgidav_server, tmp_path)
    env["SCANSTATION_STORE_URL"] = wsgidav_proxy.url
    inject(wsgidav_proxy)
    run = _run(env, "sync", "--once")
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert len(lines) == 1 and lines[0].startswith("scanstation: ") and words in lines[0], (run.stderr,
                                                                                          wsgidav_proxy.seen)
    again = _run(env, "sync", "--once")  # the file waits out its backoff: the next run still says why
    assert again.returncode == 1 and again.stderr == run.stderr


BAD_SETTINGS: dict[str, tuple[dict[str, str], str | None, str]] = {
    "idle minutes": ({"SCANSTATION_IDLE_LOCK_MINUTES": "abc"}, None, "SCANSTATION_IDLE_LOCK_MINUTES"),
    "database URL": ({"SCANSTATION_DB": "garbage://x"}, None, "SCANSTATION_DB"),
    "config not TOML": ({}, "store_url = [unclosed\n", "config.toml"),
    "CA bundle missing": ({"SCANSTATION_STORE_CA_BUNDLE": "/nowhere/ca.pem"}, None, "SCANSTATION_STORE_CA_BUNDLE"),
    "ftp store": ({"SCANSTATION_STORE_URL": "ftp://dms.example/dav/"}, None, "SCANSTATION_STORE_URL"),
    "broken store URL": ({"SCANSTATION_STORE_URL": "ht!tp://[::1"}, None, "SCANSTATION_STORE_URL"),
    "store URL in the file, no scheme": ({"SCANSTATION_STORE_URL": ""}, 'store_url = "dms.example/dav/"\n',
                                         "config.toml"),
}


@pytest.mark.parametrize("case", list(BAD_SETTINGS))
def test_a_bad_setting_is_named_at_start_and_the_outbox_is_not_touched(approved: Approved,
                                                                         wsgidav_server: DavServer,
                                                                         tmp_path: Path, case: str) -> None:
    values, config_text, named = BAD_SETTINGS[case]
    env = _env(approved, wsgidav_server, tmp_path)
    env.update(values)
    if config_text is not None:
        config = tmp_path / "config.toml"
        config.write_text(config_text, encoding="utf-8")
        env["SCANSTATION_CONFIG"] = str(config)
    run = _run(env, "sync", "--once")
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert len(lines) == 1 and named in lines[0], run.stderr
    assert _rows(approved) == [] and not any(approved.app.outbox.glob("*"))  # nothing queued, nothing written
    assert wsgidav_server.remote_files() == []


@pytest.mark.parametrize("method", ["PROPFIND", "PROPPATCH", "GET", "MKCOL"])
def test_a_connection_the_server_closed_is_sent_on_again_for_a_repeatable_request(
        proxied_store: WebDavStore, proxy: FaultProxy, tmp_path: Path, method: str) -> None:
    source = tmp_path / "d.pdf"
    source.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 40)
    sha = file_sha256(source)
    if method != "MKCOL":
        proxied_store.ensure_collection("c")
        proxied_store.put_new("c", "d.pdf", source, sha)
    proxy.drop(method)
    if method == "MKCOL":
        proxied_store.ensure_collection("c")
    elif method == "GET":
        assert proxied_store.remote_sha256("c", "d.pdf") == sha
    elif method == "PROPPATCH":
        proxied_store.set_properties("c", "d.pdf", {"type": "X"})
    else:
        assert proxied_store.collection_properties("c", ["type"]) == {"d.pdf": {}}
    assert any(line.startswith(f"{method} ") and "closed unanswered" in line for line in proxy.seen)


def test_a_put_on_a_closed_connection_is_never_sent_again_blindly(proxied_store: WebDavStore, proxy: FaultProxy,
                                                                   tmp_path: Path) -> None:
    source = tmp_path / "d.pdf"
    source.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 40)
    proxied_store.ensure_collection("c")
    proxy.drop("PUT")
    with pytest.raises(StoreUnavailable) as err:
        proxied_store.put_new("c", "d.pdf", source, file_sha256(source))
    assert not isinstance(err.value, StoreNotAnswering)
    assert [line for line in proxy.seen if line.startswith("PUT ")] == [
        line for line in proxy.seen if line.startswith("PUT ") and "closed unanswered" in line]


def test_two_workers_racing_to_queue_the_same_dossiers_both_end_quietly(wsgidav_server: DavServer,
                                                                       tmp_path: Path) -> None:
    """Two services on one PostgreSQL start together on the same approved dossiers: each dossier is queued by one
    of them, every file goes out once, and neither reports the race as a problem."""
    from scanstation.bootstrap import bootstrap
    from tests.conftest import postgres_schema

    with postgres_schema("race") as url:
        app = bootstrap(db_url=url, data_dir=str(tmp_path / "data"), config_file=str(tmp_path / "absent.toml"),
                        workstation="test-ws")
        app.upgrade_schema()
        try:
            first = approve_dossier(app, tmp_path / "scans")
            for person in (1, 2):
                approve_dossier(app, tmp_path / f"scans{person}", person=person)
            runs = []
            for name in ("ws-a", "ws-b"):
                env = _env(first, wsgidav_server, tmp_path)
                env["SCANSTATION_WORKSTATION"] = name
                runs.append(subprocess.Popen([sys.executable, "-m", "scanstation", "sync", "--once"], env=env,
                                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
            ends = [run.communicate(timeout=300) for run in runs]
            for run, (_, err) in zip(runs, ends):
                assert run.returncode == 0 and err == "", err
            with app.uow(upload.SYNC_ACTOR) as uow:
                rows = uow.session.execute(select(UploadItem.collection, UploadItem.name, UploadItem.state)).all()
            assert len(rows) == len({(c, n) for c, n, _ in rows}) == 9 and {s for _, _, s in rows} == {"verified"}
        finally:
            app.close()

