"""`pip install` of the built wheel (not editable) into a fresh virtual environment gives a `scanstation` whose
`taxonomy` and `qc` work from any folder: the policy files, fonts and SANE configuration ship inside the package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests import imaging as im

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{cmd}: {done.stdout}\n{done.stderr}"
    return done


def test_installed_wheel_runs_taxonomy_and_qc_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "tests", "bench", "build",
                                                                "__pycache__", "*.egg-info", "test-artifacts"))
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
          "-w", str(wheels), str(source)], tmp_path)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], tmp_path)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", *map(str, wheels.glob("*.whl"))],
         tmp_path)
    # The dependencies come from the test environment's own site-packages (appended after the new venv's, so the
    # installed wheel is what `import scanstation` finds), to spare a download.
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     tmp_path).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "SCANSTATION_DATA": str(tmp_path / "d"),
           "SCANSTATION_CONFIG": str(tmp_path / "none.toml")}
    where = _run([str(python), "-c", "import scanstation.core.resources as r; print(r.resource('qc.toml'))"],
                 elsewhere, env).stdout.strip()
    assert Path(where).is_file() and Path(where).is_relative_to(venv)

    types = json.loads(_run([str(venv / "bin" / "scanstation"), "taxonomy", "--json"], elsewhere, env).stdout)
    assert len(types) > 10 and all({"code", "heading", "disposition"} <= set(t) for t in types)

    page = im.save(im.with_barcode(im.text_page(1), "SS-0012-1403-000417-K"), elsewhere / "p1.png")
    report = json.loads(_run([str(venv / "bin" / "scanstation"), "qc", "--json", page.name], elsewhere, env).stdout)
    assert report["ok"] is True and report["barcodes"] == [{"type": "CODE128", "value": "SS-0012-1403-000417-K"}]
