"""`scanstation init [--demo]` and `scanstation user add`."""

from __future__ import annotations

import argparse
import sys

from scanstation.bootstrap import App
from scanstation.cli.common import EXIT_OK, UsageError, acting_uow, add_user_flag
from scanstation.core.uow import UnitOfWork
from scanstation.services import setup, users


def _init(app: App, args: argparse.Namespace) -> int:
    app.upgrade_schema()
    print(f"database ready: {app.settings.db_url}")
    if args.branch:
        created = setup.ensure_branch(app.uow(setup.CONSOLE), args.branch, args.branch_name or args.branch)
        print(f"branch {args.branch}: {'created' if created else 'already there'}")
    if args.demo:
        demo_users = setup.create_demo(app.uow)
        print(f"demo branch {setup.DEMO_BRANCH[0]} ({setup.DEMO_BRANCH[1]})")
        print("demo users (code / password / roles):")
        for u in demo_users:
            print(f"  {u.code:10} {u.password:14} {', '.join(u.roles)}")
    return EXIT_OK


def _user_add(app: App, args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        import getpass

        if not sys.stdin.isatty():
            raise UsageError("give the new password with --password-stdin when not in a terminal")
        password = getpass.getpass("new password: ")
    # From the console without --user the local administrator acts (the machine's DB access is trusted);
    # with --user, that user must be an admin and is recorded in the audit chain.
    uow: UnitOfWork = acting_uow(app, args) if args.user else app.uow(setup.CONSOLE)
    branch = args.branch or setup.only_branch(app.uow(setup.CONSOLE))
    users.add_user(uow, args.code, args.name, args.role, password, branch)
    print(f"user {args.code} added")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    init = commands.add_parser("init", help="create or upgrade the database")
    init.add_argument("--demo", action="store_true", help="add a demo branch, users and dossiers")
    init.add_argument("--branch", help="create this branch (code) if it is missing")
    init.add_argument("--branch-name", help="the branch's name, with --branch")
    init.set_defaults(func=_init, needs_db=False)

    user = commands.add_parser("user", help="user accounts")
    groups["user"] = sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a user (roles may repeat)")
    add.add_argument("code")
    add.add_argument("--name", required=True)
    add.add_argument("--role", action="append", required=True,
                     choices=["clerk", "supervisor", "records-officer", "admin"])
    add.add_argument("--branch", help="branch code (default: the only branch)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_user_flag(add, required=False)
    add.set_defaults(func=_user_add)
