"""The merge rules, as pure functions on one field or one row's life state.

Each field is a last-writer-wins register: the value with the greater stamp wins
(stamps are HLC text with the device id as tie-break, so they never tie across
devices).  Beside the value travels its version vector: for each origin device,
the newest stamp of that device this value "has seen".  Merging takes the union
(pointwise max) of the vectors, which makes the merge commutative, associative and
idempotent.  The vector also tells a deliberate overwrite (the writer had seen the
value it replaced) from a concurrent one: only the latter is a conflict to review.

Deletion uses the causal length ``cl`` (cr-sqlite's design): odd alive, even
deleted, each delete or restore adds one; the greater ``cl`` wins, so a deletion
concurrent with an edit leaves the row deleted with the edit kept inside it, and
that is reported for review when the deleter had not seen the edit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

Vector = dict[str, str]


def origin(stamp: str) -> str:
    return stamp[17:]


def covers(vector: Mapping[str, str], stamp: str) -> bool:
    """Whether a value with ``vector`` has seen the change stamped ``stamp``."""
    return vector.get(origin(stamp), "") >= stamp


def union(a: Mapping[str, str], b: Mapping[str, str]) -> Vector:
    out = dict(a)
    for key, stamp in b.items():
        if stamp > out.get(key, ""):
            out[key] = stamp
    return out


def implicit_vector(stamp: str) -> Vector:
    return {origin(stamp): stamp}


class FieldState(NamedTuple):
    """A field's value, its stamp and its vector; ``vector`` None means the implicit one
    (the value has seen only its own change), which saves a dict per field on big imports.
    A named tuple because a national import builds millions of them."""

    value: Any
    stamp: str
    vector: Vector | None = None

    @property
    def seen(self) -> Vector:
        return self.vector if self.vector is not None else implicit_vector(self.stamp)


def field_state(value: Any, stamp: str, vector: Vector | None) -> FieldState:
    """A FieldState in canonical form (an implicit vector stored as None)."""
    if vector is not None and (len(vector) != 1 or vector.get(origin(stamp)) != stamp):
        return FieldState(value, stamp, vector)
    return FieldState(value, stamp, None)


@dataclass(frozen=True)
class Lost:
    """A value that lost to a concurrent one: kept for the officer to review."""

    value: Any
    stamp: str
    winner_stamp: str


def _order_key(state: FieldState) -> tuple[str, str]:
    # Equal stamps mean the same change; the value breaks a tie only for forged input,
    # and does it deterministically.
    return state.stamp, json.dumps(state.value, sort_keys=True, default=str)


def merge_field(local: FieldState, remote: FieldState) -> tuple[FieldState, Lost | None]:
    if local == remote:
        return local, None  # the common case on a repeated or stale package: nothing to do
    winner, loser = (remote, local) if _order_key(remote) > _order_key(local) else (local, remote)
    merged = field_state(winner.value, winner.stamp, union(local.seen, remote.seen))
    if winner.stamp == loser.stamp or winner.value == loser.value:
        return merged, None
    if covers(winner.seen, loser.stamp) or covers(loser.seen, winner.stamp):
        return merged, None
    return merged, Lost(loser.value, loser.stamp, winner.stamp)


@dataclass(frozen=True)
class LifeState:
    """The causal length of a row and the stamp and row vector of its last delete/restore."""

    cl: int
    stamp: str | None
    vector: Vector

    @property
    def deleted(self) -> bool:
        return self.cl % 2 == 0


def merge_life(local: LifeState, remote: LifeState) -> LifeState:
    a = (local.cl, local.stamp or "")
    b = (remote.cl, remote.stamp or "")
    winner = remote if b > a else local
    return LifeState(winner.cl, winner.stamp, union(local.vector, remote.vector))


def unseen_edits(life: LifeState, field_stamps: Mapping[str, str]) -> list[str]:
    """Stamps of field edits a deletion had not seen (empty when the row is alive)."""
    if not life.deleted or life.stamp is None:
        return []
    return sorted(s for s in field_stamps.values() if not covers(life.vector, s))
