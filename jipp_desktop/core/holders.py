"""Who is doing long work on the shared database, as the other workstations are told.

A package import on the ministry's PostgreSQL database holds the database-wide sync
lock (sync/locks.py) and, until it commits, the shared clock row (core/concurrency.py);
so does a save of many records at once (a spreadsheet import, demo data).  An officer on
another workstation who tries to save meanwhile is told at once what is going on, by
whom, where and since when, rather than left waiting for minutes.  The working session
says so in its ``application_name`` (the one thing every other session can read without
waiting): ``2026-12-01T01:05Z import Budi Santoso @ Meja 2``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core import engine, idformat

SYNC = "sync"
CLOCK_KEY = "clock_last"
# What a holder may be doing (the word it names itself with), in Indonesian and English.
WORKS: dict[str, tuple[str, str]] = {
    "import": ("impor paket", "package import"),
    "export": ("ekspor paket", "package export"),
    "exchange": ("pertukaran paket lewat folder", "package exchange through a folder"),
    "batch": ("penyimpanan banyak data sekaligus", "save of many records at once"),
}
_NAME_BYTES = 63  # PostgreSQL keeps this much of an application_name
_SINCE = "%Y-%m-%dT%H:%MZ"
_PARSED = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\dZ) (\w+) (.*)$")
# pg_locks' row of the advisory lock whose key halves are the two parameters.
_ADVISORY = (
    "l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? "
    "AND l.objid::bigint = ? AND l.objsubid = 1"
)


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for ``name`` (same on every workstation)."""
    digest = hashlib.sha256(f"jipp-desktop:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@dataclass(frozen=True)
class Holder:
    """Another session's long work: ``work`` a key of WORKS (or a word it does not know)."""

    work: str
    who: str
    where: str
    since: dt.datetime | None

    def work_label(self, lang: str) -> str:
        labels = WORKS.get(self.work, (self.work, self.work))
        return labels[0] if lang == "id" else labels[1]

    def since_text(self, lang: str) -> str:
        """The start in this computer's time zone, e.g. ``1 Desember 2026 08.05 WIB``."""
        if self.since is None:
            return "?"
        local = self.since.astimezone()
        return f"{idformat.format_datetime(local, lang)} {local.tzname() or ''}".rstrip()

    def describe(self, lang: str) -> str:
        """``impor paket oleh Budi Santoso di workstation Meja 2, sejak …``."""
        if lang == "id":
            return (
                f"{self.work_label(lang)} oleh {self.who} di workstation {self.where}, "
                f"sejak {self.since_text(lang)}"
            )
        return (
            f"{self.work_label(lang)} by {self.who} at workstation {self.where}, "
            f"since {self.since_text(lang)}"
        )


def session_name(work: str, who: str, where: str, now: dt.datetime | None = None) -> str:
    """The ``application_name`` a session doing ``work`` announces itself with.  Accents
    are dropped (PostgreSQL keeps ASCII only) and the end cut to 63 bytes."""
    since = (now or dt.datetime.now(dt.UTC)).strftime(_SINCE)
    text = f"{since} {work} {who.strip() or '?'} @ {where.strip() or '?'}"
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(folded.split())[:_NAME_BYTES]


def parse(name: str) -> Holder | None:
    """The holder a ``session_name`` describes (None: a session that is not the app's)."""
    found = _PARSED.match(name)
    if found is None:
        return None
    since, work, rest = found.groups()
    who, _at, where = rest.partition(" @ ")
    moment = dt.datetime.strptime(since, _SINCE).replace(tzinfo=dt.UTC)
    return Holder(work, who or "?", where or "?", moment)


def announce(work: str, who: str, where: str) -> None:
    """Name this session's work to the others until ``withdraw``."""
    engine.sql("SELECT set_config('application_name', ?, false)", (session_name(work, who, where),))


def announce_for_transaction(work: str, who: str, where: str) -> None:
    """Name the long work of the transaction under way to the others, until it ends
    (PostgreSQL; a laptop has one writer)."""
    if engine.is_postgresql():
        engine.sql(
            "SELECT set_config('application_name', ?, true)", (session_name(work, who, where),)
        )


def withdraw() -> None:
    engine.sql("SELECT set_config('application_name', '', false)")


def lock_holder(name: str) -> tuple[Holder | None, str]:
    """Who holds the advisory lock ``name`` (another session): what it announced and its
    raw ``application_name`` with its address (for a session that is not the app's)."""
    row = engine.sql(
        "SELECT a.application_name, coalesce(host(a.client_addr), '') "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        f"WHERE {_ADVISORY} AND l.pid <> pg_backend_pid()",
        _key_halves(name),
    ).fetchone()
    if row is None:
        return None, "?"
    raw, address = str(row[0] or ""), str(row[1] or "")
    return parse(raw), (raw or "?") + (f" [{address}]" if address else "")


def clock_holder() -> Holder | None:
    """The long work holding the shared clock row, if that is what holds it (None: the
    clock is free or held by a short write, another officer's save).

    Every writing transaction takes the clock first (core/concurrency.py), so a session
    that announced long work and is writing (its transaction has an id) holds it.  The
    row's own lock cannot say whose it is: a lock taken inside a savepoint names a
    subtransaction that the server's lock list no longer shows."""
    rows = engine.sql(
        "SELECT application_name FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
        "AND datname = current_database() AND backend_xid IS NOT NULL ORDER BY xact_start"
    ).fetchall()
    for (name,) in rows:
        holder = parse(str(name or ""))
        if holder is not None:
            return holder
    return None


def _key_halves(name: str) -> tuple[Any, ...]:
    """The advisory key as pg_locks shows it: its high and low 32 bits."""
    key = lock_key(name)
    return (key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF
