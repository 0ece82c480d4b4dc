"""The WebDAV adapter (RFC 4918) on `requests`: one collection per dossier, files created with `If-None-Match: *`,
metadata as dead properties in the project's namespace, every upload read back and hashed before it counts.

Each request waits for the store as long as upload.toml allows for its size (UploadPolicy.timeouts); a store that
does not answer in that time is the store's problem, not the file's (StoreNotAnswering). A request that does not
change the store, or changes it the same way when repeated, is sent once more on a fresh connection when the
connection it went out on turns out to be cut (a kept-alive connection the server closed meanwhile); a PUT never is.

TLS certificates are always verified (against the system's roots, or the `store_ca_bundle` file for a private CA);
there is deliberately no way to switch that off. The password lives only in the adapter's auth pair (never in
its repr). Each sending thread has its own requests.Session, so its connection is kept alive between files.
"""

from __future__ import annotations

import hashlib
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

import requests
from requests.adapters import HTTPAdapter

from scanstation.core.digits import to_persian
from scanstation.sync.policy import UploadPolicy, load_policy
from scanstation.sync.store import (NAMESPACE, PutResult, RemoteMismatch, StoreAuthFailed, StoreError,
                                    StoreNotAnswering, StoreOffline, StoreRefused, StoreUnavailable,
                                    local_copy_damaged)

CHUNK = 1 << 20
DAV = "DAV:"
REPEATABLE = frozenset({"GET", "HEAD", "PROPFIND", "PROPPATCH", "MKCOL", "DELETE"})  # the same effect when repeated


def _problem(status: int, what: str) -> StoreError:
    """The typed problem, in one sentence, for an HTTP status the store answered."""
    if status == 401:
        return StoreAuthFailed("نام کاربری یا گذرواژه مخزن مرکزی پذیرفته نشد؛ تنظیم store_user و گذرواژه مخزن را "
                               "با مسئول فناوری شعبه بررسی کنید.")
    if status == 403:
        return StoreRefused(f"مخزن مرکزی اجازه نوشتن «{what}» را نمی‌دهد؛ دسترسی این حساب را از مسئول مخزن بخواهید.")
    if status in (404, 409):
        return StoreRefused(f"مسیر «{what}» در مخزن مرکزی پیدا نشد؛ نشانی store_url را با مسئول مخزن بررسی کنید.")
    if status == 507:
        return StoreUnavailable("فضای مخزن مرکزی پر است؛ به مسئول مخزن خبر دهید، بارگذاری پس از آزاد شدن فضا "
                                "خودکار ادامه می‌یابد.")
    if status >= 500 or status in (408, 429):
        return StoreUnavailable(f"مخزن مرکزی پاسخ خطای {to_persian(status)} داد؛ بارگذاری کمی بعد خودکار "
                                "دوباره انجام می‌شود.")
    return StoreRefused(f"مخزن مرکزی درخواست «{what}» را با کد {to_persian(status)} نپذیرفت؛ "
                        "موضوع را به مسئول مخزن بگویید.")


def _timed_out(exc: requests.RequestException) -> bool:
    """A timeout, also one met while reading a body (requests reports that one as a ConnectionError)."""
    return isinstance(exc, requests.exceptions.Timeout) or "timed out" in str(exc).lower()


def _network_problem(exc: requests.RequestException) -> StoreError:
    if isinstance(exc, requests.exceptions.SSLError):
        return StoreAuthFailed("گواهی امنیتی (TLS) مخزن مرکزی تأیید نشد؛ اگر مخزن گواهی سازمانی دارد، مسیر پرونده "
                               "گواهی آن را در تنظیم store_ca_bundle بگذارید.")
    if isinstance(exc, requests.exceptions.ConnectionError) and "refused" in str(exc).lower():
        return StoreOffline("مخزن مرکزی در دسترس نیست (اتصال برقرار نشد)؛ اسناد در صف می‌مانند و پس از "
                                "برقراری ارتباط خودکار فرستاده می‌شوند.")
    if _timed_out(exc):
        return StoreNotAnswering("مخزن مرکزی اتصال را پذیرفت ولی در زمان مقرر پاسخ نداد؛ اسناد در صف می‌مانند و "
                                 "بارگذاری بعداً خودکار دوباره انجام می‌شود؛ اگر ادامه یافت به مسئول مخزن خبر دهید.")
    return StoreUnavailable("ارتباط با مخزن مرکزی در میانه کار قطع شد؛ ارسال کمی بعد خودکار دوباره انجام می‌شود.")


