"""Unit of work: one session, one acting user, one commit that carries its audit entries with it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from scanstation.core import audit_chain, audit_state
from scanstation.core.db import read_only_options
from scanstation.core.pages import remember_facts
from scanstation.core.errors import PermissionDenied
from scanstation.core.models import User
from scanstation.core.permissions import roles_for
from scanstation.core.roles import ROLE_TITLES, Role


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user's code, or a system actor such as the sync worker or local console."""

    code: str
    system: bool = False


SYSTEM_ROLES: dict[str, frozenset[Role]] = {
    "system:sync": frozenset({Role.SYNC}),
    "system:reader": frozenset({Role.SYNC}),  # the background reading of page text (services/page_reading.py)
    "system:console": frozenset(Role),
}
NOT_YOURS = "این کار فقط از {roles} برمی‌آید؛ نقش شما اجازه آن را نمی‌دهد."
NO_ONE = "این کار در جدول دسترسی‌ها (permissions.toml) به هیچ نقشی داده نشده است؛ از مدیر سیستم شعبه بخواهید آن را تنظیم کند."
SYSTEM_NAMES = {"system:sync": "سرویس بارگذاری", "system:console": "کنسول دستگاه"}  # as a performer is shown


@dataclass
class UnitOfWork:
    """`with uow:` opens a session; nothing is saved without `commit()`; leaving the block rolls back.

    Services call `require_to(action)` first, `audit(...)` for each change, then `commit()`, so the change and
    its audit entries land or fail together. A use case that only reads says so with `with uow.reading():`, so it
    holds no lock a writer waits on (a screen's read never stalls behind, or in front of, another workstation).
    """

    session_factory: sessionmaker[Session]
    actor: Actor
    workstation: str
    session: Session = field(init=False)
    _pending: list[audit_chain.NewEntry] = field(init=False, default_factory=list)
    _user: User | None = field(init=False, default=None)
    _reading: dict[str, object] | None = field(init=False, default=None)

    def reading(self, snapshot: bool = False) -> UnitOfWork:
        """This unit of work only reads: on SQLite it begins deferred (no write lock), on PostgreSQL READ ONLY.
        `snapshot`: every statement sees the database as of the first (a check comparing tables with each other).
        Use as `with uow.reading():`; it cannot commit."""
        dialect = self.session_factory.kw["bind"].dialect.name
        self._reading = read_only_options(dialect, snapshot)
        return self

    def __enter__(self) -> UnitOfWork:
        self.session = self.session_factory(execution_options=self._reading or {})
        if self._reading is not None:
            remember_facts(self.session)  # nothing changes under a reader: the checks share one read of the pages
        self._pending = []
        self._user = None
        return self

    def __exit__(self, *exc: object) -> None:
        self.session.rollback()
        self.session.close()
        self._reading = None

    @property
    def user(self) -> User | None:
        """The acting user's row (None for system actors)."""
        if self._user is None and not self.actor.system:
            self._user = self.session.execute(select(User).where(User.code == self.actor.code)).scalar_one_or_none()
        return self._user

    def roles(self) -> frozenset[Role]:
        if self.actor.system:
            return SYSTEM_ROLES.get(self.actor.code, frozenset())
        user = self.user
        if user is None or not user.active:
            return frozenset()
        return frozenset(Role(r) for r in user.roles)

    def may(self, *actions: str) -> bool:
        """Whether the actor may do at least one of `actions` (resources/permissions.toml)."""
        return bool(self.roles() & roles_for(*actions))

    def require_to(self, *actions: str) -> None:
        """Refuse unless the actor may do one of `actions` by the permissions table (roles read fresh from the
        database, so a role taken away this minute counts)."""
        allowed = roles_for(*actions)
        if self.roles() & allowed:
            return
        if not self.actor.system and self.user is None:
            raise PermissionDenied(f"کاربر «{self.actor.code}» وجود ندارد یا غیرفعال است.")
        if not allowed:
            raise PermissionDenied(NO_ONE)
        names = " یا ".join(ROLE_TITLES[r] for r in Role if r in allowed)
        raise PermissionDenied(NOT_YOURS.format(roles=names))

    def acting_role(self, action: str) -> Role:
        """The role in which the actor does `action` (recorded with a decision): the first, in the roles' order, of
        theirs that the table allows; refused like require_to when none is."""
        self.require_to(action)
        allowed = self.roles() & roles_for(action)
        return next(r for r in Role if r in allowed)

    def audit(self, action: str, entity: str, **details: Any) -> None:
        """Queue one audit entry; it is written in the same transaction at `commit()`."""
        self._pending.append(audit_chain.NewEntry(action, entity, details))

    def commit(self) -> None:
        """Write the queued audit entries, each carrying the state its entity is left in, then commit.

        The state is read after a flush, so it is what this transaction leaves behind, not what it found."""
        if self._reading is not None:
            raise RuntimeError("a unit of work opened with reading() only reads: it has nothing to commit")
        if self._pending:
            self.session.flush()
            states: dict[str, dict[str, Any] | None] = {}
            for entry in self._pending:
                if entry.entity not in states:
                    states[entry.entity] = audit_state.state_of(self.session, entry.entity)
            entries = [entry if states[entry.entity] is None
                       else replace(entry, details={**entry.details, "after": states[entry.entity]})
                       for entry in self._pending]
            audit_chain.append(self.session, workstation=self.workstation, actor=self.actor.code, entries=entries)
        self._pending = []
        self.session.commit()

    def add_all(self, rows: Iterable[object]) -> None:
        self.session.add_all(rows)
