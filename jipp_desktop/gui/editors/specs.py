"""Which fields each editor shows, grouped into tabs.  Labels, limits and rules come
from the core's field declarations; only the grouping and order live here."""

from __future__ import annotations

from dataclasses import dataclass

from jipp_desktop.gui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Region:
    """A province → regency/city pair of pickers.  ``province`` None means the record
    stores only the regency (the province combo just narrows the list)."""

    province: str | None
    regency: str | None


@dataclass(frozen=True)
class Section:
    title: str  # English source text, translated in context "editor"
    items: tuple[str | Region, ...]


GENERAL = QT_TRANSLATE_NOOP("editor", "General")
DESCRIPTION = QT_TRANSLATE_NOOP("editor", "Description")
CONTACT = QT_TRANSLATE_NOOP("editor", "Contact")
TEXT = QT_TRANSLATE_NOOP("editor", "Text")

SPECS: dict[str, tuple[Section, ...]] = {
    "innovation": (
        Section(
            GENERAL,
            (
                "title",
                Region("province_code", "regency_code"),
                "agency_id",
                # The year first: the category picker offers that year's KIPP list.
                "year_started",
                "category",
                "cluster",
                "stage",
                "is_digital",
                "tags",
            ),
        ),
        Section(
            DESCRIPTION, ("problem", "solution", "novelty", "results", "beneficiaries", "awards")
        ),
        Section(CONTACT, ("contact_name", "contact_phone", "contact_email")),
    ),
    "replication": (
        Section(
            GENERAL,
            (
                "innovation_id",
                "adopting_agency_id",
                Region("province_code", "regency_code"),
                "status",
                "started_on",
                "commitment_id",
                "notes",
            ),
        ),
    ),
    "commitment": (
        Section(
            GENERAL,
            # The hub first: its province fills "Provinsi" (one province on the form;
            # the place of signing may be in another).
            (
                "hub_id",
                "kind",
                "number",
                "signed_on",
                "event_name",
                Region(None, "place_regency_code"),
                "province_code",
            ),
        ),
        Section(TEXT, ("text",)),
    ),
    "visit": (
        # One tab for the whole visit report: a newcomer fills it top to bottom, then
        # adds obstacles and follow-ups in their own tabs.
        Section(
            GENERAL,
            (
                "hub_id",
                "start_date",
                "end_date",
                Region(None, "regency_code"),
                "place",
                "agenda",
                "findings",
                "notes",
            ),
        ),
    ),
    "workplan": (Section(GENERAL, ("hub_id", "year", "title", "notes")),),
    "hub": (
        Section(
            GENERAL,
            (
                "name",
                "province_code",
                "status",
                "year_designated",
                "decree_number",
                "decree_date",
                "coordinating_agency_id",
                "portal_name",
                "notes",
            ),
        ),
    ),
    "agency": (
        Section(GENERAL, ("name", "short_name", "level", Region("province_code", "regency_code"))),
    ),
}
