"""Where the store's address and password come from, and the refusals that keep the password private.

Order: settings (flags, environment, config file; Settings.store_password_source says which), then the OS keyring (`keyring` package, service
"scanstation-store", the store user as the account) when the password is not set there. A config file that holds
the password must be readable by its owner only. The password is never logged and never written to the database.
An address with a user or password written into it (`https://user:pw@host/…`) is refused: it would be shown, logged
and audited wherever the address is.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scanstation.core.errors import ConfigError, ScanStationError
from scanstation.core.settings import Settings, origin

if TYPE_CHECKING:  # the HTTP stack loads when a store is opened: the window shows the address without it
    from scanstation.sync.webdav import WebDavStore

KEYRING_SERVICE = "scanstation-store"


class StoreNotConfigured(ScanStationError):
    """No store address, or a password kept where others can read it."""


def require_private_config(settings: Settings) -> None:
    """Refuse a config file that holds the store password and is readable by group or others."""
    exposed = settings.config_file.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO) \
        if settings.store_password_source == "config" else 0
    if exposed:
        raise StoreNotConfigured(f"پرونده تنظیمات «{settings.config_file}» گذرواژه مخزن را دارد و دیگران هم "
                                 "می‌توانند آن را بخوانند؛ دسترسی آن را فقط به صاحبش بدهید (chmod 600).")


def require_plain_address(url: str, where: str) -> None:
    """Refuse a store address that carries a user or password (`where` says where it came from); the sentence never
    repeats the address, since it holds the secret."""
    try:
        parts = urlsplit(url.strip())
        userinfo = "@" in parts.netloc
    except ValueError:  # not a URL at all: the adapter's first request says so
        return
    if userinfo:
        raise StoreNotConfigured(f"نشانی مخزن مرکزی (store_url، از {where}) نام کاربری یا گذرواژه را در خود دارد و "
                                 "پذیرفته نشد؛ user:password@ را از نشانی بردارید، نام کاربری را در store_user و "
                                 "گذرواژه را در SCANSTATION_STORE_PASSWORD یا حلقه کلید سیستم بگذارید.")


def shown_address(url: str) -> str:
    """The store address as it may be shown or logged: scheme, host and path only (never a user, password or
    query)."""
    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"
    except ValueError:
        return "?"


def keyring_password(user: str | None) -> str | None:
    """The password kept for `user` in the system keyring; None when there is none or no usable keyring."""
    if not user:
        return None
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, user)
    except Exception:  # no usable keyring backend on this machine: same as no password stored there
        return None


def valid_store_url(url: str) -> bool:
    """An http or https address with a host: anything else (ftp://, no scheme, a broken bracket) is a setting to
    fix, not a network to wait for."""
    try:
        parsed = urlsplit(url.strip())
        return parsed.scheme in ("http", "https") and bool(parsed.hostname)
    except ValueError:  # "ht!tp://[::1": an unclosed IPv6 bracket
        return False


def check_store_settings(settings: Settings) -> None:
    """Refuse, before anything is sent, an address that is no http(s) address and a CA bundle that is not there,
    naming the setting and where it came from."""
    if not valid_store_url(str(settings.store_url)):
        raise ConfigError(f"نشانی مخزن مرکزی (از {origin(settings, 'store_url')}) نشانی کامل http یا https نیست؛ آن را "
                          "مانند https://dms.example.ir/dav/ بنویسید.")
    if settings.store_ca_bundle and not Path(settings.store_ca_bundle).is_file():
        raise ConfigError(f"پرونده گواهی store_ca_bundle (از {origin(settings, 'store_ca_bundle')}) پیدا نشد؛ مسیر "
                          "پرونده PEM گواهی مرجع را درست بنویسید.")


def open_store(settings: Settings) -> WebDavStore:
    """The configured store's adapter; one sentence when the address is missing or malformed, the CA bundle
    missing or the password exposed."""
    if not settings.store_url:
        raise StoreNotConfigured("نشانی مخزن مرکزی تنظیم نشده است؛ SCANSTATION_STORE_URL یا store_url را در "
                                 "پرونده تنظیمات بگذارید.")
    require_plain_address(settings.store_url, origin(settings, "store_url"))
    require_private_config(settings)
    check_store_settings(settings)
    from scanstation.sync.webdav import WebDavStore

    password = settings.store_password or keyring_password(settings.store_user)
    return WebDavStore(settings.store_url, settings.store_user, password, settings.store_ca_bundle)
