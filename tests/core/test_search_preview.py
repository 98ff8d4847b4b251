"""Search as you type: the preview (the newest matches, unranked, one page) is the first
page of every match newest first, on both engines.  On PostgreSQL the preview walks only
the newest rows (engine_postgresql.RECENT_ROWS, made small here) and reads older matches
through the index: the cases below cover matches found among the newest rows, matches only
among older ones, both, a filter and the trash."""

from __future__ import annotations

import pytest

from jipp_desktop.core import engine_postgresql
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace

PAGE = 5


@pytest.fixture
def records(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """40 innovations, oldest first; which ids carry which word."""
    monkeypatch.setattr(engine_postgresql, "RECENT_ROWS", 12)
    words: dict[str, list[str]] = {"umum": [], "langka": [], "campur": [], "jatim": []}
    for i in range(40):
        title = ["Layanan umum"]
        if i in (2, 5, 9):
            title.append("langka")
        if i in (1, 4, 6, 8, 10, 33, 37):
            title.append("campur")
        province, regency = ("35", "35.01") if i % 3 == 0 else ("36", "36.01")
        record = workspace.records.create(
            "innovation",
            {"title": " ".join(title), "province_code": province, "regency_code": regency},
        )
        for word in ("umum", "langka", "campur"):
            if word in " ".join(title):
                words[word].append(record)
        if province == "35":
            words["jatim"].append(record)
    return words


def _preview(ws: Workspace, text: str, **extra: object) -> list[str]:
    query = ListQuery(search=text, ranked=False, limit=PAGE, **extra)  # type: ignore[arg-type]
    return [r["id"] for r in ws.records.list("innovation", query)]


def _every_match(ws: Workspace, text: str, **extra: object) -> list[str]:
    """The reference: every match newest first, with no page (the plain query)."""
    query = ListQuery(search=text, ranked=False, **extra)  # type: ignore[arg-type]
    return [r["id"] for r in ws.records.list("innovation", query)]


def test_many_matches_come_from_the_newest_rows(
    workspace: Workspace, records: dict[str, list[str]]
) -> None:
    assert _preview(workspace, "umum") == records["umum"][::-1][:PAGE]
    assert _preview(workspace, "umum") == _every_match(workspace, "umum")[:PAGE]


def test_matches_only_among_older_rows_are_all_found(
    workspace: Workspace, records: dict[str, list[str]]
) -> None:
    assert _preview(workspace, "langk") == records["langka"][::-1]


def test_newest_and_older_matches_are_merged_newest_first(
    workspace: Workspace, records: dict[str, list[str]]
) -> None:
    expected = records["campur"][::-1][:PAGE]  # two among the newest rows, three older
    assert _preview(workspace, "campur") == expected
    assert _preview(workspace, "campur") == _every_match(workspace, "campur")[:PAGE]


def test_a_filter_and_the_trash_apply_to_both_parts(
    workspace: Workspace, records: dict[str, list[str]]
) -> None:
    jatim = {"province_code": "35"}
    in_jatim = [r for r in records["campur"] if r in records["jatim"]][::-1]
    assert _preview(workspace, "campur", filters=jatim) == in_jatim[:PAGE]

    newest = records["campur"][-1]
    workspace.records.delete("innovation", newest)
    assert newest not in _preview(workspace, "campur")
    assert _preview(workspace, "campur") == _every_match(workspace, "campur")[:PAGE]
    assert _preview(workspace, "campur", deleted=True) == [newest]
