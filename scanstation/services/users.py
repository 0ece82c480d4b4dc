"""Users and login: adding users, their roles, unlocking, resetting passwords, deactivating; checking passwords
and locking after repeated failures (the numbers are policy: resources/security.toml).

Only an admin manages users. The machine's console (whoever can run the command) may create the very first admin of
a database and nothing else: once an admin exists, every change to accounts carries an admin's login."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from scanstation.core.digits import to_latin, to_persian
from scanstation.core.errors import AccountLocked, AuthenticationFailed, Conflict, InvalidInput, PermissionDenied
from scanstation.core.quoting import quoted
from scanstation.core.identifiers import person_name
from scanstation.core.jalali import jalali_datetime, utcnow
from scanstation.core.policy import lockout_policy
from scanstation.core.models import User, UserRole
from scanstation.core.passwords import check_password, hash_password
from scanstation.core.roles import Role, parse_role
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import branch_by_code, user_by_code


@dataclass(frozen=True)
class LoggedIn:
    code: str
    name: str
    roles: frozenset[Role]
    branch: str | None
    branch_name: str | None = None


@dataclass(frozen=True)
class UserRow:
    """One account as the admin's users screen lists it."""

    code: str
    name: str
    roles: tuple[str, ...]
    active: bool
    locked_until: datetime | None
    branch: str | None


def user_count(uow: UnitOfWork) -> int:
    with uow.reading():
        return int(uow.session.execute(select(func.count()).select_from(User)).scalar_one())


def _active_admins(uow: UnitOfWork) -> list[str]:
    return list(uow.session.execute(
        select(User.code).join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role == Role.ADMIN.value, User.active.is_(True))).scalars())


def _require_admin(uow: UnitOfWork, first_admin: bool = False) -> None:
    """An admin's login is needed; the console may only create the first admin of a database that has none."""
    uow.require_to("users.manage")
    if not uow.actor.system:
        return
    if _active_admins(uow):
        raise PermissionDenied("این پایگاه داده مدیر سیستم دارد؛ این کار را با ورود یک مدیر انجام دهید (--user).")
    if not first_admin:
        raise PermissionDenied("نخستین کاربر باید مدیر سیستم باشد (--role admin)؛ بقیه را آن مدیر می‌سازد.")


def _parse_roles(roles: list[str]) -> list[Role]:
    parsed = sorted({parse_role(r) for r in roles})
    if not parsed:
        raise InvalidInput("دست‌کم یک نقش برای کاربر بنویسید.")
    return parsed


def _keep_an_admin(uow: UnitOfWork, code: str) -> None:
    """Refuse a change that would leave the database without an active admin (nobody could manage it then)."""
    if _active_admins(uow) == [code]:
        raise Conflict(f"«{code}» تنها مدیر فعال سیستم است؛ نخست مدیر دیگری بسازید.")


def add_user(uow: UnitOfWork, code: str, name: str, roles: list[str], password: str,
             branch_code: str | None = None) -> None:
    """Create a user; only an admin may (the console only the first admin of a database without one)."""
    with uow:
        parsed = _parse_roles(roles)
        _require_admin(uow, first_admin=Role.ADMIN in parsed)
        code = to_latin(code).strip()
        if not code or not code.isascii() or not code.replace("-", "").replace("_", "").isalnum() or len(code) > 32:
            raise InvalidInput(f"کد کاربر {quoted(code)} باید از حروف لاتین و رقم باشد.")
        name = person_name(name)
        if not name:
            raise InvalidInput("نام کاربر را بنویسید.")
        if uow.session.execute(select(User).where(User.code == code)).scalar_one_or_none():
            raise Conflict(f"کاربری با کد {quoted(code)} از پیش وجود دارد.")
        branch = branch_by_code(uow.session, branch_code) if branch_code else None
        user = User(code=code, name=name, branch=branch, password_hash=hash_password(password),
                    created_at=utcnow(), role_rows=[UserRole(role=r.value) for r in parsed])
        uow.session.add(user)
        uow.audit("user.add", f"user:{code}", name=user.name, roles=[r.value for r in parsed],
                  branch=branch.code if branch else None)
        uow.commit()


