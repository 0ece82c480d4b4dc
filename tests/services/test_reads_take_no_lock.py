"""Reads take no write lock (issue 21.4): a screen's read never waits for another workstation's write, and the long
`audit verify` reads one snapshot while the branch goes on reading and writing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from scanstation.bootstrap import App, bootstrap
from scanstation.core.models import Dossier
from scanstation.core.uow import Actor
from scanstation.services import actions, queries
from scanstation.services.audit import verify_chain
from scanstation.services.work_queue import work_queue
from tests.builders import CLERK, new_dossier, staff, walk

CONSOLE = Actor("system:console", system=True)


def _workstation(app: App, tmp_path: Path) -> App:
    """A second workstation on the same database (its own engine and connections)."""
    return bootstrap(db_url=app.settings.db_url, data_dir=str(app.settings.data_dir),
                     config_file=str(tmp_path / "absent.toml"), workstation="ws-2")


def test_screens_read_while_another_workstation_holds_a_write(app: App, tmp_path: Path) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    other = _workstation(app, tmp_path)
    try:
        with app.uow(CLERK) as writer:  # a use case half-way through its transaction: it holds the write lock
            writer.session.execute(select(Dossier).where(Dossier.barcode == barcode).with_for_update()).scalar_one()
            queue = work_queue(other.uow(CLERK)).rows
            detail = queries.dossier_detail(other.uow(CLERK), barcode)
            allowed = actions.allowed_actions(other.uow(CLERK), barcode)
        assert [row.barcode for row in queue] == [barcode]
        assert detail.barcode == barcode and allowed["scan"].allowed
    finally:
        other.close()


def test_the_branch_reads_and_writes_while_audit_verify_runs(app: App, tmp_path: Path) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    other = _workstation(app, tmp_path)
    meanwhile: list[object] = []

    def at_work(checked: int) -> None:
        """Another workstation, called while the check is under way (after each of its batches)."""
        if meanwhile:
            return
        meanwhile.append([row.barcode for row in work_queue(other.uow(CLERK)).rows])
        meanwhile.append(queries.dossier_detail(other.uow(CLERK), barcode).state)
        meanwhile.append(new_dossier(other, 1))  # a write commits, with its audit entry, before the check ends

    try:
        report = verify_chain(app.uow(CONSOLE), progress=at_work)
        assert meanwhile[:2] == [[barcode], "prepared"]
        # the check read one snapshot: the dossier added meanwhile (and its entry past the head it saw) is no drift
        assert report.ok, report.problem
        after = verify_chain(app.uow(CONSOLE))
        assert after.ok and after.checked > report.checked
    finally:
        other.close()
