"""The headless forms of two capture-bench rules: `dossier new --allow-second REASON` and
`page delete --blank-backs`."""

from __future__ import annotations

import json
from pathlib import Path

from scanstation.bootstrap import App
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, staff, walk
from tests.cli.conftest import run

PERSON = ["--insured-number", "1000234567", "--national-id", "0012345679", "--name", "علی محمدی", "--shelf", "R3"]


def test_second_dossier_and_blank_backs(sqlite_app: App, env: dict[str, str], tmp_path: Path) -> None:
    staff(sqlite_app)
    first = run(env, "dossier", "new", *PERSON, "--user", CLERK, password=PASSWORD)
    assert first.returncode == 0, first.stderr
    barcode = first.stdout.strip()
    again = run(env, "dossier", "new", *PERSON, "--user", CLERK, password=PASSWORD)
    assert again.returncode == 1 and barcode in again.stderr and again.stderr.count("\n") == 1
    second = run(env, "dossier", "new", *PERSON, "--allow-second", "پرونده بازماندگان", "--user", CLERK,
                 password=PASSWORD)
    assert second.returncode == 0, second.stderr

    walk(sqlite_app, barcode, 4, sheets=2, slimmed=0)
    sides = [im.text_page(1), im.blank_page(), im.text_page(2), im.blank_page()]
    files = [str(im.save(page, tmp_path / f"s{i}.png")) for i, page in enumerate(sides, 1)]
    assert run(env, "import", "--dossier", barcode, *files, "--duplex", "--user", CLERK,
               password=PASSWORD).returncode == 0
    dropped = run(env, "page", "delete", barcode, "--blank-backs", "--reason", "پشت سفید", "--user", CLERK,
                  password=PASSWORD)
    assert dropped.returncode == 0, dropped.stderr
    shown = json.loads(run(env, "dossier", "show", barcode, "--json", "--user", CLERK, password=PASSWORD).stdout)
    assert len(shown["pages"]) == 2
    none_left = run(env, "page", "delete", barcode, "--blank-backs", "--reason", "پشت سفید", "--user", CLERK,
                    password=PASSWORD)
    assert none_left.returncode == 1 and "پشت سفیدی" in none_left.stderr
