"""Mentoring visits to hub provinces, with their obstacles and follow-ups."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping

from jipp_desktop.core import vocab
from jipp_desktop.core.demo.people import person
from jipp_desktop.core.demo.plan import (
    FORMATION_PROVINCES,
    HUB_FACTS,
    LAST_DAY,
    STATUS_AS_OF,
    Item,
    day,
)
from jipp_desktop.core.demo.vocabulary import load
from jipp_desktop.core.demo.world import World, bare

_OBSTACLE_WEIGHTS = tuple(1 if c == "other" else 4 for c in vocab.OBSTACLE_CATEGORY)
_MINISTRY = "Kedeputian Bidang Pelayanan Publik, Kementerian PANRB"


def mentor_pools(rng: random.Random, world: World) -> dict[str, list[Item]]:
    """Each hub is mentored by the same few people, as in real fostering programmes."""
    pools: dict[str, list[Item]] = {}
    for prov in world.size.hub_provinces:
        pname = world.regions.name(prov)
        planning = next(
            world.agencies[i]
            for i in world.by_province[prov]
            if world.agencies[i].unit == "bappeda" and world.agencies[i].regency is None
        )
        biro = f"Biro Organisasi Setda Provinsi {pname}"
        pool = [
            {"name": person(rng, prov)[0], "institution": biro},
            {"name": person(rng, prov)[0], "institution": biro},
            {"name": person(rng, prov)[0], "institution": planning.name},
            {"name": person(rng, "31")[0], "institution": _MINISTRY},
            {"name": person(rng, "32")[0], "institution": _MINISTRY},
        ]
        if prov in FORMATION_PROVINCES:
            pool.append({"name": person(rng, "31", degrees=False)[0], "institution": "USAID-ERAT"})
        pools[prov] = pool
    return pools


def visit(rng: random.Random, world: World, pools: Mapping[str, list[Item]]) -> Item:
    texts = load().visits
    prov = rng.choice(world.size.hub_provinces)
    regions = world.regions
    local = world.regency_level.get(prov, [])
    host = world.agencies[rng.choice(local)] if local else None
    regency = host.regency if host and host.regency else regions.regencies_of(prov)[0][0]
    start = day(rng, dt.date(2024, 1, 8), dt.date(2026, 10, 30))
    end = start + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
    rname = regions.name(regency)
    head = "Wali Kota" if rname.startswith("Kota") else "Bupati"
    place = rng.choice(
        (
            f"Aula {host.name}" if host else f"Kantor {head} {bare(rname)}",
            f"Ruang Rapat Kantor {head} {bare(rname)}",
            f"Kantor {host.name}" if host else f"Aula Kantor {head} {bare(rname)}",
        )
    )
    titles = world.titles_by_province.get(prov)
    agendas = texts.agendas if titles else tuple(a for a in texts.agendas if "{title}" not in a)
    portal = HUB_FACTS[prov][3] or "JIPPNas"
    values = {
        "title": rng.choice(titles) if titles else "",
        "year": start.year,
        "aspect": vocab.label("maturity_aspect", rng.choice(list(vocab.MATURITY_ASPECT))).lower(),
        "portal": portal,
        "n": rng.randint(12, 140),
        "m": rng.randint(2, 10),
        "y0": start.year - rng.randint(1, 2),
    }
    agenda = " ".join(a.format(**values) for a in rng.sample(agendas, rng.randint(1, 2)))
    findings = " ".join(f.format(**values) for f in rng.sample(texts.findings, 2))
    pool = pools[prov]
    if start.year >= 2025:
        # USAID-ERAT's mentoring belongs to the first years after the 2022 commitment.
        pool = [p for p in pool if p["institution"] != "USAID-ERAT"]
    mentors = [dict(p) for p in rng.sample(pool, rng.randint(1, 3))]
    hosts = world.by_regency.get(regency, []) or local
    participants = []
    for _ in range(rng.randint(2, 4)):
        agency = world.agencies[rng.choice(hosts)] if hosts else None
        name, _ = person(rng, prov, unit=agency.unit if agency else "")
        participants.append(
            {
                "name": name,
                "position": rng.choice(load().people.staff_positions),
                "institution": agency.name if agency else rname,
            }
        )
    categories = list(vocab.OBSTACLE_CATEGORY)
    picked: list[str] = []
    for _ in range(rng.randint(1, 3)):
        category = rng.choices(categories, _OBSTACLE_WEIGHTS)[0]
        if category not in picked:
            picked.append(category)
    obstacles, followups = [], []
    for category in picked:
        description, action = rng.choice(texts.obstacles[category])
        obstacles.append(
            {
                "category": category,
                "description": description,
                "severity": rng.choices(("low", "medium", "high"), (1, 2, 1))[0],
            }
        )
        owner = rng.choice(participants)["institution"][:160]
        followups.append(_followup(rng, end, action, owner))
    return {
        "hub_id": world.hubs[prov],
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "regency_code": regency,
        "place": place,
        "agenda": agenda,
        "findings": findings,
        "notes": rng.choice(texts.notes),
        "mentors": mentors,
        "participants": participants,
        "obstacles": obstacles,
        "followups": followups,
    }


def _followup(rng: random.Random, after: dt.date, action: str, owner: str) -> Item:
    due = min(after + dt.timedelta(days=rng.randint(14, 90)), LAST_DAY)
    row: Item = {"action": action, "owner": owner, "due_date": due.isoformat()}
    if due <= STATUS_AS_OF:
        # Most past follow-ups were done; the rest are the overdue ones a reminder must show.
        status = rng.choices(("done", "delayed", "ongoing", "cancelled"), (14, 3, 2, 1))[0]
        row["status"] = status
        if status == "done":
            done = due + dt.timedelta(days=rng.randint(-20, 10))
            row["done_date"] = max(after, min(done, STATUS_AS_OF)).isoformat()
    else:
        row["status"] = rng.choices(("not_started", "ongoing", "done"), (6, 3, 1))[0]
        if row["status"] == "done":
            row["done_date"] = after.isoformat() if after <= STATUS_AS_OF else None
            if row["done_date"] is None:
                row["status"] = "ongoing"
    return row
