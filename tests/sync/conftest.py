"""Fixtures for the sync tests: wsgidav and Apache httpd (mod_dav_fs) on free loopback ports, and a fault proxy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scanstation.sync.webdav import WebDavStore
from tests.sync.servers import PASSWORD, USER, DavServer, FaultProxy, start_server

SERVERS = ["wsgidav", "apache"]


@pytest.fixture(params=SERVERS)
def dav_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DavServer]:
    """A fresh WebDAV server of each kind, stopped at teardown."""
    server = start_server(request.param, tmp_path / f"{request.param}-root")
    yield server
    server.close()


@pytest.fixture
def wsgidav_server(tmp_path: Path) -> Iterator[DavServer]:
    server = start_server("wsgidav", tmp_path / "wsgidav-root")
    yield server
    server.close()


@pytest.fixture
def proxy(dav_server: DavServer) -> Iterator[FaultProxy]:
    """A fault-injecting proxy in front of `dav_server`."""
    fault_proxy = FaultProxy(dav_server.port)
    yield fault_proxy
    fault_proxy.close()


@pytest.fixture
def store(dav_server: DavServer) -> Iterator[WebDavStore]:
    adapter = WebDavStore(dav_server.url, USER, PASSWORD)
    yield adapter
    adapter.close()


@pytest.fixture
def proxied_store(proxy: FaultProxy) -> Iterator[WebDavStore]:
    adapter = WebDavStore(proxy.url, USER, PASSWORD)
    yield adapter
    adapter.close()
