"""Driving the headless door in-process: `scanstation.cli.main(argv)` on a database of its own, as a script would,
with a clerk and a separate supervisor created through `init` and `user add`."""

from __future__ import annotations

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from scanstation.cli import main

BRANCH = "0012"
PASSWORD = "pass-word"
CLERK, SUPERVISOR, ADMIN = "clerk1", "super1", "admin1"
NATIONAL_ID = "0012345679"


class Cli:
    """`run(*argv)` gives (exit code, stdout, stderr); `ok` and `refused` check the exit code too."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path
        self.flags = ["--db", f"sqlite:///{tmp_path / 'cli.sqlite'}", "--data", str(tmp_path / "cli-data"),
                      "--config", str(tmp_path / "absent.toml")]
        self.ok("init", "--branch", BRANCH, "--branch-name", "شعبه آزمایشی")
        self.ok("user", "add", ADMIN, "--name", "مدیر", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
        for code, role in ((CLERK, "clerk"), (SUPERVISOR, "supervisor")):  # once an admin exists, the admin adds users
            self.ok("user", "add", code, "--name", f"کاربر {code}", "--role", role, "--password-stdin",
                    "--user", ADMIN, stdin=PASSWORD + "\n")

    def run(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        saved_stdin, saved_password = sys.stdin, os.environ.get("SCANSTATION_PASSWORD")
        sys.stdin, os.environ["SCANSTATION_PASSWORD"] = io.StringIO(stdin), PASSWORD
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main([*self.flags, *argv])
        finally:
            sys.stdin = saved_stdin
            if saved_password is None:
                os.environ.pop("SCANSTATION_PASSWORD")
            else:
                os.environ["SCANSTATION_PASSWORD"] = saved_password
        return code, out.getvalue(), err.getvalue()

    def ok(self, *argv: str, stdin: str = "") -> str:
        code, out, err = self.run(*argv, stdin=stdin)
        assert code == 0, f"{argv}: exit {code}: {err}"
        return out

    def refused(self, *argv: str) -> str:
        """The command ran and refused (exit 1) with one sentence on stderr, which is returned."""
        code, out, err = self.run(*argv)
        assert code == 1, f"{argv}: exit {code}: {out} {err}"
        assert err.startswith("scanstation: ") and err.count("\n") == 1, err
        return err

    def show(self, barcode: str, user: str = CLERK) -> dict[str, Any]:
        """`dossier show --json` as `user` (reading personal data needs a login)."""
        return json.loads(self.ok("dossier", "show", barcode, "--json", "--user", user))

    def dossier_at_step_4(self, sheets: int, slimmed: int = 0) -> str:
        """A new dossier counted, labelled and prepared by the clerk; returns its barcode."""
        user = ("--user", CLERK)
        barcode = self.ok("dossier", "new", "--insured-number", "1000234567", "--national-id", NATIONAL_ID,
                          "--name", "علی محمدی", "--shelf", "R3", *user).strip()
        self.ok("dossier", "count", barcode, "--sheets", str(sheets), *user)
        self.ok("dossier", "label", barcode, "--pdf", str(self.folder / f"{barcode}.pdf"), *user)
        self.ok("dossier", "prepare", barcode, "--slimmed", str(slimmed), *user)
        return barcode
