"""Settings, read in order: explicit values, environment, the TOML config file, embedded defaults."""

from __future__ import annotations

import os
import re
import socket
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from scanstation.core.digits import to_persian
from scanstation.core.errors import ConfigError

APP = "scanstation"


@dataclass(frozen=True)
class Settings:
    """Everything the program needs to know about where it runs. Built once by `load_settings`."""

    data_dir: Path
    db_url: str
    config_file: Path
    workstation: str = field(default_factory=socket.gethostname)
    branch: str | None = None
    idle_lock_minutes: int = 10
    store_url: str | None = None
    store_user: str | None = None
    store_password: str | None = field(default=None, repr=False)  # never printed with the settings
    store_password_source: str | None = None  # where the password was found: "flag", "environment", "config"
    store_ca_bundle: str | None = None  # a PEM file of the private CA that signed the store's certificate
    language: str = "fa"
    # where each value given came from ("flag", "environment", "config"), to name it in a sentence about it
    origins: dict[str, str] = field(default_factory=dict, repr=False)


# The central store's settings and the environment variable that gives each (it wins over the config file).
STORE_ENVIRONMENT = {"store_url": "SCANSTATION_STORE_URL", "store_user": "SCANSTATION_STORE_USER",
                     "store_password": "SCANSTATION_STORE_PASSWORD", "store_ca_bundle": "SCANSTATION_STORE_CA_BUNDLE"}


ENVIRONMENT = {"data_dir": "SCANSTATION_DATA", "db_url": "SCANSTATION_DB", "workstation": "SCANSTATION_WORKSTATION",
               "branch": "SCANSTATION_BRANCH", "language": "SCANSTATION_LANG",
               "idle_lock_minutes": "SCANSTATION_IDLE_LOCK_MINUTES", **STORE_ENVIRONMENT}
FLAGS = {"data_dir": "--data", "db_url": "--db", "config_file": "--config"}
_MINUTES = re.compile(r"[0-9]{1,4}")


def origin(settings: Settings, key: str) -> str:
    """Where the setting `key` came from, as a phrase for a sentence about a bad value."""
    found = settings.origins.get(key)
    if found == "flag":
        return f"گزینه {FLAGS.get(key, key)}"
    if found == "environment":
        return f"متغیر محیطی {ENVIRONMENT[key]}"
    return f"پرونده تنظیمات «{settings.config_file}»"


def _config_file() -> Path:
    env = os.environ.get("SCANSTATION_CONFIG")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP)) / "config.toml"


def load_settings(**overrides: object) -> Settings:
    """Merge the sources; `overrides` (from command-line flags) win over everything, None means unset."""
    config_file = Path(str(overrides.get("config_file"))) if overrides.get("config_file") else _config_file()
    file_values: dict[str, object] = {}
    if config_file.exists():
        with config_file.open("rb") as fh:
            try:
                file_values = tomllib.load(fh)
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                line = re.search(r"line ([0-9]+)", str(exc))
                where = f" (سطر {to_persian(int(line.group(1)))})" if line else ""
                raise ConfigError(f"پرونده تنظیمات «{config_file}» TOML درستی نیست{where}؛ آن را درست کنید یا "
                                  "SCANSTATION_CONFIG را به پرونده درستی بدهید.") from None
    env = os.environ

    def source(key: str, env_key: str | None = None) -> str | None:
        """Which source gives `key`: a flag, the environment, the config file, or none."""
        if overrides.get(key) is not None:
            return "flag"
        if env_key and env.get(env_key):
            return "environment"
        return "config" if file_values.get(key) is not None else None

    def pick(key: str, env_key: str | None = None) -> object:
        found = source(key, env_key)
        if found == "flag":
            return overrides[key]
        return env[str(env_key)] if found == "environment" else file_values.get(key)

    origins = {key: found for key, env_key in ENVIRONMENT.items() if (found := source(key, env_key))}
    data_dir = Path(str(pick("data_dir", "SCANSTATION_DATA") or platformdirs.user_data_dir(APP)))
    db_url = str(pick("db_url", "SCANSTATION_DB") or f"sqlite:///{data_dir / 'scanstation.db'}")
    settings = Settings(data_dir=data_dir, db_url=db_url, config_file=config_file, origins=origins)
    extra: dict[str, object] = {}
    for key, env_key in (("workstation", "SCANSTATION_WORKSTATION"), ("branch", "SCANSTATION_BRANCH"),
                         ("language", "SCANSTATION_LANG"), *STORE_ENVIRONMENT.items()):
        value = pick(key, env_key)
        if value is not None:
            extra[key] = str(value)
    if extra.get("store_password"):  # credentials.py refuses a config file others can read only when it holds one
        extra["store_password_source"] = source("store_password", "SCANSTATION_STORE_PASSWORD")
    idle = pick("idle_lock_minutes", "SCANSTATION_IDLE_LOCK_MINUTES")
    if idle is not None:
        if not _MINUTES.fullmatch(str(idle).strip()):  # int() would take "1_0", and a traceback for "abc"
            raise ConfigError(f"مقدار idle_lock_minutes (از {origin(settings, 'idle_lock_minutes')}) عدد دقیقه نیست؛ "
                              "یک عدد مانند ۱۰ بگذارید.")
        extra["idle_lock_minutes"] = int(str(idle).strip())
    return replace(settings, **extra)  # type: ignore[arg-type]


def store_settings_again(settings: Settings) -> Settings:
    """`settings` with the store's values read again from the environment and the config file (changed by the
    admin, or the file's mode fixed), for a running program to pick them up without a restart."""
    fresh = load_settings(config_file=str(settings.config_file))
    return replace(settings, store_url=fresh.store_url, store_user=fresh.store_user,
                   store_ca_bundle=fresh.store_ca_bundle, store_password=fresh.store_password,
                   store_password_source=fresh.store_password_source, origins=fresh.origins)
