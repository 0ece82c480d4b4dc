"""Scanning through SANE (python-sane): devices, profiles applied and read back, flatbed and feeder batches.

SANE clamps out-of-range values silently, so every option is read back and each difference becomes a warning the
clerk sees. A jam, an open cover or an I/O error ends the batch with a Persian sentence; pages already delivered
are the caller's to keep. The C module releases the GIL while scanning, so a worker thread keeps the window alive.

Which SANE configuration is used: `SCANSTATION_SANE_CONFIG` (a folder) when set; otherwise the system's
(`SANE_CONFIG_DIR`, else /etc/sane.d); when the system's finds no scanner, the test scanner configured by the
project's `resources/sane` so a newcomer can work. libsane reads its configuration path once per process, so the
fallback cannot be a second sane.init(): one init sees the system's backends plus `test`, and the test devices are
shown only when no real scanner was found.
"""

from __future__ import annotations

import os
import queue
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from PIL import Image

from scanstation.core.digits import to_persian
from scanstation.core.errors import InvalidInput, ScanStationError
from scanstation.core.policy import capture_limits, policy_file
from scanstation.core.progress import CancelToken
from scanstation.core.resources import resource

A4_MM = (210.0, 297.0)
SYSTEM_SANE_DIR = "/etc/sane.d"
_LOCK = threading.Lock()
_STATE: dict[str, object] = {}
# Handles of scanners that stopped answering. python-sane's dealloc calls sane_close while holding the GIL, and on a
# stuck driver that close waits for the driver: were such a handle ever freed, the whole process (window included)
# would freeze. So they are parked here for the life of the process, never closed.
_ABANDONED: list[object] = []

STATUS_MESSAGES = {
    "out of documents": "سینی تغذیه خالی است؛ برگ‌ها را در سینی بگذارید.",
    "jammed": "کاغذ در اسکنر گیر کرده است؛ برگ گیرکرده را آزاد کنید، صفحه‌های اسکن‌شده محفوظ است، سپس ادامه دهید.",
    "cover is open": "در اسکنر باز است؛ آن را ببندید و ادامه دهید. صفحه‌های اسکن‌شده محفوظ است.",
    "i/o": "ارتباط با اسکنر قطع شد (خطای ورودی/خروجی)؛ کابل و روشن بودن اسکنر را بررسی کنید و ادامه دهید.",
    "busy": "اسکنر در دست برنامه دیگری است؛ آن برنامه را ببندید.",
    "no memory": "حافظه اسکنر پر شد؛ اسکنر را خاموش و روشن کنید.",
}


class ScanError(ScanStationError):
    """The scanner stopped; the message says what the clerk should do."""


_END = object()


@dataclass(frozen=True)
class ScanProfile:
    name: str
    title: str
    dpi: int
    mode: str
    source: str
    min_dpi: int


@dataclass(frozen=True)
class DeviceInfo:
    name: str
    vendor: str
    model: str
    kind: str


@lru_cache(maxsize=1)
def load_profiles() -> Mapping[str, ScanProfile]:
    """Scan profiles from resources/scan_profiles.toml, read once per process."""
    data = policy_file("scan_profiles.toml")
    return MappingProxyType({name: ScanProfile(name, str(p["title"]), int(p["dpi"]), str(p["mode"]), str(p["source"]),
                              int(p.get("min_dpi", 300))) for name, p in data.items()})


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _system_with_test_scanner(system: str) -> str:
    """A SANE_CONFIG_DIR value: a folder listing the system's backends plus `test` (set up as in resources/sane),
    searched before the system's folders, which still give every other backend its own settings."""
    folder = Path(tempfile.gettempdir()) / f"scanstation-sane-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    system_dll = Path(system.split(":")[0] or SYSTEM_SANE_DIR) / "dll.conf"
    backends = system_dll.read_text(encoding="utf-8", errors="replace") if system_dll.exists() else ""
    _write(folder / "dll.conf", f"{backends}\ntest\n")
    _write(folder / "test.conf", resource("sane", "test.conf").read_text(encoding="utf-8"))
    return f"{folder}:{system}"


def _init() -> object:
    """Initialise SANE once per process, choosing the configuration by the rule in the module docstring."""
    import sane

    with _LOCK:
        if "devices" in _STATE:
            return sane
        chosen = os.environ.get("SCANSTATION_SANE_CONFIG")
        os.environ["SANE_CONFIG_DIR"] = chosen or _system_with_test_scanner(
            os.environ.get("SANE_CONFIG_DIR") or SYSTEM_SANE_DIR)
        sane.init()
        devices = [DeviceInfo(*d) for d in sane.get_devices()]
        real = [d for d in devices if not d.name.startswith("test:")]
        _STATE["devices"] = devices if chosen or not real else real
        return sane


