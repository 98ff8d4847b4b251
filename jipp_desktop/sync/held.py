"""Changes a revoked device made after its revocation, held back whoever relays them.

Refusing a revoked key's own packages (revocation.py) is not enough: a laptop that imported
a stolen laptop's package before it heard of the revocation relays those changes in its
own, honestly signed, packages.  So on a laptop where a revocation counts, every change
whose stamp is of the revoked device and later than the revocation is left out of the
import, by whoever's package it arrives; changes stamped before the revocation are
imported as usual (docs/cli-sync.md, "Withdrawing trust").

Left out, not lost: what this laptop records as held for each origin stays below the
first change it left out, so its peers keep sending those changes, and if the officer
trusts the key again they are imported then.  A change line carries a row's latest
values only, so a row new to this laptop that holds any such change is left out whole
(with the other changes on it); a row already here loses only those cells.  What refers
to a row left out (its child rows, attachments, a reference in another record) is left out
the same way, or the package would name a row that is not there.  A conflict line naming
such a change, or a row left out, is left out too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from jipp_desktop.core.clock import Stamp
from jipp_desktop.sync.lines import ConflictChange, RowChange
from jipp_desktop.sync.merge import FieldState, Vector

Exists = Callable[[str, str], bool]
"""exists(table, row id): whether this laptop has the row."""


@dataclass
class Held:
    cuts: dict[str, str]  # origin -> the stamp prefix of its revocation: later ones are held
    names: dict[str, str]  # origin -> its name, for the report
    rows: set[tuple[str, str]] = field(default_factory=set)  # rows left out whole
    ids: set[str] = field(default_factory=set)  # their ids, which references would name
    count: int = 0
    first: Vector = field(default_factory=dict)  # origin -> its first stamp left out

    def after(self, stamp: str) -> bool:
        cut = self.cuts.get(stamp[17:])
        return cut is not None and stamp[:16] > cut

    def row(self, change: RowChange, exists: Exists) -> RowChange | None:
        """The change without what is held; None when the whole row is held."""
        if not self.cuts:
            return change
        refers = self.ids and any(self._refers(s) for s in change.fields.values())
        if not refers and not any(self.after(s) for s in change.stamps):
            return change
        if not exists(change.table, change.id):
            self.rows.add((change.table, change.id))
            self.ids.add(change.id)
            self._note(change.stamps, 1)
            return None
        kept = {
            n: s
            for n, s in change.fields.items()
            if not self.after(s.stamp) and not self._refers(s)
        }
        life = change.life
        held = [s.stamp for n, s in change.fields.items() if n not in kept]
        if life is not None and life.stamp is not None and self.after(life.stamp):
            held.append(life.stamp)
            life = None
        self._note(held, len(held))
        return replace(change, fields=kept, life=life)

    def _refers(self, cell: FieldState) -> bool:
        """Whether the cell's value names a row left out (references hold row ids)."""
        return isinstance(cell.value, str) and cell.value in self.ids

    def conflict(self, change: ConflictChange) -> bool:
        """Whether the conflict line is imported."""
        stamps = [change.loser_stamp, change.winner_stamp, change.stamp]
        stamps += [change.resolution[1]] if change.resolution else []
        if not self.cuts or not (
            (change.table, change.row_id) in self.rows or any(self.after(s) for s in stamps)
        ):
            return True
        self._note(stamps, 1)
        return False

    def cap(self, vector: Vector, held_before: Vector) -> Vector:
        """``vector`` (what we now hold) kept below the first change left out of each
        origin, unless we held more than that before."""
        out = dict(vector)
        for key, first in self.first.items():
            if key in out:
                bound = max(held_before.get(key, ""), _just_before(first))
                out[key] = min(out[key], bound)
        return out

    def warning(self) -> tuple[str, str] | None:
        if not self.count:
            return None
        names = ", ".join(sorted({self.names[key] for key in self.first if key in self.cuts}))
        return (
            f"{self.count} perubahan ditahan dan tidak diimpor: dibuat oleh perangkat yang "
            f"kepercayaannya telah dicabut ({names}) setelah pencabutan, atau bergantung "
            "pada perubahan itu.",
            f"{self.count} changes were held back and not imported: made by a device whose "
            f"trust was withdrawn ({names}) after the withdrawal, or depending on such changes.",
        )

    def _note(self, stamps: list[str], count: int) -> None:
        self.count += count
        for stamp in stamps:
            key = stamp[17:]
            if stamp < self.first.get(key, "~"):
                self.first[key] = stamp


def _just_before(stamp: str) -> str:
    """The greatest stamp of the same origin before ``stamp``."""
    s = Stamp.parse(stamp)
    if s.counter:
        return str(Stamp(s.wall_ms, s.counter - 1, s.device))
    return str(Stamp(s.wall_ms - 1, 0xFFFF, s.device))
