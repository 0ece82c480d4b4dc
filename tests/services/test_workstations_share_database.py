"""Several workstations on one database: barcodes stay unique and the audit chain stays one chain."""

from __future__ import annotations

import multiprocessing

from scanstation.bootstrap import App, bootstrap
from scanstation.core.uow import Actor
from scanstation.services import dossiers
from scanstation.services.audit import verify_chain
from tests.builders import BRANCH, CLERK, national_id_for, staff

PER_WORKSTATION = 8


def _workstation(db_url: str, data_dir: str, index: int) -> list[str]:
    app = bootstrap(db_url=db_url, data_dir=data_dir, workstation=f"ws-{index}")
    try:
        return [dossiers.retrieve(app.uow(CLERK), BRANCH, dossiers.NewDossier(
            f"20{index:02d}{n:06d}", national_id_for(100 + index * PER_WORKSTATION + n), f"بیمه شده {index}-{n}", "R1"))
            for n in range(PER_WORKSTATION)]
    finally:
        app.close()


def test_concurrent_workstations_get_unique_barcodes_and_one_audit_chain(app: App) -> None:
    staff(app)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.starmap(_workstation, [(app.settings.db_url, str(app.settings.data_dir), i) for i in range(4)])
    codes = [c for batch in results for c in batch]
    assert len(codes) == 4 * PER_WORKSTATION == len(set(codes))
    assert sorted(int(c.split("-")[3]) for c in codes) == list(range(1, len(codes) + 1))
    report = verify_chain(app.uow(Actor("system:console", system=True)))
    assert report.ok, report.problem
