"""`scanstation ocr --json`, `reader --once` and `search --json` per CLI.md, run as processes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.builders import national_id_for
from tests.cli.conftest import run
from tests.persian_pages import letter, stamp_and_signature


def test_ocr_json_lines_in_input_order_upright_and_an_error_line(env: dict[str, str], tmp_path: Path) -> None:
    turned = letter(8, dpi=200, paper="A5", doc_type="CERTIFICATE", paragraphs=1, turn=270).save(tmp_path / "t.png")
    stamp = stamp_and_signature(2, dpi=150).save(tmp_path / "s.png")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"")
    r = run(env, "ocr", "--json", str(turned), str(bad), str(stamp))
    assert r.returncode == 1  # a file could not be read
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(turned), str(bad), str(stamp)]
    assert lines[0]["turn"] == 270 and lines[0]["text"].split("\n")[1] == "سازمان تأمین اجتماعی"
    assert 0.5 < lines[0]["confidence"] <= 1
    assert "error" in lines[1] and "text" not in lines[1]
    assert lines[2]["turn"] is None  # a stamp and a signature: no turn claimed


def test_stored_pages_are_read_then_found_by_the_search_command(env: dict[str, str], tmp_path: Path) -> None:
    assert run(env, "init", "--demo").returncode == 0
    r = run(env, "dossier", "new", "--insured-number", "1000234567", "--national-id", national_id_for(41), "--name",
            "علی محمدی", "--shelf", "R3", "--user", "clerk1", password="clerk1-pass")
    barcode = r.stdout.strip()
    assert barcode, r.stderr
    for step in (["dossier", "count", barcode, "--sheets", "1"], ["dossier", "label", barcode, "--pdf",
                 str(tmp_path / "l.pdf")], ["dossier", "prepare", barcode]):
        assert run(env, *step, "--user", "clerk1", password="clerk1-pass").returncode == 0
    page = letter(9, dpi=200, paper="A5", doc_type="PENSION", paragraphs=1).save(tmp_path / "p.png")
    assert run(env, "import", "--dossier", barcode, str(page), "--user", "clerk1", password="clerk1-pass"
               ).returncode == 0
    read = run(env, "reader", "--once")
    assert read.returncode == 0 and read.stdout.startswith("read 1 pages"), read.stdout + read.stderr

    r = run(env, "search", "سازمان تامين اجتماعي", "--json", "--user", "clerk1", password="clerk1-pass")
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert [(h["barcode"], h["document"], h["page"]) for h in hits] == [(barcode, None, 1)]
    assert "سازمان تأمین اجتماعی" in hits[0]["snippet"]
    r = run(env, "search", "ab", "--user", "clerk1", password="clerk1-pass")
    assert r.returncode == 1 and "سه حرف" in r.stderr
