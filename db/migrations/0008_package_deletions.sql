-- Schema version 8: what each imported package deleted, so it can be undone
-- (`sync undo PACKAGE_ID`, sync/undo.py).  One row per row the package moved to the trash
-- on this laptop; written in the import's own transaction.

CREATE TABLE sync_package_deletion (
    package_id TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    PRIMARY KEY (package_id, tbl, row_id)
) WITHOUT ROWID;
