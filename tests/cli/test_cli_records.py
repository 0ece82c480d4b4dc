"""The Part 2 commands (CLI.md): intake, originals list --json (the contract's shape), originals return, hold add|
release, destruction plan --json, approve by a second person, execute against a real WebDAV store with the minutes."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanstation.bootstrap import App, bootstrap
from tests.builders import CLERK, PASSWORD, RECORDS, SUPERVISOR
from tests.cli.conftest import run
from tests.records.helpers import paper, uploaded_counter
from tests.sync.conftest import wsgidav_server  # noqa: F401 (a fixture)
from tests.sync.servers import PASSWORD as DAV_PASSWORD, USER as DAV_USER, DavServer


@pytest.fixture
def built(env: dict[str, str], tmp_path: Path) -> Iterator[App]:
    app = bootstrap(db_url=env["SCANSTATION_DB"], data_dir=env["SCANSTATION_DATA"],
                    config_file=env["SCANSTATION_CONFIG"], workstation="test-ws")
    app.upgrade_schema()
    yield app
    app.close()


def test_part_two_commands(env: dict[str, str], built: App, tmp_path: Path,
                           wsgidav_server: DavServer) -> None:  # noqa: F811
    counter = uploaded_counter(built, tmp_path / "scans", wsgidav_server)

    done = run(env, "intake", counter.barcode, str(paper(tmp_path / "more", "ruling", 9)), "--type",
               "COMMISSION-DISABILITY", "--secretariat-no", "77", "--registered", "۱۴۰۳/۰۱/۰۲", "--user", CLERK,
               password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["6"] and "binder b #1 position 1" in done.stderr

    listed = run(env, "originals", "list", "--binder", "b", "--json", "--user", RECORDS, password=PASSWORD)
    rows = json.loads(listed.stdout)
    assert [(r["document"], r["position"], r["registered"]) for r in rows] == [(6, 1, "1403/01/02"),
                                                                              (counter.ruling_b, 2, "1403/06/20")]
    assert {"barcode", "document", "type", "binder", "binder_number", "position", "registered", "disposition",
            "status"} <= set(rows[0]) and rows[0]["status"] == "kept"

    handed = run(env, "originals", "return", counter.barcode, "--document", str(counter.form), "--to", "رضا",
                 "--user", CLERK, password=PASSWORD)
    assert handed.returncode == 0, handed.stderr
    refused = run(env, "originals", "return", counter.barcode, "--document", str(counter.ruling_b), "--to", "رضا",
                  "--user", CLERK, password=PASSWORD)
    assert refused.returncode == 1 and "کلاسور" in refused.stderr

    held = run(env, "hold", "add", counter.barcode, "--document", str(counter.ruling_other), "--reason", "حراست",
               "--user", RECORDS, password=PASSWORD)
    assert held.returncode == 0, held.stderr
    empty = run(env, "destruction", "plan", "--json", "--user", RECORDS, password=PASSWORD)
    assert empty.returncode == 1 and "آماده امحا نیست" in empty.stderr
    run(env, "hold", "release", counter.barcode, "--document", str(counter.ruling_other), "--reason", "پایان",
        "--user", RECORDS, password=PASSWORD)
    planned = run(env, "destruction", "plan", "--json", "--user", RECORDS, password=PASSWORD)
    batch = json.loads(planned.stdout)
    assert batch["batch"] == 1 and [(i["document"], i["reason"]) for i in batch["items"]] == [
        (counter.ruling_other, "ruling")]
    assert set(batch["items"][0]) >= {"barcode", "document", "type", "reason", "remote_verified_at"}

    assert run(env, "destruction", "approve", "1", "--user", RECORDS, password=PASSWORD).returncode == 1
    assert run(env, "destruction", "approve", "1", "--user", SUPERVISOR, password=PASSWORD).returncode == 0
    minutes = tmp_path / "minutes.pdf"
    store_env = dict(env, SCANSTATION_STORE_URL=wsgidav_server.url, SCANSTATION_STORE_USER=DAV_USER,
                     SCANSTATION_STORE_PASSWORD=DAV_PASSWORD)
    executed = run(store_env, "destruction", "execute", "1", "--minutes", str(minutes), "--user", RECORDS,
                   password=PASSWORD)
    assert executed.returncode == 0, executed.stderr
    text = subprocess.run(["pdftotext", str(minutes), "-"], capture_output=True, text=True, check=True).stdout
    assert counter.barcode in text
    final = json.loads(run(env, "originals", "list", "--json", "--user", RECORDS, password=PASSWORD).stdout)
    assert {r["document"]: r["status"] for r in final}[counter.ruling_other] == "destroyed"
