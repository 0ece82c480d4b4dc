"""Search by content (issue 23): the pages whose read text holds the words, across the branch or in one dossier.

Both sides are compared by `match_key` (one form of ی/ک, the three digit sets, no ZWNJ and no spaces), so «حسین
زاده» finds «حسین‌زاده» and «۱۴۰۳» finds «1403»; what is shown (the snippet) is the text as read. The key is found
through a trigram index, never by reading every row: SQLite's FTS5 trigram table, PostgreSQL's pg_trgm GIN index
(migration 0017); within one dossier, through the dossier's pages (a common word would otherwise name thousands of
pages of other dossiers first: 350 ms instead of a few). At most `CANDIDATES` (100) matching pages are ranked:
pages holding the words as words first, then those holding them inside a longer word or across a space, the newest
pages first within each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text as sql

from scanstation.core.errors import InvalidInput
from scanstation.core.match_key import finder, fold, match_key, same_length_fold
from scanstation.core.uow import UnitOfWork
from scanstation.services.dossier_search import escape_like
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.queries import require_reader

CANDIDATES = 100
SNIPPET_CHARS = 45
MIN_KEY_CHARS = 3

_SELECT = ("SELECT p.id, p.seq, d.barcode, doc.number, r.text FROM {source} "
           "JOIN page p ON p.id = r.page_id JOIN dossier d ON d.id = p.dossier_id "
           "LEFT JOIN document doc ON doc.id = p.document_id "
           "WHERE {match} AND p.status = 'active' {dossier} LIMIT :candidates")
_SQLITE = ("page_reading_fts f JOIN page_reading r ON r.page_id = f.rowid", "page_reading_fts MATCH :query")
_LIKE = ("page_reading r", "r.key LIKE :query ESCAPE '\\'")


@dataclass(frozen=True)
class TextHit:
    barcode: str
    document: int | None  # the document's number in its dossier; None while the page is unclassified
    page: int             # the page's number in its dossier as it is now
    snippet: str          # the words around the match, as read

    def to_json(self) -> dict[str, object]:
        return {"barcode": self.barcode, "document": self.document, "page": self.page, "snippet": self.snippet}


def _span(folded: str, words: str, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """Where the query is in the folded text: as typed (a plain find), else with spaces and ZWNJ set aside."""
    at = folded.find(words)
    if at >= 0:
        return at, at + len(words)
    found = pattern.search(folded)
    return found.span() if found else None


def _snippet(text: str, words: str, pattern: re.Pattern[str]) -> str:
    flat = " ".join(text.split())
    where = _span(same_length_fold(flat), words, pattern)
    if where is None:
        return flat[: 2 * SNIPPET_CHARS]
    start, end = max(0, where[0] - SNIPPET_CHARS), min(len(flat), where[1] + SNIPPET_CHARS)
    if start > 0 and " " in flat[start:where[0]]:
        start = flat.index(" ", start) + 1
    if end < len(flat) and " " in flat[where[1]:end]:
        end = flat.rindex(" ", where[1], end)
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")


def _rank(text: str, words: str) -> int:
    """1: the words stand as words, a space where the query has one; 0: inside longer words, or only when spaces and
    ZWNJ are set aside."""
    for folded in (text, same_length_fold(text)) if words in text else (same_length_fold(text),):
        at = folded.find(words)  # the text as read first: most queries are typed as the page has them
        while at >= 0:
            end = at + len(words)
            if (at == 0 or not folded[at - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                return 1
            at = folded.find(words, at + 1)
    return 0


def search_text(uow: UnitOfWork, query: str, barcode: str | None = None, limit: int = 50) -> list[TextHit]:
    """The pages whose text holds `query`, best first; in one dossier when `barcode` is given."""
    key = match_key(query)
    if len(key) < MIN_KEY_CHARS:
        raise InvalidInput("برای جستجو در متن صفحه‌ها دست‌کم سه حرف بنویسید.")
    with uow.reading():
        require_reader(uow)
        params: dict[str, object] = {"candidates": CANDIDATES}
        dossier = ""
        if barcode:
            params["dossier"] = dossier_by_barcode(uow.session, barcode).id
            dossier = "AND p.dossier_id = :dossier"
        if barcode or uow.session.get_bind().dialect.name != "sqlite":
            # One dossier: its few hundred pages read through the page index, the key compared on each (the
            # trigram index would first name every page of the branch with the word). PostgreSQL: the GIN index.
            (source, match), params["query"] = _LIKE, f"%{escape_like(key)}%"
        else:
            (source, match), params["query"] = _SQLITE, '"' + key.replace('"', '""') + '"'
        rows = uow.session.execute(sql(_SELECT.format(source=source, match=match, dossier=dossier)), params).all()
    words, anywhere = fold(query), finder(query)
    assert anywhere is not None
    ranked = sorted(rows, key=lambda r: (-_rank(r.text, words), -r.id))[:limit]
    return [TextHit(r.barcode, r.number, r.seq, _snippet(r.text, words, anywhere)) for r in ranked]
