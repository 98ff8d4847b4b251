-- Schema version 11 on PostgreSQL: import reports are kept in the database.
--
-- On a laptop the report of each import is a file in the data folder (sync-reports/).
-- The ministry's workstations share one database but each has its own data folder, so a
-- report written there was invisible to the staff of the other workstations, who check
-- incoming packages too.  Here every import keeps its report as a row, in the import's own
-- transaction, naming the officer and the workstation that imported (sync/report.py).
-- `name` is the file name a laptop would use (time, sender, stream, number), so lists sort
-- by it the same way; `report` is the report's JSON, as a laptop's file holds it.

CREATE TABLE sync_report (
    package_id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    imported_at TEXT COLLATE "C" NOT NULL,
    officer TEXT NOT NULL,
    workstation TEXT NOT NULL,
    report TEXT NOT NULL
);
