"""`audit verify --against-store` on a store holding N dossiers' collections (issue 20, point 4): the check reads the
store's own listing (PROPFIND of the root, then one of each collection) and GETs every manifest, four collections at
a time. The collections are this branch's (their manifests name its branch and hold a head of its chain), laid down
directly in the server's folder; the database holds the chain they anchor. wsgidav and Apache mod_dav.
Run: .venv/bin/python bench/bench_store_anchors.py [N ...]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT  # noqa: F401 (puts the project on the path)

from scanstation.bootstrap import bootstrap
from scanstation.core.identifiers import make_barcode
from scanstation.core.models import AuditEntry
from scanstation.core.uow import Actor
from scanstation.services.audit import verify_against_store
from scanstation.sync.webdav import WebDavStore
from tests.builders import BRANCH, staff
from tests.sync.servers import PASSWORD, USER, start_server

CONSOLE = Actor("system:console", system=True)


def run(kind: str, count: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="scanstation-anchors-"))
    app = bootstrap(db_url=f"sqlite:///{folder / 'db.sqlite'}", data_dir=str(folder / "data"),
                    config_file=str(folder / "none.toml"))
    app.upgrade_schema()
    staff(app)
    with app.uow(CONSOLE) as uow:
        entry = uow.session.get(AuditEntry, 1)
        seq, digest = entry.seq, entry.hash
    server = start_server(kind, folder / "store")
    for n in range(1, count + 1):
        barcode = make_barcode(BRANCH, 1405, n)
        collection = server.files / barcode
        collection.mkdir()
        (collection / "manifest-0001.json").write_text(json.dumps({
            "branch": {"code": BRANCH, "name": "x"}, "dossier": {"barcode": barcode},
            "audit_chain_head": {"seq": seq, "hash": digest}, "documents": []}), encoding="utf-8")
        (collection / "document-001.pdf").write_bytes(b"%PDF-1.4 " + bytes(2000))
    store = WebDavStore(server.url, USER, PASSWORD)
    try:
        started = time.perf_counter()
        report = verify_against_store(lambda: app.uow(CONSOLE), store)
        took = time.perf_counter() - started
    finally:
        store.close()
        server.close()
        app.close()
    assert report.checked == count and len(report.unaccounted) == count  # no upload rows: each one named
    print(f"{kind:8s} {count:6d} dossiers: --against-store {took:6.2f} s ({1000 * took / count:.1f} ms a dossier)")


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [100, 1000]:
        for server_kind in ("wsgidav", "apache"):
            run(server_kind, size)
