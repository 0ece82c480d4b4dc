"""The WebDAV adapter against real servers (wsgidav and Apache mod_dav_fs): create-never-overwrite, read-back
hashes, properties, listing, and every failure turned into its typed one-sentence problem."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scanstation.sync.store import (RemoteMismatch, StoreAuthFailed, StoreRefused, StoreUnavailable,
                                    collection_name)
from scanstation.sync.webdav import WebDavStore
from scanstation.core.settings import load_settings
from scanstation.sync.credentials import StoreNotConfigured, open_store
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy, free_port, self_signed, start_server


def _file(tmp_path: Path, name: str, size: int, seed: int = 1) -> tuple[Path, str]:
    data = (hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1))[:size]
    path = tmp_path / name
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def _is_persian_sentence(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text) and "\n" not in text and "Traceback" not in text


def test_put_new_reads_back_and_never_overwrites(store: WebDavStore, dav_server: DavServer, tmp_path: Path) -> None:
    src, sha = _file(tmp_path, "doc-01.pdf", 300_000)
    store.ensure_collection("SS-0012-1403-000001")
    store.ensure_collection("SS-0012-1403-000001")  # a second MKCOL is fine
    first = store.put_new("SS-0012-1403-000001", "doc-01.pdf", src, sha)
    again = store.put_new("SS-0012-1403-000001", "doc-01.pdf", src, sha)
    assert (first.created, again.created) == (True, False) and first.sha256 == again.sha256 == sha
    other, other_sha = _file(tmp_path, "other.pdf", 1000, seed=2)
    with pytest.raises(RemoteMismatch) as err:
        store.put_new("SS-0012-1403-000001", "doc-01.pdf", other, other_sha)
    assert _is_persian_sentence(str(err.value))
    assert (dav_server.files / "SS-0012-1403-000001" / "doc-01.pdf").read_bytes() == src.read_bytes()
    assert store.list("SS-0012-1403-000001") == ["doc-01.pdf"]
    assert store.list("absent") == []
    assert store.remote_sha256("SS-0012-1403-000001", "doc-01.pdf") == sha


def test_properties_round_trip_in_the_project_namespace(store: WebDavStore, tmp_path: Path) -> None:
    src, sha = _file(tmp_path, "d.pdf", 100)
    store.ensure_collection("c")
    store.put_new("c", "d.pdf", src, sha)
    store.put_new("c", "bare.pdf", src, sha)
    store.set_properties("c", "d.pdf", {"type": "EMPLOYMENT", "heading": "سوابق", "sha256": sha})
    assert store.collection_properties("c", ["type", "heading", "sha256", "absent"]) == {
        "d.pdf": {"type": "EMPLOYMENT", "heading": "سوابق", "sha256": sha}, "bare.pdf": {}}
    assert store.collection_properties("c", ["type"]) == {"d.pdf": {"type": "EMPLOYMENT"}, "bare.pdf": {}}


def test_wrong_password_is_one_sentence(dav_server: DavServer, tmp_path: Path) -> None:
    src, sha = _file(tmp_path, "d.pdf", 100)
    with pytest.raises(StoreAuthFailed) as err:
        WebDavStore(dav_server.url, USER, "wrong").ensure_collection("c")
    assert _is_persian_sentence(str(err.value)) and "wrong" not in str(err.value)
    assert dav_server.remote_files() == []


@pytest.mark.parametrize("status,kind", [(403, StoreRefused), (500, StoreUnavailable), (503, StoreUnavailable),
                                         (507, StoreUnavailable)])
def test_store_statuses_become_typed_sentences(proxied_store: WebDavStore, proxy: FaultProxy, tmp_path: Path,
                                               status: int, kind: type) -> None:
    src, sha = _file(tmp_path, "d.pdf", 5000)
    proxied_store.ensure_collection("c")
    proxy.fail(status, "PUT")
    with pytest.raises(kind) as err:
        proxied_store.put_new("c", "d.pdf", src, sha)
    assert _is_persian_sentence(str(err.value))
    assert proxied_store.put_new("c", "d.pdf", src, sha).sha256 == sha  # the next try goes through


def test_a_put_cut_midway_is_retried_into_one_whole_file(proxied_store: WebDavStore, proxy: FaultProxy,
                                                         dav_server: DavServer, tmp_path: Path) -> None:
    src, sha = _file(tmp_path, "big.pdf", 4_000_000)
    proxied_store.ensure_collection("c")
    proxy.cut("PUT")
    with pytest.raises(StoreUnavailable):
        proxied_store.put_new("c", "big.pdf", src, sha)
    result = proxied_store.put_new("c", "big.pdf", src, sha)
    assert result.sha256 == sha, proxy.seen
    assert [p.name for p in dav_server.remote_files() if not p.name.startswith(".")] == ["big.pdf"]
    assert (dav_server.files / "c" / "big.pdf").read_bytes() == src.read_bytes()


def test_refused_connection_and_restarted_server(dav_server: DavServer, tmp_path: Path) -> None:
    src, sha = _file(tmp_path, "d.pdf", 1000)
    with pytest.raises(StoreUnavailable) as err:
        WebDavStore(f"http://127.0.0.1:{free_port()}/dav/", USER, "x").ensure_collection("c")
    assert _is_persian_sentence(str(err.value))
    adapter = WebDavStore(dav_server.url, USER, PASSWORD)
    adapter.ensure_collection("c")
    dav_server.restart()
    assert adapter.put_new("c", "d.pdf", src, sha).created  # a stale kept-alive connection is not a failure


def test_tls_is_verified_and_collection_names_are_safe() -> None:
    assert WebDavStore("https://dms.example/dav", "u", "p").verify is True
    assert WebDavStore("https://dms.example/dav", "u", "p", "/etc/ca.pem").verify == "/etc/ca.pem"
    assert "Pa55-Secret" not in repr(WebDavStore("https://dms.example/dav", "u", "Pa55-Secret"))
    assert collection_name("SS-0012-1403-000417") == "SS-0012-1403-000417"
    assert collection_name("../a b/ج") == "_a_b__"


def test_https_certificates_are_verified_against_the_ca_bundle_setting(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    server = start_server("wsgidav", tmp_path / "tls-root", tls=(cert, key))
    try:
        with pytest.raises(StoreAuthFailed) as err:  # not signed by a CA the system trusts: refused
            WebDavStore(server.url, USER, PASSWORD).ensure_collection("c")
        assert "store_ca_bundle" in str(err.value) and _is_persian_sentence(str(err.value))
        settings = load_settings(config_file=str(tmp_path / "absent.toml"), store_url=server.url, store_user=USER,
                                 store_password=PASSWORD, store_ca_bundle=str(cert))
        store = open_store(settings)
        src, sha = _file(tmp_path, "d.pdf", 2000)
        store.ensure_collection("c")
        assert store.put_new("c", "d.pdf", src, sha).created
    finally:
        server.close()


def test_a_config_file_with_the_password_must_be_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCANSTATION_STORE_PASSWORD", raising=False)
    config, ca = tmp_path / "config.toml", tmp_path / "branch-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    config.write_text('store_url = "https://dms.example/dav/"\nstore_user = "u"\nstore_password = "Pa55-Secret"\n'
                      f'store_ca_bundle = "{ca}"\n', encoding="utf-8")
    config.chmod(0o640)
    settings = load_settings(config_file=str(config))
    assert settings.store_ca_bundle == str(ca) and "Pa55-Secret" not in repr(settings)
    with pytest.raises(StoreNotConfigured) as err:
        open_store(settings)
    assert "chmod 600" in str(err.value) and "Pa55-Secret" not in str(err.value)
    config.chmod(0o600)
    assert open_store(settings).verify == str(ca)
    with pytest.raises(StoreNotConfigured):
        open_store(load_settings(config_file=str(tmp_path / "absent.toml")))
