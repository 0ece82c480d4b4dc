"""The headless door (CLI.md): argparse over the same services the window calls.

Each command group lives in its own module with a `register(commands, groups)` function; `COMMAND_MODULES` lists
them. A command function takes (app, args) and returns the exit code. Only the module that registers the command
being run is imported (see `STANDALONE`; `SHARED_GROUPS` for a group several modules add to), so `--version`,
`taxonomy` and `qc` start without loading the services and SQLAlchemy; `--help` and the other commands load every
command module, which import their services only when one of their commands runs (`common.later`), so `--help` loads no SQLAlchemy and `dossier show` no image or PDF stack.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from scanstation import __version__
from scanstation.capture.big_buffers import keep_page_buffers
from scanstation.cli import collector

COMMAND_MODULES = [
    "scanstation.cli.setup_commands",
    "scanstation.cli.dossier_commands",
    "scanstation.cli.audit_commands",
    "scanstation.cli.store_commands",
    "scanstation.cli.verify_commands",
    "scanstation.cli.qc_commands",
    "scanstation.cli.text_commands",
    "scanstation.cli.capture_commands",
    "scanstation.cli.indexing_commands",
    "scanstation.cli.taxonomy_commands",
    "scanstation.cli.scanning_commands",
    "scanstation.cli.sync_commands",
    "scanstation.cli.records_commands",
    "scanstation.cli.report_commands",
    "scanstation.cli.queue_commands",
]
# Top-level commands whose module registers them on its own (no group shared with another module). A command not
# named here or in SHARED_GROUPS (one added later) simply loads every module.
STANDALONE = {
    "init": "scanstation.cli.setup_commands",
    "user": "scanstation.cli.setup_commands",
    "audit": "scanstation.cli.audit_commands",
    "verify": "scanstation.cli.verify_commands",
    "qc": "scanstation.cli.qc_commands",
    "ocr": "scanstation.cli.text_commands",
    "reader": "scanstation.cli.text_commands",
    "search": "scanstation.cli.text_commands",
    "scan": "scanstation.cli.capture_commands",
    "import": "scanstation.cli.capture_commands",
    "taxonomy": "scanstation.cli.taxonomy_commands",
    "intake": "scanstation.cli.records_commands",
    "originals": "scanstation.cli.records_commands",
    "hold": "scanstation.cli.records_commands",
    "destruction": "scanstation.cli.records_commands",
    "report": "scanstation.cli.report_commands",
    "queue": "scanstation.cli.queue_commands",
}
# Groups whose actions several modules register: `dossier show` builds these three parsers, not all fifteen.
SHARED_GROUPS = {
    "dossier": ("scanstation.cli.dossier_commands", "scanstation.cli.indexing_commands",
                "scanstation.cli.scanning_commands"),
}
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--data", "--config")


def _command_word(argv: Sequence[str]) -> str | None:
    """The command named on the line, skipping the global options (and their values) before it."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _modules_for(argv: Sequence[str]) -> list[str]:
    """The command modules this command line needs: none to open the window or print the version."""
    word = _command_word(argv)
    if word is None:
        return [] if not {"-h", "--help"} & set(argv) else COMMAND_MODULES
    if word in SHARED_GROUPS:
        return list(SHARED_GROUPS[word])
    return [STANDALONE[word]] if word in STANDALONE else COMMAND_MODULES


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scanstation", description="ScanStation — electronic file workstation")
    parser.add_argument("--version", action="version", version=f"scanstation {__version__}")
    parser.add_argument("--db", dest="db_url", help="SQLAlchemy database URL (default: SQLite in the data folder)")
    parser.add_argument("--data", dest="data_dir", help="data folder for the page store and outbox")
    parser.add_argument("--config", dest="config_file", help="TOML config file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction] = {}
    for name in modules:
        importlib.import_module(name).register(commands, groups)
    return parser


def program() -> None:
    """The `scanstation` program (console script and `python -m scanstation`): `main` with the cycle collector held
    off while the command starts (cli/collector.py) and page-sized buffers kept for the next page
    (capture/big_buffers.py)."""
    collector.hold()
    keep_page_buffers()
    code = main()
    collector.finish()
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_modules_for(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        collector.release()
        from scanstation.core.errors import ConfigError
        from scanstation.ui.app import run_window

        try:
            return run_window(db_url=args.db_url, data_dir=args.data_dir, config_file=args.config_file)
        except ConfigError as exc:  # a bad setting, found before any window opens
            print(f"scanstation: {exc}", file=sys.stderr)
            return 2
    if not hasattr(args, "func"):
        build_parser().parse_args([*argv, "--help"])
        return 2
    from scanstation.cli.common import run_command

    return run_command(args)
