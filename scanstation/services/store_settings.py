"""The central store's settings as the admin sets them in the window: the address, the user and the CA bundle go
into the config file (kept private, 0600), the password into the system keyring (never the file, never the
database); a connection test makes a real round trip (a PROPFIND of the store's collection). Environment variables
still win over the file: such a value is shown, and not offered for change."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scanstation.core.durable import write_durably
from scanstation.core.errors import InvalidInput, ScanStationError
from scanstation.core.settings import STORE_ENVIRONMENT, Settings, store_settings_again
from scanstation.core.uow import UnitOfWork
from scanstation.sync.credentials import KEYRING_SERVICE, keyring_password, require_plain_address, valid_store_url
from scanstation.sync.webdav import WebDavStore

STORE_KEYS = ("store_url", "store_user", "store_ca_bundle")


@dataclass(frozen=True)
class StoreSettings:
    """What the settings screen shows: the values in force and which of them the environment fixes."""

    url: str
    user: str
    ca_bundle: str
    password_kept: bool  # a password is in the keyring (or given by the environment) for this user
    fixed: tuple[str, ...]  # keys set by an environment variable, which the file cannot change
    config_file: Path


def require_store_admin(uow: UnitOfWork) -> None:
    """Only an admin sees or changes where the branch's files go."""
    with uow.reading():
        uow.require_to("store.configure")


def current(uow: UnitOfWork, settings: Settings) -> StoreSettings:
    require_store_admin(uow)
    fixed = tuple(key for key in (*STORE_KEYS, "store_password") if _from_outside(key))
    kept = bool(settings.store_password) or keyring_password(settings.store_user) is not None
    return StoreSettings(settings.store_url or "", settings.store_user or "", settings.store_ca_bundle or "", kept,
                         fixed, settings.config_file)


def _from_outside(key: str) -> bool:
    """Whether `key` is set by its environment variable, which wins over the config file (the window takes no store
    flags)."""
    return bool(os.environ.get(STORE_ENVIRONMENT[key]))


def _checked(url: str, user: str, ca_bundle: str) -> tuple[str, str, str]:
    url, user, ca_bundle = url.strip(), user.strip(), ca_bundle.strip()
    if not valid_store_url(url):
        raise InvalidInput("نشانی مخزن باید کامل باشد، مانند https://dms.example.ir/dav/ (با http یا https).")
    require_plain_address(url, "صفحه تنظیم مخزن")
    if not url.endswith("/"):
        url += "/"
    if ca_bundle and not Path(ca_bundle).is_file():
        raise InvalidInput(f"پرونده گواهی «{ca_bundle}» پیدا نشد؛ مسیر پرونده PEM گواهی مرجع را درست بنویسید.")
    return url, user, ca_bundle


def try_connection(uow: UnitOfWork, url: str, user: str, password: str | None, ca_bundle: str) -> int:
    """Reach the store with these values (the password typed, else the one kept for `user`) and list its
    collection: a real round trip. Returns how many folders it holds; a refusal says why in one sentence."""
    require_store_admin(uow)
    url, user, ca_bundle = _checked(url, user, ca_bundle)
    store = WebDavStore(url, user or None, password or keyring_password(user), ca_bundle or None)
    try:
        return len(store.collections())
    finally:
        store.close()


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    raise ScanStationError("پرونده تنظیمات جز مقدارهای ساده چیزی دارد و از اینجا بازنویسی نمی‌شود؛ آن را با "
                           "ویرایشگر متن تغییر دهید.")


def save(uow: UnitOfWork, settings: Settings, url: str, user: str, password: str | None, ca_bundle: str) -> Settings:
    """Write the address, user and CA bundle into the config file (its other keys kept; a password it held is
    moved to the keyring), keep a new password in the keyring, audit the change (never the password) and return
    the settings in force now, for the window to use at once."""
    url, user, ca_bundle = _checked(url, user, ca_bundle)
    path = settings.config_file
    values: dict[str, object] = {}
    if path.exists():
        with path.open("rb") as fh:
            values = tomllib.load(fh)
    with uow:
        uow.require_to("store.configure")
        moved = values.pop("store_password", None)
        password = password or (str(moved) if moved else None)
        if password:
            _keep_password(user, password)
        values.update({"store_url": url, "store_user": user})
        if ca_bundle:
            values["store_ca_bundle"] = ca_bundle
        else:
            values.pop("store_ca_bundle", None)
        text = "".join(f"{key} = {_toml_value(value)}\n" for key, value in values.items())
        write_durably(path, text.encode("utf-8"))  # a new file readable by its owner only (mkstemp's 0600)
        uow.audit("settings.store", f"config:{path.name}", store_url=url, store_user=user,
                  store_ca_bundle=ca_bundle or None, password_changed=bool(password))
        uow.commit()
    return store_settings_again(settings)


def _keep_password(user: str, password: str) -> None:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, user, password)
    except Exception as exc:  # no keyring backend usable on this machine
        raise ScanStationError("گذرواژه در کلیدستان سیستم نگه داشته نشد (" + type(exc).__name__ + ")؛ بسته "
                               "keyring سیستم را راه بیندازید یا گذرواژه را با SCANSTATION_STORE_PASSWORD بدهید.")
