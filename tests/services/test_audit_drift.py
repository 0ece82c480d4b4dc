"""The audit chain notices rows edited behind the program's back, and an emptied chain (issue 8, points 9-10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from scanstation.bootstrap import App
from scanstation.core.uow import Actor
from scanstation.services.audit import verify_chain
from tests.builders import ADMIN, BRANCH, CLERK, new_dossier, staff, walk

CONSOLE = Actor("system:console", system=True)


def _history(app: App) -> str:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 7)
    assert verify_chain(app.uow(CONSOLE)).ok
    return barcode


def _sql(app: App, statement: str, **params: object) -> None:
    with app.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_emptied_chain_in_a_database_with_dossiers_is_broken(app: App) -> None:
    _history(app)
    _sql(app, "delete from audit_entry")
    _sql(app, "delete from audit_head")
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok and "خالی" in (report.problem or "")


def test_emptied_chain_with_users_only_is_broken(app: App) -> None:
    staff(app)
    _sql(app, "delete from audit_entry")
    _sql(app, "delete from audit_head")
    assert not verify_chain(app.uow(CONSOLE)).ok


def test_a_new_database_with_nothing_is_intact(app: App) -> None:
    assert verify_chain(app.uow(CONSOLE)).ok


@pytest.mark.parametrize("statement,named", [
    ("update dossier set sheets_counted = 99 where barcode = :b", "برگ شماری پرونده"),
    ("update step_record set actor = 'someone' where step = 2 and dossier_id = "
     "(select id from dossier where barcode = :b)", "مراحل ثبت‌شده پرونده"),
    ("update page set sha256 = 'ff' || substr(sha256, 3) where seq = 1 and dossier_id = "
     "(select id from dossier where barcode = :b)", "صفحه‌های فعال پرونده"),
    ("update dossier set national_id = '0499370899' where barcode = :b", "مشخصات پرونده"),
])
def test_dossier_rows_edited_with_raw_sql_are_named(app: App, statement: str, named: str) -> None:
    barcode = _history(app)
    _sql(app, statement, b=barcode)
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok and report.drift == (f"{named} {barcode} پس از آخرین ثبت تغییر کرده است.",)


def test_user_roles_active_flag_and_password_edited_with_raw_sql_are_named(app: App) -> None:
    _history(app)
    _sql(app, "insert into user_role (user_id, role) select id, 'admin' from user_account where code = :c", c=CLERK)
    _sql(app, "update user_account set password_hash = 'x' where code = :c", c=ADMIN)
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok
    assert set(report.drift) == {f"نقش‌های کاربر {CLERK} پس از آخرین ثبت تغییر کرده است.",
                                 f"گذرواژه کاربر {ADMIN} پس از آخرین ثبت تغییر کرده است."}


def test_a_dossier_inserted_behind_the_programs_back_is_named(app: App) -> None:
    barcode = _history(app)
    _sql(app, "insert into dossier (branch_id, barcode, insured_number, national_id, name, shelf, out_of_turn, step, "
              "physical_step, electronic_step, created_at) select branch_id, 'SS-0012-1403-000999-X', insured_number, "
              "national_id, name, shelf, out_of_turn, 1, 0, 0, created_at from dossier where barcode = :b", b=barcode)
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok and "SS-0012-1403-000999-X" in (report.problem or "")


def test_audit_verify_command_exits_1_naming_the_change(sqlite_app: App, tmp_path: Path) -> None:
    barcode = _history(sqlite_app)
    _sql(sqlite_app, "update dossier set sheets_counted = 99 where barcode = :b", b=barcode)
    env = dict(os.environ, SCANSTATION_DB=sqlite_app.settings.db_url, SCANSTATION_DATA=str(sqlite_app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_BRANCH=BRANCH)
    r = subprocess.run([sys.executable, "-m", "scanstation", "audit", "verify"], env=env, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 1 and f"برگ شماری پرونده {barcode}" in r.stderr


def test_a_dossier_deleted_behind_the_programs_back_is_named(app: App) -> None:
    barcode = _history(app)
    _sql(app, "delete from step_record where dossier_id = (select id from dossier where barcode = :b)", b=barcode)
    _sql(app, "delete from dossier where barcode = :b", b=barcode)
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok and report.drift == (f"پرونده {barcode} پس از آخرین ثبت در زنجیره از پایگاه داده حذف شده است.",)
