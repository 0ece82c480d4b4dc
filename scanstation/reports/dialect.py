"""The few SQL fragments that differ between SQLite and PostgreSQL, written once for every report.

Reports are written as plain SQL (common table expressions and window functions read better there than built up in
Python); these functions give the pieces that differ, as SQL text around column expressions named by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

TEHRAN_OFFSET_MINUTES = 210  # Iran has kept +03:30 all year since 2022; reports group by Tehran's calendar day


@dataclass(frozen=True)
class Dialect:
    postgres: bool

    def minutes(self, later: str, earlier: str) -> str:
        """`later - earlier` in minutes, as a float."""
        if self.postgres:  # date_part gives double precision; EXTRACT gives numeric, some 2.5 times slower to sort
            return f"(date_part('epoch', {later} - {earlier}) / 60.0)"
        return f"((julianday({later}) - julianday({earlier})) * 1440.0)"

    def day(self, moment: str) -> str:
        """Tehran's calendar day of a UTC moment, as text YYYY-MM-DD (shown Jalali by the caller)."""
        if self.postgres:
            return f"to_char({moment} + interval '{TEHRAN_OFFSET_MINUTES} minutes', 'YYYY-MM-DD')"
        return f"date({moment}, '+{TEHRAN_OFFSET_MINUTES} minutes')"

    def json_field(self, column: str, key: str) -> str:
        """The text of `key` in a JSON object kept as text (StepRecord.values_json)."""
        if self.postgres:
            return f"(CAST({column} AS json) ->> '{key}')"
        return f"json_extract({column}, '$.{key}')"

    def json_elements(self, column: str) -> str:
        """A table of the text elements of a JSON array column, as `element(value)`, for a lateral join."""
        if self.postgres:
            return f"json_array_elements_text(CAST({column} AS json)) AS element(value)"
        return f"json_each({column}) AS element"

    def true(self) -> str:
        return "true" if self.postgres else "1"


REPORT_WORK_MEM = "64MB"  # per sort; a year of step records sorted by step needs some 40 MB


def prepare_report(session: Session) -> Dialect:
    """The dialect of the report about to run in `session`'s transaction. On PostgreSQL the transaction also gets
    the memory to sort a year of rows in place: with the default 4 MB the medians spilled to temporary files."""
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        session.execute(text(f"SET LOCAL work_mem = '{REPORT_WORK_MEM}'"))
        session.execute(text("SET LOCAL jit = off"))
    return Dialect(postgres)
