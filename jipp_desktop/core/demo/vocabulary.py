"""The demo generator's word lists and tables, read once from db/seed/demo.json.

The JSON keeps the data out of the code; this module turns it into frozen, typed values
(tuples, named tuples, frozen dataclasses) and checks it against the app's vocabularies, so
a typo in the file fails on the first ``load()`` with the path of the bad entry, not as a
validation error halfway through a national run.  The order of every list is kept: the
generator draws from them with a seeded random.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from jipp_desktop.core import vocab
from jipp_desktop.core.demo.json_node import Node
from jipp_desktop.core.demo.plan import kipp_categories
from jipp_desktop.paths import data_folder


class Unit(NamedTuple):
    """An office type: key, full name prefix, short prefix (the region name is appended)."""

    key: str
    full: str
    short: str


class NationalAgency(NamedTuple):
    name: str
    short: str
    level: str


@dataclass(frozen=True)
class Theme:
    """Innovations of one kind: the units that run them and the parts of their texts.

    ``combos`` pair a service with the modifiers that fit it ("Layanan Adminduk" +
    "Keliling").
    """

    key: str
    units: tuple[str, ...]
    categories: tuple[str, ...]
    combos: tuple[tuple[str, tuple[str, ...]], ...]
    brands: tuple[str, ...]
    digital: tuple[str, ...]
    obj: str
    audiences: tuple[str, ...]
    problems: tuple[str, ...]
    results: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class InnovationTexts:
    """Sentences shared by every theme; {placeholders} are filled per innovation."""

    problems: tuple[str, ...]
    solutions: tuple[str, ...]
    solutions_digital: tuple[str, ...]
    novelties: tuple[str, ...]
    novelties_digital: tuple[str, ...]
    novelties_offline: tuple[str, ...]
    results: tuple[str, ...]
    result_replicated: str
    result_early: str
    channels_digital: tuple[str, ...]
    channels_offline: tuple[str, ...]
    actors: tuple[str, ...]
    partners: tuple[str, ...]
    frequencies: tuple[str, ...]
    # A title containing one of these makes the innovation digital.
    digital_words: tuple[str, ...]


class NameStyle(NamedTuple):
    """Names of a region: last names are marga/fam names where a region uses them."""

    male_first: tuple[str, ...]
    female_first: tuple[str, ...]
    male_last: tuple[str, ...]
    female_last: tuple[str, ...]


class Degree(NamedTuple):
    prefix: str  # "Dr. ", with its trailing space
    suffix: str  # "M.Si.", or "" for none


@dataclass(frozen=True)
class People:
    style_by_province: Mapping[str, NameStyle]
    default_style: NameStyle
    # Officers move across the archipelago: some names in every province come from elsewhere.
    migrant_styles: tuple[NameStyle, ...]
    degrees: tuple[Degree, ...]
    degrees_health: tuple[Degree, ...]
    # Heads of office and signatories: a master's degree or more is the norm at echelon II.
    degrees_senior: tuple[Degree, ...]
    degrees_health_senior: tuple[Degree, ...]
    ranks_senior: tuple[str, ...]
    ranks: tuple[str, ...]
    staff_positions: tuple[str, ...]


class Signatory(NamedTuple):
    """A national signatory of the 2022 hub-formation commitments."""

    party: str
    name_style_province: str
    position: str
    institution: str


@dataclass(frozen=True)
class CommitmentTexts:
    national_signatories: tuple[Signatory, ...]
    formation_opening: str
    formation_opening_reaffirmed: str
    formation_clauses: tuple[str, ...]  # {province}
    replication_event: str
    replication_opening: str  # {title}, {origin}
    replication_clauses: tuple[str, ...]  # {year}
    letter_codes: tuple[str, ...]


# replications.py refers to steps by catalogue index (the last done step of each status).
REPLICATION_STEPS = 9


class Step(NamedTuple):
    """A step of a LAN-model replication action plan (DOMAIN.md §2)."""

    activity: str
    output: str
    optional: bool  # sometimes left out of a plan


@dataclass(frozen=True)
class ReplicationTexts:
    steps: tuple[Step, ...]
    study_visit: str  # {origin}; replaces the activity of step 1
    people_in_charge: tuple[str, ...]
    cancel_reasons: tuple[str, ...]


class Obstacle(NamedTuple):
    description: str
    action: str  # the follow-up that answers it


@dataclass(frozen=True)
class VisitTexts:
    agendas: tuple[str, ...]  # {title}, {aspect}, {year}, {portal}
    findings: tuple[str, ...]  # {n}, {m}, {y0}
    notes: tuple[str | None, ...]
    # Keyed by every vocab.OBSTACLE_CATEGORY, in the file's order.
    obstacles: Mapping[str, tuple[Obstacle, ...]]


class Activity(NamedTuple):
    name: str
    aspect: str  # a vocab.MATURITY_ASPECT key
    aim: str
    output: str
    budget: tuple[int, int]  # range in millions of rupiah


@dataclass(frozen=True)
class WorkplanTexts:
    activities: tuple[Activity, ...]
    places: tuple[str, ...]
    people_in_charge: tuple[str, ...]
    obstacles: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    national_agencies: tuple[NationalAgency, ...]
    province_units: tuple[Unit, ...]
    regency_units: tuple[Unit, ...]
    planning_offices: tuple[tuple[str, str], ...]  # (full name, short name)
    villages: tuple[str, ...]
    themes: tuple[Theme, ...]
    # Unit key -> indexes of the themes its innovations can have.
    unit_themes: Mapping[str, tuple[int, ...]]
    innovation: InnovationTexts
    people: People
    commitments: CommitmentTexts
    replications: ReplicationTexts
    visits: VisitTexts
    workplans: WorkplanTexts


def seed_file() -> Path:
    return data_folder("db") / "seed" / "demo.json"


@cache
def load() -> Vocabulary:
    """The vocabulary of db/seed/demo.json, read and checked once per process."""
    path = seed_file()
    try:
        with path.open(encoding="utf-8") as fh:
            return _vocabulary(Node(json.load(fh), "demo.json"))
    except ValueError as exc:  # json.JSONDecodeError included
        raise ValueError(f"{path}: {exc}") from exc


def _vocabulary(root: Node) -> Vocabulary:
    agencies = root["agencies"]
    themes = tuple(_theme(node) for node in root["themes"].items())
    return Vocabulary(
        national_agencies=tuple(
            NationalAgency(a["name"].text(), a["short"].text(), a["level"].text())
            for a in agencies["national"].items()
        ),
        province_units=tuple(Unit(*u.row(3)) for u in agencies["province_units"].items()),
        regency_units=tuple(Unit(*u.row(3)) for u in agencies["regency_units"].items()),
        planning_offices=tuple(
            (full, short)
            for full, short in (p.row(2) for p in agencies["planning_offices"].items())
        ),
        villages=agencies["villages"].texts(),
        themes=themes,
        unit_themes={
            unit: tuple(i for i, t in enumerate(themes) if unit in t.units)
            for unit in dict.fromkeys(u for t in themes for u in t.units)
        },
        innovation=_innovation_texts(root["innovation_texts"]),
        people=_people(root["people"]),
        commitments=_commitment_texts(root["commitments"]),
        replications=_replication_texts(root["replications"]),
        visits=_visit_texts(root["visits"]),
        workplans=_workplan_texts(root["workplans"]),
    )


def _categories(node: Node) -> tuple[str, ...]:
    """A theme's category codes: shipped ones, at least one from every year's list."""
    known = kipp_categories()
    codes = tuple(c.choice(known.by_code) for c in node.items())
    missing = set(known.years) - {known.by_code[c].year for c in codes}
    if missing:
        raise ValueError(f"{node.path} has no category of the lists of {sorted(missing)}")
    return codes


def _theme(node: Node) -> Theme:
    return Theme(
        key=node["key"].text(),
        units=node["units"].texts(),
        categories=_categories(node["categories"]),
        combos=tuple(
            (combo["service"].text(), combo["modifiers"].texts())
            for combo in node["services"].items()
        ),
        brands=node["brands"].texts(),
        digital=node["digital_names"].texts(),
        obj=node["object"].text(),
        audiences=node["audiences"].texts(),
        problems=node["problems"].texts(),
        results=node["results"].texts(),
        tags=node["tags"].texts(),
    )


def _innovation_texts(node: Node) -> InnovationTexts:
    return InnovationTexts(
        problems=node["problems"].texts(),
        solutions=node["solutions"].texts(),
        solutions_digital=node["solutions_digital"].texts(),
        novelties=node["novelties"].texts(),
        novelties_digital=node["novelties_digital"].texts(),
        novelties_offline=node["novelties_offline"].texts(),
        results=node["results"].texts(),
        result_replicated=node["result_replicated"].text(),
        result_early=node["result_early"].text(),
        channels_digital=node["channels_digital"].texts(),
        channels_offline=node["channels_offline"].texts(),
        actors=node["actors"].texts(),
        partners=node["partners"].texts(),
        frequencies=node["frequencies"].texts(),
        digital_words=node["digital_words"].texts(),
    )


def _people(node: Node) -> People:
    styles = {
        key: NameStyle(
            style["male_first"].texts(),
            style["female_first"].texts(),
            style["male_last"].texts(),
            style["female_last"].texts(),
        )
        for key, style in node["name_styles"].entries()
    }

    def degrees(key: str) -> tuple[Degree, ...]:
        return tuple(Degree(*d.row(2)) for d in node[key].items())

    return People(
        style_by_province={
            province: styles[style.choice(styles)]
            for province, style in node["name_style_by_province"].entries()
        },
        default_style=styles[node["default_name_style"].choice(styles)],
        migrant_styles=tuple(styles[s.choice(styles)] for s in node["migrant_name_styles"].items()),
        degrees=degrees("degrees"),
        degrees_health=degrees("degrees_health"),
        degrees_senior=degrees("degrees_senior"),
        degrees_health_senior=degrees("degrees_health_senior"),
        ranks_senior=node["ranks_senior"].texts(),
        ranks=node["ranks"].texts(),
        staff_positions=node["staff_positions"].texts(),
    )


def _commitment_texts(node: Node) -> CommitmentTexts:
    signatories = tuple(
        Signatory(
            s["party"].text(),
            s["name_style_province"].text(),
            s["position"].text(),
            s["institution"].text(),
        )
        for s in node["national_signatories"].items()
    )
    parties = [s.party for s in signatories]
    # Replication statements of the 2022 provinces add the partner who signed in 2022.
    if "partner" not in parties or len(set(parties)) != len(parties):
        raise ValueError(f"{node.path}.national_signatories: one per party, 'partner' included")
    return CommitmentTexts(
        national_signatories=signatories,
        formation_opening=node["formation_opening"].text(),
        formation_opening_reaffirmed=node["formation_opening_reaffirmed"].text(),
        formation_clauses=node["formation_clauses"].texts(),
        replication_event=node["replication_event"].text(),
        replication_opening=node["replication_opening"].text(),
        replication_clauses=node["replication_clauses"].texts(),
        letter_codes=node["letter_codes"].texts(),
    )


def _replication_texts(node: Node) -> ReplicationTexts:
    steps = tuple(
        Step(s["activity"].text(), s["output"].text(), s["optional"].flag())
        for s in node["steps"].items()
    )
    if len(steps) != REPLICATION_STEPS:
        raise ValueError(f"{node.path}.steps must have {REPLICATION_STEPS} entries")
    return ReplicationTexts(
        steps=steps,
        study_visit=node["study_visit"].text(),
        people_in_charge=node["people_in_charge"].texts(),
        cancel_reasons=node["cancel_reasons"].texts(),
    )


def _visit_texts(node: Node) -> VisitTexts:
    obstacles = {
        category: tuple(
            Obstacle(o["description"].text(), o["action"].text()) for o in pairs.items()
        )
        for category, pairs in node["obstacles"].entries()
    }
    if set(obstacles) != set(vocab.OBSTACLE_CATEGORY):
        raise ValueError(
            f"{node.path}.obstacles must have exactly the categories "
            f"{list(vocab.OBSTACLE_CATEGORY)}"
        )
    return VisitTexts(
        agendas=node["agendas"].texts(),
        findings=node["findings"].texts(),
        notes=tuple(n.optional_text() for n in node["notes"].items()),
        obstacles=obstacles,
    )


def _workplan_texts(node: Node) -> WorkplanTexts:
    activities = []
    for a in node["activities"].items():
        budget = a["budget_millions"]
        bounds = tuple(n.number() for n in budget.items())
        if len(bounds) != 2 or bounds[0] > bounds[1]:
            raise ValueError(f"{budget.path} must be [low, high]")
        low, high = bounds
        activities.append(
            Activity(
                a["name"].text(),
                a["aspect"].choice(vocab.MATURITY_ASPECT),
                a["aim"].text(),
                a["output"].text(),
                (low, high),
            )
        )
    return WorkplanTexts(
        activities=tuple(activities),
        places=node["places"].texts(),
        people_in_charge=node["people_in_charge"].texts(),
        obstacles=node["obstacles"].texts(),
    )
