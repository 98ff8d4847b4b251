"""One progress count over all the create_many calls of a demo run, and cancel."""

from __future__ import annotations

from collections.abc import Sequence

from jipp_desktop.core.demo.plan import Item
from jipp_desktop.core.services import Cancelled, Progress, RecordService


class Tracker:
    """Relays create_many progress as one overall count and stops on cancel."""

    def __init__(self, records: RecordService, progress: Progress | None, total: int) -> None:
        self.records = records
        self.progress = progress
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = {}

    def check(self) -> None:
        if self.progress is not None and not self.progress(self.done, self.total):
            raise Cancelled()

    def create(self, type_name: str, items: Sequence[Item], *, counted: bool = True) -> list[str]:
        if not items:
            return []
        self.check()
        base, relay = self.done, None
        if self.progress is not None:
            report = self.progress

            # Replication commitments are not in the planned total (their number depends on
            # the replications drawn), so they keep the bar still instead of overshooting.
            def relay(done: int, _total: int) -> bool:
                return report(base + done if counted else base, self.total)

        ids = self.records.create_many(type_name, items, progress=relay)
        if counted:
            self.done += len(ids)
        self.counts[type_name] = self.counts.get(type_name, 0) + len(ids)
        return ids
