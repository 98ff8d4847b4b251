"""The world later records point into: agencies (national, provincial, regency) and hubs.

``World`` also collects, as records are created, what later record types look up: the ids
of agencies and hubs, and the implemented innovations that replications and visits use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from jipp_desktop.core.demo.plan import HUB_FACTS, Item, Size
from jipp_desktop.core.demo.vocabulary import Unit, load
from jipp_desktop.core.validation import Regions

# The small set always has these two, so the examples in the brief (adminduk, puskesmas) exist.
_SMALL_FIXED_UNITS = ("dukcapil", "puskesmas")


@dataclass
class Agency:
    name: str
    short: str
    level: str
    unit: str
    # What sentences call the office ("kantor Satpol PP"), without the region name.
    label: str = ""
    province: str | None = None
    regency: str | None = None
    id: str = ""

    def item(self) -> Item:
        return {
            "name": self.name,
            "short_name": self.short,
            "level": self.level,
            "province_code": self.province,
            "regency_code": self.regency,
        }


@dataclass(frozen=True)
class Source:
    """What a replication or a visit needs to know about an implemented innovation."""

    id: str
    title: str
    agency: int
    year: int


@dataclass
class World:
    """Everything later record types look up: regions, agencies, hubs, innovations."""

    regions: Regions
    size: Size
    agencies: list[Agency] = field(default_factory=list)
    national: dict[str, int] = field(default_factory=dict)  # short name -> agency index
    by_province: dict[str, list[int]] = field(default_factory=dict)
    by_regency: dict[str, list[int]] = field(default_factory=dict)
    by_unit: dict[str, list[int]] = field(default_factory=dict)
    # Indexes built once: per-visit and per-replication scans of 500 agencies add up at
    # national size.
    regency_level: dict[str, list[int]] = field(default_factory=dict)  # province -> agencies
    by_unit_province: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    hubs: dict[str, str] = field(default_factory=dict)  # province -> hub id
    sources: list[Source] = field(default_factory=list)
    titles_by_province: dict[str, list[str]] = field(default_factory=dict)
    officials: dict[str, Item] = field(default_factory=dict)  # fixed signatories by party


def bare(name: str) -> str:
    """'Kabupaten Manggarai Barat' -> 'Manggarai Barat' (for RSUD names and sentences).

    Not idformat.place_name: that one keeps "Administrasi" in "Kota Administrasi Jakarta
    Pusat", which would change the demo text.
    """
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def build_agencies(rng: random.Random, world: World) -> None:
    regions, size, words = world.regions, world.size, load()
    for name, short, level in words.national_agencies:
        world.national[short] = len(world.agencies)
        world.agencies.append(Agency(name, short, level, "national", short))
    provinces = size.innovation_provinces or tuple(sorted(regions.provinces))
    for prov in provinces:
        pname = regions.name(prov)
        planning = rng.choice(words.planning_offices)
        for unit, full, short in words.province_units:
            if unit == "bappeda":
                full, short = planning
            world.agencies.append(
                Agency(
                    f"{full} Provinsi {pname}",
                    f"{short} {pname}"[:60],
                    "province",
                    unit,
                    short,
                    prov,
                )
            )
        regencies = [code for code, _ in regions.regencies_of(prov)]
        if size.regencies_per_province is not None:
            regencies = sorted(rng.sample(regencies, size.regencies_per_province))
        for reg in regencies:
            _regency_agencies(rng, world, prov, reg)
    for index, agency in enumerate(world.agencies):
        if agency.province:
            world.by_province.setdefault(agency.province, []).append(index)
        if agency.regency:
            world.by_regency.setdefault(agency.regency, []).append(index)
            world.regency_level.setdefault(agency.province or "", []).append(index)
        world.by_unit.setdefault(agency.unit, []).append(index)
        world.by_unit_province.setdefault((agency.unit, agency.province or ""), []).append(index)


def _regency_agencies(rng: random.Random, world: World, prov: str, reg: str) -> None:
    words = load()
    rname = world.regions.name(reg)
    is_city = rname.startswith("Kota")
    # A kota has no desa, so no village-empowerment office.
    units: list[Unit] = [u for u in words.regency_units if not (is_city and u.key == "dpmd")]
    if world.size.units_per_regency is not None:
        fixed = [u for u in units if u.key in _SMALL_FIXED_UNITS]
        rest = [u for u in units if u.key not in _SMALL_FIXED_UNITS]
        chosen = {u.key for u in fixed + rng.sample(rest, world.size.units_per_regency - 2)}
        units = [u for u in units if u.key in chosen]
    planning = rng.choice(words.planning_offices)
    for unit, full, short in units:
        if unit == "bappeda":
            full, short = planning
        if unit == "rsud":
            name = f"RSUD {bare(rname)}"
        elif unit == "puskesmas":
            name = f"{full} {rng.choice(words.villages)} {rname}"
        else:
            name = f"{full} {rname}"
        world.agencies.append(
            Agency(
                name,
                f"{short} {bare(rname)}"[:60],
                "city" if is_city else "regency",
                unit,
                short,
                prov,
                reg,
            )
        )


def build_hubs(world: World) -> list[Item]:
    items = []
    for prov in world.size.hub_provinces:
        year, decree, status, portal = HUB_FACTS[prov]
        pname = world.regions.name(prov)
        biro = next(i for i in world.by_province[prov] if world.agencies[i].unit == "biro")
        if year == 2022:
            notes = (
                "Komitmen pembentukan simpul inovasi ditandatangani pada 28 September 2022 "
                "di Kabupaten Manggarai Barat. Penetapan sebagai Hub JIPP menyusul dengan "
                "Keputusan Menteri PANRB."
            )
        else:
            notes = f"Ditetapkan sebagai Hub JIPP melalui {decree}."
        if status == "not_optimal":
            notes += (
                " Pelaksanaan hub belum berjalan optimal; komitmen pembentukan simpul "
                "inovasi ditandatangani kembali pada 28 September 2022 dan pembinaan "
                "dilanjutkan oleh Kementerian PANRB bersama USAID-ERAT."
            )
        if prov == "53":
            notes += " Portal Lopo Inovasi Flobamorata diluncurkan pada 14 November 2023."
        items.append(
            {
                "province_code": prov,
                "name": f"Hub JIPP Provinsi {pname}",
                "status": status,
                "year_designated": year,
                "decree_number": decree,
                "coordinating_agency_id": world.agencies[biro].id,
                "portal_name": portal,
                "notes": notes,
            }
        )
    return items
