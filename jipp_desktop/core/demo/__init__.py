"""Deterministic demo data: a believable JIPP dataset to try, show and load-test the app.

``generate(records, size, seed)`` fills an open workspace through
``RecordService.create_many``, so every demo record passed the same validation as an
officer's own input.  The content is invented but follows the real shape of the domain
(shared/DOMAIN.md §1, §2, §6): hubs with their KepmenPANRB decrees, the 28 September 2022
hub-formation commitments signed in Kabupaten Manggarai Barat, innovations in the KIPP 2021
categories, replications with LAN-style action plans and commitment statements, mentoring
visits with obstacles and follow-ups, and yearly hub work plans.

Determinism: every random choice comes from ``random.Random(seed)`` and every date is fixed
(2020-2026), never derived from today, so one seed gives the same content on any machine on
any day.  Only the ids and timestamps that the record service assigns differ.

People, NIPs, document numbers, budgets and figures are fictional.  Real public offices appear
only as positions ("Deputi Bidang Pelayanan Publik"), never with a real person's name, and
e-mail addresses use the reserved ``.example`` domain so nobody can be mailed by accident.

The package, by what each module holds:

- ``plan``: sizes, fixed dates, the 2022 hub provinces and hub facts;
- ``vocabulary``: the word lists and tables of db/seed/demo.json, typed and checked;
- ``people``: names, academic titles, NIPs, signatories;
- ``world``: agencies and hubs, and what later records look up;
- ``innovations``, ``commitments``, ``replications``, ``visits``, ``workplans``: one record
  type each;
- ``progress``: one progress count and cancel over the whole run;
- this module: ``generate``, which builds them in creation order.

The national size takes minutes (100,000 innovations); it is measured by hand, e.g.
``generate(ws.records, "national")`` on a scratch folder, not in the test suite.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping

from jipp_desktop.core import models
from jipp_desktop.core.demo.commitments import formation_commitments
from jipp_desktop.core.demo.innovations import innovation
from jipp_desktop.core.demo.plan import (
    BATCH,
    FORMATION_PROVINCES,
    HUB_PROVINCES_2022,
    SIZE_PLANS,
    SIZES,
    STATUS_AS_OF,
    Item,
    kipp_categories,
)
from jipp_desktop.core.demo.progress import Tracker
from jipp_desktop.core.demo.replications import replication_batch
from jipp_desktop.core.demo.visits import mentor_pools, visit
from jipp_desktop.core.demo.vocabulary import load
from jipp_desktop.core.demo.workplans import workplan
from jipp_desktop.core.demo.world import Source, World, build_agencies, build_hubs
from jipp_desktop.core.services import Progress, RecordService

__all__ = [
    "BATCH",
    "FORMATION_PROVINCES",
    "HUB_PROVINCES_2022",
    "SIZES",
    "STATUS_AS_OF",
    "Item",
    "generate",
    "kipp_categories",
]


def generate(
    records: RecordService, size: str = "small", seed: int = 1, progress: Progress | None = None
) -> dict[str, int]:
    """Fill the open workspace with demo data; returns the records created per type.

    Everything is one transaction: a cancel (``progress`` returning False raises
    ``services.Cancelled``) or an error leaves the database as it was.
    """
    if size not in SIZE_PLANS:
        raise ValueError(f"unknown demo size {size!r}; choose one of {', '.join(SIZES)}")
    plan = SIZE_PLANS[size]
    master = random.Random(seed)
    # One stream per record type, so changing how many visits a size has does not change
    # its innovations.
    streams = {
        name: random.Random(master.getrandbits(64))
        for name in ("agency", "commitment", "innovation", "replication", "visit", "workplan")
    }
    world = World(records.regions, plan)
    build_agencies(streams["agency"], world)
    total = (
        len(world.agencies)
        + len(plan.hub_provinces)
        + plan.innovations
        + plan.replications
        + plan.visits
        + len(plan.hub_provinces) * len(plan.workplan_years)
        + len([p for p in FORMATION_PROVINCES if p in plan.hub_provinces])
    )
    tracker = Tracker(records, progress, total)
    with models.database.atomic():
        _run(streams, world, tracker)
        tracker.check()
    return {
        name: tracker.counts.get(name, 0)
        for name in (
            "agency",
            "hub",
            "innovation",
            "commitment",
            "replication",
            "visit",
            "workplan",
        )
    }


def _run(streams: Mapping[str, random.Random], world: World, tracker: Tracker) -> None:
    plan = world.size
    ids = tracker.create("agency", [a.item() for a in world.agencies])
    for agency, rid in zip(world.agencies, ids, strict=True):
        agency.id = rid
    hub_ids = tracker.create("hub", build_hubs(world))
    world.hubs = dict(zip(plan.hub_provinces, hub_ids, strict=True))
    tracker.create("commitment", formation_commitments(streams["commitment"], world))

    rng = streams["innovation"]
    unit_themes = load().unit_themes
    candidates = [i for i, a in enumerate(world.agencies) if a.unit in unit_themes]
    # The small set leans on the four 2022 provinces the demo story is about.
    weights = [
        3 if world.agencies[i].province in FORMATION_PROVINCES and plan.innovation_provinces else 1
        for i in candidates
    ]
    for count in _chunks(plan.innovations):
        chosen = rng.choices(candidates, weights, k=count)
        items = [innovation(rng, world, i) for i in chosen]
        for item, index, rid in zip(
            items, chosen, tracker.create("innovation", items), strict=True
        ):
            if item["stage"] == "implementation" and item["year_started"] <= 2021:
                world.sources.append(Source(rid, item["title"], index, item["year_started"]))
                world.titles_by_province.setdefault(item["province_code"], []).append(item["title"])

    rng = streams["replication"]
    for count in _chunks(plan.replications):
        items, statements = replication_batch(rng, world, count)
        present = [s for s in statements if s is not None]
        commitment_ids = iter(tracker.create("commitment", present, counted=False))
        for item, statement in zip(items, statements, strict=True):
            item["commitment_id"] = next(commitment_ids) if statement is not None else None
        tracker.create("replication", items)

    rng = streams["visit"]
    pools = mentor_pools(rng, world)
    for count in _chunks(plan.visits):
        tracker.create("visit", [visit(rng, world, pools) for _ in range(count)])

    rng = streams["workplan"]
    tracker.create(
        "workplan",
        [
            workplan(rng, world, prov, year)
            for prov in plan.hub_provinces
            for year in plan.workplan_years
        ],
    )


def _chunks(total: int, size: int = BATCH) -> Iterable[int]:
    for start in range(0, total, size):
        yield min(size, total - start)
