"""Commitment documents: the 2022 hub-formation commitments and replication statements."""

from __future__ import annotations

import datetime as dt
import random

from jipp_desktop.core.demo.people import official
from jipp_desktop.core.demo.plan import (
    FORMATION_DATE,
    FORMATION_EVENT,
    FORMATION_PLACE,
    FORMATION_PROVINCES,
    Item,
)
from jipp_desktop.core.demo.vocabulary import load
from jipp_desktop.core.demo.world import Agency, Source, World
from jipp_desktop.core.validation import Regions

# Month in a letter number: 065/123/Disdukcapil/IX/2024.
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def formation_commitments(rng: random.Random, world: World) -> list[Item]:
    """The 28 September 2022 hub-formation commitments, one per signing province."""
    texts = load().commitments
    # The national signatories are the same people on every province's document.
    world.officials = {
        s.party: official(rng, s.name_style_province, s.position, s.institution, s.party)
        for s in texts.national_signatories
    }
    items = []
    for number, prov in enumerate(p for p in FORMATION_PROVINCES if p in world.hubs):
        pname = world.regions.name(prov)
        # Kalbar was already a hub (since 2021) and signed again.
        opening = texts.formation_opening_reaffirmed if prov == "61" else texts.formation_opening
        text = "\n".join(
            (opening, *(clause.format(province=pname) for clause in texts.formation_clauses))
        )
        governor_office = official(
            rng,
            prov,
            f"Sekretaris Daerah Provinsi {pname}",
            f"Pemerintah Provinsi {pname}",
            "provincial_government",
        )
        signatories = [governor_office, *(dict(row) for row in world.officials.values())]
        items.append(
            {
                "kind": "hub_formation",
                "number": f"{number + 1:03d}/KOM-SIMPUL/JIPP/IX/2022",
                "signed_on": FORMATION_DATE,
                "place_regency_code": FORMATION_PLACE,
                "event_name": FORMATION_EVENT,
                "province_code": prov,
                "hub_id": world.hubs[prov],
                "text": text,
                "signatories": signatories,
            }
        )
    return items


def _head_position(agency: Agency) -> str:
    return f"{'Direktur' if agency.unit == 'rsud' else 'Kepala'} {agency.name}"


def _government(regions: Regions, agency: Agency) -> tuple[str, str]:
    """(institution, signatory party) of the regional government an agency belongs to."""
    if agency.regency:
        return f"Pemerintah {regions.name(agency.regency)}", "regional_government"
    return f"Pemerintah Provinsi {regions.name(agency.province)}", "provincial_government"


def replication_commitment(
    rng: random.Random,
    world: World,
    source: Source,
    origin: Agency,
    adopter: Agency,
    signed: dt.date,
) -> Item:
    """The adopter's statement of commitment to replicate ``source``, signed on ``signed``."""
    regions, texts = world.regions, load().commitments
    province = adopter.province or ""
    place = adopter.regency or next(
        (code for code, name in regions.regencies_of(province) if name.startswith("Kota")),
        regions.regencies_of(province)[0][0],
    )
    institution, party = _government(regions, adopter)
    origin_institution, origin_party = _government(regions, origin)
    signatories = [
        official(
            rng, adopter.province, _head_position(adopter), institution, party, unit=adopter.unit
        ),
        official(
            rng,
            origin.province,
            _head_position(origin),
            origin_institution,
            origin_party,
            unit=origin.unit,
        ),
    ]
    hub = world.hubs.get(province)
    if hub:
        pname = regions.name(province)
        signatories.append(
            official(
                rng,
                province,
                f"Kepala Biro Organisasi Sekretariat Daerah Provinsi {pname}",
                f"Pemerintah Provinsi {pname}",
                "provincial_government",
            )
        )
        if province in FORMATION_PROVINCES and signed.year <= 2024:
            # USAID-ERAT mentored the 2022 provinces on these statements (DOMAIN.md §1).
            signatories.append(dict(world.officials["partner"]))
    text = "\n".join(
        (
            texts.replication_opening.format(title=source.title, origin=origin.name),
            *(clause.format(year=signed.year) for clause in texts.replication_clauses),
        )
    )
    number = (
        f"{rng.choice(texts.letter_codes)}/{rng.randint(1, 999):03d}/"
        f"{adopter.label.replace(' ', '')}/{_ROMAN[signed.month - 1]}/{signed.year}"
    )
    return {
        "kind": "replication",
        "number": number,
        "signed_on": signed.isoformat(),
        "place_regency_code": place,
        "event_name": texts.replication_event,
        "province_code": province,
        "hub_id": hub,
        "text": text,
        "signatories": signatories,
    }
