"""The headless door (CLI.md): argparse over the same services the window calls.

Each command group lives in its own module with a `register(commands, groups)` function;
`COMMAND_MODULES` lists them. A command function takes (app, args) and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from scanstation import __version__
from scanstation.cli.common import run_command

COMMAND_MODULES = [
    "scanstation.cli.setup_commands",
    "scanstation.cli.dossier_commands",
    "scanstation.cli.audit_commands",
    "scanstation.cli.verify_commands",
    "scanstation.cli.qc_commands",
    "scanstation.cli.capture_commands",
    "scanstation.cli.indexing_commands",
    "scanstation.cli.sync_commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scanstation", description="ScanStation — electronic file workstation")
    parser.add_argument("--version", action="version", version=f"scanstation {__version__}")
    parser.add_argument("--db", dest="db_url", help="SQLAlchemy database URL (default: SQLite in the data folder)")
    parser.add_argument("--data", dest="data_dir", help="data folder for the page store and outbox")
    parser.add_argument("--config", dest="config_file", help="TOML config file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction] = {}
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from scanstation.ui.app import run_window

        return run_window(db_url=args.db_url, data_dir=args.data_dir, config_file=args.config_file)
    if not hasattr(args, "func"):
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
        return 2
    return run_command(args)
