"""Finding dossiers by what a clerk types in the work queue's search (issue 21).

A whole identifier (a barcode with its check character, a national ID, an insured number, a receipt's tracking code,
in any digits, with spaces or dashes) is looked up by its index. Anything else, a name or part of an identifier, is
matched word by word against the dossier's `search_key` (core/models/dossier.py `search_key_of`): each typed word,
folded by core/match_key.py, must appear in it, so «محمد رضا كريمي» finds «محمدرضا کریمی» and «حسین زاده» finds
«حسین‌زاده». The trigram index finds the candidates: pg_trgm on PostgreSQL (LIKE '%word%'), the FTS5 trigram table
`dossier_search` on SQLite; words shorter than a trigram are checked on the candidates the others found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select, text
from sqlalchemy.orm import Session

from scanstation.core.digits import to_latin, to_persian
from scanstation.core.errors import InvalidInput
from scanstation.core.identifiers import parse_barcode
from scanstation.core.match_key import fold
from scanstation.core.models import Document, Dossier, UploadItem
from scanstation.core.policy import input_limits
from scanstation.sync.tracking import normalise_tracking_code

TRIGRAM = 3
_DIGITS_AS_TYPED = re.compile(r"[0-9][0-9 -]*")  # digits in groups, as on a card or a receipt (a barcode has letters)


@dataclass(frozen=True)
class Match:
    """Which dossiers a search names: `where` selects them; `exact` when a whole identifier named them (a screen
    shows them whatever its filters); `tracked` the dossier id and document number a tracking code named."""

    where: ColumnElement[bool]
    exact: bool
    tracked: tuple[int, int | None] | None = None


def find(session: Session, typed: str) -> Match:
    """The dossiers `typed` names (see the module's text); InvalidInput when a partial search is too short."""
    latin = to_latin(typed).strip()
    exact = _exact(session, latin)
    if exact is not None:
        return exact
    words = fold(typed).split()
    if sum(len(word) for word in words) < input_limits().search_min_chars:
        raise InvalidInput(f"برای جستجو دست‌کم {to_persian(input_limits().search_min_chars)} حرف یا رقم بنویسید.")
    return Match(_partial(session, words), exact=False)


def _exact(session: Session, latin: str) -> Match | None:
    try:
        barcode = parse_barcode(latin).text
    except InvalidInput:
        barcode = None
    if barcode is not None:
        if session.execute(select(Dossier.id).where(Dossier.barcode == barcode)).first():
            return Match(Dossier.barcode == barcode, exact=True)
        return None
    if not _DIGITS_AS_TYPED.fullmatch(latin):
        return None
    code = normalise_tracking_code(latin)
    if code is not None:
        found = session.execute(select(UploadItem.dossier_id, Document.number)
                                .join(Document, Document.id == UploadItem.document_id, isouter=True)
                                .where(UploadItem.tracking_code == code)).first()
        if found:
            return Match(Dossier.id == found[0], exact=True, tracked=(found[0], found[1]))
    digits = latin.replace(" ", "").replace("-", "")
    named = or_(Dossier.national_id == digits, Dossier.insured_number == digits)
    if session.execute(select(Dossier.id).where(named).limit(1)).first():
        return Match(named, exact=True)
    return None


def _partial(session: Session, words: list[str]) -> ColumnElement[bool]:
    """Every word inside the search key: the index finds candidates by the words a trigram can see, and a shorter
    word is checked on them by a function the index cannot serve (so it never turns the index into a full scan)."""
    pg = session.get_bind().dialect.name == "postgresql"
    inside = func.strpos if pg else func.instr
    clauses = [inside(Dossier.search_key, word) > 0 for word in words if len(word) < TRIGRAM]
    long_words = [word for word in words if len(word) >= TRIGRAM]
    if pg:  # pg_trgm's GIN index serves LIKE '%word%'
        clauses += [Dossier.search_key.like(f"%{escape_like(word)}%", escape="\\") for word in long_words]
    elif long_words:  # a quoted FTS5 trigram phrase matches exactly the texts that hold it
        phrase = " AND ".join('"' + word.replace('"', '""') + '"' for word in long_words)
        clauses.append(Dossier.id.in_(select(text("rowid")).select_from(text("dossier_search"))
                                      .where(text("dossier_search MATCH :phrase").bindparams(phrase=phrase))))
    return and_(*clauses)


def escape_like(word: str) -> str:
    """`word` for a LIKE pattern with `escape='\\'`: its own %, _ and backslash matched as themselves."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
