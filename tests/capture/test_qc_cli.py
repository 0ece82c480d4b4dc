"""`scanstation qc --json` per CLI.md, run as a process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests import imaging as im


def test_qc_json_lines_in_input_order_with_errors_and_barcodes(tmp_path: Path) -> None:
    clean = im.save(im.with_barcode(im.text_page(1), "SS-0012-1403-000417-K"), tmp_path / "p1.png")
    skew = im.save(im.skewed(im.text_page(2), 3), tmp_path / "p2.png")
    blank = im.save(im.blank_page(), tmp_path / "p3.png")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(im.save(im.text_page(3, dpi=100), tmp_path / "whole.png", dpi=100).read_bytes()[:5000])
    bomb = im.bomb_png(tmp_path / "bomb.png", 60000, 60000)
    run = subprocess.run([sys.executable, "-m", "scanstation", "qc", "--json", str(clean), str(bad), str(skew),
                          str(blank), str(truncated), str(bomb)], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                              "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["p1.png", "bad.png", "p2.png", "p3.png", "cut.png", "bomb.png"]
    assert lines[0]["ok"] is True and lines[0]["barcodes"] == [{"type": "CODE128", "value": "SS-0012-1403-000417-K"}]
    assert "error" in lines[1] and "ok" not in lines[1]
    assert lines[2]["reasons"] == ["skew"] and abs(lines[2]["metrics"]["skew_degrees"] - 3) <= 0.5
    assert lines[3]["reasons"] == ["blank"]
    assert [x.get("turn") for x in lines[:4]] == [0, None, 0, None]  # a blank page's turn is not told
    assert lines[0]["sheet_mm"] == [210.0, 297.0]  # the page fills the scan area: the image's size
    assert "ناقص" in lines[4]["error"] and "بزرگ" in lines[5]["error"]  # truncated; decompression bomb not decoded
    assert run.returncode == 1


def test_qc_all_clean_exits_zero(tmp_path: Path) -> None:
    clean = im.save(im.text_page(1), tmp_path / "p1.tif", compression="tiff_deflate")
    run = subprocess.run([sys.executable, "-m", "scanstation", "qc", str(clean)], capture_output=True, text=True,
                         timeout=120, env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                                           "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    assert run.returncode == 0 and "ok" in run.stdout


def test_crooked_label_on_a_later_page_is_still_found(tmp_path: Path) -> None:
    """Only the first page gets the thorough barcode search unasked; a later one gets it because it looks like it
    holds a barcode."""
    first = im.save(im.text_page(1), tmp_path / "p1.png")
    crooked = im.save(im.with_barcode(im.text_page(2), "SS-0012-1403-000417-K", angle=10), tmp_path / "p2.png")
    run = subprocess.run([sys.executable, "-m", "scanstation", "qc", "--json", str(first), str(crooked)],
                         capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                              "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [b["value"] for b in lines[1]["barcodes"]] == ["SS-0012-1403-000417-K"]
    assert run.stderr == ""


def test_qc_json_gives_the_turn_of_an_upside_down_page_and_the_size_of_an_a5_sheet(tmp_path: Path) -> None:
    turned = im.save(im.text_page(4).rotate(180), tmp_path / "upside-down.png")
    a5 = im.save(im.on_lid(im.sheet_page(148, 210)), tmp_path / "a5.png")
    run = subprocess.run([sys.executable, "-m", "scanstation", "qc", "--json", str(turned), str(a5)],
                         capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path / "d"),
                              "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    upside_down, sheet = (json.loads(line) for line in run.stdout.splitlines())
    assert upside_down["turn"] == 180 and upside_down["ok"] is True  # qc.toml: turned pages are put upright
    assert abs(sheet["sheet_mm"][0] - 148) <= 3 and abs(sheet["sheet_mm"][1] - 210) <= 3
