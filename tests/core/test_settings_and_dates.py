"""Settings precedence and Jalali display."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from scanstation.bootstrap import bootstrap
from scanstation.core.errors import InvalidInput
from scanstation.core.jalali import jalali_date, jalali_datetime, jalali_year, parse_jalali_date
from scanstation.core.settings import load_settings


def test_flags_beat_environment_beat_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('db_url = "sqlite:///from-file.db"\nworkstation = "file-ws"\nidle_lock_minutes = 3\n')
    monkeypatch.setenv("SCANSTATION_CONFIG", str(config))
    monkeypatch.delenv("SCANSTATION_DB", raising=False)
    monkeypatch.delenv("SCANSTATION_WORKSTATION", raising=False)
    s = load_settings()
    assert (s.db_url, s.workstation, s.idle_lock_minutes) == ("sqlite:///from-file.db", "file-ws", 3)
    monkeypatch.setenv("SCANSTATION_DB", "sqlite:///from-env.db")
    assert load_settings().db_url == "sqlite:///from-env.db"
    assert load_settings(db_url="sqlite:///from-flag.db").db_url == "sqlite:///from-flag.db"


def test_default_database_lives_in_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCANSTATION_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.delenv("SCANSTATION_DB", raising=False)
    monkeypatch.setenv("SCANSTATION_DATA", str(tmp_path / "d"))
    s = load_settings()
    assert s.db_url == f"sqlite:///{tmp_path / 'd' / 'scanstation.db'}"
    app = bootstrap(s)
    assert app.pages.root == tmp_path / "d" / "pages" and app.pages is app.pages  # built once, in the data folder
    app.close()


def test_jalali_display_in_tehran_day_with_persian_digits() -> None:
    moment = datetime(2024, 10, 6, 21, 0, tzinfo=timezone.utc)  # 00:30 on 1403/07/16 in Tehran
    assert jalali_date(moment) == "۱۴۰۳/۰۷/۱۶"
    assert jalali_date(moment, persian_digits=False) == "1403/07/16"
    assert jalali_datetime(moment, persian_digits=False) == "1403/07/16 00:30"
    assert jalali_year(moment) == 1403


def test_jalali_date_input_in_any_digits() -> None:
    assert parse_jalali_date("۱۴۰۳/۷/۱۵").strftime("%Y/%m/%d") == "1403/07/15"
    with pytest.raises(InvalidInput):
        parse_jalali_date("1403/13/01")
