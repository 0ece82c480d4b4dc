"""Start-up: a command imports only what it needs. `--version` and `taxonomy` load neither SQLAlchemy nor the image
stack, `qc` no SQLAlchemy (how fast that makes them is measured by farm-bench, not here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "cv2", "numpy", "PIL", "PySide6", "reportlab")
SNIPPET = """
import json, sys
from scanstation.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "loaded": [m for m in %r if m in sys.modules]}), file=sys.stderr)
""" % (HEAVY,)


def loaded(tmp_path: Path, *argv: str) -> dict:
    run = subprocess.run([sys.executable, "-c", SNIPPET, *argv], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                              "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    return json.loads(run.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [("--version",), ("taxonomy", "--json"), ("--db", "sqlite:///x.db", "taxonomy"),
                                  ("--help",), ("dossier", "--help"), ("report", "--help")])
def test_version_and_taxonomy_load_nothing_heavy(tmp_path: Path, argv: tuple[str, ...]) -> None:
    assert loaded(tmp_path, *argv) == {"code": 0, "loaded": []}


def test_qc_loads_the_image_stack_but_no_database(tmp_path: Path) -> None:
    from tests import imaging as im

    page = im.save(im.text_page(1), tmp_path / "p1.png")
    result = loaded(tmp_path, "qc", "--json", str(page))
    assert result["code"] == 0 and "sqlalchemy" not in result["loaded"] and "cv2" in result["loaded"]


def test_dossier_show_loads_the_database_but_no_image_pdf_or_window_stack(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    init = subprocess.run([sys.executable, "-m", "scanstation", "--db", f"sqlite:///{db}", "init", "--demo"],
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                               "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    assert init.returncode == 0, init.stderr
    import sqlite3

    barcode = sqlite3.connect(db).execute("select barcode from dossier order by id limit 1").fetchone()[0]
    run = subprocess.run([sys.executable, "-c", SNIPPET, "--db", f"sqlite:///{db}", "dossier", "show", barcode,
                          "--json", "--user", "clerk1"], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                              "SCANSTATION_CONFIG": str(tmp_path / "none.toml"), "SCANSTATION_PASSWORD": "clerk1-pass"})
    assert json.loads(run.stdout)["barcode"] == barcode
    assert json.loads(run.stderr.strip().splitlines()[-1]) == {"code": 0, "loaded": ["sqlalchemy"]}


def test_other_commands_and_help_still_see_every_command(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "scanstation", "--help"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0
    for command in ("init", "user", "dossier", "audit", "verify", "qc", "scan", "import", "classify", "document",
                    "taxonomy"):
        assert command in run.stdout


def test_main_in_process_leaves_the_callers_collector_alone(tmp_path: Path) -> None:
    """Only the program itself holds the cycle collector off while a command starts (cli/collector.py); a caller of
    main() (a script, these tests) keeps its collector running and nothing of its own frozen."""
    import gc

    from scanstation.cli import main

    frozen = gc.get_freeze_count()
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "taxonomy", "--json"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_program_holds_the_collector_until_the_command_starts(tmp_path: Path) -> None:
    """`scanstation` (program()) starts with the collector off, lets it go when the command begins its work (gc on,
    what start-up made frozen), and exits with code 0."""
    snippet = ("import gc, sys\n"
               "from scanstation.cli import common, program\n"
               "seen, real = [], common.run_command\n"
               "common.run_command = lambda args: (seen.append(gc.isenabled()), real(args))[1]\n"
               "sys.argv = ['scanstation', 'taxonomy', '--json']\n"
               "try:\n    program()\nexcept SystemExit as exc:\n"
               "    print(exc.code, seen, gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                              "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    assert run.stderr.strip().splitlines()[-1] == "0 [False] True True"


def _help_of(modules: list[str], word: str) -> str:
    from scanstation.cli import build_parser

    commands = next(a for a in build_parser(modules)._actions if a.dest == "command")
    group = commands.choices[word]
    actions = next((a for a in group._actions if a.choices and a.dest.endswith("_command")), None)
    return group.format_help() + "".join(p.format_help() for p in (actions.choices.values() if actions else ()))


def test_a_command_built_from_its_own_modules_is_the_whole_command() -> None:
    """`dossier show` builds only the modules that register the `dossier` group (and `audit` its own): each such
    command, with every action and option, is what the parser of every module has."""
    from scanstation.cli import COMMAND_MODULES, SHARED_GROUPS, STANDALONE, _modules_for

    for word in [*STANDALONE, *SHARED_GROUPS]:
        modules = _modules_for([word, "x"])
        assert len(modules) < len(COMMAND_MODULES), word
        assert _help_of(modules, word) == _help_of(COMMAND_MODULES, word), word
