"""Beranda: counts, follow-ups coming due and charts.  Every number and every bar
opens the list it summarises, filtered the same way (``openList``).

An empty data folder shows what to do first instead (create this province's hub,
import a package, load example data), never a row of zeros and blank charts.  The
follow-ups come right after the counts, so a 1366×768 screen shows them unscrolled."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import dashboard, idformat, vocab
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.pages import PAGES
from jipp_desktop.gui.reader import shared_reader

if TYPE_CHECKING:
    from PySide6.QtCharts import QBarSet, QChart, QChartView

CARD_TYPES = ("innovation", "replication", "commitment", "visit", "workplan", "hub")
TOP_CATEGORIES = 8
TOP_PROVINCES = 8
OVERDUE = QColor(176, 0, 32)
CHARTS = ("stage", "category", "progress", "visits")


@dataclass(frozen=True)
class _Figures:
    officer: str
    province_code: str
    stats: dict[str, int]
    stages: dict[str | None, int]
    categories: dict[str | None, int]
    progress: dict[str, dict[str, int]]
    months: list[tuple[str, int]]
    due: list[dashboard.DueFollowUp]


def _collect(workspace: Workspace) -> _Figures:
    """Every figure the page shows; runs on the reader thread."""
    return _Figures(
        officer=workspace.settings.get("officer_name"),
        province_code=workspace.settings.get("province_code"),
        stats=workspace.records.stats(),
        stages=dashboard.count_by("innovation", "stage"),
        categories=dashboard.count_by("innovation", "category"),
        progress=dashboard.replication_progress(),
        months=dashboard.visits_per_month(12),
        due=dashboard.followups_due(dt.date.today()),
    )


def _qc() -> Any:
    """QtCharts, imported when the first chart is drawn: after the window is on screen,
    and never for an empty folder (it is a large library)."""
    from PySide6 import QtCharts

    return QtCharts


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(title: str) -> QChart:
    chart = _qc().QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(_qc().QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    return chart


class DashboardPage(QWidget):
    # (record type, filters, year) and (record type, id, initial values)
    openList = Signal(str, object, object)
    openRecord = Signal(str, object, object)
    # The empty state's "import a package" and "load example data".
    importRequested = Signal()
    demoRequested = Signal()

    def __init__(
        self, workspace: Workspace, display: Display, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.display = display
        self.setObjectName("dashboard")
        self.cards: dict[str, QPushButton] = {}
        self._charts: dict[str, QChart] = {}
        self._slots: dict[str, tuple[QStackedWidget, QLabel]] = {}
        self._views: dict[str, QChartView] = {}
        self._province = ""
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.greeting = QLabel(inner)
        layout.addWidget(self.greeting)
        self.empty_state = self._empty_state(inner)
        layout.addWidget(self.empty_state)
        # Everything that only means something once there is data.
        self.figures = QWidget(inner)
        figures = QVBoxLayout(self.figures)
        figures.setContentsMargins(0, 0, 0, 0)
        figures.addLayout(self._cards(self.figures))
        self.followups_box = self._followups_box(self.figures)
        figures.addWidget(self.followups_box)
        figures.addLayout(self._charts_grid(self.figures))
        layout.addWidget(self.figures)
        layout.addStretch(1)
        # Until the first figures arrive, show neither the zeros nor the first steps.
        self.empty_state.hide()
        self.figures.hide()

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("dashboard_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def _empty_state(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Getting started"), parent)
        box.setObjectName("dashboard_empty")
        column = QVBoxLayout(box)
        text = QLabel(
            self.tr(
                "There is no data in this folder yet. Start in one of three ways: "
                "record your province's innovation hub, import a package you received "
                "from the province or the ministry (the data of other laptops), "
                "or try the app with example data."
            ),
            box,
        )
        text.setWordWrap(True)
        column.addWidget(text)
        self.create_hub_button = QPushButton(box)
        self.create_hub_button.setObjectName("start_create_hub")
        self.create_hub_button.setIcon(icon("hub"))
        self.create_hub_button.clicked.connect(
            lambda: self.openRecord.emit(
                "hub", None, {"province_code": self._province} if self._province else None
            )
        )
        self.import_button = QPushButton(
            icon("sync"), self.tr("Import a package from the province or the ministry…"), box
        )
        self.import_button.setObjectName("start_import")
        self.import_button.clicked.connect(self.importRequested.emit)
        self.demo_button = QPushButton(self.tr("Load example data"), box)
        self.demo_button.setObjectName("start_demo")
        self.demo_button.clicked.connect(self.demoRequested.emit)
        for button in (self.create_hub_button, self.import_button, self.demo_button):
            button.setMinimumHeight(36)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            column.addWidget(button)
        return box

    def _cards(self, parent: QWidget) -> QHBoxLayout:
        cards = QHBoxLayout()
        titles = {p.key: QCoreApplication.translate("pages", p.title) for p in PAGES}
        for type_name in CARD_TYPES:
            card = QPushButton(parent)
            card.setObjectName(f"card_{type_name}")
            card.setMinimumHeight(56)
            card.setProperty("title", titles[type_name])
            card.setStyleSheet("QPushButton { font-size: 11pt; padding: 4px; }")
            card.clicked.connect(lambda _c=False, t=type_name: self.openList.emit(t, {}, None))
            self.cards[type_name] = card
            cards.addWidget(card)
        return cards

    def _followups_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Follow-ups overdue or due this month"), parent)
        box.setObjectName("followups_box")
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box_layout = QVBoxLayout(box)
        self.followups = QTableWidget(0, 5, box)
        self.followups.setObjectName("followups_due")
        self.followups.setAccessibleName(box.title())
        self.followups.setHorizontalHeaderLabels(
            [
                self.tr("Due date"),
                self.tr("Follow-up"),
                self.tr("Person in charge"),
                self.tr("Visit place"),
                self.tr("Status"),
            ]
        )
        self.followups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.followups.verticalHeader().setVisible(False)
        self.followups.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.followups.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # About six rows: the panel and the counts fit a 1366×768 screen together.
        self.followups.setMinimumHeight(150)
        self.followups.setMaximumHeight(200)
        self.followups.cellDoubleClicked.connect(self._open_followup)
        box_layout.addWidget(self.followups)
        self.no_followups = QLabel(self.tr("No follow-up is overdue or due this month."), box)
        box_layout.addWidget(self.no_followups)
        return box

    def _charts_grid(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        for index, key in enumerate(CHARTS):
            grid.addWidget(self._chart_slot(key, parent), index // 2, index % 2)
        return grid

    def _chart_slot(self, key: str, parent: QWidget) -> QStackedWidget:
        """A chart, or a line saying there is nothing to draw yet (no empty 0–1 axes).
        The chart view itself is made when the first chart is drawn."""
        slot = QStackedWidget(parent)
        slot.setObjectName(f"chart_{key}")
        slot.setMinimumSize(320, 240)
        empty = QLabel(slot)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        empty.setFrameShape(QLabel.Shape.StyledPanel)
        slot.addWidget(empty)
        self._slots[key] = (slot, empty)
        return slot

    def _view(self, key: str) -> QChartView:
        view = self._views.get(key)
        if view is None:
            slot, _empty = self._slots[key]
            view = _qc().QChartView(slot)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            slot.addWidget(view)
            self._views[key] = view
        return view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the window's first frame, so that frame never waits for (or shares the CPU
        # with) the aggregates; and every time the page is shown, since records may have
        # changed on other pages. Shown on its own, the page reads at the next turn.
        later = getattr(self.window(), "after_first_paint", None)
        if later is not None:
            later(lambda: QTimer.singleShot(0, self.refresh))
        else:
            QTimer.singleShot(0, self.refresh)

    # -- data -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Gather the figures on the reader thread, then draw them here."""
        workspace = self.workspace
        shared_reader().read(lambda: _collect(workspace), self._show)

    def _show(self, data: _Figures) -> None:
        if not shiboken6.isValid(self):
            return
        lang = current_language()
        name = data.officer
        hello = self.tr("Hello, %1.").replace("%1", name) if name else self.tr("Hello.")
        title = self.tr("Home")
        empty = not any(data.stats.values())
        hint = "" if empty else self.tr("Click a number or a bar to open the matching list.")
        self.greeting.setText(f"<h2>{title}</h2>{html.escape(hello)} {hint}")
        self._province = data.province_code
        province = self.display.regions.name(data.province_code) if data.province_code else ""
        self.create_hub_button.setText(
            self.tr("Create the innovation hub of %1…").replace("%1", province)
            if province
            else self.tr("Create your province's innovation hub…")
        )
        self.empty_state.setVisible(empty)
        self.figures.setVisible(not empty)
        if empty:
            return
        for type_name, card in self.cards.items():
            number = idformat.format_number(data.stats.get(type_name, 0), 0, lang)
            card.setText(f"{number}\n{card.property('title')}")
            card.setAccessibleName(f"{card.property('title')}: {number}")
        self._followups(lang, data.due)
        self._stage_chart(lang, data.stages)
        self._category_chart(data.categories)
        self._progress_chart(lang, data.progress)
        self._visits_chart(lang, data.months)

    def _set_chart(self, key: str, chart: QChart, empty_text: str = "") -> None:
        """Show ``chart``, or ``empty_text`` in its place when it has nothing to draw."""
        slot, label = self._slots[key]
        label.setText(f"<b>{html.escape(chart.title())}</b><br>{html.escape(empty_text)}")
        if empty_text:
            slot.setCurrentWidget(label)
            return
        view = self._view(key)
        slot.setCurrentWidget(view)
        # The view does not own its chart: keep the Python reference alive while shown,
        # and let the previous chart go only after the view has switched.
        view.setChart(chart)
        self._charts[key] = chart

    def _stage_chart(self, lang: str, counts: dict[str | None, int]) -> None:
        codes = list(vocab.INNOVATION_STAGE)
        bars = _qc().QBarSet(self.tr("Innovations"))
        bars.append([counts.get(code, 0) for code in codes])
        bars.clicked.connect(lambda i: self.openList.emit("innovation", {"stage": codes[i]}, None))
        self.stage_set = bars
        series = _qc().QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart = _chart(self.tr("Innovations by stage"))
        chart.addSeries(series)
        self._axes(
            chart,
            series,
            [vocab.label("innovation_stage", c, lang) for c in codes],
            horizontal=False,
            top=max(counts.values(), default=0),
        )
        none = "" if any(counts.values()) else self.tr("No innovations recorded yet.")
        self._set_chart("stage", chart, none)

    def _category_chart(self, counts: dict[str | None, int]) -> None:
        top = sorted(((v, k) for k, v in counts.items() if k), reverse=True)[:TOP_CATEGORIES]
        top.reverse()  # horizontal bars draw bottom-up; the biggest belongs on top
        codes = [str(k) for _v, k in top]
        known, lang = self.display.categories(), current_language()
        names = [known.label(code, lang) for code in codes]
        bars = _qc().QBarSet(self.tr("Innovations"))
        bars.append([v for v, _k in top])
        bars.clicked.connect(
            lambda i: self.openList.emit("innovation", {"category": codes[i]}, None)
        )
        self.category_set = bars
        series = _qc().QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart = _chart(
            self.tr("Innovations by category (largest %1)").replace("%1", str(TOP_CATEGORIES))
        )
        chart.addSeries(series)
        self._axes(
            chart,
            series,
            [_short(n, 24) for n in names],
            horizontal=True,
            top=max((v for v, _k in top), default=0),
        )
        none = "" if top else self.tr("No innovation has a category yet.")
        self._set_chart("category", chart, none)

    def _progress_chart(self, lang: str, progress: dict[str, dict[str, int]]) -> None:
        top = sorted(progress, key=lambda p: sum(progress[p].values()), reverse=True)[
            :TOP_PROVINCES
        ]
        top.reverse()
        series = _qc().QHorizontalStackedBarSeries()
        self.progress_sets: dict[str, QBarSet] = {}
        for status in vocab.REPLICATION_STATUS:
            bars = _qc().QBarSet(vocab.label("replication_status", status, lang))
            bars.append([progress[p].get(status, 0) for p in top])
            bars.clicked.connect(
                lambda i, s=status: self.openList.emit(
                    "replication", {"province_code": top[i], "status": s}, None
                )
            )
            self.progress_sets[status] = bars
            series.append(bars)
        chart = _chart(self.tr("Replication progress by province"))
        chart.addSeries(series)
        chart.legend().setVisible(True)
        # On the right the status names get a line each instead of being cut short.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        names = [self.display.regions.name(p) for p in top]
        self._axes(
            chart,
            series,
            [_short(n.replace("Kepulauan ", "Kep. "), 20) for n in names],
            horizontal=True,
            top=max((sum(progress[p].values()) for p in top), default=0),
        )
        none = "" if top else self.tr("No replications recorded yet.")
        self._set_chart("progress", chart, none)

    def _visits_chart(self, lang: str, months: list[tuple[str, int]]) -> None:
        bars = _qc().QBarSet(self.tr("Visits"))
        bars.append([count for _key, count in months])
        bars.clicked.connect(lambda i: self.openList.emit("visit", {}, int(months[i][0][:4])))
        self.visits_set = bars
        series = _qc().QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        # Twelve narrow bars: upright labels fit inside them even for four-digit counts.
        series.setLabelsAngle(-90)
        chart = _chart(self.tr("Mentoring visits per month"))
        chart.addSeries(series)
        # "Jan" with the year only where it changes keeps twelve labels readable.
        labels = [
            idformat.month_name(int(key[5:]), lang)[:3]
            + (f" {key[2:4]}" if key.endswith("-01") else "")
            for key, _count in months
        ]
        self._axes(
            chart,
            series,
            labels,
            horizontal=False,
            top=max((count for _key, count in months), default=0),
        )
        none = "" if any(c for _k, c in months) else self.tr("No visits in the last 12 months.")
        self._set_chart("visits", chart, none)

    @staticmethod
    def _axes(chart: QChart, series: Any, labels: list[str], horizontal: bool, top: int) -> None:
        categories = _qc().QBarCategoryAxis()
        categories.append(labels)
        # Qt would shorten every label to "..." when space is tight; ours are pre-shortened.
        categories.setTruncateLabels(False)
        values = _qc().QValueAxis()
        values.setLabelFormat("%d")
        if horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        # Counts are whole numbers: ticks at whole steps, so an empty or small chart
        # never labels 0.2, 0.4, ... as "0 0 0 0 1".
        step, upper = count_axis(top)
        values.setRange(0, upper)
        values.setTickCount(upper // step + 1)

    def _followups(self, lang: str, due: list[dashboard.DueFollowUp]) -> None:
        self._due = due
        self.followups.setVisible(bool(due))
        self.no_followups.setVisible(not due)
        self.followups.setRowCount(len(due))
        for row, item in enumerate(due):
            texts = (
                idformat.format_date(item.due_date, lang),
                item.action,
                item.owner or "",
                self.display.regions.name(item.regency_code),
                vocab.label("task_status", item.status, lang),
            )
            for col, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if item.overdue:
                    cell.setForeground(QBrush(OVERDUE))
                    cell.setToolTip(self.tr("Overdue"))
                self.followups.setItem(row, col, cell)

    def _open_followup(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._due):
            self.openRecord.emit("visit", self._due[row].visit_id, None)


def count_axis(top: int, ticks: int = 5) -> tuple[int, int]:
    """A whole tick step (1, 2, 5, 10, 20, 50, ...) and the axis top for counts up to ``top``."""
    step = 1
    while step * ticks < top:
        for factor in (2, 5 / 2, 2):  # 1 -> 2 -> 5 -> 10 -> 20 -> 50 ...
            step = int(step * factor)
            if step * ticks >= top:
                break
    return step, max(step, -(-top // step) * step)
