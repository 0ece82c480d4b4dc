"""What every command shares: wiring, acting as a user, one-sentence errors and exit codes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from scanstation.core.errors import ScanStationError

if TYPE_CHECKING:  # imported when a command needs them: SQLAlchemy alone costs a fifth of a second
    from scanstation.bootstrap import App
    from scanstation.core.uow import UnitOfWork

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad flags or arguments: exit code 2."""


def add_user_flag(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="CODE",
                        help="act as this user; the password comes from SCANSTATION_PASSWORD or a prompt")


def _password() -> str:
    env = os.environ.get("SCANSTATION_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise UsageError("no password: set SCANSTATION_PASSWORD or run the command in a terminal")
    return getpass.getpass("گذرواژه / password: ")


def acting_uow(app: App, args: argparse.Namespace) -> UnitOfWork:
    """A unit of work acting as `--user`, after checking the password (lockout rules apply)."""
    from scanstation.core.uow import Actor
    from scanstation.services.users import authenticate

    authenticate(app.uow(Actor("system:console", system=True)), args.user, _password())
    return app.uow(args.user)


def require_initialised(app: App) -> None:
    if not app.initialised:
        raise ScanStationError("the database is not set up yet: run `scanstation init` first")


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, sort_keys=False))


def _wire(args: argparse.Namespace) -> App | None:
    """The app, or None for a command that needs no database and no settings (`needs_app=False`: qc, taxonomy),
    which then starts without importing SQLAlchemy."""
    if not getattr(args, "needs_app", True):
        return None
    from scanstation.bootstrap import bootstrap

    return bootstrap(db_url=args.db_url, data_dir=args.data_dir, config_file=args.config_file)


def run_command(args: argparse.Namespace) -> int:
    """Wire the app, run the command, turn refusals into one sentence on stderr and an exit code."""
    app = _wire(args)
    try:
        if getattr(args, "needs_db", True):
            require_initialised(app)
        return int(args.func(app, args) or EXIT_OK)
    except UsageError as exc:
        print(f"scanstation: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ScanStationError as exc:
        print(f"scanstation: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("scanstation: interrupted", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        if app is not None:
            app.close()
