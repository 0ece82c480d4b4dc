"""A document type suggested from the text of its pages (issue 23), like paperless-ngx's "any word" matching.

Each type lists keywords in taxonomy.toml; the type whose keywords are found most often among the pages' text
(compared by match_key, so OCR's ي/ك, digits and stray spaces do not matter) is proposed. A tie, or no keyword at
all, proposes nothing: a suggestion is for a clerk to accept with one key, never a guess applied by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from scanstation.core.match_key import match_key
from scanstation.indexing.taxonomy import Taxonomy


@dataclass(frozen=True)
class Suggestion:
    code: str
    name: str
    keywords: tuple[str, ...]  # the keywords found, as written in the taxonomy


def suggest_type(text: str, taxonomy: Taxonomy) -> Suggestion | None:
    """The type the text speaks for, or None when none does or two do equally."""
    key = match_key(text)
    if not key:
        return None
    found = sorted(((tuple(k for k in kind.keywords if match_key(k) in key), kind) for kind in taxonomy.types.values()),
                   key=lambda pair: -len(pair[0]))
    best = found[0]
    if not best[0] or (len(found) > 1 and len(found[1][0]) == len(best[0])):
        return None
    return Suggestion(best[1].code, best[1].name, best[0])
