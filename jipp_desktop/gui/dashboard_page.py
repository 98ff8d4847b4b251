"""Beranda: counts, charts and follow-ups coming due.  Every number and every bar
opens the list it summarises, filtered the same way (``openList``)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import dashboard, idformat, vocab
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.pages import PAGES
from jipp_desktop.gui.reader import shared_reader

CARD_TYPES = ("innovation", "replication", "commitment", "visit", "workplan", "hub")
TOP_CATEGORIES = 8
TOP_PROVINCES = 8
OVERDUE = QColor(176, 0, 32)


@dataclass(frozen=True)
class _Figures:
    officer: str
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
        stats=workspace.records.stats(),
        stages=dashboard.count_by("innovation", "stage"),
        categories=dashboard.count_by("innovation", "category"),
        progress=dashboard.replication_progress(),
        months=dashboard.visits_per_month(12),
        due=dashboard.followups_due(dt.date.today()),
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    return chart


class DashboardPage(QWidget):
    # (record type, filters, year) and (record type, id, initial values)
    openList = Signal(str, object, object)
    openRecord = Signal(str, object, object)

    def __init__(
        self, workspace: Workspace, display: Display, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.display = display
        self.setObjectName("dashboard")
        self.cards: dict[str, QPushButton] = {}
        self._charts: dict[int, QChart] = {}
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.greeting = QLabel(inner)
        layout.addWidget(self.greeting)

        cards = QHBoxLayout()
        titles = {p.key: QCoreApplication.translate("pages", p.title) for p in PAGES}
        for type_name in CARD_TYPES:
            card = QPushButton(inner)
            card.setObjectName(f"card_{type_name}")
            card.setMinimumHeight(64)
            card.setProperty("title", titles[type_name])
            card.setStyleSheet("QPushButton { font-size: 11pt; padding: 6px; }")
            card.clicked.connect(lambda _c=False, t=type_name: self.openList.emit(t, {}, None))
            self.cards[type_name] = card
            cards.addWidget(card)
        layout.addLayout(cards)

        grid = QGridLayout()
        self.stage_view = self._view(inner)
        self.category_view = self._view(inner)
        self.progress_view = self._view(inner)
        self.visits_view = self._view(inner)
        grid.addWidget(self.stage_view, 0, 0)
        grid.addWidget(self.category_view, 0, 1)
        grid.addWidget(self.progress_view, 1, 0)
        grid.addWidget(self.visits_view, 1, 1)
        layout.addLayout(grid)

        box = QGroupBox(self.tr("Follow-ups overdue or due this month"), inner)
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
        self.followups.setMinimumHeight(180)
        self.followups.cellDoubleClicked.connect(self._open_followup)
        box_layout.addWidget(self.followups)
        layout.addWidget(box)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _view(self, parent: QWidget) -> QChartView:
        view = QChartView(parent)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(250)
        view.setMinimumWidth(320)
        return view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the page is on screen, so the first paint never waits for the charts; and
        # every time it is shown, since records may have changed on other pages.
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
        hint = self.tr("Click a number or a bar to open the matching list.")
        self.greeting.setText(f"<h2>{title}</h2>{html.escape(hello)} {hint}")
        for type_name, card in self.cards.items():
            number = idformat.format_number(data.stats.get(type_name, 0), 0, lang)
            card.setText(f"{number}\n{card.property('title')}")
            card.setAccessibleName(f"{card.property('title')}: {number}")
        self._stage_chart(lang, data.stages)
        self._category_chart(data.categories)
        self._progress_chart(lang, data.progress)
        self._visits_chart(lang, data.months)
        self._followups(lang, data.due)

    def _set_chart(self, view: QChartView, chart: QChart) -> None:
        # The view does not own its chart: keep the Python reference alive while shown,
        # and let the previous chart go only after the view has switched.
        view.setChart(chart)
        self._charts[id(view)] = chart

    def _stage_chart(self, lang: str, counts: dict[str | None, int]) -> None:
        codes = list(vocab.INNOVATION_STAGE)
        bars = QBarSet(self.tr("Innovations"))
        bars.append([counts.get(code, 0) for code in codes])
        bars.clicked.connect(lambda i: self.openList.emit("innovation", {"stage": codes[i]}, None))
        self.stage_set = bars
        series = QBarSeries()
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
        self._set_chart(self.stage_view, chart)

    def _category_chart(self, counts: dict[str | None, int]) -> None:
        top = sorted(((v, k) for k, v in counts.items() if k), reverse=True)[:TOP_CATEGORIES]
        top.reverse()  # horizontal bars draw bottom-up; the biggest belongs on top
        names = [str(k) for _v, k in top]
        bars = QBarSet(self.tr("Innovations"))
        bars.append([v for v, _k in top])
        bars.clicked.connect(
            lambda i: self.openList.emit("innovation", {"category": names[i]}, None)
        )
        self.category_set = bars
        series = QHorizontalBarSeries()
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
        self._set_chart(self.category_view, chart)

    def _progress_chart(self, lang: str, progress: dict[str, dict[str, int]]) -> None:
        top = sorted(progress, key=lambda p: sum(progress[p].values()), reverse=True)[
            :TOP_PROVINCES
        ]
        top.reverse()
        series = QHorizontalStackedBarSeries()
        self.progress_sets: dict[str, QBarSet] = {}
        for status in vocab.REPLICATION_STATUS:
            bars = QBarSet(vocab.label("replication_status", status, lang))
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
        self._set_chart(self.progress_view, chart)

    def _visits_chart(self, lang: str, months: list[tuple[str, int]]) -> None:
        bars = QBarSet(self.tr("Visits"))
        bars.append([count for _key, count in months])
        bars.clicked.connect(lambda i: self.openList.emit("visit", {}, int(months[i][0][:4])))
        self.visits_set = bars
        series = QBarSeries()
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
        self._set_chart(self.visits_view, chart)

    @staticmethod
    def _axes(chart: QChart, series: Any, labels: list[str], horizontal: bool, top: int) -> None:
        categories = QBarCategoryAxis()
        categories.append(labels)
        # Qt would shorten every label to "..." when space is tight; ours are pre-shortened.
        categories.setTruncateLabels(False)
        values = QValueAxis()
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
