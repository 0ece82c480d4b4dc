"""Failures the person can act on are one sentence, never a traceback (issue 8, point 12): bad numbers, a full or
read-only data folder and a full database disk (a real tmpfs), a reader that closes the pipe, a database with no
branch."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanstation.bootstrap import bootstrap
from tests import imaging
from tests.builders import CLERK, PASSWORD, new_dossier, staff, walk

EXE = [sys.executable, "-m", "scanstation"]


def _env(db: Path, data: Path, tmp_path: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update(SCANSTATION_DATA=str(data), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
             SCANSTATION_DB=f"sqlite:///{db}", SCANSTATION_PASSWORD=PASSWORD)
    return e


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], env=env, capture_output=True, text=True, timeout=120)


def _one_sentence(r: subprocess.CompletedProcess[str]) -> None:
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def _prepared(db: Path, data: Path, to_step: int = 4) -> str:
    app = bootstrap(db_url=f"sqlite:///{db}", data_dir=str(data), config_file="/nonexistent.toml")
    app.upgrade_schema()
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, to_step)
    app.close()
    return barcode


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB tmpfs (needs root); skipped, with the reason, where it cannot be mounted."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'}); disk-full cases not run")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    """Write until the file system refuses (ENOSPC)."""
    with (folder / "filler").open("wb", buffering=0) as fh:  # unbuffered: nothing left to fail at close
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.mark.parametrize("sheets", ["²", "1000000000000000000000000000000", "१२"])
def test_strange_numbers_are_one_sentence(tmp_path: Path, sheets: str) -> None:
    barcode = _prepared(tmp_path / "db.sqlite", tmp_path / "data", to_step=1)
    r = _run(_env(tmp_path / "db.sqlite", tmp_path / "data", tmp_path),
             "dossier", "count", barcode, "--sheets", sheets, "--user", CLERK)
    _one_sentence(r)
    assert "تعداد برگ" in r.stderr


def test_full_data_folder_is_one_sentence(tmp_path: Path, tiny_fs: Path) -> None:
    barcode = _prepared(tmp_path / "db.sqlite", tiny_fs)
    page = imaging.save(imaging.text_page(seed=3), tmp_path / "page.png")
    _fill(tiny_fs)
    r = _run(_env(tmp_path / "db.sqlite", tiny_fs, tmp_path), "import", "--dossier", barcode, str(page), "--user", CLERK)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert any(words in r.stderr for words in ("جای خالی", "فضا", "پر است"))


def test_read_only_data_folder_is_one_sentence(tmp_path: Path, tiny_fs: Path) -> None:
    barcode = _prepared(tmp_path / "db.sqlite", tiny_fs)
    page = imaging.save(imaging.text_page(seed=4), tmp_path / "page.png")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True)
    r = _run(_env(tmp_path / "db.sqlite", tiny_fs, tmp_path), "import", "--dossier", barcode, str(page), "--user", CLERK)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "فقط‌خواندنی" in r.stderr


def test_full_database_disk_is_one_sentence(tmp_path: Path, tiny_fs: Path) -> None:
    db = tiny_fs / "db.sqlite"
    barcode = _prepared(db, tmp_path / "data", to_step=1)
    _fill(tiny_fs)
    r = _run(_env(db, tmp_path / "data", tmp_path), "dossier", "count", barcode, "--sheets", "12", "--user", CLERK)
    _one_sentence(r)
    assert "پر است" in r.stderr


def test_a_reader_that_goes_away_ends_quietly(tmp_path: Path) -> None:
    env = _env(tmp_path / "db.sqlite", tmp_path / "data", tmp_path)
    proc = subprocess.Popen([*EXE, "taxonomy", "--json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head` that has read enough
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and err == ""


def test_dossier_new_without_a_branch_says_how_to_make_one(tmp_path: Path) -> None:
    env = _env(tmp_path / "db.sqlite", tmp_path / "data", tmp_path)
    assert _run(env, "init").returncode == 0
    r = _run(env, "dossier", "new", "--insured-number", "1000234567", "--national-id", "0012345679", "--name", "علی",
             "--shelf", "R1", "--user", "nobody")
    _one_sentence(r)
    assert "init --branch" in r.stderr


@pytest.mark.parametrize("code", ["1404\x1b[31m/01/15", "9" * 5000])
def test_typed_input_comes_back_escaped_and_cut(tmp_path: Path, code: str) -> None:
    _prepared(tmp_path / "db.sqlite", tmp_path / "data", to_step=1)
    r = _run(_env(tmp_path / "db.sqlite", tmp_path / "data", tmp_path), "track", code, "--user", CLERK)
    _one_sentence(r)
    assert "\x1b" not in r.stderr and len(r.stderr) < 300, r.stderr
    assert "کد پیگیری درستی نیست" in r.stderr
