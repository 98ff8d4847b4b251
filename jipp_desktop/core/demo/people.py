"""Fictional people: names in the style of a region, academic titles, NIPs and signatories."""

from __future__ import annotations

import datetime as dt
import random

from jipp_desktop.core.demo.plan import Item
from jipp_desktop.core.demo.vocabulary import load

# Units whose staff carry health degrees (dr., S.KM., Ns.).
HEALTH_UNITS = frozenset({"puskesmas", "dinkes", "rsud"})


def person(
    rng: random.Random,
    province: str | None,
    *,
    unit: str = "",
    degrees: bool = True,
    senior: bool = False,
) -> tuple[str, bool]:
    """A name in the style of ``province`` with academic titles; returns (name, female)."""
    people = load().people
    style = people.style_by_province.get(province or "", people.default_style)
    if rng.random() < 0.25:
        style = rng.choice(people.migrant_styles)
    female = rng.random() < 0.45
    first = rng.choice(style.female_first if female else style.male_first)
    last = rng.choice(style.female_last if female else style.male_last)
    name = f"{first} {last}"
    if not degrees:
        return name, female
    health = unit in HEALTH_UNITS
    if senior:
        prefix, suffix = rng.choice(
            people.degrees_health_senior if health else people.degrees_senior
        )
    else:
        prefix, suffix = rng.choice(people.degrees_health if health else people.degrees)
    if female and prefix == "Drs. ":
        prefix = "Dra. "
    return f"{prefix}{name}, {suffix}" if suffix else prefix + name, female


def nip(rng: random.Random, female: bool, *, senior: bool) -> str:
    """An 18-digit NIP: birth date, appointment year and month, sex digit, serial."""
    birth = dt.date(
        rng.randint(1966, 1976) if senior else rng.randint(1975, 1994),
        rng.randint(1, 12),
        rng.randint(1, 28),
    )
    appointed = min(birth.year + rng.randint(22, 30), 2021)
    return (
        f"{birth:%Y%m%d}{appointed}{rng.randint(1, 12):02d}{2 if female else 1}"
        f"{rng.randint(1, 12):03d}"
    )


def official(
    rng: random.Random,
    province: str | None,
    position: str,
    institution: str,
    party: str,
    *,
    unit: str = "",
    senior: bool = True,
) -> Item:
    """A signatory row: civil servants get a NIP and rank, development partners neither."""
    name, female = person(rng, province, unit=unit, senior=senior)
    row: Item = {"name": name, "position": position, "institution": institution, "party": party}
    if party != "partner":
        row["nip"] = nip(rng, female, senior=senior)
        people = load().people
        row["rank"] = rng.choice(people.ranks_senior if senior else people.ranks)
    return row
