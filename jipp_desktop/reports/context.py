"""What a report reads: the services, settings and language of one open workspace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core.services import RecordService
from jipp_desktop.core.validation import Regions
from jipp_desktop.reports.digest import report_digest
from jipp_desktop.reports.document import PAPERS, Letterhead, ReportMeta
from jipp_desktop.reports.errors import invalid
from jipp_desktop.reports.zones import local_time


@dataclass
class ReportContext:
    records: RecordService
    regions: Regions
    attachments: Any  # core.attachments.AttachmentStore
    settings: Any  # core.settings.Settings
    lang: str
    digest: str | None
    paper: str = "a4"
    credit: bool = True

    def category(self, value: str | None) -> str:
        """A stored KIPP category as the report's reader reads it (its label)."""
        return self.records.categories.label(value, self.lang)

    @classmethod
    def from_workspace(
        cls,
        workspace: Any,
        lang: str | None = None,
        *,
        paper: str | None = None,
        credit: bool | None = None,
    ) -> ReportContext:
        """``lang``, ``paper`` and ``credit`` override the settings (the command line's
        --lang, --paper and --no-credit)."""
        chosen = lang or workspace.settings.get("language") or "id"
        settings = workspace.settings
        paper = (paper or settings.get("paper") or "a4").lower()
        if paper not in PAPERS:
            raise invalid(
                "paper",
                "choice",
                f"Ukuran kertas '{paper}' tidak dikenal. Pilihan: a4, f4.",
                f"Unknown paper size '{paper}'. Choose a4 or f4.",
            )
        return cls(
            records=workspace.records,
            regions=workspace.regions,
            attachments=workspace.attachments,
            settings=workspace.settings,
            lang="en" if chosen == "en" else "id",
            digest=report_digest(workspace.data_dir),
            paper=paper,
            credit=settings.get("report_credit") != "0" if credit is None else credit,
        )

    def meta(
        self, title: str, *, landscape: bool = False, subject: str = "", province: str = ""
    ) -> ReportMeta:
        """Page furniture for a report; reading the kop checks the logo file first.
        ``province`` (the report's, else the settings') gives the zone of the time."""
        made, zone = local_time(province or self.settings.get("province_code"))
        return ReportMeta(
            title=title,
            lang=self.lang,
            letterhead=Letterhead.from_settings(self.settings),
            digest=self.digest,
            author=self.settings.get("officer_name"),
            subject=subject,
            landscape=landscape,
            paper=self.paper,
            credit=self.credit,
            generated_at=made,
            zone=zone,
        )

    @property
    def today(self) -> dt.date:
        return dt.date.today()

    def officer(self) -> tuple[str, str, str]:
        """(name, position, NIP) of the officer who signs the app's own reports."""
        get = self.settings.get
        return get("officer_name"), get("officer_position"), get("officer_nip")
