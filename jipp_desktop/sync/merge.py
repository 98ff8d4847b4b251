"""The merge rules, as pure functions on one field or one row's life state.

Each field is a multi-value register.  Every write carries its **history**: a version
vector holding, for each origin device, the newest stamp of that origin the writer had
seen in this field (its own stamp included).  A write *dominates* another when its
history covers the other's stamp: its writer had seen that value and replaced it.  The
writes no other write dominates are the heads; the head with the greatest stamp (HLC
text, device id as tie-break) is the visible value and the other heads are the
conflicts kept for review.  Heads do not depend on the order writes arrive in, so
neither do the conflicts: a value knowingly overwritten is never one, and every value
overwritten without being seen is.

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


def history(stamp: str, stored: tuple[str, Vector] | None) -> Vector | None:
    """The history of the visible write stamped ``stamp`` from its stored (stamp, vector):
    a local write made after the vector was stored had seen it and itself (None: only
    itself)."""
    if stored is None:
        return None
    known, vector = stored
    if known == stamp or vector.get(origin(stamp), "") >= stamp:
        return vector
    return {**vector, origin(stamp): stamp}


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
    """A head that is not the visible value: kept for the officer to review."""

    value: Any
    stamp: str
    winner_stamp: str
    vector: Vector | None = None  # the lost write's history (None: only itself)


def _order_key(state: FieldState) -> tuple[str, str]:
    # Equal stamps mean the same change; the value breaks a tie only for forged input,
    # and does it deterministically.
    return state.stamp, json.dumps(state.value, sort_keys=True, default=str)


def merge_field(local: FieldState, remote: FieldState) -> tuple[FieldState, Lost | None]:
    """The visible head after ``remote`` meets the visible ``local``, and the head that
    lost without being seen, if any.  The visible value keeps its own history: joining in
    the loser's would claim it had seen the loser and hide the conflict from later
    arrivals."""
    if local == remote:
        return local, None  # the common case on a repeated or stale package: nothing to do
    winner, loser = (remote, local) if _order_key(remote) > _order_key(local) else (local, remote)
    if winner.stamp == loser.stamp or winner.value == loser.value:
        # One write seen twice, or two writes of one value: one head, both histories.
        return field_state(winner.value, winner.stamp, union(local.seen, remote.seen)), None
    if covers(winner.seen, loser.stamp) or covers(loser.seen, winner.stamp):
        return winner, None
    return winner, Lost(loser.value, loser.stamp, winner.stamp, loser.vector)


def dominated(stamp: str, heads: list[tuple[str, Vector]]) -> bool:
    """Whether the write ``stamp`` was seen by the writer of another of ``heads``
    (each a write's stamp and history)."""
    return any(other != stamp and covers(seen, stamp) for other, seen in heads)


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
