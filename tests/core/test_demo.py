"""Demo data generator on real data folders: complete, valid, deterministic, atomic on cancel.

The national size takes minutes, so it is measured by hand (see core/demo/__init__.py), not here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jipp_desktop.core import demo, vocab
from jipp_desktop.core import models as m
from jipp_desktop.core.demo import vocabulary as demo_vocabulary
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import RECORD_TYPES, record_type
from jipp_desktop.core.services import Cancelled
from jipp_desktop.core.validation import Validator
from jipp_desktop.core.workspace import Workspace, open_workspace


def _all(ws: Workspace, type_name: str) -> list[dict[str, Any]]:
    """Every live record of a type with its child rows, as the record service shows it."""
    return [ws.records.get(type_name, row["id"]) for row in ws.records.list(type_name)]


def _content(folder: Path, seed: int) -> dict[str, list[Any]]:
    """Generate into a fresh folder and keep what must not depend on ids or the clock."""
    with open_workspace(folder) as ws:
        demo.generate(ws.records, seed=seed)
        signatories = m.CommitmentSignatory.select(
            m.CommitmentSignatory.name, m.CommitmentSignatory.nip
        ).tuples()
        return {
            "titles": sorted(r["title"] for r in ws.records.list("innovation")),
            "visit_starts": sorted(r["start_date"] for r in ws.records.list("visit")),
            "signatories": sorted((name, nip or "") for name, nip in signatories),
            "budgets": sorted(a.budget for a in m.WorkPlanActivity.select()),
        }


def test_small_creates_every_record_type_and_every_record_revalidates(workspace: Workspace) -> None:
    counts = demo.generate(workspace.records)
    assert set(counts) == set(RECORD_TYPES)
    assert all(n > 0 for n in counts.values()), counts
    assert counts == workspace.records.stats()
    assert counts["innovation"] == 150 and counts["hub"] == 7
    # Read every record back and run it through validation again, children included:
    # nothing the generator wrote may be something a form would refuse.
    validator = Validator(
        workspace.regions,
        lambda ref, rid: bool(
            record_type(ref).model.select().where(record_type(ref).model.id == rid).exists()
        ),
        workspace.categories,
    )
    for name, rt in RECORD_TYPES.items():
        keys = frozenset(spec.key for spec in rt.children)
        for record in _all(workspace, name):
            values = validator.clean(rt.model, record, partial=False, child_keys=keys)
            validator.check_record(rt.model, values)
            for spec in rt.children:
                for child in record[spec.key]:
                    validator.clean(
                        spec.model, child, partial=False, skip=frozenset({spec.parent_field})
                    )
    assert validator.errors == []


def test_small_tells_the_2022_story(workspace: Workspace) -> None:
    demo.generate(workspace.records)
    records = workspace.records
    formation = _all(workspace, "commitment")
    hub_formation = [c for c in formation if c["kind"] == "hub_formation"]
    assert sorted(c["province_code"] for c in hub_formation) == ["12", "36", "53", "61"]
    for commitment in hub_formation:
        assert commitment["signed_on"] == "2022-09-28"
        assert commitment["place_regency_code"] == "53.15"
        parties = {s["party"]: s for s in commitment["signatories"]}
        assert set(parties) == {
            "provincial_government",
            "kemenpanrb",
            "bappenas",
            "kemendagri",
            "partner",
        }
        assert parties["partner"]["nip"] is None  # development partners are not civil servants
        assert all(len(s["nip"]) == 18 for p, s in parties.items() if p != "partner")
    hubs = {h["province_code"]: h for h in records.list("hub")}
    assert hubs["61"]["status"] == "not_optimal"
    assert hubs["35"]["decree_number"] == "Keputusan Menteri PANRB Nomor 94 Tahun 2020"
    # Replications point at replication commitment statements, never at hub formation.
    kinds = {c["id"]: c["kind"] for c in formation}
    linked = [r["commitment_id"] for r in records.list("replication") if r["commitment_id"]]
    assert linked and {kinds[c] for c in linked} == {"replication"}
    assert all(r["steps"] for r in _all(workspace, "replication"))
    for innovation in records.list("innovation"):
        assert innovation["regency_code"] is None or innovation["regency_code"].startswith(
            innovation["province_code"] + "."
        )
        known = demo.kipp_categories()
        code = innovation["category"]
        assert known.by_code[code].year == known.list_year(innovation["year_started"])


def test_small_visits_have_obstacles_and_followups_on_both_sides_of_today(
    workspace: Workspace,
) -> None:
    demo.generate(workspace.records)
    visits = _all(workspace, "visit")
    assert all(
        1 <= len(v["obstacles"]) <= 3 and v["followups"] and v["mentors"] and v["participants"]
        for v in visits
    )
    assert {o["category"] for v in visits for o in v["obstacles"]} <= set(vocab.OBSTACLE_CATEGORY)
    followups = [f for v in visits for f in v["followups"]]
    as_of = demo.STATUS_AS_OF.isoformat()
    assert any(f["status"] == "done" and f["done_date"] for f in followups)
    assert any(
        f["status"] not in ("done", "cancelled") and f["due_date"] < as_of for f in followups
    ), "some follow-ups must be overdue"
    assert any(f["due_date"] > as_of for f in followups)
    dates = [d for v in visits for d in (v["start_date"], v["end_date"])]
    assert min(dates) >= "2020-01-01" and max(dates) <= "2026-12-31"
    plans = _all(workspace, "workplan")
    assert all(p["activities"] for p in plans)
    assert {a["aspect"] for p in plans for a in p["activities"]} == set(vocab.MATURITY_ASPECT)


def test_same_seed_same_content_and_another_seed_differs(tmp_path: Path) -> None:
    first = _content(tmp_path / "a", seed=7)
    again = _content(tmp_path / "b", seed=7)
    other = _content(tmp_path / "c", seed=8)
    assert first == again
    assert first["titles"] != other["titles"]
    assert first["visit_starts"] != other["visit_starts"]


def test_cancel_midway_leaves_the_database_empty(workspace: Workspace) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 300  # well into the innovations, after agencies and hubs were written

    with pytest.raises(Cancelled):
        demo.generate(workspace.records, progress=progress)
    assert seen[-1][0] >= 300
    assert len({total for _, total in seen}) == 1  # one planned total, not a moving target
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert all(n == 0 for n in workspace.records.stats().values())
    assert m.Audit.select().count() == 0
    assert m.CommitmentSignatory.select().count() == 0


def test_unknown_size_raises_and_writes_nothing(workspace: Workspace) -> None:
    with pytest.raises(ValueError, match="unknown demo size"):
        demo.generate(workspace.records, size="huge")
    assert workspace.records.count("agency", ListQuery()) == 0


def test_every_obstacle_category_has_texts() -> None:
    # A new category in vocab.OBSTACLE_CATEGORY needs description/follow-up texts in
    # db/seed/demo.json (the loader refuses the file without them).
    assert set(demo_vocabulary.load().visits.obstacles) == set(vocab.OBSTACLE_CATEGORY)
    assert demo.SIZES == ("small", "national")
