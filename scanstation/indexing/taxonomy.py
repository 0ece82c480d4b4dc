"""The document taxonomy (resources/taxonomy.toml): headings, groups, types and what happens to each original.

Validated when loaded, so a typo in the policy file is caught at start-up, not when a clerk classifies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scanstation.core.errors import InvalidInput
from scanstation.core.quoting import quoted
from scanstation.core.policy import policy_file

DISPOSITIONS = {
    "return": "بازگرداندن اصل به بیمه شده",
    "binder": "نگهداری اصل در کلاسور",
    "destroy": "امحای اصل در شعبه پس از اسکن",
    "hold-then-destroy": "نگهداری برای مراجعه بیمه شده، سپس امحا در دوره شش‌ماهه",
}
BINDERS = ("a", "b", "c", "d")


@dataclass(frozen=True)
class Heading:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class DocumentType:
    code: str
    name: str
    name_en: str
    heading: str
    group: str
    disposition: str
    binder: str | None
    keywords: tuple[str, ...] = ()  # text that suggests this type (issue 23)

    @property
    def disposition_title(self) -> str:
        title = DISPOSITIONS[self.disposition]
        return f"{title} (بند {self.binder})" if self.binder else title


@dataclass(frozen=True)
class Taxonomy:
    headings: dict[str, Heading]
    groups: dict[str, Heading]
    types: dict[str, DocumentType]

    def type(self, code: str) -> DocumentType:
        key = code.strip().upper()
        if key not in self.types:
            raise InvalidInput(f"نوع سند {quoted(code)} در فهرست انواع سند نیست؛ فهرست را با scanstation taxonomy ببینید.")
        return self.types[key]

    def heading(self, code: str) -> Heading:
        key = code.strip().lower()
        if key not in self.headings:
            raise InvalidInput(f"سرفصل {quoted(code)} تعریف نشده است.")
        return self.headings[key]


def parse_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """Build and check a taxonomy from its TOML data; ValueError names the first problem."""
    headings = {k: Heading(k, v["name"], v["name_en"]) for k, v in data["headings"].items()}
    groups = {k: Heading(k, v["name"], v["name_en"]) for k, v in data["groups"].items()}
    types: dict[str, DocumentType] = {}
    for raw in data["types"]:
        t = DocumentType(raw["code"], raw["name"], raw["name_en"], raw["heading"], raw["group"], raw["disposition"],
                         raw.get("binder"), tuple(raw.get("keywords", ())))
        if t.code in types:
            raise ValueError(f"document type {t.code} is defined twice")
        if t.heading not in headings:
            raise ValueError(f"document type {t.code}: unknown heading {t.heading}")
        if t.group not in groups:
            raise ValueError(f"document type {t.code}: unknown group {t.group}")
        if t.disposition not in DISPOSITIONS:
            raise ValueError(f"document type {t.code}: unknown disposition {t.disposition}")
        if (t.disposition == "binder") != (t.binder in BINDERS):
            raise ValueError(f"document type {t.code}: a binder disposition needs binder a-d, and only it")
        types[t.code] = t
    return Taxonomy(headings, groups, types)


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The branch's taxonomy, read once per process."""
    return parse_taxonomy(policy_file("taxonomy.toml"))
