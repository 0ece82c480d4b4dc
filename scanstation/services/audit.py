"""Checking the audit chain from the window or the CLI."""

from __future__ import annotations

from scanstation.core import audit_chain
from scanstation.core.roles import Role
from scanstation.core.uow import UnitOfWork


def verify_chain(uow: UnitOfWork) -> audit_chain.ChainReport:
    """Recompute every entry's hash in order; the report names the first entry that does not hold."""
    with uow:
        uow.require(Role.SUPERVISOR, Role.ADMIN)
        return audit_chain.verify(uow.session)
