"""The rule every picker uses to find a name as the officer types.

Qt-free so that the GUI's pickers, the command line and the benchmarks share one
definition: case and accents do not matter, any part of the name matches, several
words must each appear ("mangg bar"), and short forms count ("ntt" for Nusa Tenggara
Timur, from the initials or from the aliases shipped in resources/).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: 'Kota Bau-Bau' -> 'kota bau bau'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", plain.casefold()).strip()


def initials(normalised: str) -> str:
    """'nusa tenggara timur' -> 'ntt' (how provinces and ministries are abbreviated)."""
    return "".join(word[0] for word in normalised.split())


@dataclass(frozen=True)
class Key:
    """What one choice can be found by: its name, and its short forms as whole words."""

    text: str
    short_forms: frozenset[str]


def make_key(name: str, aliases: Iterable[str] = ()) -> Key:
    text = normalise(name)
    extra = [normalise(a) for a in aliases if a]
    shorts = {initials(text)} | set(extra)
    # Aliases are searched as text too: "kalbar" should find Kalimantan Barat by "kalb".
    full = " ".join([text, *extra])
    return Key(full, frozenset(s for s in shorts if s))


class Index:
    """Keys prepared for searching as fast as the officer types: one pass over plain
    strings per keystroke (thousands of agencies in well under a frame)."""

    def __init__(self, keys: Sequence[Key]) -> None:
        self.texts = [k.text for k in keys]
        self.shorts: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            for short in key.short_forms:
                self.shorts.setdefault(short, []).append(i)

    def search(self, query: str) -> list[int]:
        """Positions matching ``query``, best first: a short form equal to it or the name
        starting with it; then a word starting with it; then found inside a word, or each
        of its words found somewhere.  List order within each rank."""
        wanted = normalise(query)
        if not wanted:
            return list(range(len(self.texts)))
        best = list(self.shorts.get(wanted, ()))
        seen = set(best)
        word: list[int] = []
        inside: list[int] = []
        at_word = " " + wanted
        words = wanted.split()
        several = len(words) > 1
        # Most rows lack the longest word: one quick test rules them out.
        longest = max(words, key=len)
        longest_short = set(self.shorts.get(longest, ()))
        for i, text in enumerate(self.texts):
            position = text.find(wanted)
            if position < 0:
                if (
                    several
                    and (longest in text or i in longest_short)
                    and i not in seen
                    and self._all_words(i, words)
                ):
                    inside.append(i)
                continue
            if i in seen:
                continue
            if position == 0:
                best.append(i)
            elif at_word in text:
                word.append(i)
            else:
                inside.append(i)
        return best + word + inside

    def _all_words(self, i: int, words: list[str]) -> bool:
        text = self.texts[i]
        return all(w in text or i in self.shorts.get(w, ()) for w in words)


def filter_keys(query: str, keys: Sequence[Key]) -> list[int]:
    """Positions of the keys that match ``query``, best first, list order within a rank."""
    return Index(keys).search(query)
