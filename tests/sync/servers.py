"""Real WebDAV servers on loopback for the sync tests, and a real HTTP proxy that injects failures.

wsgidav (PyPI) runs in a subprocess from a YAML config written here; Apache httpd with mod_dav_fs runs from an
httpd.conf written here (FIELD-NOTES has both recipes). Each serves `<root>/dav` with basic auth. The proxy sits
between the adapter and a server on its own port and answers chosen requests with a status or cuts them mid-body.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

USER, PASSWORD = "scanner", "s3cret-dav"
APACHE_MODULES = ("mpm_event", "authz_core", "authz_user", "authn_core", "authn_file", "auth_basic", "dav", "dav_fs")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    """Block until something accepts connections on the port (a server coming up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


@dataclass
class DavServer:
    """One WebDAV server process; `url` is its collection for the tests, `root / 'dav'` the files behind it."""

    kind: str
    root: Path
    owns_root: bool = False
    tls: tuple[Path, Path] | None = None  # certificate and key: serve HTTPS (wsgidav only)
    # wsgidav keeps dead properties in a shelve file, so that they outlive a restart as a real store's do; off, it
    # keeps them in memory (its default configuration)
    lasting_properties: bool = True
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/dav/"

    @property
    def files(self) -> Path:
        return self.root / "dav"

    def _command(self) -> list[str]:
        self.files.mkdir(parents=True, exist_ok=True)
        if self.kind == "wsgidav":
            config = {
                "host": "127.0.0.1", "port": self.port, "verbose": 1,
                "provider_mapping": {"/dav": str(self.files)},
                "http_authenticator": {"accept_basic": True, "accept_digest": False, "default_to_digest": False},
                "simple_dc": {"user_mapping": {"*": {USER: {"password": PASSWORD}}}},
                "property_manager": {"class": "wsgidav.prop_man.property_manager.ShelvePropertyManager",
                                     "kwargs": {"storage_path": str(self.root / "props.shelve")}}
                if self.lasting_properties else True,
                "lock_storage": True,
                "logging": {"enable_loggers": []},
            }
            if self.tls:
                config["ssl_certificate"], config["ssl_private_key"] = map(str, self.tls)
            path = self.root / "wsgidav.yaml"
            path.write_text(yaml.safe_dump(config), encoding="utf-8")
            return [sys.executable, "-m", "wsgidav.server.server_cli", "--config", str(path)]
        htpasswd = self.root / "htpasswd"
        subprocess.run(["htpasswd", "-bc", str(htpasswd), USER, PASSWORD], check=True, capture_output=True)
        modules = "\n".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so" for m in APACHE_MODULES)
        run_as = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
        if os.geteuid() == 0:  # the children drop to nobody: they must write the served folder and the lock db
            for path in (self.root, self.files):
                path.chmod(0o777)
        conf = self.root / "httpd.conf"
        conf.write_text(f"""ServerRoot {self.root}
ServerName 127.0.0.1
Listen 127.0.0.1:{self.port}
PidFile {self.root}/httpd.pid
ErrorLog {self.root}/error.log
LogLevel warn
{run_as}{modules}
DavLockDB {self.root}/DavLock
DocumentRoot {self.root}
<Directory {self.files}>
  Dav On
  AuthType Basic
  AuthName "scanstation-test"
  AuthUserFile {htpasswd}
  Require valid-user
</Directory>
""", encoding="utf-8")
        return ["apache2", "-f", str(conf), "-DFOREGROUND"]

    def start(self) -> None:
        log = (self.root / f"{self.kind}.out").open("ab")
        self.proc = subprocess.Popen(self._command(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the port is free again before a restart binds it
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    time.sleep(0.05)
            except OSError:
                return

    def close(self) -> None:
        """Stop for good, removing the folder when it is not pytest's."""
        self.stop()
        if self.owns_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def restart(self) -> None:
        self.stop()
        self.start()

    def remote_files(self) -> list[Path]:
        """Every file under the served folder (what a store operator would see)."""
        return sorted(p for p in self.files.rglob("*") if p.is_file())


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by itself (it is its own CA bundle), made with the openssl tool."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def start_server(kind: str, root: Path, tls: tuple[Path, Path] | None = None,
                 lasting_properties: bool = True) -> DavServer:
    """Start a server serving a folder under `root`; as root, Apache's children run as nobody and cannot enter
    pytest's private temporary folders, so its folder is then a world-traversable one of its own (removed by
    `close`)."""
    if kind == "apache" and shutil.which("apache2") is None:
        raise RuntimeError("apache2 is not installed: run installer/setup.sh --test")
    own = kind == "apache" and os.geteuid() == 0
    if own:
        root = Path(tempfile.mkdtemp(prefix="scanstation-apache-"))
        root.chmod(0o755)
    root.mkdir(parents=True, exist_ok=True)
    server = DavServer(kind, root, owns_root=own, tls=tls, lasting_properties=lasting_properties)
    server.start()
    return server


def _send(sock: socket.socket, data: bytes) -> None:
    """sendall without SIGPIPE: a C library loaded by earlier tests (SANE) may leave SIGPIPE at its default, which
    would end the whole test run when a killed client's socket is written to; this raises BrokenPipeError instead."""
    sock.sendall(data, socket.MSG_NOSIGNAL)


@dataclass
class Fault:
    """What to do to the next `times` requests whose method is `method` (None: any method)."""

    action: str  # "status", "cut", "cut_reply", "garble", "hang" or "drop"
    method: str | None
    times: int
    status: int = 503


_REASONS = {401: "Unauthorized", 403: "Forbidden", 500: "Internal Server Error", 503: "Service Unavailable",
            507: "Insufficient Storage"}


class FaultProxy:
    """A real HTTP/1.1 proxy on 127.0.0.1 in front of `upstream_port`, one request per connection.

    Requests pass through unless a queued fault matches: then the proxy answers with that status itself, sends
    the upstream only half of the request body and drops both connections (a cable pulled mid-PUT), passes on only
    half of the server's answer and resets (a line dropped mid-read-back), changes the answer's last byte (a store
    that gives back other bytes than it took), says nothing at all and holds the
    connection open (a store that took the connection and hangs), or closes the connection without an answer (what
    a kept-alive connection the server closed meanwhile looks like to the client that sends on it)."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.faults: list[Fault] = []
        self.seen: list[str] = []  # "METHOD path -> outcome", for assertions and failure messages
        self.bytes_per_second: float | None = None  # set to make uploads slow enough to be interrupted
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._held = 0
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(32)
        self.port = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/dav/"

    def fail(self, status: int, method: str | None = None, times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault("status", method, times, status))

    def cut(self, method: str = "PUT", times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault("cut", method, times))

    def cut_reply(self, method: str = "GET", times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault("cut_reply", method, times))

    def garble(self, method: str = "GET", times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault("garble", method, times))

    def hang(self, method: str | None = None, times: int = 1_000_000) -> None:
        with self._lock:
            self.faults.append(Fault("hang", method, times))

    def drop(self, method: str | None = None, times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault("drop", method, times))

    def hanging(self) -> int:
        """How many requests are being held unanswered right now."""
        with self._lock:
            return self._held

    def close(self) -> None:
        self._closed.set()
        self._sock.close()

    def _take_fault(self, method: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method in (None, method) and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    @staticmethod
    def _read_request(client: socket.socket) -> tuple[bytes, bytes, str, str] | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = client.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        method, path = lines[0].split(" ")[:2]
        length = 0
        kept = [lines[0]]
        for line in lines[1:]:
            name = line.split(":", 1)[0].strip().lower()
            if name == "content-length":
                length = int(line.split(":", 1)[1])
            if name not in ("connection", "keep-alive"):
                kept.append(line)
        kept.append("Connection: close")
        while len(body) < length:
            chunk = client.recv(min(1 << 20, length - len(body)))
            if not chunk:
                break
            body += chunk
        return ("\r\n".join(kept) + "\r\n\r\n").encode("latin-1"), body, method, path

    def _forward(self, client: socket.socket, upstream: socket.socket, data: bytes) -> bool:
        """Send `data` upstream, at `bytes_per_second` when set; False when the client died meanwhile (then the
        server is left with part of the body, as when the sending process is killed)."""
        if not self.bytes_per_second:
            _send(upstream, data)
            return True
        step = 65536
        for start in range(0, len(data), step):
            readable, _, _ = select.select([client], [], [], 0)
            if readable and not client.recv(1, socket.MSG_PEEK):
                return False
            _send(upstream, data[start:start + step])
            time.sleep(step / self.bytes_per_second)
        return True

    def _hold(self, client: socket.socket) -> None:
        """Answer nothing until the client gives up (or the proxy closes)."""
        with self._lock:
            self._held += 1
        try:
            while not self._closed.is_set():
                readable, _, _ = select.select([client], [], [], 0.2)
                if readable and not client.recv(65536):
                    return
        finally:
            with self._lock:
                self._held -= 1

    def _handle(self, client: socket.socket) -> None:
        try:
            self._relay(client)
        except OSError:  # the client was killed or gave up: nothing to answer
            pass

    def _relay(self, client: socket.socket) -> None:
        with client:
            request = self._read_request(client)
            if request is None:
                return
            head, body, method, path = request
            fault = self._take_fault(method)
            if fault is not None and fault.action == "hang":
                self.seen.append(f"{method} {path} -> held unanswered (injected)")
                self._hold(client)
                return
            if fault is not None and fault.action == "drop":
                self.seen.append(f"{method} {path} -> closed unanswered (injected)")
                return
            if fault is not None and fault.action == "status":
                self.seen.append(f"{method} {path} -> {fault.status} (injected)")
                reason = _REASONS.get(fault.status, "Error")
                _send(client, f"HTTP/1.1 {fault.status} {reason}\r\nContent-Length: 0\r\n"
                               "Connection: close\r\n\r\n".encode("latin-1"))
                return
            with socket.create_connection(("127.0.0.1", self.upstream_port)) as upstream:
                if fault is not None and fault.action in ("cut_reply", "garble"):
                    _send(upstream, head + body)
                    reply = b""
                    while chunk := upstream.recv(65536):
                        reply += chunk
                    if fault.action == "garble":
                        self.seen.append(f"{method} {path} -> last byte of the reply changed")
                        _send(client, reply[:-1] + bytes([reply[-1] ^ 1]))
                        return
                    self.seen.append(f"{method} {path} -> reply cut after {len(reply) // 2} bytes")
                    _send(client, reply[: len(reply) // 2])
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                if fault is not None:  # cut: half the body reaches the server, then both lines drop
                    self.seen.append(f"{method} {path} -> cut after {len(body) // 2} bytes")
                    _send(upstream, head + body[: len(body) // 2])
                    time.sleep(0.05)
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                self.seen.append(f"{method} {path}")
                try:
                    if not self._forward(client, upstream, head + body):
                        self.seen.append(f"{method} {path} -> client vanished mid-body")
                        upstream.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        return
                except OSError:  # the server answered early (412 before the body) and closed its side
                    pass
                while chunk := upstream.recv(65536):
                    _send(client, chunk)
