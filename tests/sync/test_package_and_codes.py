"""Package naming and manifest bytes, the outbox files, tracking codes and the backoff policy: the pure parts."""

from __future__ import annotations

import json
import random
from pathlib import Path

from scanstation.sync.package import (ManifestDocument, ManifestHead, manifest_bytes, manifest_file_name,
                                      outbox_dir, write_outbox_file)
from scanstation.sync.policy import load_policy
from scanstation.sync.tracking import new_tracking_code, normalise_tracking_code

HEAD = ManifestHead("SS-0012-1403-000001", "1000234500", "0012345679", "0012", "شعبه", 41, "a" * 64,
                    "2026-01-01T00:00:00Z")


def _doc(number: int) -> ManifestDocument:
    return ManifestDocument(number, f"document-{number:03d}.pdf", "b" * 64, 10, "123456789012", "EMPLOYMENT", "x",
                            "H", "y", "G", None, {}, ["clerk1"], "super1", "2026-01-01T00:00:00Z",
                            [{"seq": 1, "sha256": "c" * 64}])


def test_manifest_versions_are_new_names_and_canonical_bytes() -> None:
    assert [manifest_file_name(v) for v in (1, 2, 12)] == ["manifest-0001.json", "manifest-0002.json",
                                                            "manifest-0012.json"]
    one = manifest_bytes(2, HEAD, [_doc(2), _doc(1)])
    assert one == manifest_bytes(2, HEAD, [_doc(1), _doc(2)])
    body = json.loads(one)
    assert body["manifest_version"] == 2 and [d["number"] for d in body["documents"]] == [1, 2]
    assert body["audit_chain_head"] == {"seq": 41, "hash": "a" * 64} and "شعبه" in one.decode("utf-8")


def test_outbox_files_are_named_by_their_hash_and_written_once(tmp_path: Path) -> None:
    outbox = outbox_dir(tmp_path)
    first = write_outbox_file(outbox, b"%PDF-1.4 one", ".pdf")
    again = write_outbox_file(outbox, b"%PDF-1.4 one", ".pdf")
    assert first == again and first.name == f"{first.sha256}.pdf"
    assert [p.name for p in outbox.iterdir()] == [first.name]  # no temporary file left behind


def test_tracking_codes_catch_a_mistyped_digit() -> None:
    codes = {new_tracking_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 12 and c.isdigit() for c in codes)
    code = codes.pop()
    assert normalise_tracking_code(code) == code
    persian = code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert normalise_tracking_code(f"{persian[:4]} {persian[4:8]}-{persian[8:]}") == code
    for i in range(12):
        wrong = code[:i] + str((int(code[i]) + 1) % 10) + code[i + 1:]
        assert normalise_tracking_code(wrong) is None
    assert normalise_tracking_code("12345") is None


def test_backoff_grows_with_jitter_and_stays_under_the_cap() -> None:
    policy = load_policy()
    rnd = random.Random(3)
    waits = [policy.backoff(n, rnd).total_seconds() for n in range(1, 12)]
    assert all(w <= policy.backoff_max_seconds for w in waits)
    assert waits[0] <= policy.backoff_base_seconds and waits[4] > policy.backoff_base_seconds * 2
    assert len({round(policy.backoff(3).total_seconds(), 6) for _ in range(20)}) > 1  # jitter


def test_the_windows_worker_sends_fewer_files_at_once_than_the_service() -> None:
    policy = load_policy()
    window = policy.in_window()
    assert window.parallel_uploads == policy.window_parallel_uploads < policy.parallel_uploads
    assert {**window.__dict__, "parallel_uploads": 0} == {**policy.__dict__, "parallel_uploads": 0}  # the rest alike