def stall_seconds() -> float:
    """How long a scanner may deliver nothing before the batch gives up on it (resources/capture_limits.toml)."""
    return float(capture_limits().scanner_stall_seconds)


def list_devices() -> list[DeviceInfo]:
    """Scanners SANE can see now."""
    _init()
    return list(_STATE["devices"])  # type: ignore[arg-type]


def _message(error: Exception) -> str:
    text = str(error).lower()
    for key, message in STATUS_MESSAGES.items():
        if key in text:
            return message
    return f"اسکنر خطا داد ({error})؛ اسکنر را بررسی کنید و ادامه دهید."


def _pick(values: list[str], want: str) -> str | None:
    """The device's option value for our source/mode name ('adf', 'duplex', 'flatbed', 'gray', ...)."""
    keys = {"adf": ("feeder", "adf"), "duplex": ("duplex",), "flatbed": ("flatbed", "platen"),
            "gray": ("gray", "grey"), "color": ("color", "colour"), "lineart": ("lineart", "binary", "halftone")}[want]
    for value in values:
        low = value.lower()
        if any(k in low for k in keys) and (want == "duplex" or "duplex" not in low):
            return value
    return None


class Scanner:
    """One open SANE device with a profile applied."""

    def __init__(self, device: str | None = None) -> None:
        sane = _init()
        devices = list_devices()
        name = device or (devices[0].name if devices else None)
        if name is None:
            raise ScanError("هیچ اسکنری پیدا نشد؛ اسکنر را روشن و به رایانه وصل کنید.")
        try:
            self.dev = sane.open(name)  # type: ignore[attr-defined]
        except Exception as exc:
            raise ScanError(f"اسکنر «{name}» باز نشد: {_message(exc)}") from None
        self.name = name
        self.duplex = False
        self.dpi = 300
        self.stall_seconds = stall_seconds()
        self.stalled = False  # the driver stopped answering: its thread and handle are abandoned, never waited on

    def _options(self, key: str) -> list[str]:
        opt = self.dev.opt.get(key)
        return list(opt.constraint) if opt is not None and isinstance(opt.constraint, list) else []

    def _set(self, key: str, value: object) -> object:
        try:
            setattr(self.dev, key, value)
        except Exception:  # python-sane raises AttributeError/_sane.error for options the device lacks
            return None
        return getattr(self.dev, key)

    def apply(self, profile: ScanProfile, source: str | None = None, dpi: int | None = None,
              mode: str | None = None) -> list[str]:
        """Set source, mode, resolution and A4 area; read each back. Returns warnings in Persian."""
        warnings: list[str] = []
        source = source or profile.source
        mode = mode or profile.mode
        want_dpi = dpi or profile.dpi
        if source not in ("flatbed", "adf", "duplex") or mode not in ("gray", "color", "lineart"):
            raise InvalidInput("منبع باید flatbed، adf یا duplex و حالت باید gray، color یا lineart باشد.")
        sources = self._options("source")
        chosen = _pick(sources, source) if sources else None
        if source == "duplex" and chosen is None:
            chosen = _pick(sources, "adf")
            warnings.append("این اسکنر دورو اسکن نمی‌کند؛ فقط روی برگ‌ها اسکن می‌شود. برای پشت برگ‌ها دوباره اسکن کنید.")
            source = "adf"
        if chosen is None and sources:
            raise ScanError(f"این اسکنر منبع «{source}» ندارد؛ منابع موجود: {'، '.join(sources)}")
        if chosen is not None:
            self._set("source", chosen)
        self.duplex = source == "duplex"
        self.feeder = source in ("adf", "duplex")
        modes = self._options("mode")
        picked_mode = _pick(modes, mode) if modes else None
        if picked_mode is None and modes:
            picked_mode = _pick(modes, "gray") or modes[0]
            warnings.append(f"این اسکنر حالت «{mode}» ندارد؛ با «{picked_mode}» اسکن می‌شود.")
        if picked_mode is not None:
            self._set("mode", picked_mode)
        if "depth" in self.dev.opt and mode != "lineart":
            self._set("depth", 8)
        got = self._set("resolution", want_dpi)
        self.dpi = int(round(float(got))) if got is not None else want_dpi
        if self.dpi != want_dpi:
            warnings.append(f"اسکنر وضوح {to_persian(want_dpi)} را نپذیرفت و با {to_persian(self.dpi)} نقطه اسکن می‌کند.")
        for key, want in (("tl_x", 0.0), ("tl_y", 0.0), ("br_x", A4_MM[0]), ("br_y", A4_MM[1])):
            got = self._set(key, want)
            if got is not None and abs(float(got) - want) > 1.0:
                warnings.append(f"ناحیه اسکن به اندازه A4 نمی‌رسد ({key} = {to_persian(round(float(got)))} میلی‌متر)؛ "
                                "لبه برگ ممکن است بریده شود.")
        return warnings

    def show_test_grid(self) -> None:
        """SANE's test device draws a grid instead of its white page (which the quality check rightly flags blank),
        so a newcomer sees what scanning does; a real scanner has no such option and is left as it is."""
        self._set("test_picture", "Grid")

    def set_test_option(self, key: str, value: object) -> None:
        """Set a raw device option (the test backend's error statuses, for instance)."""
        setattr(self.dev, key, value)

    def pages(self) -> Iterator[Image.Image]:
        """Images as the scanner delivers them: one from the flatbed, or until the feeder is empty."""
        delivered = 0
        try:
            while True:
                try:
                    self.dev.start()
                    # no_cancel: python-sane would otherwise call sane_cancel itself, holding the GIL, and a driver
                    # whose cancel waits (the test backend's reader after an error status) would freeze every thread
                    image = self.dev.snap(no_cancel=True)
                except Exception as exc:
                    if "out of documents" in str(exc).lower() and self.feeder and delivered:
                        return
                    raise ScanError(_message(exc)) from None
                delivered += 1
                yield image
                if not self.feeder:
                    return
        finally:
            self._end_scan()

    def _end_scan(self) -> None:
        """sane_cancel through python-sane's cancel(), which lets other threads run while the driver finishes."""
        try:
            self.dev.cancel()
        except Exception:  # a device that vanished has nothing left to cancel
            pass

    def feed(self, cancel: CancelToken | None = None, ahead: int = 2) -> Iterator[Image.Image]:
        """`pages()` read on a worker thread up to `ahead` images in advance, so the feeder keeps moving while the
        last page is processed. Cancel stops feeding (between sheets, never between the two sides of one); every
        image already read is still delivered, so no sheet goes through the scanner without being kept. A scanner
        error arrives after the pages read before it. Close the iterator before closing the scanner."""
        delivered: queue.Queue[object] = queue.Queue(maxsize=ahead)
        stop = threading.Event()
        sides = 2 if self.duplex else 1

        def hand_over(item: object) -> bool:
            while not stop.is_set():
                try:
                    delivered.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def read() -> None:
            source, count = self.pages(), 0
            try:
                while not (count % sides == 0 and cancel is not None and cancel.is_set()):
                    image = next(source, None)
                    if image is None or not hand_over(image):
                        break
                    count += 1
            except ScanError as exc:
                hand_over(exc)
            except Exception as exc:  # anything else from the driver still ends the batch cleanly
                hand_over(ScanError(_message(exc)))
            hand_over(_END)

        reader = threading.Thread(target=read, name="sane-feed", daemon=True)
        reader.start()
        try:
            while (item := self._next(delivered)) is not _END:
                if isinstance(item, ScanError):
                    raise item
                yield item  # type: ignore[misc]
        finally:
            stop.set()
            if not self.stalled:
                reader.join()

    def _next(self, delivered: queue.Queue[object]) -> object:
        """The feeder's next item; a driver silent for `stall_seconds` ends the batch instead of holding it forever
        (the pages already delivered are kept by the caller)."""
        try:
            return delivered.get(timeout=self.stall_seconds)
        except queue.Empty:
            self.stalled = True
            _ABANDONED.append(self.dev)
            raise ScanError(
                f"اسکنر {to_persian(round(self.stall_seconds))} ثانیه هیچ برگی نفرستاد و کنار گذاشته شد؛ صفحه‌های "
                "اسکن‌شده محفوظ است. اسکنر را خاموش و روشن کنید و دوباره اسکن کنید؛ اگر باز هم پاسخ نداد، "
                "برنامه را ببندید و دوباره باز کنید.") from None

    def close(self) -> None:
        if self.stalled:  # sane_close would wait on the stuck driver too
            return
        try:
            self.dev.close()
        except Exception:  # closing a device that vanished must not hide the real error
            pass
