"""The reports by name and the groupings of service time: what the command line offers, read without loading the
reports themselves (SQLAlchemy, reportlab), so `scanstation --help` starts at once."""

from __future__ import annotations

NAMES = ("service-time", "production", "backlog", "quality", "upload")
BY = ("step", "user", "turn", "type")
