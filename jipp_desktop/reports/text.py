"""Bilingual report wording: every visible string is written once as an (id, en) pair."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tr:
    """``tr("Halaman", "Page")`` returns the text for the report's language."""

    lang: str = "id"

    def __call__(self, text_id: str, text_en: str) -> str:
        return text_en if self.lang == "en" else text_id

    @property
    def en(self) -> bool:
        return self.lang == "en"


def escape(text: object) -> str:
    """Escape user text for Paragraph markup; keeps line breaks as <br/>."""
    if text is None:
        return ""
    out = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("\r\n", "\n").replace("\n", "<br/>")


def venue(place: str | None, region: str | None) -> str:
    """ "Aula Bappeda, Kabupaten Belu"; the region is not repeated when the place already
    names it ("Aula UPTD Puskesmas Kota Gunungsitoli", not "…, Kota Gunungsitoli")."""
    place, region = (place or "").strip(), (region or "").strip()
    if not region or region.casefold() in place.casefold():
        return place
    return f"{place}, {region}" if place else region
