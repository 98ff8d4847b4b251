"""Replication records with their LAN-model action plans (DOMAIN.md §2).

The plan steps are in db/seed/demo.json (persiapan, rencana dan pengembangan, replikasi,
evaluasi); steps marked optional are sometimes left out.
"""

from __future__ import annotations

import datetime as dt
import random

from jipp_desktop.core.demo.commitments import replication_commitment
from jipp_desktop.core.demo.plan import LAST_DAY, STATUS_AS_OF, Item, day
from jipp_desktop.core.demo.vocabulary import load
from jipp_desktop.core.demo.world import Agency, World

# Status -> (catalogue index of the last done step, start-date window).  A later status means
# the replication began earlier and more of its plan is done.
_PLAN: dict[str, tuple[int, tuple[dt.date, dt.date]]] = {
    "completed": (8, (dt.date(2022, 1, 10), dt.date(2024, 6, 28))),
    "evaluation": (7, (dt.date(2023, 1, 9), dt.date(2025, 3, 31))),
    "implementation": (6, (dt.date(2023, 6, 5), dt.date(2025, 9, 30))),
    "planning": (2, (dt.date(2025, 1, 6), dt.date(2026, 3, 31))),
    "preparation": (-1, (dt.date(2025, 9, 1), dt.date(2026, 6, 26))),
    "cancelled": (3, (dt.date(2022, 1, 10), dt.date(2025, 6, 30))),
}
_WEIGHTS = (
    ("completed", 18),
    ("evaluation", 14),
    ("implementation", 28),
    ("planning", 20),
    ("preparation", 12),
    ("cancelled", 8),
)
# Catalogue indexes with a meaning of their own.
_STUDY_VISIT = 1  # named after the origin agency
_ACTION_PLAN = 2  # the commitment statement is signed after it


def replication_batch(
    rng: random.Random, world: World, count: int
) -> tuple[list[Item], list[Item | None]]:
    """Replications (without commitment ids yet) and the commitment statement of each."""
    texts = load().replications
    statuses = [s for s, _ in _WEIGHTS]
    weights = [w for _, w in _WEIGHTS]
    items: list[Item] = []
    commitments: list[Item | None] = []
    for _ in range(count):
        source = rng.choice(world.sources)
        origin = world.agencies[source.agency]
        peers = world.by_unit[origin.unit]
        # Most replications stay inside the province, where the hub brokers them.
        local = [
            i
            for i in world.by_unit_province[(origin.unit, origin.province or "")]
            if i != source.agency
        ]
        pool = local if local and rng.random() < 0.6 else peers
        pick = rng.choice(pool)
        while pick == source.agency and len(pool) > 1:  # an agency does not copy itself
            pick = rng.choice(pool)
        adopter = world.agencies[pick]
        status = rng.choices(statuses, weights)[0]
        last_done, (window_start, window_end) = _PLAN[status]
        # A replication can only start after the innovation it copies has run a year.
        window_start = max(window_start, dt.date(source.year + 1, 1, 5))
        started = day(rng, window_start, max(window_start, window_end))
        steps = _steps(rng, started, status, last_done, origin)
        hub = world.hubs.get(adopter.province or "")
        how = (
            f"difasilitasi Hub JIPP Provinsi {world.regions.name(adopter.province)}"
            if hub
            else "model mandiri"
        )
        notes = (
            f'Replikasi inovasi "{source.title}" dari {origin.name} oleh {adopter.name} ({how}).'
        )
        if status == "cancelled":
            notes += " Dihentikan karena " + rng.choice(texts.cancel_reasons)
        items.append(
            {
                "innovation_id": source.id,
                "adopting_agency_id": adopter.id,
                "province_code": adopter.province,
                "regency_code": adopter.regency,
                "status": status,
                "started_on": started.isoformat(),
                "notes": notes,
                "steps": steps,
            }
        )
        # The statement is signed once the action plan it commits to has been drawn up.
        plan_activity = texts.steps[_ACTION_PLAN].activity
        plan_step = next(s for s in steps if s["activity"] == plan_activity)
        signed = dt.date.fromisoformat(plan_step.get("done_date") or plan_step["target_date"])
        signed += dt.timedelta(days=rng.randint(3, 21))
        wants = status not in ("preparation", "cancelled") and rng.random() < 0.85
        commitments.append(
            replication_commitment(rng, world, source, origin, adopter, signed)
            if wants and signed <= STATUS_AS_OF
            else None
        )
    return items, commitments


def _steps(
    rng: random.Random, started: dt.date, status: str, last_done: int, origin: Agency
) -> list[Item]:
    texts = load().replications
    chosen = [i for i, step in enumerate(texts.steps) if not step.optional or rng.random() < 0.6]
    if status == "cancelled":
        last_done = rng.randint(0, last_done)
    elif status == "preparation":
        last_done = rng.choice((-1, 0))
    elif status == "planning":
        last_done = rng.randint(last_done, 5)
    steps: list[Item] = []
    target = started
    previous_done = started
    blocked = False
    for index in chosen:
        activity, output, _ = texts.steps[index]
        if index == _STUDY_VISIT:
            activity = texts.study_visit.format(origin=origin.name)
        target = target + dt.timedelta(days=rng.randint(20, 50))
        step: Item = {
            "activity": activity,
            "output": output,
            "person_in_charge": rng.choice(texts.people_in_charge),
            "target_date": min(target, LAST_DAY).isoformat(),
        }
        if index <= last_done and not blocked:
            done = target + dt.timedelta(days=rng.randint(-10, 15))
            previous_done = max(previous_done, min(done, STATUS_AS_OF))
            step.update(status="done", done_date=previous_done.isoformat())
        elif not blocked and status != "cancelled":
            late = target < STATUS_AS_OF
            step["status"] = rng.choice(("delayed", "ongoing")) if late else "ongoing"
            blocked = True
        else:
            step["status"] = "cancelled" if status == "cancelled" else "not_started"
            blocked = True
        steps.append(step)
    return steps
