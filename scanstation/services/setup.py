"""Creating or upgrading the database, the branch, and the demo data a newcomer starts from."""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Callable

from sqlalchemy import select

from scanstation.core.errors import Conflict, InvalidInput, NotFound
from scanstation.core.jalali import utcnow
from scanstation.core.identifiers import branch_code as parse_branch_code
from scanstation.core.models import Branch, DatabaseFlag, Dossier, User
from scanstation.core.uow import Actor, UnitOfWork

CONSOLE = Actor("system:console", system=True)


def ensure_branch(uow: UnitOfWork, code: str, name: str, agency: bool = False) -> bool:
    """Create the branch if it is new; returns True when it was created. `agency`: an official agency office
    (کارگزاری رسمی), where step 7 is done by the agency's responsible person (Directive Part 2.5)."""
    with uow:
        uow.require_to("branch.configure")
        code = parse_branch_code(code)
        if uow.session.execute(select(Branch).where(Branch.code == code)).scalar_one_or_none():
            return False
        uow.session.add(Branch(code=code, name=name.strip() or code, is_agency=agency))
        uow.audit("branch.add", f"branch:{code}", name=name, agency=agency)
        uow.commit()
        return True


def default_branch(uow: UnitOfWork) -> str:
    """The branch to work in when none was named: the only one; otherwise one sentence saying what to do."""
    with uow:
        codes = list(uow.session.execute(select(Branch.code).limit(2)).scalars())
    if not codes:
        raise NotFound("هنوز شعبه‌ای تعریف نشده است؛ با scanstation init --branch CODE شعبه را بسازید.")
    if len(codes) > 1:
        raise InvalidInput("چند شعبه تعریف شده است؛ شعبه را با --branch یا SCANSTATION_BRANCH نام ببرید.")
    return codes[0]


def only_branch(uow: UnitOfWork) -> str | None:
    """The branch code when the database holds exactly one branch (the usual workstation)."""
    with uow:
        codes = list(uow.session.execute(select(Branch.code)).scalars())
        return codes[0] if len(codes) == 1 else None


@dataclass(frozen=True)
class DemoUser:
    code: str
    name: str
    roles: tuple[str, ...]
    password: str


DEMO_BRANCH = ("0012", "شعبه ۱۲ تهران (نمونه)")
DEMO_USERS = (
    DemoUser("clerk1", "مریم احمدی", ("clerk",), "clerk1-pass"),
    DemoUser("clerk2", "رضا کریمی", ("clerk",), "clerk2-pass"),
    DemoUser("super1", "زهرا موسوی", ("supervisor",), "super1-pass"),
    DemoUser("records1", "حسین رضایی", ("records-officer",), "records1-pass"),
    DemoUser("admin1", "مدیر سیستم شعبه", ("admin",), "admin1-pass"),
)
DEMO_DOSSIERS = (
    # insured number, national ID, name, shelf, out-of-turn reason, sheets, last step to walk
    ("1000234567", "0012345679", "علی محمدی", "ردیف ۳ قفسه ۱۲", None, 42, 1),
    ("1000234568", "0499370899", "فاطمه حسینی", "ردیف ۳ قفسه ۱۳", None, 35, 2),
    ("1000234569", "0067749828", "محمد رضایی", "ردیف ۴ قفسه ۲", None, 58, 3),
    ("1000234570", "4608968882", "سارا کاظمی", "ردیف ۴ قفسه ۵", None, 27, 4),
    ("1000234571", "0010350829", "حسن نوری", "ردیف ۱ قفسه ۱", "بیمه شده در باجه منتظر است", 19, 2),
)


DEMO_FLAG = "demo"


def is_demo(uow: UnitOfWork) -> bool:
    """True when this database was made as a demo (its users' passwords are printed in the README and terminal)."""
    with uow:
        return uow.session.get(DatabaseFlag, DEMO_FLAG) is not None


def demo_allowed(uow: UnitOfWork) -> bool:
    """Demo data goes only into a new database (no users, no dossiers) or one that is already a demo."""
    with uow:
        if uow.session.get(DatabaseFlag, DEMO_FLAG) is not None:
            return True
        return (uow.session.execute(select(User.id).limit(1)).first() is None
                and uow.session.execute(select(Dossier.id).limit(1)).first() is None)


def _mark_demo(uow: UnitOfWork) -> None:
    with uow:
        if uow.session.get(DatabaseFlag, DEMO_FLAG) is None:
            uow.session.add(DatabaseFlag(name=DEMO_FLAG, value="1", set_at=utcnow()))
            uow.audit("database.demo", "database:demo")
            uow.commit()


def create_demo(uow_for: Callable[[Actor | str], UnitOfWork]) -> list[DemoUser]:
    """A demo branch, one user per role and dossiers at steps 1-4 (one out of turn), only in a new or demo
    database (Conflict otherwise). Idempotent."""
    from scanstation.services import dossiers, users

    if not demo_allowed(uow_for(CONSOLE)):
        raise Conflict("این پایگاه داده کاربران یا پرونده‌های واقعی دارد و داده نمونه به آن افزوده نمی‌شود؛ "
                       "برای نمونه، پایگاه داده تازه‌ای (SCANSTATION_DB) بسازید.")
    _mark_demo(uow_for(CONSOLE))
    ensure_branch(uow_for(CONSOLE), *DEMO_BRANCH)
    with uow_for(CONSOLE) as uow:
        existing = {u for u in uow.session.execute(select(User.code)).scalars()}
    admin = next(d for d in DEMO_USERS if "admin" in d.roles)
    for demo in sorted(DEMO_USERS, key=lambda d: d is not admin):  # the admin first: it adds the others
        if demo.code not in existing:
            actor: Actor | str = CONSOLE if demo is admin else admin.code
            users.add_user(uow_for(actor), demo.code, demo.name, list(demo.roles), demo.password, DEMO_BRANCH[0])
    with uow_for(CONSOLE) as uow:
        have_dossiers = uow.session.execute(select(Dossier.id).limit(1)).first() is not None
    if not have_dossiers:
        clerk = DEMO_USERS[0].code
        for number, nid, name, shelf, urgent, sheets, last in DEMO_DOSSIERS:
            barcode = dossiers.retrieve(uow_for(clerk), DEMO_BRANCH[0],
                                        dossiers.NewDossier(number, nid, name, shelf, urgent))
            if last >= 2:
                dossiers.count_sheets(uow_for(clerk), barcode, sheets)
            if last >= 3:
                dossiers.register(uow_for(clerk), barcode)
            if last >= 4:
                dossiers.prepare(uow_for(clerk), barcode, 2)
    return list(DEMO_USERS)

