"""The time zone of a report's creation time: WIB, WITA or WIT from the province.

Indonesia has three zones (WIB UTC+7, WITA UTC+8, WIT UTC+9; Keppres 41/1987).  A
laptop's clock may be set to any zone, so the creation time is taken in UTC and shown
in the zone of the report's province (``resources/regions/time_zones.csv``).
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache

from jipp_desktop.paths import resource

OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}


@cache
def province_zones() -> dict[str, str]:
    """Province code -> "WIB" / "WITA" / "WIT"."""
    with open(resource("regions", "time_zones.csv"), encoding="utf-8", newline="") as handle:
        return {row["code"]: row["zone"] for row in csv.DictReader(handle)}


def local_time(province: str | None, now: dt.datetime | None = None) -> tuple[dt.datetime, str]:
    """``now`` in the zone of ``province`` (a province or regency code) with the zone's
    name; the machine's own time and no name when the province is unknown."""
    moment = now if now is not None else dt.datetime.now(dt.UTC)
    zone = province_zones().get((province or "").split(".")[0])
    if zone is None:
        return moment.astimezone(), ""
    return moment.astimezone(dt.timezone(dt.timedelta(hours=OFFSETS[zone]))), zone
