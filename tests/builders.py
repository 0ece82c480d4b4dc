"""Test data builders: a branch with one user per role, and dossiers walked to a given step."""

from __future__ import annotations

import hashlib

from PIL import Image

from scanstation.bootstrap import App
from scanstation.core.models import Page
from scanstation.services import capture_steps, classification, dossiers, setup, users, verification
from scanstation.services.lookup import dossier_by_barcode

BRANCH = "0012"
PASSWORD = "pass-word"
CLERK, CLERK2, SUPERVISOR, SUPERVISOR2, RECORDS, ADMIN = "clerk1", "clerk2", "super1", "super2", "records1", "admin1"
ROLES = {CLERK: ["clerk"], CLERK2: ["clerk"], SUPERVISOR: ["supervisor"], SUPERVISOR2: ["supervisor", "clerk"],
         RECORDS: ["records-officer"], ADMIN: ["admin"]}
VALID_NATIONAL_IDS = ["0012345679", "0499370899", "0067749828", "4608968882", "0010350829"]


def staff(app: App) -> None:
    """Branch 0012 and one user per role (password `pass-word`)."""
    setup.ensure_branch(app.uow(setup.CONSOLE), BRANCH, "شعبه آزمایشی")
    users.add_user(app.uow(setup.CONSOLE), ADMIN, f"کاربر {ADMIN}", ROLES[ADMIN], PASSWORD, BRANCH)  # the first admin
    for code, roles in ROLES.items():
        if code != ADMIN:
            users.add_user(app.uow(ADMIN), code, f"کاربر {code}", roles, PASSWORD, BRANCH)


def national_id_for(n: int) -> str:
    """A valid national ID of its own for person `n` (the first five are VALID_NATIONAL_IDS)."""
    if n < len(VALID_NATIONAL_IDS):
        return VALID_NATIONAL_IDS[n]
    body = f"{700_000_000 + n:09d}"
    remainder = sum(int(body[i]) * (10 - i) for i in range(9)) % 11
    return body + str(remainder if remainder < 2 else 11 - remainder)


def new_dossier(app: App, n: int = 0, out_of_turn: str | None = None, actor: str = CLERK,
                second_reason: str | None = None) -> str:
    """Dossier of person `n`; the same `n` twice is a second dossier for one national ID (`second_reason`)."""
    data = dossiers.NewDossier(f"10002345{n:02d}", national_id_for(n), f"بیمه شده {n}", f"R{n}", out_of_turn,
                               second_reason)
    return dossiers.retrieve(app.uow(actor), BRANCH, data)


def tiny_image(barcode: str, seq: int) -> Image.Image:
    """A small image of its own for each page of each dossier, so every row names a distinct, real stored file."""
    seed = hashlib.sha256(f"{barcode}-{seq}".encode()).digest()
    return Image.frombytes("L", (8, 4), seed)


def add_pages(app: App, barcode: str, count: int, actor: str = CLERK, flagged: tuple[int, ...] = ()) -> None:
    """Page rows for workflow tests, each naming a tiny real image in the page store (approval re-hashes the files;
    the capture tests cover full pages)."""
    stored = [app.pages.put(tiny_image(barcode, i)) for i in range(1, count + 1)]
    with app.uow(actor) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        for i, image in enumerate(stored, start=1):
            uow.session.add(Page.captured(
                dossier_id=dossier.id, batch_id=None, seq=i, sheet=i, side="front", image=image, dpi=300,
                origin=None, qc_reasons=["blur"] if i in flagged else [], qc_metrics={}, barcodes=[], actor=actor))
        uow.commit()


def checked_by(app: App, barcode: str, actor: str, pages: int) -> None:
    """Take a new dossier through step 6 with every page captured, classified and checked by `actor` (for
    separation-of-duties tests: `actor` is then the operator)."""
    walk(app, barcode, 4, sheets=pages, slimmed=0)
    add_pages(app, barcode, pages, actor=actor)
    capture_steps.finish_scanning(app.uow(actor), barcode)
    classification.classify(app.uow(actor), barcode, f"1-{pages}", "EMPLOYMENT")
    capture_steps.complete_quality_check(app.uow(actor), barcode)


def walk(app: App, barcode: str, to_step: int, sheets: int = 10, slimmed: int = 2) -> None:
    """Take a dossier from step 1 through `to_step` (1-10 along the physical track) with valid values."""
    if to_step >= 2:
        dossiers.count_sheets(app.uow(CLERK), barcode, sheets)
    if to_step >= 3:
        dossiers.register(app.uow(CLERK), barcode)
    if to_step >= 4:
        dossiers.prepare(app.uow(CLERK), barcode, slimmed)
    if to_step >= 5:
        add_pages(app, barcode, sheets - slimmed)
        capture_steps.finish_scanning(app.uow(CLERK), barcode)
    if to_step >= 6:
        classification.classify(app.uow(CLERK), barcode, f"1-{sheets - slimmed}", "EMPLOYMENT")
        capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    if to_step >= 7:
        verification.approve(app.uow(SUPERVISOR), barcode, app.pages)
    if to_step >= 8:
        dossiers.reassemble(app.uow(CLERK), barcode)
    if to_step >= 9:
        dossiers.recount(app.uow(CLERK), barcode, sheets - slimmed)
    if to_step >= 10:
        dossiers.reshelve(app.uow(CLERK), barcode, "R-new")
