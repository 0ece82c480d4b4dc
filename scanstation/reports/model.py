"""What every report is made of, whatever draws it: titled columns, rows of plain values, an optional chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # Persian heading
    kind: str = "text"  # text | int | minutes | number | date | bool


@dataclass(frozen=True)
class Chart:
    """Bars: one per row, labelled by `label` and as long as `value`."""

    label: str
    value: str
    title: str


@dataclass(frozen=True)
class Section:
    """One table of a report (a report may hold several: e.g. quality by reason and by operator)."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]
    chart: Chart | None = None

    def to_json(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.rows]


@dataclass(frozen=True)
class Report:
    name: str  # service-time | production | backlog | quality | upload
    title: str
    period: str  # the range in words, Jalali
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def to_json(self) -> Any:
        """The first section alone is the report's JSON (CLI.md's shape for `service-time --by step`); a report of
        several sections gives an object keyed by section."""
        if len(self.sections) == 1:
            return self.sections[0].to_json()
        return {"report": self.name, "period": self.period,
                "sections": [{"title": s.title, "rows": s.to_json()} for s in self.sections]}
