"""The dataset digest's cache: right after any write by any path, fast when nothing moved,
on a SQLite laptop (a file in its data folder) and on a PostgreSQL database (a row its
workstations share)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.sync import digest
from jipp_desktop.sync.schema import TABLE_ORDER

HUB = {"name": "Hub JIPP Provinsi NTT", "province_code": "53", "status": "active"}


@pytest.fixture
def ws(tmp_path: Path, engine_name: str) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data")
    try:
        yield workspace
    finally:
        workspace.close()


def cached(ws: Workspace) -> str:
    return digest.cached_dataset_digest(ws.data_dir)


def test_cache_follows_every_kind_of_write(ws: Workspace) -> None:
    first = cached(ws)
    assert first == digest.dataset_digest()
    hub = ws.records.create("hub", HUB)
    assert cached(ws) == digest.dataset_digest() != first
    ws.records.update("hub", hub, {"name": "Lopo Inovasi"})
    assert cached(ws) == digest.dataset_digest()
    # A write around the record service (plain SQL, as a repair tool might) counts too.
    engine.sql("UPDATE hub SET name = 'Diubah langsung' WHERE id = ?", (hub,))
    assert cached(ws) == digest.dataset_digest()
    ws.records.delete("hub", hub)
    assert cached(ws) == digest.dataset_digest()


def test_an_unchanged_database_is_read_from_the_cache(ws: Workspace) -> None:
    ws.records.create("hub", HUB)
    code = cached(ws)
    # A planted code under the current key is what comes back: nothing was recomputed.
    _plant(ws, code, "PLANTED-CODE")
    assert cached(ws) == "PLANTED-CODE"
    ws.records.create("hub", {**HUB, "name": "Hub kedua"})
    assert cached(ws) == digest.dataset_digest() != code


def _plant(ws: Workspace, code: str, planted: str) -> None:
    """Replace the stored ``code`` by ``planted``, keeping its key: the data folder's
    file on a laptop, the shared database's row on PostgreSQL (a write to the setting
    table does not move the change marker)."""
    if ws.on_postgresql:
        engine.sql(
            "UPDATE setting SET value = replace(value, ?, ?) WHERE key = ?",
            (code, planted, digest.SHARED_KEY),
        )
        return
    cache = ws.data_dir / digest.CACHE_FILE
    cache.write_text(cache.read_text(encoding="ascii").replace(code, planted), "ascii")


def test_the_fast_digest_hashes_exactly_the_canonical_lines(ws: Workspace) -> None:
    """full_digest() hashes a batch of rows at a time; its bytes are still the contract's:
    every canonical line followed by a newline (several batches, text with quotes,
    backslashes and non-ASCII letters, missing values (the optional columns), a deleted row)."""
    hubs = [{**HUB, "name": f'Hub "{n}" Lopo\'s \\ Inovasi é ñ 字 {n}'} for n in range(7)]
    ids = ws.records.create_many("hub", hubs)
    ws.records.delete("hub", ids[0])
    reference = hashlib.sha256()
    lines = list(digest.canonical_lines())
    for line in lines:
        reference.update(line.encode("utf-8") + b"\n")
    assert sum(line.startswith("hub\t") for line in lines) == 7
    for batch in (1, 3, digest.BATCH_ROWS):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(digest, "BATCH_ROWS", batch)
            assert digest.full_digest() == reference.hexdigest()


def test_a_rolled_back_write_leaves_the_cache_valid(ws: Workspace) -> None:
    cached(ws)
    before = digest.change_marker()
    with pytest.raises(RuntimeError), m.database.atomic():
        ws.records.create("hub", HUB)
        raise RuntimeError("cancelled")
    assert digest.change_marker() == before


def test_every_digested_table_moves_the_marker(ws: Workspace) -> None:
    assert {*TABLE_ORDER, "sync_conflict"} <= _marker_triggers(ws)


def _marker_triggers(ws: Workspace) -> set[str]:
    """The tables with a trigger that moves the change marker, read from the catalogue."""
    if ws.on_postgresql:
        rows = engine.sql(
            "SELECT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name LIKE '%\\_marker%'"
        )
        return {str(row[0]) for row in rows}
    db = sqlite3.connect(ws.data_dir / "jipp.sqlite3")
    try:
        triggers = {row[0] for row in db.execute("SELECT tbl_name FROM sqlite_master "
                                                 "WHERE type = 'trigger' AND name LIKE "
                                                 "'%_marker_%'")}  # fmt: skip
    finally:
        db.close()
    return triggers


def test_a_folder_that_cannot_be_written_still_gets_the_right_code(
    ws: Workspace, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder"
    assert digest.cached_dataset_digest(missing) == digest.dataset_digest()
