"""An admin manages accounts (roles, unlock, reset password, deactivate), each change audited; the console only makes
the first admin; the lockout numbers come from resources/security.toml (issue 8, point 2)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.errors import AccountLocked, AuthenticationFailed, Conflict, PermissionDenied
from scanstation.core.policy import lockout_policy
from scanstation.core.models import AuditEntry
from scanstation.core.roles import Role
from scanstation.services import users
from scanstation.services.audit import verify_chain
from scanstation.services.setup import CONSOLE
from tests.builders import ADMIN, CLERK, PASSWORD, staff


def _actions(app: App) -> list[str]:
    with app.session_factory() as s:
        return [e.action for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()]


def test_console_cannot_act_once_an_admin_exists(app: App) -> None:
    staff(app)
    with pytest.raises(PermissionDenied, match="--user"):
        users.add_user(app.uow(CONSOLE), "sneaky", "نفوذی", ["supervisor"], "long-enough")
    with pytest.raises(PermissionDenied):
        users.set_roles(app.uow(CONSOLE), CLERK, ["admin"])
    with pytest.raises(PermissionDenied):
        users.set_roles(app.uow(CLERK), CLERK, ["admin"])


def test_admin_changes_roles_unlocks_resets_and_deactivates_all_audited(app: App) -> None:
    staff(app)
    users.set_roles(app.uow(ADMIN), CLERK, ["clerk", "supervisor"])
    assert users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD).roles == {Role.CLERK, Role.SUPERVISOR}
    limit = lockout_policy().max_failures
    for _ in range(limit - 1):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(app.uow(CONSOLE), CLERK, "wrong")
    with pytest.raises(AccountLocked):
        users.authenticate(app.uow(CONSOLE), CLERK, "wrong")
    users.unlock(app.uow(ADMIN), CLERK)
    assert users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD).code == CLERK
    users.reset_password(app.uow(ADMIN), CLERK, "brand-new-pass")
    with pytest.raises(AuthenticationFailed):
        users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD)
    users.set_active(app.uow(ADMIN), CLERK, False)
    with pytest.raises(AuthenticationFailed):
        users.authenticate(app.uow(CONSOLE), CLERK, "brand-new-pass")
    listed = {u.code: u for u in users.list_users(app.uow(ADMIN))}
    assert listed[CLERK].active is False and listed[CLERK].roles == ("clerk", "supervisor")
    assert {"user.roles", "user.unlock", "user.password_reset", "user.deactivate"} <= set(_actions(app))
    assert verify_chain(app.uow(CONSOLE)).ok


def test_the_last_admin_cannot_be_removed(app: App) -> None:
    staff(app)
    with pytest.raises(Conflict):
        users.set_roles(app.uow(ADMIN), ADMIN, ["clerk"])
    with pytest.raises(Conflict):
        users.set_active(app.uow(ADMIN), ADMIN, False)
    with pytest.raises(PermissionDenied):
        users.list_users(app.uow(CLERK))
