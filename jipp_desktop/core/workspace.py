"""Open a data folder safely: lock, integrity check, backup, migrate, then serve.

A ``Workspace`` is everything one running app (GUI or command line) holds for
one data folder: the database, this device's identity and clock, settings and
the services that read and change records.
"""

from __future__ import annotations

import datetime as dt
import getpass
import socket
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from jipp_desktop.core import (
    backup,
    categories,
    cipher,
    clockfix,
    engine,
    faults,
    integrity,
    migrations,
    regions,
    storage,
)
from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import models as m
from jipp_desktop.core.attachments import AttachmentStore
from jipp_desktop.core.categories import Categories
from jipp_desktop.core.clock import HybridClock, now_ms
from jipp_desktop.core.concurrency import shared_clock, write_transaction
from jipp_desktop.core.errors import (
    DatabaseDamaged,
    DatabaseMissing,
    FieldError,
    JippError,
    ValidationError,
)
from jipp_desktop.core.faults import DiskFull
from jipp_desktop.core.folder import resolve_data_dir as resolve_data_dir
from jipp_desktop.core.lock import FolderLock
from jipp_desktop.core.logs import log
from jipp_desktop.core.services import Author, RecordService
from jipp_desktop.core.settings import (
    WORKSTATION_FILE,
    WORKSTATION_NAME_MAX,
    Settings,
    workstation_name,
)

DB_NAME = "jipp.sqlite3"
DEVICE_NAME_MAX = 80
# A start-up backup is taken when the newest one is older than this (and always
# before a migration), so a big database is not copied on every start.
START_BACKUP_EVERY = dt.timedelta(hours=12)

# Files and folders a data folder keeps after its database was used (the key file
# name is sync.identity.KEY_FILE, gui.ini the app's window settings).
TRACES = (
    f"{DB_NAME}-wal",
    f"{DB_NAME}-shm",
    "device_key.pem",
    integrity.CHECKED_STAMP,
    integrity.OPEN_MARKER,
    "gui.ini",
)
TRACE_FOLDERS = (backup.BACKUP_DIR, "attachments", "sync-reports")

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}
# Readers never change the file: no journal mode to set, and SQLite refuses writes.
READER_PRAGMAS = {
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "cache_size": -32_000,
    "query_only": 1,
}


