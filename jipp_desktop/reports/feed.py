"""Where a long table's rows come from: a list in memory, or chunks read as the pages need them.

``blocks.PagedTable`` asks its feed for rows by their position in the table and tells it
when the rows before a page are drawn, so a streamed feed holds only the rows of the page
being cut and the chunk being read: a 100,000-row register never has all its cells (and
their paragraphs) in memory at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

Row = Sequence[Any]  # the cells of one row: flowables or plain strings


class RowFeed:
    """Rows by position; ``has`` reads ahead as needed, ``release`` forgets drawn rows."""

    total: int  # the number of rows expected (a streamed feed may end earlier)

    def has(self, index: int) -> bool:
        raise NotImplementedError

    def row(self, index: int) -> Row:
        raise NotImplementedError

    def release(self, below: int) -> None:
        """Rows before ``below`` are on finished pages and will not be asked for again."""


class ListFeed(RowFeed):
    def __init__(self, rows: Sequence[Row]) -> None:
        self._rows = rows
        self.total = len(rows)

    def has(self, index: int) -> bool:
        return index < self.total

    def row(self, index: int) -> Row:
        return self._rows[index]


class StreamFeed(RowFeed):
    """Rows from an iterator of chunks (e.g. 500 database rows at a time), each chunk
    turned into table cells by ``convert`` only when the layout reaches it."""

    def __init__(
        self,
        chunks: Iterable[Sequence[Row]],
        total: int,
        convert: Callable[[Row], Row] = lambda row: row,
    ) -> None:
        self._chunks: Iterator[Sequence[Row]] | None = iter(chunks)
        self._convert = convert
        self._rows: list[Row] = []
        self._base = 0  # position of self._rows[0]
        self.total = total

    def _read(self) -> bool:
        """Read one more chunk; False when the source is exhausted."""
        if self._chunks is None:
            return False
        for chunk in self._chunks:
            if chunk:
                self._rows.extend(self._convert(r) for r in chunk)
                return True
        # Fewer rows than announced (records deleted while the report was made): the
        # table ends where the data ends instead of waiting for rows that never come.
        self._chunks = None
        self.total = self._base + len(self._rows)
        return False

    def has(self, index: int) -> bool:
        while index >= self._base + len(self._rows):
            if not self._read():
                return False
        return True

    def row(self, index: int) -> Row:
        if index < self._base or not self.has(index):
            raise IndexError(index)
        return self._rows[index - self._base]

    @property
    def held(self) -> int:
        """Rows in memory now: read ahead, or not yet on a finished page."""
        return len(self._rows)

    def release(self, below: int) -> None:
        drop = min(below - self._base, len(self._rows))
        if drop > 0:
            del self._rows[:drop]
            self._base += drop
