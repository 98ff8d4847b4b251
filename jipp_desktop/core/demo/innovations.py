"""Innovation records: a title from the agency's themes and paragraphs built around it."""

from __future__ import annotations

import random
from decimal import Decimal

from jipp_desktop.core import idformat, vocab
from jipp_desktop.core.demo.people import person
from jipp_desktop.core.demo.plan import Item, kipp_categories
from jipp_desktop.core.demo.vocabulary import load
from jipp_desktop.core.demo.world import World, bare

# An award comes at least a year after the start; KIPP 2024 was cancelled (DOMAIN.md §2).
_AWARD_YEARS = (2019, 2020, 2021, 2022, 2023, 2025)
_AWARD_RANKS = ("Top 99", "Top 99", "Top 45")  # Top 45 is the rarer, higher tier


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _sentence(text: str) -> str:
    """Capitalise the first letter only (str.capitalize would lower 'BUMDes')."""
    return text[:1].upper() + text[1:] + "."


def _categories_of(codes: tuple[str, ...], year: int) -> list[str]:
    """The theme's categories in the list that applies to an innovation started in ``year``."""
    known = kipp_categories()
    wanted = known.list_year(year)
    return [c for c in codes if known.by_code[c].year == wanted]


def innovation(rng: random.Random, world: World, agency_index: int) -> Item:
    words = load()
    texts = words.innovation
    agency = world.agencies[agency_index]
    theme = words.themes[rng.choice(words.unit_themes[agency.unit])]
    pattern = rng.random()
    if pattern < 0.6:
        noun, mods = rng.choice(theme.combos)
        title = f"{noun} {rng.choice(mods)}"
    elif pattern < 0.82:
        title = rng.choice(theme.brands)
    else:
        title = rng.choice(theme.digital)
    digital = any(word in title for word in texts.digital_words) or rng.random() < 0.1
    year = rng.randint(2016, 2025)
    mature = year <= 2021
    stage = rng.choices(
        ("initiative", "trial", "implementation"), (5, 15, 80) if mature else (30, 35, 35)
    )[0]
    place = world.regions.name(agency.regency or agency.province)
    if not agency.regency:
        place = f"Provinsi {place}"
    pct = rng.randint(20, 60)
    values = {
        "place": place,
        "unit": agency.label,
        "obj": theme.obj,
        "aud": rng.choice(theme.audiences),
        "km": rng.randint(5, 60),
        "days": rng.randint(5, 30),
        "days2": rng.randint(1, 3),
        "pct": pct,
        "pct2": min(98, pct + rng.randint(15, 35)),
        "pct3": pct * rng.randint(40, 80) // 100,
        "pct4": rng.randint(10, 45),
        "pctsmall": rng.randint(2, 12),
        "hours": rng.randint(2, 6),
        "n": idformat.format_number(rng.randint(1, 250) * 100),  # 12.500
        "k": rng.randint(2, 9),
        "tons": rng.randint(50, 400),
        "tons2": rng.randint(5, 40),
        "rp": idformat.format_rupiah(rng.randint(5, 60) * 5_000, decimals=0),  # Rp125.000
        "ikm": idformat.format_number(Decimal(rng.randint(780, 960)).scaleb(-1), 1),  # 87,3
        "year": year,
        "year2": min(2025, year + rng.randint(1, 3)),
        "y0": year - 1,
        "steps": rng.randint(6, 12),
        "steps2": rng.randint(2, 4),
        "channel": rng.choice(texts.channels_digital if digital else texts.channels_offline),
        "actor": rng.choice(texts.actors),
        "partner": rng.choice(texts.partners),
        "freq": rng.choice(texts.frequencies),
        "head": "Gubernur"
        if not agency.regency
        else ("Wali Kota" if agency.level == "city" else "Bupati"),
        "stage": vocab.label("innovation_stage", stage).lower(),
    }

    def text(*sentences: str) -> str:
        return " ".join(s.format(**values) for s in sentences)

    solutions = texts.solutions + (texts.solutions_digital if digital else ())
    novelties = texts.novelties + (texts.novelties_digital if digital else texts.novelties_offline)
    if stage == "implementation":
        results = [rng.choice(theme.results), *rng.sample(texts.results, rng.randint(1, 2))]
        if mature and rng.random() < 0.4:
            results.append(texts.result_replicated)
    else:
        results = [texts.result_early]
    awards = None
    award_years = [y for y in _AWARD_YEARS if y > year]
    if stage == "implementation" and award_years and rng.random() < 0.08:
        awards = f"{rng.choice(_AWARD_RANKS)} KIPP {rng.choice(award_years)}"
    contact, _ = person(rng, agency.province, unit=agency.unit)
    region_slug = _slug(bare(world.regions.name(agency.regency or agency.province)))
    return {
        "title": title,
        "agency_id": agency.id,
        "province_code": agency.province,
        "regency_code": agency.regency,
        "category": rng.choice(_categories_of(theme.categories, year)),
        "cluster": agency.level,
        "stage": stage,
        "is_digital": digital,
        "year_started": year,
        "problem": text(rng.choice(theme.problems), rng.choice(texts.problems)),
        "solution": text(*rng.sample(solutions, rng.randint(2, 3))),
        "novelty": text(*rng.sample(novelties, rng.randint(1, 2))),
        "results": text(*results),
        "beneficiaries": _sentence(", ".join(rng.sample(theme.audiences, 2))),
        "awards": awards,
        "tags": ", ".join(rng.sample(theme.tags, 3)),
        "contact_name": contact,
        "contact_email": f"inovasi.{agency.unit}@{region_slug}.example",
    }
