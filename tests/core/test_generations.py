"""The backup generations policy: which copies stay, within which budget."""

from __future__ import annotations

import datetime as dt

from jipp_desktop.core import generations
from jipp_desktop.core.generations import Generation

NOW = dt.datetime(2026, 11, 30, 18, 0)


def _daily(days: int, size: int = 10, database_id: str = "A") -> list[Generation]:
    """One start-up backup a day for ``days`` days, newest first."""
    return [
        Generation(f"{database_id}-{d}", NOW - dt.timedelta(days=d), "start", size, database_id)
        for d in range(days)
    ]


def test_daily_weekly_and_monthly_generations_are_kept() -> None:
    items = _daily(400)
    kept = generations.choose(items, budget=10**9)
    ages = sorted((NOW - next(g for g in items if g.key == k).created).days for k in kept)
    assert ages[:7] == list(range(7)), "the last seven days"
    weeks = {(NOW - dt.timedelta(days=a)).isocalendar()[:2] for a in ages}
    assert len(weeks) >= 4 + 1
    months = {((NOW - dt.timedelta(days=a)).year, (NOW - dt.timedelta(days=a)).month) for a in ages}
    assert len(months) == generations.KEEP_MONTHLY
    assert max(ages) < 366 and len(kept) <= 7 + 4 + 12


def test_over_budget_the_oldest_generations_go_first_but_never_the_newest() -> None:
    items = _daily(400, size=100)
    kept = generations.choose(items, budget=350)
    assert kept == {"A-0", "A-1", "A-2"}
    # Too small for even one: the newest copy of the database still stays.
    assert generations.choose(items, budget=1) == {"A-0"}


def test_the_last_backup_of_an_earlier_database_is_never_rotated_out() -> None:
    old = _daily(3, database_id="OLD")
    # The folder then held another database (started over) with a year of backups.
    new = [
        Generation(f"NEW-{i}", NOW + dt.timedelta(hours=i), "import", 100, "NEW")
        for i in range(1, 30)
    ]
    kept = generations.choose([*new, *old], budget=200)
    assert "OLD-0" in kept and "NEW-29" in kept


def test_the_newest_backup_before_an_import_and_a_restore_stay() -> None:
    items = [
        Generation("start-late", NOW, "start", 10, "A"),
        Generation("restore", NOW - dt.timedelta(minutes=5), "before-restore", 10, "A"),
        Generation("import", NOW - dt.timedelta(minutes=10), "import", 10, "A"),
        Generation("import-old", NOW - dt.timedelta(minutes=20), "import", 10, "A"),
    ]
    assert generations.choose(items, budget=10**6) == {"start-late", "restore", "import"}
