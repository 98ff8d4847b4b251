-- Schema version 12 on PostgreSQL: db/migrations/0012_audit_workstation.sql says what and
-- why.  Adding a column with a constant default rewrites no rows.

ALTER TABLE audit ADD COLUMN workstation TEXT COLLATE "C" NOT NULL DEFAULT '';
