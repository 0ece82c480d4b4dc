"""Users and login: adding users, checking passwords, locking after repeated failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from scanstation.core.digits import to_latin, to_persian
from scanstation.core.errors import AccountLocked, AuthenticationFailed, Conflict, InvalidInput
from scanstation.core.jalali import jalali_datetime, utcnow
from scanstation.core.models import User, UserRole
from scanstation.core.passwords import check_password, hash_password
from scanstation.core.roles import Role, parse_role
from scanstation.core.uow import UnitOfWork
from scanstation.services.lookup import branch_by_code

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15


@dataclass(frozen=True)
class LoggedIn:
    code: str
    name: str
    roles: frozenset[Role]
    branch: str | None
    branch_name: str | None = None


def user_count(uow: UnitOfWork) -> int:
    with uow:
        return int(uow.session.execute(select(func.count()).select_from(User)).scalar_one())


def add_user(uow: UnitOfWork, code: str, name: str, roles: list[str], password: str,
             branch_code: str | None = None) -> None:
    """Create a user; only an admin may (the first user of an empty database is allowed from the console)."""
    with uow:
        uow.require(Role.ADMIN)
        code = to_latin(code).strip()
        if not code or not code.replace("-", "").replace("_", "").isalnum():
            raise InvalidInput(f"کد کاربر «{code}» باید از حروف لاتین و رقم باشد.")
        if not name.strip():
            raise InvalidInput("نام کاربر را بنویسید.")
        parsed = sorted({parse_role(r) for r in roles})
        if not parsed:
            raise InvalidInput("دست‌کم یک نقش برای کاربر بنویسید.")
        if uow.session.execute(select(User).where(User.code == code)).scalar_one_or_none():
            raise Conflict(f"کاربری با کد «{code}» از پیش وجود دارد.")
        branch = branch_by_code(uow.session, branch_code) if branch_code else None
        user = User(code=code, name=name.strip(), branch=branch, password_hash=hash_password(password),
                    created_at=utcnow(), role_rows=[UserRole(role=r.value) for r in parsed])
        uow.session.add(user)
        uow.audit("user.add", f"user:{code}", name=user.name, roles=[r.value for r in parsed],
                  branch=branch.code if branch else None)
        uow.commit()


def authenticate(uow: UnitOfWork, code: str, password: str) -> LoggedIn:
    """Check a password. Five wrong ones lock the account for fifteen minutes; each failure is audited."""
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
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
                uow.audit("user.locked", entity, minutes=LOCK_MINUTES)
                uow.commit()
                raise AccountLocked(
                    f"پس از {to_persian(MAX_FAILED_LOGINS)} گذرواژه نادرست، حساب «{code}» "
                    f"به مدت {to_persian(LOCK_MINUTES)} دقیقه قفل شد."
                )
            uow.audit("user.login_failed", entity, attempt=user.failed_logins)
            uow.commit()
            left = MAX_FAILED_LOGINS - user.failed_logins
            raise AuthenticationFailed(f"کد کاربری یا گذرواژه درست نیست ({to_persian(left)} بار دیگر تا قفل شدن حساب).")
        changed = user.failed_logins or user.locked_until
        user.failed_logins, user.locked_until = 0, None
        if changed:
            uow.audit("user.login", f"user:{code}", cleared_failures=True)
        uow.commit()
        return LoggedIn(user.code, user.name, frozenset(Role(r) for r in user.roles),
                        user.branch.code if user.branch else None, user.branch.name if user.branch else None)
