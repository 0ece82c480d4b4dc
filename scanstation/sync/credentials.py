"""Where the store's address and password come from, and the refusals that keep the password private.

Order: settings (flags, environment, config file; Settings.store_password_source says which), then the OS keyring (`keyring` package, service
"scanstation-store", the store user as the account) when the password is not set there. A config file that holds
the password must be readable by its owner only. The password is never logged and never written to the database.
An address with a user or password written into it (`https://user:pw@host/…`) is refused: it would be shown, logged
and audited wherever the address is.
"""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scanstation.core.errors import ScanStationError
from scanstation.core.settings import Settings

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


def _where(source: str | None, settings: Settings) -> str:
    """Where a store setting came from, for the sentence that refuses it."""
    if source == "environment":
        return "متغیر محیطی SCANSTATION_STORE_URL"
    if source == "config":
        return f"پرونده تنظیمات «{settings.config_file}»"
    return "خط فرمان" if source == "flag" else "صفحه تنظیم مخزن"


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


def open_store(settings: Settings) -> WebDavStore:
    """The configured store's adapter; one sentence when the address is missing or the password exposed."""
    if not settings.store_url:
        raise StoreNotConfigured("نشانی مخزن مرکزی تنظیم نشده است؛ SCANSTATION_STORE_URL یا store_url را در "
                                 "پرونده تنظیمات بگذارید.")
    require_plain_address(settings.store_url, _where(settings.store_url_source, settings))
    require_private_config(settings)
    from scanstation.sync.webdav import WebDavStore

    password = settings.store_password or keyring_password(settings.store_user)
    return WebDavStore(settings.store_url, settings.store_user, password, settings.store_ca_bundle)
