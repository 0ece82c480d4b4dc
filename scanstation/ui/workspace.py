"""What every screen of a logged-in window shares: the wiring, the job runner, who is working and where."""

from __future__ import annotations

from dataclasses import dataclass

from scanstation.bootstrap import App
from scanstation.core.uow import UnitOfWork
from scanstation.services.users import LoggedIn
from scanstation.ui.operations import Runner


@dataclass
class Workspace:
    """Handed to each screen; `user` changes when someone else unlocks the window."""

    app: App
    runner: Runner
    user: LoggedIn
    branch: str | None

    def uow(self) -> UnitOfWork:
        """A unit of work acting as the logged-in user; the services check the roles."""
        return self.app.uow(self.user.code)
