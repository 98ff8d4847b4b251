"""Which backups to keep: daily, weekly and monthly generations within a disk budget.

A pure function over the list of backups, so the policy is tested without files.
The newest backup of every database the folder has held is never thinned: a
folder that was wrongly started over still has the last copy of the real data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
# Taken before an import or a restore: the newest of each kind is always kept.
EVENT_REASONS = ("import", "before-restore")


@dataclass(frozen=True)
class Generation:
    """What the policy needs to know of one backup."""

    key: str
    created: dt.datetime
    reason: str
    size: int
    database_id: str


def _newest_per(
    items: Sequence[Generation], period: Callable[[Generation], Hashable], count: int
) -> set[str]:
    """The newest backup of each of the ``count`` most recent periods that have one."""
    kept: dict[Hashable, str] = {}
    for item in items:  # newest first
        label = period(item)
        if label not in kept:
            if len(kept) == count:
                break
            kept[label] = item.key
    return set(kept.values())


def protected(items: Sequence[Generation]) -> set[str]:
    """Backups no budget may remove: the newest of every database, of every event kind."""
    keys: dict[str, str] = {}
    for item in items:  # newest first
        keys.setdefault(f"db:{item.database_id}", item.key)
        if item.reason in EVENT_REASONS:
            keys.setdefault(f"reason:{item.reason}", item.key)
    return set(keys.values())


def choose(items: Sequence[Generation], budget: int) -> set[str]:
    """Keys of the backups to keep; ``items`` newest first, ``budget`` in bytes."""
    items = sorted(items, key=lambda g: g.created, reverse=True)
    keep = protected(items)
    keep |= _newest_per(items, lambda g: g.created.date(), KEEP_DAILY)
    keep |= _newest_per(items, lambda g: g.created.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _newest_per(items, lambda g: (g.created.year, g.created.month), KEEP_MONTHLY)
    must = protected(items)
    total = sum(g.size for g in items if g.key in keep)
    # Over budget: thin the oldest generations first, never a protected one.
    for item in reversed(items):
        if total <= budget:
            break
        if item.key in keep and item.key not in must:
            keep.discard(item.key)
            total -= item.size
    return keep
