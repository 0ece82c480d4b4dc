"""What recording the state an audit entry leaves behind costs per commit, as a dossier grows: the digest of a
dossier's record, counts, steps and active pages is read after the flush of every change (one per captured page).
Also the whole `audit verify` (chain plus comparison with every dossier's and user's rows)."""

from __future__ import annotations

import time

from _common import ready_app, report

from scanstation.bootstrap import App
from scanstation.core import audit_state
from scanstation.core.uow import Actor
from scanstation.services.audit import verify_chain

GOAL_MS = 20.0  # a 300-dpi page takes a few hundred ms through the pipeline; the state must stay a small part


def main() -> None:
    app, barcode, _ = ready_app()
    have = 0
    for pages in (100, 500, 1000):
        _page_rows(app, barcode, have, pages)
        have = pages
        samples = []
        for _ in range(15):
            with app.session_factory() as session:
                start = time.perf_counter()
                audit_state.state_of(session, f"dossier:{barcode}")
                samples.append((time.perf_counter() - start) * 1000)
        report(f"dossier state, {pages} pages", samples, GOAL_MS)
    start = time.perf_counter()
    ok = verify_chain(app.uow(Actor("system:console", system=True))).ok
    print(f"audit verify (chain + drift), 1 dossier of 1000 pages: {(time.perf_counter() - start) * 1000:.0f} ms "
          f"(reports drift: {not ok}, as the rows were added without audit entries)")
    app.close()


def _page_rows(app: App, barcode: str, have: int, want: int) -> None:
    """Page rows seq have+1..want, written straight to the table (the state is what is measured, not capture)."""
    import hashlib
    from types import SimpleNamespace

    from scanstation.core.models import Page
    from scanstation.services.lookup import dossier_by_barcode

    with app.uow("clerk1") as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        for i in range(have + 1, want + 1):
            facts = SimpleNamespace(sha256=hashlib.sha256(f"{barcode}-{i}".encode()).hexdigest(), width=2480,
                                    height=3508, mode="L")
            uow.session.add(Page.captured(dossier_id=dossier.id, batch_id=None, seq=i, sheet=i, side="front",
                                          image=facts, dpi=300, origin=None, qc_reasons=[], qc_metrics={},
                                          barcodes=[], actor="clerk1"))
        uow.commit()


if __name__ == "__main__":
    main()
