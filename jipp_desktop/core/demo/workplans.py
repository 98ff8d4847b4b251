"""Yearly hub work plans: a sample of the activity catalogue with months, budget and status."""

from __future__ import annotations

import random

from jipp_desktop.core.demo.plan import STATUS_AS_OF, Item
from jipp_desktop.core.demo.vocabulary import load
from jipp_desktop.core.demo.world import World


def workplan(rng: random.Random, world: World, prov: str, year: int) -> Item:
    texts = load().workplans
    pname = world.regions.name(prov)
    activities = []
    for name, aspect, aim, output, (low, high) in sorted(
        rng.sample(texts.activities, rng.randint(6, 10)), key=texts.activities.index
    ):
        start = rng.randint(1, 11)
        end = min(12, start + rng.randint(0, 3))
        status = _activity_status(rng, year, start, end)
        activities.append(
            {
                "name": name,
                "aim": aim,
                "output": output,
                "start_month": start,
                "end_month": end,
                "place": rng.choice(texts.places),
                "person_in_charge": rng.choice(texts.people_in_charge),
                "budget": rng.randint(low * 2, high * 2) * 500_000,
                "aspect": aspect,
                "status": status,
                "obstacles": rng.choice(texts.obstacles) if status == "delayed" else None,
            }
        )
    return {
        "hub_id": world.hubs[prov],
        "year": year,
        "title": f"Rencana Kegiatan Hub JIPP Provinsi {pname} Tahun {year}",
        "notes": "Disusun bersama perangkat daerah dan kabupaten/kota; dipaparkan dalam "
        "forum koordinasi simpul inovasi untuk mendapat tanggapan.",
        "activities": activities,
    }


def _activity_status(rng: random.Random, year: int, start: int, end: int) -> str:
    if year < STATUS_AS_OF.year or (year == STATUS_AS_OF.year and end <= STATUS_AS_OF.month):
        return rng.choices(("done", "delayed", "cancelled"), (15, 3, 2))[0]
    if year > STATUS_AS_OF.year or start > STATUS_AS_OF.month:
        return "not_started"
    return "ongoing"
