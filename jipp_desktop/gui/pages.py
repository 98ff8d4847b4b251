"""The screens of the main window, in navigation order, and how to build each one.

Pages are built the first time they are shown, so the window appears before any
list has queried the database.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from jipp_desktop.gui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in context "pages"
    icon: str
    record_type: str | None = None


PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("pages", "Home"), "home"),
    PageSpec("innovation", QT_TRANSLATE_NOOP("pages", "Innovations"), "innovation", "innovation"),
    PageSpec(
        "replication", QT_TRANSLATE_NOOP("pages", "Replications"), "replication", "replication"
    ),
    PageSpec("commitment", QT_TRANSLATE_NOOP("pages", "Commitments"), "commitment", "commitment"),
    PageSpec("visit", QT_TRANSLATE_NOOP("pages", "Mentoring"), "visit", "visit"),
    PageSpec("workplan", QT_TRANSLATE_NOOP("pages", "Work plans"), "workplan", "workplan"),
    PageSpec("hub", QT_TRANSLATE_NOOP("pages", "Innovation hubs"), "hub", "hub"),
    PageSpec("agency", QT_TRANSLATE_NOOP("pages", "Agencies"), "agency", "agency"),
    PageSpec("sync", QT_TRANSLATE_NOOP("pages", "Synchronisation"), "sync"),
    PageSpec("reports", QT_TRANSLATE_NOOP("pages", "Reports"), "reports"),
    PageSpec("settings", QT_TRANSLATE_NOOP("pages", "Settings"), "settings"),
)

PAGE_KEYS = tuple(p.key for p in PAGES)


def page_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("pages", spec.title)


# Pages other engineers provide: (module, class).  Missing ones show a notice.
EXTERNAL_PAGES = {
    "sync": ("jipp_desktop.gui.sync_page", "SyncPage"),
    "reports": ("jipp_desktop.gui.reports_page", "ReportsPage"),
}


def external_page_class(key: str) -> type | None:
    module_name, class_name = EXTERNAL_PAGES[key]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    cls = getattr(module, class_name, None)
    return cls if isinstance(cls, type) else None
