-- Schema version 5: conflicts are the heads of a multi-value register (docs/sync-format.md).
--
-- A kept conflict is a write no other write has seen; to tell whether a later write had
-- seen it, and whether it had seen others, each conflict keeps the losing write's history
-- (a version vector as JSON; NULL when the write had seen only itself).

ALTER TABLE sync_conflict ADD COLUMN loser_vv TEXT;
