"""`scanstation init [--demo | --demo-if-new]` and `scanstation user add|list|roles|unlock|reset-password|...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, UsageError, acting_uow, add_user_flag, later, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.core.uow import UnitOfWork
    from scanstation.services import setup, users
else:
    setup, users = later("scanstation.services.setup", "scanstation.services.users")

ROLE_CHOICES = ["clerk", "supervisor", "records-officer", "admin", "agency-responsible"]


def _init(app: App, args: argparse.Namespace) -> int:
    app.upgrade_schema()
    print(f"database ready: {app.settings.db_url}")
    from scanstation.core.db import trigram_problem

    problem = trigram_problem(app.engine)
    if problem:
        print(problem, file=sys.stderr)
    if args.branch:
        created = setup.ensure_branch(app.uow(setup.CONSOLE), args.branch, args.branch_name or args.branch,
                                       args.agency)
        print(f"branch {args.branch}: {'created' if created else 'already there'}")
    if args.demo_if_new and not setup.demo_allowed(app.uow(setup.CONSOLE)):
        print("this database holds real users or dossiers: no demo data added")
    elif args.demo or args.demo_if_new:
        demo_users = setup.create_demo(app.uow)
        print(f"demo branch {setup.DEMO_BRANCH[0]} ({setup.DEMO_BRANCH[1]})")
        print("demo users (code / password / roles):")
        for u in demo_users:
            print(f"  {u.code:10} {u.password:14} {', '.join(u.roles)}")
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    if not sys.stdin.isatty():
        raise UsageError("give the new password with --password-stdin when not in a terminal")
    return getpass.getpass("new password: ")


def _admin_uow(app: App, args: argparse.Namespace) -> UnitOfWork:
    """The admin named by --user (password checked); without --user the console, which the service lets create
    only the first admin of a database."""
    return acting_uow(app, args) if args.user else app.uow(setup.CONSOLE)


def _user_add(app: App, args: argparse.Namespace) -> int:
    password = _new_password(args)
    uow = _admin_uow(app, args)
    branch = args.branch or setup.only_branch(app.uow(setup.CONSOLE))
    users.add_user(uow, args.code, args.name, args.role, password, branch)
    print(f"user {args.code} added")
    return EXIT_OK


def _user_list(app: App, args: argparse.Namespace) -> int:
    rows = users.list_users(acting_uow(app, args))
    if args.json:
        print_json([{"code": r.code, "name": r.name, "roles": list(r.roles), "active": r.active,
                     "locked_until": r.locked_until.isoformat() if r.locked_until else None, "branch": r.branch}
                    for r in rows])
    else:
        for r in rows:
            print(f"{r.code:12} {'active' if r.active else 'inactive':8} {','.join(r.roles):30} {r.name}")
    return EXIT_OK


def _user_roles(app: App, args: argparse.Namespace) -> int:
    users.set_roles(acting_uow(app, args), args.code, args.role)
    print(f"user {args.code}: roles {', '.join(sorted(set(args.role)))}")
    return EXIT_OK


def _user_unlock(app: App, args: argparse.Namespace) -> int:
    users.unlock(acting_uow(app, args), args.code)
    return EXIT_OK


def _user_reset_password(app: App, args: argparse.Namespace) -> int:
    uow = acting_uow(app, args)  # the admin's password first (SCANSTATION_PASSWORD or prompt), then the new one
    users.reset_password(uow, args.code, _new_password(args))
    return EXIT_OK


def _user_active(active: bool) -> Callable[[App, argparse.Namespace], int]:
    def run(app: App, args: argparse.Namespace) -> int:
        users.set_active(acting_uow(app, args), args.code, active)
        return EXIT_OK

    return run


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    init = commands.add_parser("init", help="create or upgrade the database")
    demo = init.add_mutually_exclusive_group()
    demo.add_argument("--demo", action="store_true",
                      help="add a demo branch, users and dossiers (only to a new or demo database)")
    demo.add_argument("--demo-if-new", action="store_true",
                      help="add the demo data when the database is new or a demo; leave a real one as it is")
    init.add_argument("--branch", help="create this branch (code) if it is missing")
    init.add_argument("--branch-name", help="the branch's name, with --branch")
    init.add_argument("--agency", action="store_true",
                      help="with --branch: an official agency office (step 7 by its agency-responsible user)")
    init.set_defaults(func=_init, needs_db=False)

    user = commands.add_parser("user", help="user accounts (an admin's login, except for the first admin)")
    groups["user"] = sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a user (roles may repeat); the first admin needs no --user")
    add.add_argument("code")
    add.add_argument("--name", required=True)
    add.add_argument("--role", action="append", required=True, choices=ROLE_CHOICES)
    add.add_argument("--branch", help="branch code (default: the only branch)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_user_flag(add, required=False)
    add.set_defaults(func=_user_add)

    listing = sub.add_parser("list", help="every account with its roles and state")
    listing.add_argument("--json", action="store_true")
    add_user_flag(listing)
    listing.set_defaults(func=_user_list)

    roles = sub.add_parser("roles", help="replace a user's roles")
    roles.add_argument("code")
    roles.add_argument("--role", action="append", required=True, choices=ROLE_CHOICES)
    add_user_flag(roles)
    roles.set_defaults(func=_user_roles)

    for name, func, text in (("unlock", _user_unlock, "lift a lockout after wrong passwords"),
                             ("deactivate", _user_active(False), "the user can no longer log in (history stays)"),
                             ("activate", _user_active(True), "let a deactivated user log in again")):
        action = sub.add_parser(name, help=text)
        action.add_argument("code")
        add_user_flag(action)
        action.set_defaults(func=func)

    reset = sub.add_parser("reset-password", help="give a user a new password (also lifts a lockout)")
    reset.add_argument("code")
    reset.add_argument("--password-stdin", action="store_true", help="read the new password from standard input")
    add_user_flag(reset)
    reset.set_defaults(func=_user_reset_password)
