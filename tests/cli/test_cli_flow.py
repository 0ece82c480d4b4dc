"""The headless door alone takes a dossier from `dossier new` to step 10 (issue 9), with a clerk and a different
supervisor, refusing on the way what the services refuse: an open flag, sheets that do not add up (issue 9.5), the
wrong role, and a document sent back by the supervisor with the pages concerned."""

from __future__ import annotations

from pathlib import Path

from tests import imaging as im
from tests.cli_flow import CLERK, SUPERVISOR, Cli


def test_a_script_goes_from_new_to_reshelved(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    clerk, supervisor = ("--user", CLERK), ("--user", SUPERVISOR)
    barcode = cli.dossier_at_step_4(sheets=6, slimmed=1)
    files = [str(im.save(im.text_page(n), tmp_path / f"p{n}.png")) for n in range(1, 6)]
    files.append(str(im.save(im.blank_page(), tmp_path / "p6.png")))  # the slimmed sheet, scanned by mistake
    out = cli.ok("import", "--dossier", barcode, *files, *clerk)
    assert "6 pages captured, 1 flagged" in out

    assert "6 pages" in cli.ok("dossier", "scanned", barcode, *clerk)
    cli.ok("classify", barcode, "--pages", "1-3", "--type", "EMPLOYMENT", *clerk)
    cli.ok("classify", barcode, "--pages", "4-6", "--type", "EMPLOYMENT", *clerk)
    assert "ایراد کیفی" in cli.refused("dossier", "checked", barcode, *clerk)
    assert "page 6 accepted" in cli.ok("page", "accept", barcode, "--pages", "6", "--reason", "برگ سفید", *clerk)
    refusal = cli.refused("dossier", "checked", barcode, *clerk)
    assert "۵ برگ دارد" in refusal and "۶ برگ اسکن شده" in refusal  # issue 9.5: found while pages can change

    before = cli.show(barcode)["pages"]
    assert cli.ok("page", "rotate", barcode, "--pages", "1-2", "--degrees", "180", *clerk).count("turned") == 2
    assert "page 6 deleted" in cli.ok("page", "delete", barcode, "--pages", "6", "--reason", "لاغرسازی شده", *clerk)
    after = cli.show(barcode)["pages"]
    assert [p["seq"] for p in after] == [1, 2, 3, 4, 5]
    assert [a["sha256"] != b["sha256"] for a, b in zip(after, before)] == [True, True, False, False, False]
    assert "نیست" in cli.refused("page", "delete", barcode, "--pages", "4-9", "--reason", "x", *clerk)

    cli.ok("dossier", "checked", barcode, *clerk)
    assert "ناظر" in cli.refused("verify", barcode, "--approve", *clerk)
    assert cli.show(barcode)["state"] == "checked"
    assert "approved document 1: 3 pages" in cli.ok("verify", barcode, "--approve", "--document", "1", *supervisor)
    shown = cli.show(barcode)
    assert shown["state"] == "checked" and [d["verified_by"] for d in shown["documents"]] == [SUPERVISOR, None]
    code, _, err = cli.run("verify", barcode, "--approve", "--pages", "4", *supervisor)
    assert code == 2 and "--document" in err
    assert "flagged back" in cli.ok("verify", barcode, "--reject", "برگ ۵ ناخوانا", "--document", "2", "--pages", "5",
                                    *supervisor)
    shown = cli.show(barcode)
    assert shown["state"] == "rejected" and [p["qc_reasons"] for p in shown["pages"]][3:] == [[], ["supervisor"]]
    assert shown["documents"][0]["verified_by"] == SUPERVISOR  # untouched pages keep their approval
    cli.ok("page", "accept", barcode, "--pages", "5", "--reason", "اصل برگ کم‌رنگ است", *clerk)
    cli.ok("dossier", "checked", barcode, *clerk)
    assert "approved 5 pages" in cli.ok("verify", barcode, "--approve", *supervisor)
    shown = cli.show(barcode)
    assert shown["state"] == "verified" and all(d["verified_at"] for d in shown["documents"])
    assert "پیش از تأیید ناظر" in cli.refused("page", "rotate", barcode, "--pages", "1", *clerk)

    cli.ok("dossier", "reassemble", barcode, *clerk)
    cli.refused("dossier", "recount", barcode, "--sheets", "6", *clerk)
    cli.ok("dossier", "recount", barcode, "--sheets", "5", *clerk)
    cli.ok("dossier", "reshelve", barcode, "--shelf", "R9", *clerk)
    detail = cli.show(barcode)
    assert [(s["step"], s["user"]) for s in detail["steps"]] == [
        (1, CLERK), (2, CLERK), (3, CLERK), (4, CLERK), (5, CLERK), (6, CLERK), (7, SUPERVISOR), (7, SUPERVISOR),
        (6, CLERK), (7, SUPERVISOR), (7, SUPERVISOR), (8, CLERK), (9, CLERK), (10, CLERK)]
    assert detail["sheets_recounted"] == 5 and detail["shelf"] == "R9"
    assert "intact" in cli.ok("audit", "verify")
