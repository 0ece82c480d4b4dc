"""Users, roles and login: argon2 hashes only, lockout after five wrong passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from scanstation.bootstrap import App
from scanstation.core.errors import AccountLocked, AuthenticationFailed, Conflict, InvalidInput, PermissionDenied
from scanstation.core.models import AuditEntry, User
from scanstation.core.roles import Role
from scanstation.core.uow import Actor
from scanstation.services import users
from tests.builders import ADMIN, CLERK, PASSWORD, staff

CONSOLE = Actor("system:console", system=True)


def test_roles_may_repeat_and_combine(app: App) -> None:
    staff(app)
    users.add_user(app.uow(ADMIN), "multi", "چند نقشی", ["clerk", "supervisor", "clerk"], "long-enough", "0012")
    who = users.authenticate(app.uow(CONSOLE), "multi", "long-enough")
    assert who.roles == {Role.CLERK, Role.SUPERVISOR} and who.branch == "0012"


def test_only_admins_add_users_and_codes_are_unique(app: App) -> None:
    staff(app)
    with pytest.raises(PermissionDenied):
        users.add_user(app.uow(CLERK), "x1", "x", ["clerk"], "long-enough")
    with pytest.raises(Conflict):
        users.add_user(app.uow(ADMIN), CLERK, "x", ["clerk"], "long-enough")
    with pytest.raises(InvalidInput):
        users.add_user(app.uow(ADMIN), "x2", "x", ["janitor"], "long-enough")
    with pytest.raises(InvalidInput):
        users.add_user(app.uow(ADMIN), "x3", "x", ["clerk"], "short")


def test_password_never_stored_or_audited_in_clear(app: App) -> None:
    staff(app)
    with app.session_factory() as s:
        stored = s.execute(select(User.password_hash).where(User.code == CLERK)).scalar_one()
        audit_text = " ".join(e.details for e in s.execute(select(AuditEntry)).scalars())
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PASSWORD not in audit_text


def test_five_wrong_passwords_lock_for_fifteen_minutes(app: App) -> None:
    staff(app)
    for attempt in range(4):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(app.uow(CONSOLE), CLERK, "wrong")
    with pytest.raises(AccountLocked, match="قفل"):
        users.authenticate(app.uow(CONSOLE), CLERK, "wrong")
    with pytest.raises(AccountLocked):
        users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD)  # even the right password waits
    with app.session_factory() as s:
        locked_until = s.execute(select(User.locked_until).where(User.code == CLERK)).scalar_one()
    with app.engine.begin() as conn:  # fifteen minutes pass
        conn.execute(update(User).where(User.code == CLERK).values(locked_until=locked_until - timedelta(minutes=15)))
    assert users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD).code == CLERK
    with app.session_factory() as s:
        actions = [e.action for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()]
    assert actions.count("user.login_failed") == 4 and actions.count("user.locked") == 1


def test_unknown_user_and_wrong_password_get_the_same_answer(app: App) -> None:
    staff(app)
    with pytest.raises(AuthenticationFailed) as a:
        users.authenticate(app.uow(CONSOLE), "nobody", "whatever")
    with pytest.raises(AuthenticationFailed) as b:
        users.authenticate(app.uow(CONSOLE), CLERK, "whatever")
    assert str(a.value).startswith("کد کاربری یا گذرواژه درست نیست")
    assert str(b.value).startswith("کد کاربری یا گذرواژه درست نیست")
