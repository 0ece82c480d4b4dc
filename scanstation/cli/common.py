"""What every command shares: wiring, acting as a user, one-sentence errors and exit codes."""

from __future__ import annotations

import argparse
import errno
import getpass
import importlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanstation.cli import collector
from scanstation.core.errors import ConfigError, ScanStationError

if TYPE_CHECKING:  # imported when a command needs them: SQLAlchemy alone costs a fifth of a second
    from scanstation.bootstrap import App
    from scanstation.core.uow import UnitOfWork

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Later:
    """A module imported when a command first uses it, not when its command module is loaded: `scanstation --help`
    loads every command module, and their services would bring SQLAlchemy, numpy, requests and reportlab with them.
    Command modules name the real modules under TYPE_CHECKING, so the types stay checked."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


def later(*names: str) -> Any:
    """`Later` modules for `names` (one alone, or a tuple of them in order)."""
    modules = tuple(Later(name) for name in names)
    return modules[0] if len(modules) == 1 else modules


INTERRUPTED = "کار به درخواست شما متوقف شد؛ برای ادامه، فرمان را دوباره اجرا کنید."


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


def _folder_sentence(exc: OSError, fallback: Path | None) -> str:
    """One sentence for a file-system failure: which folder, and what the person can do about it."""
    where = Path(exc.filename).parent if exc.filename else fallback
    folder = f"«{where}»" if where else "پوشه داده"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"پوشه {folder} جای خالی ندارد؛ فضای دیسک را آزاد کنید و کار را دوباره انجام دهید."
    if exc.errno == errno.EROFS:
        return f"پوشه {folder} فقط‌خواندنی است؛ دیسک را با اجازه نوشتن وصل کنید یا پوشه داده دیگری بدهید."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"اجازه نوشتن در پوشه {folder} نیست؛ از مدیر سیستم اجازه آن را بخواهید."
    return f"کار با پوشه {folder} ممکن نشد ({exc.strerror})؛ دیسک و اتصال آن را بررسی کنید."


def _database_sentence(exc: Exception) -> str:
    """One sentence for a database that refused to work (disk full, read-only, unreachable, busy)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "no space" in text or "disk i/o error" in text:  # a full WAL shows as I/O error
        return "دیسک پایگاه داده پر است یا در آن نوشته نمی‌شود و چیزی ثبت نشد؛ فضای دیسک را آزاد کنید و دوباره انجام دهید."
    if "readonly" in text or "read-only" in text:
        return "پایگاه داده فقط‌خواندنی است و چیزی ثبت نشد؛ اجازه نوشتن پوشه داده را بررسی کنید."
    if "locked" in text or "busy" in text:
        return "پایگاه داده در دست ایستگاه دیگری است؛ چند لحظه بعد دوباره انجام دهید."
    return "پایگاه داده در دسترس نیست و چیزی ثبت نشد؛ اتصال آن (یا SCANSTATION_DB) را بررسی کنید."


def _is_database_failure(exc: Exception) -> bool:
    """SQLAlchemy's OperationalError, looked up only when SQLAlchemy was loaded (qc and taxonomy never load it)."""
    exc_module = sys.modules.get("sqlalchemy.exc")
    return exc_module is not None and isinstance(exc, exc_module.OperationalError)


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (`... | head`): stop without a traceback, also at interpreter exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def run_command(args: argparse.Namespace) -> int:
    """Wire the app, run the command, turn refusals into one sentence on stderr and an exit code."""
    app: App | None = None
    try:
        app = _wire(args)
        if getattr(args, "needs_db", True):
            require_initialised(app)
        collector.release()
        code = int(args.func(app, args) or EXIT_OK)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except (UsageError, ConfigError) as exc:
        print(f"scanstation: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ScanStationError as exc:
        print(f"scanstation: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as exc:
        print(f"scanstation: {_folder_sentence(exc, app.settings.data_dir if app else None)}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print(f"scanstation: {INTERRUPTED}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - a database that refused to work; anything else goes on up
        if not _is_database_failure(exc):
            raise
        print(f"scanstation: {_database_sentence(exc)}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        if app is not None:
            app.close()
