"""Checked, typed access to parsed JSON, for reading hand-edited data files.

Every accessor checks the type it promises (so mypy --strict holds without casts) and every
error names the path of the bad entry ("demo.json.themes[3].tags must be a non-empty list").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """A value of the parsed JSON and its path, with typed, checked accessors."""

    value: object
    path: str

    def __getitem__(self, key: str) -> Node:
        if not isinstance(self.value, dict) or key not in self.value:
            raise ValueError(f"{self.path} has no {key!r}")
        return Node(self.value[key], f"{self.path}.{key}")

    def entries(self) -> list[tuple[str, Node]]:
        if not isinstance(self.value, dict) or not self.value:
            raise ValueError(f"{self.path} must be a non-empty object")
        return [(str(k), Node(v, f"{self.path}.{k}")) for k, v in self.value.items()]

    def items(self) -> list[Node]:
        """The elements of a non-empty list (the generator draws from every list)."""
        if not isinstance(self.value, list) or not self.value:
            raise ValueError(f"{self.path} must be a non-empty list")
        return [Node(v, f"{self.path}[{i}]") for i, v in enumerate(self.value)]

    def text(self) -> str:
        if not isinstance(self.value, str):
            raise ValueError(f"{self.path} must be a string")
        return self.value

    def optional_text(self) -> str | None:
        return None if self.value is None else self.text()

    def number(self) -> int:
        if not isinstance(self.value, int) or isinstance(self.value, bool):
            raise ValueError(f"{self.path} must be an integer")
        return self.value

    def flag(self) -> bool:
        if not isinstance(self.value, bool):
            raise ValueError(f"{self.path} must be true or false")
        return self.value

    def texts(self) -> tuple[str, ...]:
        return tuple(item.text() for item in self.items())

    def row(self, width: int) -> tuple[str, ...]:
        """A list of exactly ``width`` strings (a table row)."""
        row = self.texts()
        if len(row) != width:
            raise ValueError(f"{self.path} must have {width} entries")
        return row

    def choice(self, allowed: Collection[str]) -> str:
        text = self.text()
        if text not in allowed:
            raise ValueError(f"{self.path}: {text!r} is not one of {sorted(allowed)}")
        return text
