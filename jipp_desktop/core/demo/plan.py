"""What each demo size makes, and the fixed dates and facts the demo story hangs on.

Only constants the code branches on live here (sizes, dates, province codes, the hub facts
of DOMAIN.md §1); the word lists and tables are in db/seed/demo.json (see vocabulary.py).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache
from typing import Any

from jipp_desktop.core import categories
from jipp_desktop.core.categories import Categories

SIZES = ("small", "national")

# A record as create_many takes it.
Item = dict[str, Any]

# Records per create_many call: big enough that validation caches pay off, small enough that
# a national run never holds more than one batch of dicts in memory.
BATCH = 5_000

# Statuses are written as an officer would have recorded them in mid-2026: work due before
# this date is mostly done, later work is still open.  As real time passes, the open items
# due before "today" show up as overdue, which is what the reminder screens need to show.
STATUS_AS_OF = dt.date(2026, 6, 30)
LAST_DAY = dt.date(2026, 12, 31)


@dataclass(frozen=True)
class Size:
    hub_provinces: tuple[str, ...]
    # Provinces innovations come from; None means all 38.
    innovation_provinces: tuple[str, ...] | None
    # Regencies per province that get agencies (spokes) and units per regency; None = all.
    regencies_per_province: int | None
    units_per_regency: int | None
    innovations: int
    replications: int
    visits: int
    workplan_years: tuple[int, ...]


# The four provinces that signed the hub-formation commitment on 28 September 2022 [DOMAIN §1].
FORMATION_PROVINCES = ("12", "36", "53", "61")
# The 15 hub provinces of 2022, in the order of their designation.
HUB_PROVINCES_2022 = (
    "35",
    "16",
    "73",
    "33",
    "13",
    "19",
    "63",
    "75",
    "61",
    "14",
    "51",
    "81",
    "12",
    "36",
    "53",
)
_SMALL_PROVINCES = (*FORMATION_PROVINCES, "35", "73", "51")

SIZE_PLANS: dict[str, Size] = {
    "small": Size(_SMALL_PROVINCES, _SMALL_PROVINCES, 3, 5, 150, 30, 42, (2024, 2025, 2026)),
    "national": Size(
        HUB_PROVINCES_2022, None, None, None, 100_000, 20_000, 50_000, (2023, 2024, 2025, 2026)
    ),
}

# ---------------------------------------------------------------------------------------------
# Reference facts (DOMAIN.md §1): designation year, decree, status and portal of each hub.

_DECREE_2020 = "Keputusan Menteri PANRB Nomor 94 Tahun 2020"
_DECREE_2021 = "Keputusan Menteri PANRB Nomor 359 Tahun 2021"
HUB_FACTS: dict[str, tuple[int, str | None, str, str | None]] = {
    **{
        p: (2020, _DECREE_2020, "active", None)
        for p in ("35", "16", "73", "33", "13", "19", "63", "75")
    },
    **{p: (2021, _DECREE_2021, "active", None) for p in ("14", "51", "81")},
    # Kalbar was a hub since 2021 but "belum berjalan secara optimal" and re-signed in 2022.
    "61": (2021, _DECREE_2021, "not_optimal", "SARIVA"),
    # The 2022 designation "akan ditetapkan lebih lanjut"; its decree number is not known.
    "12": (2022, None, "active", None),
    "36": (2022, None, "active", None),
    "53": (2022, None, "active", "Lopo Inovasi Flobamorata"),
}
FORMATION_DATE = "2022-09-28"
FORMATION_PLACE = "53.15"  # Kabupaten Manggarai Barat, NTT
FORMATION_EVENT = "Lokakarya Peer to Peer Learning Pembentukan Simpul Inovasi bersama USAID ERAT"


# The KIPP categories the demo may use: every shipped list (resources/categories); each
# theme in demo.json names codes of every year's list (vocabulary.py checks), and an
# innovation takes one from the list of its start year.
@cache
def kipp_categories() -> Categories:
    return Categories(categories.shipped())


def day(rng: random.Random, start: dt.date, end: dt.date, *, workday: bool = True) -> dt.date:
    """A random day in [start, end], moved to the next Monday if it falls on a weekend."""
    when = start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))
    if workday and when.weekday() >= 5:
        when += dt.timedelta(days=7 - when.weekday())  # official events fall on working days
    return when
