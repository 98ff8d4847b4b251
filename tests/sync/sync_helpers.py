"""Helpers for the sync tests: simulated laptops (each its own data folder, opened one at a
time, since peewee's database is global; a laptop may be a PostgreSQL peer instead), the
command line, database hashes."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jipp_desktop.cli.main import run
from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.backup import copy_database
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.sync import identity

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Laptop:
    name: str
    folder: Path
    device_id: str = ""
    fingerprint: str = ""

    @contextmanager
    def open(self) -> Iterator[Workspace]:
        ws = open_workspace(self.folder)
        try:
            yield ws
        finally:
            ws.close()


def workstation_of(ws: Workspace, laptop_name: str) -> str:
    """The workstation a change made through ``ws`` is audited at: a laptop is its own
    workstation; a workstation of a PostgreSQL peer (no name set) is its computer."""
    return socket.gethostname() if ws.on_postgresql else laptop_name


def make_template(folder: Path) -> Path:
    """A migrated, region-seeded database to copy: seeding regions takes most of a second."""
    ws = open_workspace(folder)
    ws.close()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("DELETE FROM setting WHERE key IN ('device_id', 'device_name', 'clock_last')")
    conn.commit()
    conn.close()
    return folder / DB_NAME


class Fleet:
    """Laptops sharing packages.  With ``databases`` (a maker of fresh PostgreSQL database
    URLs) every second laptop added is a PostgreSQL peer (its data folder's database.url),
    as the ministry's database is one peer among the hubs' laptops; a test that needs a
    given laptop on PostgreSQL (the one whose clock is repaired, the ministry) says so."""

    def __init__(
        self,
        root: Path,
        template: Path | None = None,
        databases: Callable[[], str] | None = None,
    ) -> None:
        self.root = root
        self.template = template
        self.databases = databases
        self.laptops: dict[str, Laptop] = {}
        self._last_on_postgresql = True  # so the first laptop added is a SQLite one

    @property
    def mixed(self) -> bool:
        """Whether this fleet has PostgreSQL peers among its laptops."""
        return self.databases is not None

    def add(self, name: str, *, postgresql: bool | None = None) -> Laptop:
        """A new laptop; ``postgresql`` chooses its engine (True needs a mixed fleet),
        else it takes the other engine than the laptop added before it."""
        laptop = Laptop(name, self.root / name)
        laptop.folder.mkdir(parents=True)
        if postgresql is None:
            postgresql = self.mixed and not self._last_on_postgresql
        self._last_on_postgresql = postgresql
        if postgresql:
            assert self.databases is not None, "a fleet of SQLite laptops only"
            (laptop.folder / engine.SETTING_FILE).write_text(self.databases() + "\n")
        elif self.template is not None:
            copy_database(self.template, laptop.folder / DB_NAME)
        with laptop.open() as ws:
            ws.settings.set("device_name", name)
            laptop.device_id = ws.device_id
            laptop.fingerprint = identity.load_or_create(ws.data_dir).fingerprint
        self.laptops[name] = laptop
        return laptop

    def trust_all(self) -> None:
        for laptop in self.laptops.values():
            with laptop.open():
                for other in self.laptops.values():
                    identity.trust(other.fingerprint, other.name, other.device_id)


@dataclass
class Result:
    status: int
    out: str
    err: str


def cli(*argv: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), stdin=io.StringIO(), stdout=out, stderr=err)
    return Result(status, out.getvalue(), err.getvalue())


def other_workstation(
    folder: Path, url: str, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Another workstation on the PostgreSQL database ``url``: the app's command line in a
    process of its own, with its own data folder ``folder``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop(engine.ENV_DATABASE, None)
    command = [sys.executable, "-m", "jipp_desktop", "--data-dir", str(folder), "--database", url]
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def db_dump_hash(folder: Path) -> str:
    """A hash of everything in the database (every table, sync state included)."""
    ws = open_workspace(folder)
    try:
        return open_dump_hash()
    finally:
        ws.close()


def open_dump_hash() -> str:
    """A hash of everything in the database the open workspace holds, either engine."""
    digest = hashlib.sha256()
    for line in _dump_lines():
        digest.update(line.encode())
    return digest.hexdigest()


def _dump_lines() -> Iterator[str]:
    if not engine.is_postgresql():
        yield from m.database.connection().iterdump()
        return
    tables = [
        str(t)
        for (t,) in engine.sql(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "ORDER BY table_name"
        )
    ]
    for table in tables:
        cursor = engine.sql(f'SELECT * FROM "{table}"')
        for row in sorted(repr(r) for r in cursor.fetchall()):
            yield f"{table}\t{row}"


def seed(ws: Workspace) -> dict[str, str]:
    """A few linked records: agency, hub, innovation, a visit with child rows."""
    agency = ws.records.create(
        "agency", {"name": "Dinas Kominfo Banten", "level": "province", "province_code": "36"}
    )
    hub = ws.records.create(
        "hub",
        {"name": "Simpul Inovasi Banten", "province_code": "36", "coordinating_agency_id": agency},
    )
    innovation = ws.records.create(
        "innovation", {"title": "Sistem Antrian Daring", "agency_id": agency, "province_code": "36"}
    )
    visit = ws.records.create(
        "visit",
        {
            "hub_id": hub,
            "start_date": "2024-03-04",
            "regency_code": "36.01",
            "mentors": [{"name": "Budi", "institution": "KemenPAN-RB"}],
            "obstacles": [{"description": "Anggaran terbatas"}],
        },
    )
    return {"agency": agency, "hub": hub, "innovation": innovation, "visit": visit}