class Workspace:
    """``lock`` is None for a reader: it holds no folder lock and cannot write."""

    def __init__(
        self,
        data_dir: Path,
        lock: FolderLock | None,
        wall: Callable[[], int] = now_ms,
        database_url: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        # The PostgreSQL database this workstation uses (None: the folder's SQLite file).
        self.database_url = database_url
        self._lock = lock
        # Said to the officer although the folder opened (e.g. a start-up backup skipped).
        self.notices: list[JippError] = []
        # On a shared database the officer's own settings stay on this workstation.
        local = data_dir / WORKSTATION_FILE if database_url is not None else None
        self.settings = Settings(local)
        self.device_id = self.settings.ensure("device_id", str(uuid.uuid4()))
        self.settings.ensure("device_name", socket.gethostname())
        last = self.settings.get("clock_last") or None
        floor = self.settings.get("clock_floor") or None
        self.clock = HybridClock(self.device_id, last, wall, floor)
        self.regions = regions.load()
        self.records = RecordService(self.clock, self.regions, categories.load(), self.author)
        self.attachments = AttachmentStore(
            data_dir / "attachments", self.records, in_database=database_url is not None
        )
        # What the start-up clock check found (None: the clock is fine); the faces tell
        # the officer.
        self.clock_repair: clockfix.ClockRepair | None = None

    @property
    def categories(self) -> Categories:
        """The KIPP categories known here: the shipped lists and what packages added."""
        return self.records.categories

    def reload_categories(self) -> None:
        self.records.categories = categories.load()

    def add_category(self, year: int, code: str, label_id: str, label_en: str) -> None:
        """Add a KIPP category (or correct the labels of one added before): the ministry's
        way to publish a new year's list; its packages carry it on (sync/extensions.py)."""
        problems = categories.entry_problems(year, code, label_id, label_en)
        if not problems and categories.shipped_code(code):
            problems.append(categories.shipped_problem(code))
        if problems:
            raise ValidationError(problems)
        category = categories.Category(code, year, label_id, label_en)
        with write_transaction():
            # The stamp is taken after the database's clock, as every writer's: taken
            # before, another workstation's newer stamp could win over this correction,
            # and the saved clock_last could go backwards.
            shared_clock(self.clock, edit=True)
            categories.merge([categories.Extension(category, self.clock.now())])
            self.settings.set("clock_last", str(self.clock.last))
        self.reload_categories()

    @property
    def device_name(self) -> str:
        """This laptop's name as other laptops see it (read each time: settings may change)."""
        return self.settings.get("device_name")

    def rename_device(self, name: str) -> None:
        name = name.strip()
        if not 1 <= len(name) <= DEVICE_NAME_MAX:
            raise ValidationError(
                [
                    FieldError(
                        "device_name",
                        "device_name",
                        f"Nama laptop harus 1 sampai {DEVICE_NAME_MAX} karakter.",
                        f"The laptop name must be 1 to {DEVICE_NAME_MAX} characters.",
                    )
                ]
            )
        self.settings.set("device_name", name)

    def actor(self) -> str:
        """Who the audit trail names: the officer from settings, else the OS user."""
        name = self.settings.get("officer_name")
        if name:
            return name
        try:
            return getpass.getuser()
        except OSError:
            return "?"

    def workstation(self) -> str:
        """Where the audit trail says a change was made: the name set in Pengaturan, else
        the laptop's name (a laptop is its own workstation), else, on a shared database,
        the computer's name."""
        # Tidied again on reading: workstation.json may have been edited by hand.
        kept = workstation_name(self.settings.get("workstation_name"))[:WORKSTATION_NAME_MAX]
        return kept or self.default_workstation()

    def default_workstation(self) -> str:
        """The workstation's name when none is set."""
        if not self.on_postgresql:
            return self.device_name
        return workstation_name(socket.gethostname()) or "?"

    def author(self) -> Author:
        """Who and where, as each audit entry names them."""
        return Author(self.actor(), self.workstation())

    @property
    def on_postgresql(self) -> bool:
        return self.database_url is not None

    def recover_clock(self) -> clockfix.ClockRepair | None:
        """Re-stamp changes made while the wall clock ran ahead (see core/clockfix.py)."""
        return clockfix.recover(self.clock, self.author(), lambda: self.backup("clock"))

    def backup(self, reason: str) -> Path | None:
        """An automatic backup of the SQLite file (None on PostgreSQL: the ministry's
        database is backed up on its server with pg_dump, docs/ministry.md)."""
        if self.on_postgresql:
            return None
        return backup.automatic_backup(self.db_path, self.data_dir, reason)

    @property
    def readonly(self) -> bool:
        return self._lock is None

    @property
    def lock(self) -> FolderLock | None:
        """The folder lock this writer holds (a conversion in place runs under it)."""
        return self._lock

    def reopen(self, *secrets: str | None) -> None:
        """Open the database again after its file was replaced under the held lock.

        Every connection must have been closed first (on each thread that had one).
        ``secrets`` are tried in turn (the new passphrase, then the old one, for a
        conversion that stopped part way); a plain database needs none.
        """
        if not m.database.is_closed():
            # Opened again meanwhile (a stray read): it would still see the old file.
            m.database.close()
        wrong: cipher.PassphraseError | None = None
        for secret in secrets or (None,):
            try:
                cipher.open_folder(self.data_dir, DB_NAME, secret)
            except cipher.PassphraseError as exc:
                wrong = exc
                continue
            m.database.connect(reuse_if_open=True)
            return
        assert wrong is not None
        raise wrong

    def close(self) -> None:
        if not m.database.is_closed():
            m.database.close()
        if self._lock is not None:
            if not self.on_postgresql:
                integrity.mark_closed(self.data_dir)
            self._lock.release()
        cipher.unlock(None)
        if self.on_postgresql:
            # Back to the process's default (the folder's SQLite file): nothing that runs
            # after this workspace (a reader thread, the next workspace) reaches the server.
            engine.use(engine.SQLITE, m.sqlite_database)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_workspace(
    data_dir: Path | str | None = None,
    *,
    readonly: bool = False,
    wall: Callable[[], int] = now_ms,
    passphrase: str | None = None,
    database: str | None = None,
) -> Workspace:
    """Open (creating if needed) the data folder; raises DataFolderInUse, DatabaseDamaged,
    SchemaTooNew.  ``wall`` is the wall clock in milliseconds (tests move it).

    A ``readonly`` workspace takes no folder lock, so any number of readers run beside
    each other and beside the one writer (WAL lets them read while it writes). A folder
    that still needs preparing (new, or waiting for a migration) is opened as a writer.
    An encrypted folder needs its ``passphrase`` (PassphraseError, exit 7, otherwise).
    ``database`` is a PostgreSQL URL (else JIPP_DATABASE, else the folder's database.url,
    else the folder's own SQLite file: core/engine.py).
    """
    folder = resolve_data_dir(data_dir)
    url = engine.resolve_url(database, folder)
    if url is not None:
        return _open_postgresql(folder, url, readonly, wall)
    engine.use(engine.SQLITE, m.sqlite_database)
    cipher.open_folder(folder, DB_NAME, passphrase)
    try:
        if readonly and _ready_for_readers(folder / DB_NAME, folder):
            return _open_reader(folder, wall)
        return _open_writer(folder, wall)
    except cipher.base_errors(OSError) as exc:
        named = faults.translate(exc, folder)
        if named is None:
            raise
        raise named from exc


def _open_writer(folder: Path, wall: Callable[[], int]) -> Workspace:
    storage.keep_private()
    folder.mkdir(parents=True, exist_ok=True)
    storage.make_private(folder)
    lock = FolderLock(folder)
    lock.acquire()
    try:
        db_path = folder / DB_NAME
        notices = _prepare(db_path, folder)
        m.database.init(str(db_path), pragmas=PRAGMAS)
        m.database.connect(reuse_if_open=True)
        if storage.simulated_full_disk(db_path):
            # A test's full disk: SQLite itself refuses to grow the file (SQLITE_FULL).
            conn = m.database.connection()
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {int(pages)}")
        workspace = Workspace(folder, lock, wall)
        workspace.notices = notices
        integrity.mark_open(folder)
        workspace.clock_repair = workspace.recover_clock()
        return workspace
    except BaseException:
        lock.release()
        raise


def _open_postgresql(folder: Path, url: str, readonly: bool, wall: Callable[[], int]) -> Workspace:
    """A workstation on the ministry's PostgreSQL database: the data folder keeps only
    this workstation's lock, logs and caches; no integrity check or backup at start (the
    server's own tools do that), migrations under an advisory lock."""
    storage.keep_private()
    folder.mkdir(parents=True, exist_ok=True)
    storage.make_private(folder)
    lock = None if readonly else FolderLock(folder)
    if lock is not None:
        lock.acquire()
    try:
        conn = pg.connect(url)
        try:
            pg.migrate(conn)
        finally:
            conn.close()
        engine.use(engine.POSTGRESQL, pg.Database(url))
        m.database.connect(reuse_if_open=True)
        regions.seed()
        categories.seed()
        workspace = Workspace(folder, lock, wall, database_url=url)
        if readonly:
            # From here on a reader changes nothing, as SQLite's query_only readers: its
            # connections (every thread's) open read-only, and the clock check is the
            # writers'.
            m.database.close()
            engine.use(engine.POSTGRESQL, pg.Database(url, read_only=True))
            m.database.connect()
            return workspace
        workspace.clock_repair = workspace.recover_clock()
        return workspace
    except BaseException:
        if not m.database.is_closed():
            m.database.close()
        if lock is not None:
            lock.release()
        raise


def _ready_for_readers(db_path: Path, folder: Path) -> bool:
    """True when the database exists, is up to date and has its identity settings."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return False
    _refuse_if_damaged(db_path, folder, integrity.cheap_check(db_path))
    conn = cipher.connect(db_path, readonly=True)
    try:
        if migrations.pending(conn):
            return False
        rows = conn.execute(
            "SELECT count(*) FROM setting WHERE key IN ('device_id', 'device_name') AND value != ''"
        ).fetchone()
        return bool(rows[0] == 2)
    finally:
        conn.close()


def _open_reader(folder: Path, wall: Callable[[], int]) -> Workspace:
    # A reader cannot write, so it leaves the clock check to the writer's start.
    storage.keep_private()  # for reports and exports it writes elsewhere
    m.database.init(storage.reader_uri(folder / DB_NAME), uri=True, pragmas=READER_PRAGMAS)
    m.database.connect(reuse_if_open=True)
    return Workspace(folder, None, wall)


def traces_of_data(folder: Path) -> list[str]:
    """What a folder that has held a database keeps even when the database file is gone."""
    found = [name for name in TRACES if (folder / name).exists()]
    for name in TRACE_FOLDERS:
        sub = folder / name
        if sub.is_dir() and any(sub.iterdir()):
            found.append(name + "/")
    return found


def _prepare(db_path: Path, folder: Path) -> list[JippError]:
    """Integrity check, backup and migrations, on a plain connection before peewee opens.

    Returns what the officer should hear although the folder opened (a skipped backup).
    """
    notices: list[JippError] = []
    existed = db_path.exists() and db_path.stat().st_size > 0
    if not existed and (traces := traces_of_data(folder)):
        raise DatabaseMissing(db_path, traces, backup.latest_good_backup(folder))
    if existed:
        _refuse_if_damaged(db_path, folder, integrity.cheap_check(db_path))
    conn = cipher.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = wal")
        todo = migrations.pending(conn)
        reason = None
        if existed:
            age = backup.latest_backup_age(folder)
            if todo:
                reason = "migrate"
            elif age is None or age > START_BACKUP_EVERY:
                reason = "start"
        # A backup of a damaged file would rotate good backups out, so every start
        # that backs up also runs the full check first.
        if existed and (reason or integrity.full_check_due(folder)):
            _refuse_if_damaged(db_path, folder, integrity.full_check(db_path, folder))
        if reason:
            notices = _start_backup(db_path, folder, reason)
        migrations.migrate(conn)
        regions.seed(conn)
        categories.seed(conn)
        return notices
    except cipher.database_errors() as exc:
        # Damage the cheap check could not see may surface while preparing the file;
        # any other failure (a locked file, a broken migration) is raised as it is.
        if not isinstance(exc, cipher.operational_errors()) or "malformed" in str(exc):
            _refuse_if_damaged(db_path, folder, backup.check_file(db_path))
        raise
    finally:
        conn.close()


def _start_backup(db_path: Path, folder: Path, reason: str) -> list[JippError]:
    """A routine start-up backup that does not fit on the disk is skipped, not fatal:
    the officer can still read, and every big write checks the space itself."""
    try:
        backup.automatic_backup(db_path, folder, reason)
    except DiskFull as exc:
        if reason != "start":
            raise
        log.warning("start-up backup skipped: %s", exc.message("en"))
        return [exc]
    return []


def _refuse_if_damaged(db_path: Path, folder: Path, problem: str | None) -> None:
    if problem is not None:
        raise DatabaseDamaged(db_path, problem, backup.latest_good_backup(folder))
