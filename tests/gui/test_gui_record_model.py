"""The list model: checked by qtmodeltester, paged, sorted and searched in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui import record_model
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.record_model import ID_ROLE, RecordTableModel


def _fill(workspace: Workspace, n: int) -> list[str]:
    return workspace.records.create_many(
        "innovation",
        [
            {
                "title": f"Inovasi {i:03d}",
                "province_code": "53" if i % 2 else "52",
                "regency_code": "53.01" if i % 2 else None,
                "stage": "trial" if i % 3 else "initiative",
                "year_started": 2020 + i % 4,
                "problem": "Antrean panjang " * (i % 5),
            }
            for i in range(n)
        ],
    )


def _display(workspace: Workspace) -> Display:
    return Display(workspace.regions, lambda: workspace.categories)


def _model(workspace: Workspace, qapp: Any) -> RecordTableModel:
    return RecordTableModel(
        workspace.records,
        _display(workspace),
        "innovation",
        background=False,
    )


def test_model_passes_qtmodeltester(
    qtmodeltester: Any, workspace: Workspace, qapp: Any, indonesian: None
) -> None:
    _fill(workspace, 30)
    model = _model(workspace, qapp)
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    model.set_query(ListQuery(search="Inovasi 01"))
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_a_page_at_a_time(
    workspace: Workspace, qapp: Any, monkeypatch: Any, indonesian: None
) -> None:
    monkeypatch.setattr(record_model, "PAGE_SIZE", 10)
    monkeypatch.setattr(record_model, "CACHE_PAGES", 2)
    _fill(workspace, 45)
    model = _model(workspace, qapp)
    calls: list[int] = []
    real = workspace.records.rows_by_seq
    monkeypatch.setattr(
        workspace.records, "rows_by_seq", lambda t, seqs: calls.append(len(seqs)) or real(t, seqs)
    )
    model.refresh()
    assert model.rowCount() == 45 and calls == []
    title = model.column_index("title")
    assert model.data(model.index(0, title)) == "Inovasi 000"
    assert model.data(model.index(9, title)) == "Inovasi 009"
    assert calls == [10]
    assert model.data(model.index(44, title)) == "Inovasi 044"
    assert calls == [10, 5]
    model.data(model.index(20, title))
    # Only two pages are kept: page 0 was dropped and is fetched again.
    model.data(model.index(0, title))
    assert calls == [10, 5, 10, 10]
    assert model.data(model.index(3, title), ID_ROLE) == model.record_id(3)


def test_sorting_re_runs_the_query_and_values_read_well(
    workspace: Workspace, qapp: Any, indonesian: None
) -> None:
    _fill(workspace, 12)
    model = _model(workspace, qapp)
    model.refresh()
    year = model.column_index("year_started")
    model.sort(year, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "year_started" and model.query.descending
    assert model.data(model.index(0, year)) == "2023"
    stage = model.column_index("stage")
    regency = model.column_index("regency_code")
    texts = {model.data(model.index(r, stage)) for r in range(model.rowCount())}
    assert texts == {"Uji Coba", "Inisiatif"}
    assert "Kabupaten Kupang" in {
        model.data(model.index(r, regency)) for r in range(model.rowCount())
    }
    assert model.headerData(stage, Qt.Orientation.Horizontal) == "Tahapan"


def test_filters_and_search_narrow_the_list(
    workspace: Workspace, qapp: Any, indonesian: None
) -> None:
    _fill(workspace, 20)
    model = _model(workspace, qapp)
    model.set_query(ListQuery(filters={"province_code": "52", "stage": "initiative"}))
    expected = workspace.records.count(
        "innovation", ListQuery(filters={"province_code": "52", "stage": "initiative"})
    )
    assert model.rowCount() == expected > 0
    model.set_query(ListQuery(search="inovasi 007"))
    assert model.rowCount() == 1


def test_background_queries_keep_only_the_newest_answer(
    qtbot: Any, workspace: Workspace, indonesian: None
) -> None:
    _fill(workspace, 20)
    model = RecordTableModel(workspace.records, _display(workspace), "innovation")
    with qtbot.waitSignal(model.refreshed) as blocker:
        model.set_query(ListQuery(search="inovasi 001"))
        model.set_query(ListQuery(search="inovasi 002"))
        model.set_query(ListQuery())
    assert blocker.args == [20]
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 20


def test_typing_shows_the_newest_matches_first_then_ranks_them_when_keys_pause(
    qtbot: Any, workspace: Workspace, indonesian: None, monkeypatch: Any
) -> None:
    ids = _fill(workspace, 20)
    monkeypatch.setattr(record_model, "PREVIEW_ROWS", 5)
    model = RecordTableModel(workspace.records, _display(workspace), "innovation")
    query = ListQuery(search="antrean")
    with qtbot.waitSignal(model.refreshed) as first:
        model.set_query(query)
    # At once: the five newest matches, in the index's order, marked as a preview.
    assert first.args == [5]
    assert model.partial
    newest = [i for n, i in enumerate(ids) if n % 5][::-1][:5]
    assert [model.record_id(r) for r in range(5)] == newest
    # When the keys pause: every match, most relevant first, and the exact count.
    qtbot.waitUntil(lambda: not model.partial, timeout=5000)
    ranked = workspace.records.seqs("innovation", query)
    assert model.rowCount() == len(ranked) == 16
    assert [model.record_id(r) for r in range(16)] == [
        r["id"] for r in workspace.records.list("innovation", query)
    ]
