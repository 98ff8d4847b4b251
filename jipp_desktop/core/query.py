"""What a list asks for: search text, filters, sort order, trash or not, a page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class ListQuery:
    search: str | None = None
    # Equality filters on user fields (province_code, regency_code, category, stage, status,
    # hub_id, ...).  ``province_code`` also works on records that only carry a regency.
    filters: dict[str, Any] = field(default_factory=dict)
    year: int | None = None
    # None sorts by relevance when searching, else by the type's default sort field.
    sort: str | None = None
    descending: bool = False
    deleted: bool = False
    limit: int | None = None
    offset: int = 0
    # False: a search without a column sort comes newest first (the full-text index's own
    # order, so a LIMIT stops early) instead of by relevance, which ranks every match.
    # Lists use it while the officer is still typing.
    ranked: bool = True


def fts_expression(text: str) -> str | None:
    """A safe FTS5 query: every word of ``text`` as a quoted prefix term, all required.

    Quoting each word means user input can never be read as FTS syntax
    (``AND``, ``NEAR``, column filters, unbalanced quotes).
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search_words(text: str) -> str | None:
    """The words of ``text`` for PostgreSQL's prefix query (SQL jipp_prefix_query)."""
    words = _WORD.findall(text)
    return " ".join(words) if words else None