def list_users(uow: UnitOfWork) -> list[UserRow]:
    """Every account, by code (admins only: the list names people and their rights)."""
    with uow.reading():
        uow.require_to("users.manage")
        rows = uow.session.execute(select(User).order_by(User.code)).scalars().all()
        return [UserRow(u.code, u.name, tuple(sorted(u.roles)), u.active, u.locked_until,
                        u.branch.code if u.branch else None) for u in rows]


def _managed(uow: UnitOfWork, code: str) -> User:
    """The account an admin is about to change (inside the admin's unit of work)."""
    _require_admin(uow)
    return user_by_code(uow.session, to_latin(code).strip())


def set_roles(uow: UnitOfWork, code: str, roles: list[str]) -> None:
    """Replace a user's roles."""
    with uow:
        user = _managed(uow, code)
        parsed = _parse_roles(roles)
        if Role.ADMIN not in parsed:
            _keep_an_admin(uow, user.code)
        before = sorted(user.roles)
        wanted = {r.value for r in parsed}
        for row in [r for r in user.role_rows if r.role not in wanted]:
            user.role_rows.remove(row)
        user.role_rows.extend(UserRole(role=r) for r in sorted(wanted - set(before)))
        uow.audit("user.roles", f"user:{user.code}", before=before, roles=[r.value for r in parsed])
        uow.commit()


def unlock(uow: UnitOfWork, code: str) -> None:
    """Lift a lockout after wrong passwords (the person proved who they are to the admin)."""
    with uow:
        user = _managed(uow, code)
        user.failed_logins, user.locked_until = 0, None
        uow.audit("user.unlock", f"user:{user.code}")
        uow.commit()


def reset_password(uow: UnitOfWork, code: str, password: str) -> None:
    """Give a user a new password (forgotten); it also lifts a lockout."""
    with uow:
        user = _managed(uow, code)
        user.password_hash = hash_password(password)
        user.failed_logins, user.locked_until = 0, None
        uow.audit("user.password_reset", f"user:{user.code}")
        uow.commit()


def set_active(uow: UnitOfWork, code: str, active: bool) -> None:
    """Deactivate a user who left (the account and its history stay; it can no longer log in), or reactivate."""
    with uow:
        user = _managed(uow, code)
        if not active:
            _keep_an_admin(uow, user.code)
        user.active = active
        uow.audit("user.activate" if active else "user.deactivate", f"user:{user.code}")
        uow.commit()


def authenticate(uow: UnitOfWork, code: str, password: str) -> LoggedIn:
    """Check a password. Repeated wrong ones lock the account for a while (security.toml); each failure is audited."""
    rules = lockout_policy()
    with uow:
        code = to_latin(code).strip()
        user = uow.session.execute(select(User).where(User.code == code).with_for_update()).scalar_one_or_none()
        now = utcnow()
        if user is None or not user.active:
            raise AuthenticationFailed("کد کاربری یا گذرواژه درست نیست.")
        if user.locked_until is not None and user.locked_until > now:
            raise AccountLocked(
                f"حساب «{code}» به دلیل چند گذرواژه نادرست تا {jalali_datetime(user.locked_until)} قفل است."
            )
        if not check_password(user.password_hash, password):
            user.failed_logins += 1
            entity = f"user:{code}"
            if user.failed_logins >= rules.max_failures:
                user.locked_until = now + timedelta(minutes=rules.lock_minutes)
                user.failed_logins = 0
                uow.audit("user.locked", entity, minutes=rules.lock_minutes)
                uow.commit()
                raise AccountLocked(
                    f"پس از {to_persian(rules.max_failures)} گذرواژه نادرست، حساب «{code}» "
                    f"به مدت {to_persian(rules.lock_minutes)} دقیقه قفل شد."
                )
            uow.audit("user.login_failed", entity, attempt=user.failed_logins)
            uow.commit()
            left = rules.max_failures - user.failed_logins
            raise AuthenticationFailed(f"کد کاربری یا گذرواژه درست نیست ({to_persian(left)} بار دیگر تا قفل شدن حساب).")
        changed = user.failed_logins or user.locked_until
        user.failed_logins, user.locked_until = 0, None
        if changed:
            uow.audit("user.login", f"user:{code}", cleared_failures=True)
        uow.commit()
        return LoggedIn(user.code, user.name, frozenset(Role(r) for r in user.roles),
                        user.branch.code if user.branch else None, user.branch.name if user.branch else None)
