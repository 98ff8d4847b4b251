"""A laptop (or ministry workstation) whose clock ran ahead re-stamps its changes at the
next start, on both engines (core/clockfix.py's SQL goes through core/engine.py)."""

from __future__ import annotations

import json
from pathlib import Path

from jipp_desktop.core import clockfix, engine
from jipp_desktop.core.clock import MAX_DRIFT_MS, Stamp, now_ms
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import db

DAY_MS = 24 * 3_600_000


def _stamps_of(record_id: str) -> list[str]:
    hlc, stamps = db.sql("SELECT hlc, stamps FROM innovation WHERE id = ?", (record_id,)).fetchone()
    vectors = [
        s
        for (vv,) in db.sql("SELECT vv FROM sync_field WHERE row_id = ?", (record_id,))
        for s in json.loads(vv).values()
    ]
    return [hlc, *json.loads(stamps).values(), *vectors]


def test_changes_stamped_ahead_are_restamped_at_the_next_start(
    data_dir: Path, engine_name: str
) -> None:
    ahead = now_ms() + 30 * DAY_MS
    with open_workspace(data_dir, wall=lambda: ahead) as ws:
        assert engine.kind() == engine_name
        rid = ws.records.create("innovation", {"title": "Antrian Daring", "province_code": "53"})
        ws.records.update("innovation", rid, {"title": "Antrian Daring v2"})
        ws.records.delete("innovation", rid)
        future = _stamps_of(rid)
        assert min(Stamp.parse(s).wall_ms for s in future) >= ahead
        assert len(clockfix._Found.collect(ws.device_id, now_ms()).stamps) >= 3
    with open_workspace(data_dir) as ws:
        repair = ws.clock_repair
        assert repair is not None and repair.repaired and repair.restamped >= 3
        latest = now_ms() + MAX_DRIFT_MS
        assert all(Stamp.parse(s).wall_ms < latest for s in _stamps_of(rid))
        assert clockfix._Found.collect(ws.device_id, now_ms()).stamps == set()
        history = ws.records.history("innovation", rid)
        assert any(h["action"] == "restamp" for h in history)
        assert ws.records.get("innovation", rid, include_deleted=True)["title"] == (
            "Antrian Daring v2"
        )


def test_a_category_added_on_a_shared_database_is_stamped_after_every_other_workstation(
    data_dir: Path, pg_url: str
) -> None:
    """Workstations of one PostgreSQL database sign as one device and continue after the
    newest stamp any of them issued (the shared clock row); a category's stamp too, or a
    correction made here could lose to an older one made a minute ago elsewhere."""
    with open_workspace(data_dir, database=pg_url) as ws:
        elsewhere = Stamp(now_ms() + 60_000, 0, ws.device_id)  # another workstation's last
        db.sql(
            "INSERT INTO setting (key, value) VALUES ('clock_last', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(elsewhere),),
        )
        ws.add_category(2026, "2026-test", "Uji Coba", "Trial")
        (stamp,) = db.sql("SELECT stamp FROM category WHERE code = '2026-test'").fetchone()
        assert Stamp.parse(stamp) > elsewhere
        (last,) = db.sql("SELECT value FROM setting WHERE key = 'clock_last'").fetchone()
        assert Stamp.parse(last) >= Stamp.parse(stamp)
