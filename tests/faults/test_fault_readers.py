"""Readers never refuse each other, and a closed pipe ends a command quietly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import peewee
import pytest
from fault_helpers import INNOVATIONS, jipp, jipp_popen

from jipp_desktop.core.logs import log_path
from jipp_desktop.core.workspace import DB_NAME, open_workspace


def _first_id(data_dir: Path) -> str:
    with open_workspace(data_dir, readonly=True) as ws:
        return str(ws.records.list("innovation")[0]["id"])


def test_readers_started_at_once_all_succeed_beside_a_writer(filled_dir: Path) -> None:
    record_id = _first_id(filled_dir)
    before = (filled_dir / DB_NAME).read_bytes()
    # The writer (the app, say) holds the folder while six readers start together.
    with open_workspace(filled_dir) as writer:
        assert not writer.readonly
        readers = [
            jipp_popen(filled_dir, "record", "show", "innovation", record_id) for _ in range(3)
        ] + [jipp_popen(filled_dir, "stats", "--json") for _ in range(3)]
        outputs = [p.communicate() for p in readers]
        results = [(p.returncode, out, err) for p, (out, err) in zip(readers, outputs, strict=True)]
    for status, _out, err in results:
        assert status == 0, err.decode()
        assert err == b""
    shown = json.loads(results[0][1])
    assert shown["id"] == record_id
    assert json.loads(results[-1][1])["innovation"] == INNOVATIONS
    assert (filled_dir / DB_NAME).read_bytes() == before


def test_a_second_writer_is_still_refused(filled_dir: Path) -> None:
    record_id = _first_id(filled_dir)
    with open_workspace(filled_dir):
        result = jipp(filled_dir, "record", "delete", "innovation", record_id)
    assert result.returncode == 4
    assert "sedang dipakai" in result.stderr


def test_a_reader_cannot_write(filled_dir: Path) -> None:
    with open_workspace(filled_dir, readonly=True) as ws:
        assert ws.readonly
        with pytest.raises((peewee.OperationalError, sqlite3.OperationalError), match="readonly"):
            ws.records.create("hub", {"province_code": "36", "name": "Simpul Banten"})
    with open_workspace(filled_dir, readonly=True) as ws:
        assert ws.records.stats()["hub"] == 0


def test_a_pipe_closed_early_ends_quietly(filled_dir: Path) -> None:
    before = (filled_dir / DB_NAME).read_bytes()
    proc = jipp_popen(filled_dir, "record", "list", "innovation", "--json")
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -n 1` does once it has its line
    err = proc.stderr.read()
    proc.stderr.close()
    status = proc.wait()
    assert first.strip() == b"["
    assert status == 141, err.decode()
    assert err == b""
    log = log_path(filled_dir)
    assert not log.exists() or "Broken pipe" not in log.read_text(encoding="utf-8")
    assert (filled_dir / DB_NAME).read_bytes() == before