def _chunks(path: Path, limit: int | None = None) -> Iterator[bytes]:
    with path.open("rb") as fh:
        left = limit
        while left is None or left > 0:
            block = fh.read(CHUNK if left is None else min(CHUNK, left))
            if not block:
                return
            if left is not None:
                left -= len(block)
            yield block


def file_sha256(path: Path, limit: int | None = None) -> str:
    """SHA-256 of a local file (of its first `limit` bytes when given), read in chunks."""
    digest = hashlib.sha256()
    for block in _chunks(path, limit):
        digest.update(block)
    return digest.hexdigest()


class _HashingReader:
    """A PUT body that hashes what the transport reads from it: the outbox file is read once, and the hash is of
    the very bytes that went out (a copy damaged since it was queued is caught without reading it twice)."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self._fh, self._size = fh, size
        self.digest = hashlib.sha256()

    def __len__(self) -> int:  # requests takes the body's length from here
        return self._size

    def read(self, size: int = -1) -> bytes:
        block = self._fh.read(size)
        self.digest.update(block)
        return block


class _BigBlocks(HTTPAdapter):
    """Sends request bodies in 1 MiB writes instead of urllib3's 16 KiB: a large PDF goes out several times faster."""

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        kwargs["blocksize"] = CHUNK
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]


