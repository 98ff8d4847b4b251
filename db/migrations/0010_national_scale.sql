-- Schema version 10: the ministry's PostgreSQL database at ten national years
-- (db/migrations/postgresql/0010_national_scale.sql says what and why: stored search text
-- and indexes that let a whole list's keys be read in order).  SQLite's FTS5 tables
-- already hold their own copy of the text, and a laptop's rowid-keyed indexes already
-- carry the row number, so nothing changes here; the version moves so that both engines'
-- schemas keep one numbering.
SELECT 1;
