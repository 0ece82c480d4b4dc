"""The reports through the CLI: JSON in the contract's shape, a PDF that renders, a workbook that opens right to left
with the same numbers; a clerk sees only their own production."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from openpyxl import load_workbook
from PIL import Image

from scanstation.bootstrap import App
from tests.builders import CLERK, CLERK2, PASSWORD, SUPERVISOR
from tests.cli.conftest import run
from tests.reports.fixture_data import STORIES, write_history


def test_service_time_json_has_the_contract_shape(sqlite_app: App, env: dict[str, str]) -> None:
    write_history(sqlite_app)
    done = run(env, "report", "service-time", "--by", "step", "--json", "--user", SUPERVISOR, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["step"] for r in rows] == [1, 2, 3, 4, 5, 6, 7]
    assert {"step", "count", "mean_minutes", "median_minutes", "p90_minutes"} <= set(rows[0])
    assert rows[1]["count"] == len(STORIES)


def test_pdf_renders_and_workbook_holds_the_same_numbers(sqlite_app: App, env: dict[str, str], tmp_path: Path,
                                                        artifacts: Path) -> None:
    write_history(sqlite_app)
    pdf, xlsx = tmp_path / "production.pdf", tmp_path / "production.xlsx"
    for flag, path in (("--pdf", pdf), ("--xlsx", xlsx)):
        done = run(env, "report", "production", "--from", "1404/01/01", "--to", "۱۴۰۴/۰۱/۳۱", flag, str(path),
                   "--user", SUPERVISOR, password=PASSWORD)
        assert done.returncode == 0, done.stderr
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-singlefile", str(pdf),
                    str(artifacts / "report-production")], check=True)
    page = Image.open(artifacts / "report-production.png").convert("L")
    assert page.getextrema()[0] < 80  # ink: the title, the bars and the table were drawn
    book = load_workbook(xlsx)
    daily = book.worksheets[0]
    assert daily.sheet_view.rightToLeft
    pages = {row[1]: row[2] for row in daily.iter_rows(min_row=3, values_only=True)}
    assert pages == {CLERK: sum(s.pages for s in STORIES if s.operator == CLERK and 5 in s.minutes),
                     CLERK2: sum(s.pages for s in STORIES if s.operator == CLERK2 and 5 in s.minutes)}


def test_a_clerk_sees_only_their_own_production(sqlite_app: App, env: dict[str, str]) -> None:
    write_history(sqlite_app)
    mine = run(env, "report", "production", "--json", "--user", CLERK2, password=PASSWORD)
    assert mine.returncode == 0, mine.stderr
    days = json.loads(mine.stdout)["sections"][0]["rows"]
    assert {r["user"] for r in days} == {CLERK2}
    refused = run(env, "report", "quality", "--json", "--user", CLERK2, password=PASSWORD)
    assert refused.returncode == 1 and "گزارش تولید خودتان" in refused.stderr


def test_every_report_runs_and_a_bad_date_is_one_sentence(sqlite_app: App, env: dict[str, str]) -> None:
    write_history(sqlite_app)
    for name in ("backlog", "quality", "upload"):
        done = run(env, "report", name, "--json", "--user", SUPERVISOR, password=PASSWORD)
        assert done.returncode == 0, (name, done.stderr)
        json.loads(done.stdout)
    bad = run(env, "report", "quality", "--from", "1404/13/01", "--json", "--user", SUPERVISOR, password=PASSWORD)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "تاریخ درستی نیست" in bad.stderr
