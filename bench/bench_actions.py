"""What a dossier screen pays to ask services.actions what the user may do (every load of the dossier, capture and
classification screens asks it beside dossier_detail), on a 500-page dossier with open flags at step 5."""

from __future__ import annotations

import time

from _common import ready_app, report

from scanstation.services import actions, capture_steps, queries
from tests.builders import CLERK, add_pages, new_dossier, walk

PAGES, RUNS = 500, 30


def main() -> None:
    app, _, _ = ready_app()
    barcode = new_dossier(app, 1)
    walk(app, barcode, 4, sheets=PAGES, slimmed=0)
    add_pages(app, barcode, PAGES, flagged=tuple(range(1, PAGES, 7)))
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    for name, ask in (("dossier_detail (500 pages)", lambda: queries.dossier_detail(app.uow(CLERK), barcode)),
                      ("allowed_actions (500 pages)", lambda: actions.allowed_actions(app.uow(CLERK), barcode))):
        ask()
        samples = []
        for _ in range(RUNS):
            start = time.perf_counter()
            ask()
            samples.append((time.perf_counter() - start) * 1000)
        report(name, samples, goal_ms=50)
    app.close()


if __name__ == "__main__":
    main()
