"""The headless contract of CLI.md, run as a real process: exit codes, stderr sentences, JSON shapes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.conftest import run

def test_version_and_usage_errors(env: dict[str, str]) -> None:
    assert run(env, "--version").stdout.startswith("scanstation ")
    assert run(env, "dossier", "count").returncode == 2
    assert run(env, "no-such-command").returncode == 2


def test_a_pdf_that_cannot_be_written_is_one_sentence(env: dict[str, str], tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    r = run(env, "document", "separator-sheets", "--pdf", str(not_a_folder / "sheets.pdf"))
    assert r.returncode == 1 and "نوشته نشد" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_commands_before_init_say_so(env: dict[str, str]) -> None:
    r = run(env, "dossier", "show", "SS-0012-1403-000417-K", "--json", "--user", "c1", password="secret-1")
    assert r.returncode == 1 and "scanstation init" in r.stderr


def test_full_paper_walk_and_show_json(env: dict[str, str]) -> None:
    assert run(env, "init", "--branch", "0012", "--branch-name", "شعبه ۱۲").returncode == 0
    r = run(env, "user", "add", "a1", "--name", "مدیر", "--role", "admin", "--password-stdin", stdin="secret-0\n")
    assert r.returncode == 0, r.stderr  # the first admin needs no login; everyone after is added by an admin
    r = run(env, "user", "add", "c1", "--name", "کاربر", "--role", "clerk", "--password-stdin", "--user", "a1",
            stdin="secret-1\n", password="secret-0")
    assert r.returncode == 0, r.stderr
    assert run(env, "user", "add", "s1", "--name", "ناظر", "--role", "supervisor", "--role", "clerk",
               "--password-stdin", "--user", "a1", stdin="secret-2\n", password="secret-0").returncode == 0
    r = run(env, "dossier", "new", "--insured-number", "۱۰۰۰۲۳۴۵۶۷", "--national-id", "۰۰۱۲۳۴۵۶۷۹", "--name", "علی",
            "--shelf", "R1", "--user", "c1", password="secret-1")
    assert r.returncode == 0, r.stderr
    barcode = r.stdout.strip()
    assert barcode.startswith("SS-0012-") and "\n" not in barcode
    bad = run(env, "dossier", "count", barcode, "--sheets", "12", "--user", "c1", password="wrong")
    assert bad.returncode == 1 and "گذرواژه" in bad.stderr
    assert run(env, "dossier", "count", barcode, "--sheets", "۱۲", "--user", "c1", password="secret-1").returncode == 0
    out_of_order = run(env, "dossier", "recount", barcode, "--sheets", "12", "--user", "c1", password="secret-1")
    assert out_of_order.returncode == 1 and out_of_order.stderr.count("\n") == 1
    assert run(env, "dossier", "show", barcode, "--json").returncode == 2  # personal data: no read without a login
    refused = run(env, "dossier", "show", barcode, "--json", "--user", "c1", password="wrong")
    assert refused.returncode == 1 and refused.stdout == "" and "گذرواژه" in refused.stderr
    shown = run(env, "dossier", "show", barcode, "--json", "--user", "c1", password="secret-1")
    data = json.loads(shown.stdout)
    for key in ("barcode", "insured_number", "national_id", "state", "steps", "sheets_counted", "sheets_recounted",
                "pages", "documents"):
        assert key in data
    assert data["insured_number"] == "1000234567" and data["national_id"] == "0012345679"
    assert data["sheets_counted"] == 12 and data["state"] == "counted"
    assert [(s["step"], s["user"]) for s in data["steps"]] == [(1, "c1"), (2, "c1")]
    assert all(s["at"].endswith("Z") for s in data["steps"])


def test_invalid_national_id_one_sentence_exit_1(env: dict[str, str]) -> None:
    run(env, "init", "--demo")
    r = run(env, "dossier", "new", "--insured-number", "1000234567", "--national-id", "0012345678", "--name", "x",
            "--shelf", "R", "--user", "clerk1", password="clerk1-pass")
    assert r.returncode == 1 and "کد ملی" in r.stderr and r.stderr.count("\n") == 1 and r.stdout == ""


def test_init_demo_is_idempotent_and_prints_logins(env: dict[str, str]) -> None:
    first = run(env, "init", "--demo")
    assert first.returncode == 0 and "clerk1" in first.stdout and "super1" in first.stdout
    assert run(env, "init", "--demo").returncode == 0
    db = env["SCANSTATION_DB"].split("///", 1)[1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from dossier").fetchone()[0] == 5
        assert conn.execute("select count(*) from dossier where out_of_turn").fetchone()[0] == 1


def test_audit_verify_passes_then_names_the_altered_entry(env: dict[str, str]) -> None:
    run(env, "init", "--demo")
    ok = run(env, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert run(env, "audit", "verify", "--user", "super1", password="super1-pass").returncode == 0
    clerk = run(env, "audit", "verify", "--user", "clerk1", password="clerk1-pass")
    assert clerk.returncode == 1 and "ناظر" in clerk.stderr and clerk.stdout == ""
    db = env["SCANSTATION_DB"].split("///", 1)[1]
    with sqlite3.connect(db) as conn:
        conn.execute("update audit_entry set details = '{\"sheets\":1}' where seq = 12")
    bad = run(env, "audit", "verify")
    assert bad.returncode == 1 and "#12" in bad.stderr
