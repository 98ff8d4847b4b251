"""How stored values read on screen: vocabulary labels, official region names,
Indonesian dates, titles of linked records.  One place, so lists, editors and the
dashboard agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

import peewee
from PySide6.QtCore import QCoreApplication

from jipp_desktop.core import categories, dashboard, idformat, vocab
from jipp_desktop.core.categories import Categories
from jipp_desktop.core.fields import (
    CategoryText,
    DateText,
    EnumText,
    Flag,
    LongText,
    Number,
    RefId,
    RegionCode,
)
from jipp_desktop.core.validation import Regions
from jipp_desktop.gui.i18n import current_language

LONG_TEXT_PREVIEW = 120


def never() -> str:
    """What "when" reads for something that has not happened yet (the last exchange on
    the sync page and in the status bar): one word in both places."""
    return QCoreApplication.translate("Display", "never")


@cache
def _shipped() -> Categories:
    return Categories(categories.shipped())


class Display:
    def __init__(
        self, regions: Regions, categories: Callable[[], Categories] | None = None
    ) -> None:
        self.regions = regions
        # Asked each time: a package that adds categories replaces the workspace's set.
        # Without one (a widget shown on its own), the shipped lists name the codes.
        self.categories = categories or _shipped
        self._titles: dict[str, dict[str, str]] = {}

    def prefetch_titles(self, ref: str, ids: list[str]) -> None:
        """Look up the titles of many linked records in one query (a page of a list)."""
        known = self._titles.setdefault(ref, {})
        missing = [i for i in ids if i and i not in known]
        if missing:
            known.update(dashboard.titles(ref, missing))

    def title(self, ref: str, record_id: str | None) -> str:
        if not record_id:
            return ""
        known = self._titles.setdefault(ref, {})
        if record_id not in known:
            known.update(dashboard.titles(ref, [record_id]))
        return known.get(record_id, "?")

    def forget_titles(self) -> None:
        self._titles.clear()

    def value(self, field: peewee.Field | None, value: Any, *, full: bool = False) -> str:
        """``value`` of ``field`` as the officer reads it (short form unless ``full``)."""
        if value is None or value == "":
            return ""
        lang = current_language()
        if isinstance(field, EnumText):
            return vocab.label(field.vocab, value, lang)
        if isinstance(field, CategoryText):
            return self.categories().label(value, lang)
        if isinstance(field, RegionCode):
            return self.regions.name(value) or str(value)
        if isinstance(field, DateText):
            return idformat.format_date(value, lang)
        if isinstance(field, Flag):
            return (
                QCoreApplication.translate("display", "Yes")
                if value
                else QCoreApplication.translate("display", "No")
            )
        if isinstance(field, RefId):
            return self.title(field.ref, value)
        if isinstance(field, Number) and field.name.endswith("_month") and str(value).isdigit():
            month = int(value)
            return idformat.month_name(month, lang) if 1 <= month <= 12 else str(value)
        if isinstance(field, Number) and field.name == "budget" and str(value).isdigit():
            return idformat.format_rupiah(int(value), 0, lang)
        if isinstance(field, LongText) and not full:
            text = " ".join(str(value).split())
            return text if len(text) <= LONG_TEXT_PREVIEW else text[:LONG_TEXT_PREVIEW] + "…"
        if field is None and isinstance(value, str) and "T" in value:
            # Stamps are stored in UTC; the officer thinks in laptop time.
            local = dt.datetime.fromisoformat(value).astimezone()
            return idformat.format_datetime(local, lang)
        return str(value)
