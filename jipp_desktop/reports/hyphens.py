"""Hyphenation for report paragraphs: Indonesian and English dictionaries from pyphen.

reportlab breaks a word that does not fit at the end of a line where a hyphenator says
it may, and prints the hyphen.  Without one it moves the word down, or cuts a word longer
than the column anywhere, with no hyphen ("Pengembang|an").  pyphen ships the
Indonesian patterns (``id_ID``) as well as English ones.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import pyphen

Hyphenator = Callable[[str], tuple[tuple[str, str], ...]]

_DICTIONARIES = {"id": "id_ID", "en": "en_GB"}


@cache
def hyphenator(lang: str) -> Hyphenator:
    """The (head, tail) splits of a word, best first, for the report's language.

    Memoised per word: a register repeats the same category and region names on every
    row, and reportlab asks again at each line end."""
    dictionary = pyphen.Pyphen(lang=_DICTIONARIES.get(lang, "id_ID"))

    @lru_cache(maxsize=50_000)
    def pairs(word: str) -> tuple[tuple[str, str], ...]:
        # Acronyms, codes and words that already hold a hyphen ("USAID-ERAT", "e-KTP",
        # "2022/2023") are left whole: a second hyphen would misspell them.
        if word.isupper() or any(not ch.isalpha() for ch in word.rstrip(".,;:!?)”")):
            return ()
        return tuple(dictionary.iterate(word))

    return pairs
