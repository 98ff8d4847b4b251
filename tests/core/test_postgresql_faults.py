"""The ministry's server going away under a running workstation, for real: its backend
is terminated (as a server restart or a cut network does).  A read outside a transaction
reconnects; a write in a transaction fails whole, named as an unreachable server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import peewee
import psycopg
import pytest
from pg_cluster import Cluster

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import faults
from jipp_desktop.core import models as m
from jipp_desktop.core.engine_postgresql import DatabaseUnreachable
from jipp_desktop.core.workspace import Workspace, open_workspace

INNOVATION = {"title": "Layanan Adminduk Keliling", "province_code": "36"}


@pytest.fixture
def ws(data_dir: Path, pg_url: str) -> Iterator[Workspace]:
    opened = open_workspace(data_dir, database=pg_url)
    try:
        yield opened
    finally:
        opened.close()


def _cut_connections(pg_cluster: Cluster, url: str) -> int:
    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(pg_cluster.url("postgres"), autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid != pg_backend_pid()",
            (name,),
        ).fetchall()
    return len(rows)


def test_a_read_after_the_connection_was_cut_reconnects(
    ws: Workspace, pg_cluster: Cluster, pg_url: str
) -> None:
    ws.records.create("innovation", INNOVATION)
    assert _cut_connections(pg_cluster, pg_url) >= 1
    assert ws.records.count("innovation") == 1
    assert [r["title"] for r in ws.records.list("innovation")] == [INNOVATION["title"]]


def test_a_write_cut_in_its_transaction_fails_whole_and_names_the_server(
    ws: Workspace, pg_cluster: Cluster, pg_url: str
) -> None:
    with pytest.raises(Exception) as caught, m.database.atomic():
        ws.records.create("innovation", INNOVATION)
        _cut_connections(pg_cluster, pg_url)
        ws.records.create("innovation", {**INNOVATION, "title": "Kedua"})
    named = faults.translate(caught.value, ws.data_dir)
    assert isinstance(named, DatabaseUnreachable)
    assert named.exit_status == exit_codes.DATABASE_UNREACHABLE
    assert "tidak dapat dihubungi" in named.message("id") and "postgres@" in named.message("en")
    # Nothing of the transaction was kept, and the workstation carries on.
    assert ws.records.count("innovation") == 0


def test_a_reading_workstation_cannot_write(data_dir: Path, pg_url: str) -> None:
    with open_workspace(data_dir, database=pg_url) as writer:
        writer.records.create("innovation", INNOVATION)
    with open_workspace(data_dir, database=pg_url, readonly=True) as reader:
        assert reader.readonly and reader.records.count("innovation") == 1
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader.records.create("innovation", {**INNOVATION, "title": "Kedua"})
    with open_workspace(data_dir, database=pg_url) as writer:
        assert writer.records.count("innovation") == 1


def test_a_workstation_gone_quiet_in_a_transaction_lets_go_of_the_shared_clock(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workstation that stops inside a transaction (power cut, frozen app) holding the
    clock row every save needs: the server ends its session after the app's idle limit
    (made 1 s here), so the others' saves go on instead of waiting for hours."""
    assert pg.SESSION_SETTINGS["idle_in_transaction_session_timeout"] == "5min"
    monkeypatch.setitem(pg.SESSION_SETTINGS, "idle_in_transaction_session_timeout", "1s")
    gone = pg.Database(pg_url)
    gone.connect()
    gone.execute_sql(
        "INSERT INTO setting (key, value) VALUES ('clock_last', '') ON CONFLICT DO NOTHING"
    )
    gone.execute_sql("BEGIN")
    gone.execute_sql("SELECT value FROM setting WHERE key = 'clock_last' FOR UPDATE")
    # ... and nothing more from that workstation.
    with psycopg.connect(pg_url) as other:
        other.execute("SET lock_timeout = '20s'")  # far beyond the idle limit
        row = other.execute("SELECT value FROM setting WHERE key = 'clock_last' FOR UPDATE")
        assert row.fetchone() is not None
    with pytest.raises(peewee.DatabaseError, match="idle-in-transaction timeout"):
        gone.execute_sql("SELECT 1")
    gone.close()
