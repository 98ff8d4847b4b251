"""Hybrid logical clock (HLC) stamps for per-field last-writer-wins merges.

A stamp is the text ``WWWWWWWWWWWWCCCC-<device uuid>``: 12 hex digits of wall
time in milliseconds, 4 hex digits of logical counter, then the device id as a
tie-break.  Fixed width makes plain string comparison equal to the HLC order,
so SQLite can compare stamps too.

That only holds for one text form per stamp: ASCII lowercase hex of fixed width.
``int(text, 16)`` would also read fullwidth digits or ``_`` as small numbers while
the text sorts above every real stamp, so every stamp read anywhere goes through
``Stamp.parse``, which accepts the canonical form only.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 12
_COUNTER_DIGITS = 4
_MAX_COUNTER = 16**_COUNTER_DIGITS - 1
# An incoming stamp may run at most this far ahead of our own clock (the HLC
# max-offset rule): a laptop whose clock is years ahead must not win forever.
MAX_DRIFT_MS = 24 * 60 * 60 * 1000
# Device ids are UUIDs; tests and old data use short lowercase names, so any lowercase
# ASCII name of at most 64 characters is a device id.
_CANONICAL = re.compile(r"([0-9a-f]{12})([0-9a-f]{4})-([0-9a-z][0-9a-z-]{0,63})", re.ASCII)


class ClockDriftError(ValueError):
    """An incoming stamp is further ahead of the local clock than MAX_DRIFT_MS."""


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}x}{self.counter:0{_COUNTER_DIGITS}x}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """The stamp written as ``text``; ValueError unless it is in the canonical form."""
        found = _CANONICAL.fullmatch(text) if isinstance(text, str) else None
        if found is None:
            raise ValueError(f"not a change stamp: {text!r}")
        wall, counter, device = found.groups()
        return cls(int(wall, 16), int(counter, 16), device)


def is_stamp(text: object) -> bool:
    """Whether ``text`` is a stamp in its one canonical text form."""
    return isinstance(text, str) and _CANONICAL.fullmatch(text) is not None


def now_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues monotonically increasing stamps for one device.

    ``observe`` folds in stamps from other devices so our next stamp is later
    than anything we have seen, which is what makes "later edit wins" causal.
    """

    def __init__(
        self,
        device: str,
        last_seen: str | None = None,
        wall: Callable[[], int] = now_ms,
        floor: str | None = None,
    ) -> None:
        self.device = device
        self._wall = wall
        self._lock = threading.Lock()
        self._last = Stamp.parse(last_seen) if last_seen else Stamp(0, 0, device)
        self._floor = Stamp.parse(floor) if floor else None

    @property
    def last(self) -> Stamp:
        return self._last

    @property
    def floor(self) -> Stamp | None:
        """The newest stamp issued before the wall clock last leapt more than
        MAX_DRIFT_MS past it.  A clock set days ahead leaps so; when it is corrected, the
        repair (core/clockfix.py) restarts after this stamp, which it may no longer find in
        the data (the leap's changes overwrote it) but must never issue again."""
        return self._floor

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                if self._last.wall_ms and wall - self._last.wall_ms > MAX_DRIFT_MS:
                    self._floor = self._last
                self._last = Stamp(wall, 0, self.device)
            else:
                self._last = self._bump(self._last.wall_ms, self._last.counter)
            return str(self._last)

    def observe(self, remote: str) -> None:
        """Advance past ``remote``; refuse stamps too far in our future."""
        stamp = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            if stamp.wall_ms - wall > MAX_DRIFT_MS:
                raise ClockDriftError(remote)
            if stamp > self._last:
                self._last = Stamp(stamp.wall_ms, stamp.counter, self.device)

    def catch_up(self, issued: str) -> None:
        """Continue after ``issued``, a stamp this device issued elsewhere: another
        workstation of the same shared database signs as the same device, so each one
        first catches up with the newest stamp any of them issued (core/concurrency.py)."""
        stamp = Stamp.parse(issued)
        with self._lock:
            if stamp > self._last:
                self._last = Stamp(stamp.wall_ms, stamp.counter, self.device)

    def wall_ms(self) -> int:
        """This laptop's wall clock, as the stamps see it (injected in tests)."""
        return self._wall()

    def restart_from(self, newest_kept: str, floor: str | None) -> None:
        """Continue after ``newest_kept``, forgetting later stamps this clock issued while the
        wall clock ran ahead (core/clockfix.py re-stamps the changes that carried them);
        ``floor`` is the floor those stamps moved to."""
        kept = Stamp.parse(newest_kept)
        with self._lock:
            self._last = Stamp(kept.wall_ms, kept.counter, self.device)
            self._floor = Stamp.parse(floor) if floor else None

    def behind_by_ms(self) -> int:
        """How far the wall clock lags the latest stamp seen (0 when it does not)."""
        return max(0, self._last.wall_ms - self._wall())

    def _bump(self, wall_ms: int, counter: int) -> Stamp:
        if counter >= _MAX_COUNTER:
            return Stamp(wall_ms + 1, 0, self.device)
        return Stamp(wall_ms, counter + 1, self.device)
