"""No back door (issue 8, points 1-2): demo accounts never reach a real database, and once a database has an admin
every account change carries an admin's login."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run

ROOT = Path(__file__).resolve().parents[2]


def _real_database(env: dict[str, str]) -> None:
    assert run(env, "init", "--branch", "0099").returncode == 0
    r = run(env, "user", "add", "boss", "--name", "مدیر واقعی", "--role", "admin", "--password-stdin",
            stdin="boss-secret\n")
    assert r.returncode == 0, r.stderr


def _user_codes(env: dict[str, str]) -> set[str]:
    r = run(env, "user", "list", "--json", "--user", "boss", password="boss-secret")
    assert r.returncode == 0, r.stderr
    return {u["code"] for u in json.loads(r.stdout)}


def test_demo_data_is_refused_in_a_real_database(env: dict[str, str]) -> None:
    _real_database(env)
    r = run(env, "init", "--demo")
    assert r.returncode == 1 and "داده نمونه" in r.stderr and "Traceback" not in r.stderr
    assert _user_codes(env) == {"boss"}


def test_the_launch_command_never_adds_demo_users_to_a_real_database(env: dict[str, str]) -> None:
    _real_database(env)
    r = run(env, "init", "--demo-if-new")
    assert r.returncode == 0 and "no demo data" in r.stdout
    assert _user_codes(env) == {"boss"}
    run_sh = (ROOT / "installer" / "run.sh").read_text()
    assert "init --demo-if-new" in run_sh and "init --demo\n" not in run_sh


def test_a_new_database_gets_the_demo_and_stays_a_demo(env: dict[str, str]) -> None:
    first = run(env, "init", "--demo-if-new")
    assert first.returncode == 0 and "admin1-pass" in first.stdout
    again = run(env, "init", "--demo")
    assert again.returncode == 0 and "admin1-pass" in again.stdout


def test_user_add_needs_an_admin_once_there_is_one(env: dict[str, str]) -> None:
    _real_database(env)
    sneaky = run(env, "user", "add", "sneaky", "--name", "نفوذی", "--role", "supervisor", "--password-stdin",
                 stdin="sneaky-pass\n")
    assert sneaky.returncode == 1 and "--user" in sneaky.stderr
    assert run(env, "user", "add", "c1", "--name", "کاربر", "--role", "clerk", "--password-stdin", "--user", "boss",
               stdin="clerk-pass\n", password="boss-secret").returncode == 0
    as_clerk = run(env, "user", "add", "s2", "--name", "ناظر", "--role", "supervisor", "--password-stdin",
                   "--user", "c1", stdin="super-pass\n", password="clerk-pass")
    assert as_clerk.returncode == 1
    promote = run(env, "user", "roles", "c1", "--role", "supervisor", "--user", "c1", password="clerk-pass")
    assert promote.returncode == 1
    assert _user_codes(env) == {"boss", "c1"}
    assert run(env, "user", "roles", "c1", "--role", "clerk", "--role", "supervisor", "--user", "boss",
               password="boss-secret").returncode == 0


def test_the_first_user_of_a_database_must_be_an_admin(env: dict[str, str]) -> None:
    assert run(env, "init", "--branch", "0099").returncode == 0
    r = run(env, "user", "add", "c1", "--name", "کاربر", "--role", "clerk", "--password-stdin", stdin="clerk-pass\n")
    assert r.returncode == 1 and "مدیر" in r.stderr
