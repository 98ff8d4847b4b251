"""The demo office: a plausible kop, officer and approval block for the demo data.

Reports made from the command line right after ``demo-data`` then look like the real
thing.  The office is the NTT provincial organisation bureau that hosts the demo's hub;
the people and their NIPs are invented, the contact uses the reserved ``.example``
domain.  Settings the officer already filled in are never overwritten.
"""

from __future__ import annotations

from jipp_desktop.core.settings import Settings

DEMO_SETTINGS: dict[str, str] = {
    "letterhead_title": "Pemerintah Provinsi Nusa Tenggara Timur",
    "letterhead_unit": "Biro Organisasi Sekretariat Daerah",
    "letterhead_address": "Jl. El Tari No. 52, Kupang 85111 · Telepon (0380) 833333 · "
    "organisasi@nttprov.example",
    "officer_name": "Maria Goreti Ndoen, S.Sos., M.Si.",
    "officer_position": "Analis Kebijakan Ahli Muda",
    "officer_nip": "198609262015052001",
    "approval_name": "Dr. Yosef Nae Soi, M.M.",
    "approval_position": "Kepala Biro Organisasi",
    "approval_nip": "197203151998031007",
    "province_code": "53",
}


def fill_settings(settings: Settings) -> dict[str, str]:
    """Set every demo setting that is still empty; returns the ones it set."""
    current = settings.all()
    chosen = {key: value for key, value in DEMO_SETTINGS.items() if not current[key].strip()}
    settings.update(chosen)
    return chosen