class WebDavStore:
    """A WebDAV collection at `base_url` holding one sub-collection per dossier."""

    def __init__(self, base_url: str, user: str | None, password: str | None, ca_bundle: str | None = None,
                 policy: UploadPolicy | None = None) -> None:
        self._policy = policy or load_policy()  # the request timeouts
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.verify: str | bool = ca_bundle or True  # passed on every request: REQUESTS_CA_BUNDLE cannot override
        self._auth = (user, password or "") if user else None
        # A branch may reach the store through a proxy (HTTPS_PROXY, NO_PROXY): read once for the store's address,
        # since every request goes there; requests would otherwise read the environment again for each one.
        self._proxies = requests.utils.get_environ_proxies(self.base_url)
        self._collections: set[str] = set()  # created or found in this session: no second MKCOL
        self._mkcol_lock = threading.Lock()
        self._mkcols = 0  # MKCOLs answered or given up on so far, and whether the store left the last unanswered
        self._mkcol_unanswered: StoreNotAnswering | None = None
        self._local = threading.local()
        self._sessions: list[tuple[threading.Thread, requests.Session]] = []
        self._sessions_lock = threading.Lock()

    def __repr__(self) -> str:  # never the password
        return f"WebDavStore({self.base_url!r})"

    @property
    def session(self) -> requests.Session:
        """This thread's session: each sending thread keeps its own kept-alive connection and shares no state."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.mount("https://", _BigBlocks())
            session.mount("http://", _BigBlocks())
            session.auth = self._auth
            session.trust_env, session.proxies = False, dict(self._proxies)  # no netrc, no CA or proxy from env
            session.headers["User-Agent"] = "ScanStation-sync"
            self._local.session = session
            with self._sessions_lock:  # a service starts new sending threads each pass: let the old ones' go
                for thread, old in [pair for pair in self._sessions if not pair[0].is_alive()]:
                    old.close()
                    self._sessions.remove((thread, old))
                self._sessions.append((threading.current_thread(), session))
        return session

    def close(self) -> None:
        """Close every thread's session (also to abandon the run: a request still waiting ends on its own timeout,
        and no connection is kept for it)."""
        with self._sessions_lock:
            for _thread, session in self._sessions:
                session.close()
            self._sessions.clear()

    def _url(self, collection: str, name: str | None = None) -> str:
        url = self.base_url + quote(collection) + "/"
        return url + quote(name) if name else url

    def _request(self, method: str, url: str, what: str, ok: tuple[int, ...], size: int = 0,
                 **kwargs: object) -> requests.Response:
        """One request, waiting as long as the policy allows for `size` bytes; a repeatable one is sent once more
        on a fresh connection when its connection was cut (the failed one is dropped from the pool)."""
        timeout = self._policy.timeouts(size, CHUNK)
        for last in (method not in REPEATABLE, True):
            try:
                response = self.session.request(method, url, timeout=timeout, verify=self.verify,  # type: ignore[arg-type]
                                                **kwargs)
                break
            except requests.RequestException as exc:
                if last or _timed_out(exc) or not isinstance(exc, requests.exceptions.ConnectionError) \
                        or isinstance(exc, requests.exceptions.SSLError):
                    raise _network_problem(exc) from None
        if response.status_code not in ok:
            response.close()
            raise _problem(response.status_code, what)
        return response

    def ensure_collection(self, collection: str) -> None:
        before = self._mkcols
        with self._mkcol_lock:  # parallel senders: Apache answers 403 to a MKCOL racing another one
            if collection not in self._collections:
                if self._mkcols != before and self._mkcol_unanswered is not None:
                    # the store left unanswered a MKCOL that ended while this thread waited its turn: it is not
                    # asked again now (one timeout after another would hold the run up that many times)
                    raise StoreNotAnswering(str(self._mkcol_unanswered))
                self._mkcol_unanswered = None
                try:
                    self._request("MKCOL", self._url(collection), collection, (201, 405)).close()  # 405: exists
                except StoreNotAnswering as exc:
                    self._mkcol_unanswered = exc
                    raise
                except StoreRefused:  # another workstation may have made it a moment ago: look before refusing
                    probe = self._request("PROPFIND", self._url(collection), collection, (207, 403, 404),
                                          headers={"Depth": "0"})
                    probe.close()
                    if probe.status_code != 207:
                        raise
                finally:
                    self._mkcols += 1
                self._collections.add(collection)

    def remote_sha256(self, collection: str, name: str) -> str | None:
        digest, _ = self._remote_digest(collection, name)
        return digest

    def _remote_digest(self, collection: str, name: str) -> tuple[str | None, int]:
        what = f"{collection}/{name}"
        response = self._request("GET", self._url(collection, name), what, (200, 404), stream=True)
        with response:
            if response.status_code == 404:
                return None, 0
            digest, size = hashlib.sha256(), 0
            try:
                for block in response.iter_content(CHUNK):
                    digest.update(block)
                    size += len(block)
            except requests.RequestException as exc:
                raise _network_problem(exc) from None
        return digest.hexdigest(), size

    def _put(self, collection: str, name: str, source: Path) -> tuple[int, str]:
        """PUT `source` unless the name is taken; returns the status and the SHA-256 of the bytes that went out."""
        size = source.stat().st_size
        with source.open("rb") as fh:
            body = _HashingReader(fh, size)
            response = self._request("PUT", self._url(collection, name), f"{collection}/{name}", (200, 201, 204, 412),
                                     size, data=body, headers={"If-None-Match": "*", "Content-Length": str(size),
                                                         "Content-Type": _content_type(name)})
        response.close()
        return response.status_code, body.digest.hexdigest()

    def put_new(self, collection: str, name: str, source: Path, sha256: str) -> PutResult:
        size = source.stat().st_size
        status, sent = self._put(collection, name, source)
        remote, remote_size = self._remote_digest(collection, name)
        if sent != sha256:  # the outbox copy changed since it was queued: what went out must not stay
            if remote == sent:  # those bytes, stored now or by a run killed before it could remove them
                self._delete(collection, name)
            if remote != sha256:
                raise local_copy_damaged(name)
        if status == 412 and remote is not None and remote != sha256 and remote_size < size \
                and file_sha256(source, remote_size) == remote:
            # Our own earlier upload, cut part-way (some servers keep the half file): remove it and send again.
            self._delete(collection, name)
            status, _ = self._put(collection, name, source)
            remote, remote_size = self._remote_digest(collection, name)
        if remote == sha256:
            return PutResult(sha256, size, created=status != 412)
        if status == 412:
            raise RemoteMismatch(f"در مخزن مرکزی پرونده‌ای دیگر با نام «{collection}/{name}» هست که با این سند "
                                 "نمی‌خواند؛ چیزی بازنویسی نشد، موضوع را به مسئول مخزن بگویید.")
        raise StoreUnavailable(f"نسخه «{collection}/{name}» که مخزن مرکزی برگرداند با فایل فرستاده‌شده نمی‌خواند؛ "
                               "ارسال کمی بعد دوباره انجام می‌شود.")

    def _delete(self, collection: str, name: str) -> None:
        self._request("DELETE", self._url(collection, name), f"{collection}/{name}", (200, 204, 404)).close()

    def set_properties(self, collection: str, name: str, properties: dict[str, str]) -> None:
        ET.register_namespace("D", DAV)
        ET.register_namespace("s", NAMESPACE)
        update = ET.Element(f"{{{DAV}}}propertyupdate")
        prop = ET.SubElement(ET.SubElement(update, f"{{{DAV}}}set"), f"{{{DAV}}}prop")
        for key, value in properties.items():
            ET.SubElement(prop, f"{{{NAMESPACE}}}{key}").text = value
        body = ET.tostring(update, encoding="utf-8", xml_declaration=True)
        what = f"{collection}/{name}"
        response = self._request("PROPPATCH", self._url(collection, name), what, (200, 207), data=body,
                                 headers={"Content-Type": "application/xml; charset=utf-8"})
        with response:
            statuses = _propstat_codes(response.content)
        if any(code >= 300 for code in statuses):
            raise _problem(max(statuses), what)

    def collection_properties(self, collection: str, names: list[str]) -> dict[str, dict[str, str]]:
        """One PROPFIND (Depth 1) for the named properties of every file in the collection: file name -> the
        properties found (a missing one left out)."""
        find = ET.Element(f"{{{DAV}}}propfind")
        prop = ET.SubElement(find, f"{{{DAV}}}prop")
        for key in names:
            ET.SubElement(prop, f"{{{NAMESPACE}}}{key}")
        url = self._url(collection)
        response = self._request("PROPFIND", url, collection, (207,),
                                 data=ET.tostring(find, encoding="utf-8", xml_declaration=True),
                                 headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        with response:
            root = ET.fromstring(response.content)
        found: dict[str, dict[str, str]] = {}
        for item in root.iter(f"{{{DAV}}}response"):
            name = _member_name(item, url)
            if name is None:
                continue
            values = found.setdefault(name, {})
            for propstat in item.iter(f"{{{DAV}}}propstat"):
                if " 200 " not in (propstat.findtext(f"{{{DAV}}}status") or "") + " ":
                    continue
                for element in propstat.iter():
                    if element.tag.startswith(f"{{{NAMESPACE}}}"):
                        values[element.tag.split("}", 1)[1]] = element.text or ""
        return found

    def read(self, collection: str, name: str) -> bytes | None:
        response = self._request("GET", self._url(collection, name), f"{collection}/{name}", (200, 404))
        with response:
            return None if response.status_code == 404 else response.content

    def list(self, collection: str) -> list[str]:
        return self._members(self._url(collection), collection)

    def collections(self) -> list[str]:
        return self._members(self.base_url, self.base_url)

    def _members(self, url: str, what: str) -> list[str]:
        """Names of what the collection at `url` holds (one level down; empty when it does not exist)."""
        response = self._request("PROPFIND", url, what, (207, 404), headers={"Depth": "1"},
                                 data=b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/>'
                                      b'</D:prop></D:propfind>')
        with response:
            if response.status_code == 404:
                return []
            root = ET.fromstring(response.content)
        names = []
        for item in root.iter(f"{{{DAV}}}response"):
            name = _member_name(item, url)
            if name is not None:
                names.append(name)
        return sorted(names)


def _member_name(response: ET.Element, collection_url: str) -> str | None:
    """The name of a multistatus response's resource inside the collection; None for the collection itself."""
    own = urlsplit(collection_url).path.rstrip("/")
    path = urlsplit(response.findtext(f"{{{DAV}}}href") or "").path.rstrip("/")
    if not path or path == own or unquote(path) == unquote(own):
        return None
    return unquote(path.rsplit("/", 1)[-1])


def _content_type(name: str) -> str:
    return "application/pdf" if name.endswith(".pdf") else "application/json" if name.endswith(".json") \
        else "application/octet-stream"


def _propstat_codes(content: bytes) -> list[int]:
    codes = []
    for status in ET.fromstring(content).iter(f"{{{DAV}}}status"):
        parts = (status.text or "").split()
        if len(parts) >= 2 and parts[1].isdigit():
            codes.append(int(parts[1]))
    return codes
